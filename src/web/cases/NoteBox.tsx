/**
 * The internal note box with @mention completion: typing `@` and letters lists matching colleagues (by
 * handle or name); ArrowUp/ArrowDown move, Enter or Tab insert `@handle`, Escape closes the list. The
 * textarea is a combobox (aria-expanded, aria-activedescendant) so screen readers follow the choice. The
 * typed note is kept as a draft until it is saved.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { ErrorMessage } from '../components/LiveStatus.tsx';
import type { CaseEventAnswer, CasePeopleAnswer } from '../../core/api/cases.ts';
import { useDraft } from './useDraft.ts';

type Person = CasePeopleAnswer['users'][number];

/** The `@word` being typed just before the caret, or null. */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}_.+-]*)$/u.exec(text.slice(0, caret));
  return m ? { start: caret - m[2].length - 1, query: m[2].toLowerCase() } : null;
}

export function NoteBox({ caseId, people, onAdded }: { caseId: string; people: Person[]; onAdded(message: string): void }) {
  const { t } = useI18n();
  const [draft, setDraft, clear] = useDraft(`note.${caseId}`, { text: '' });
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const hintId = useId();
  const matches = mention
    ? people.filter((p) => p.handle.startsWith(mention.query) || p.name.toLowerCase().includes(mention.query) || p.email.toLowerCase().startsWith(mention.query)).slice(0, 6)
    : [];
  const open = matches.length > 0;

  const onChange = (text: string, caret: number) => {
    setDraft({ text });
    setMention(mentionAt(text, caret));
    setActive(0);
  };
  const pick = (p: Person) => {
    if (!mention) return;
    const caret = ref.current?.selectionStart ?? draft.text.length;
    const inserted = `@${p.handle} `;
    const text = draft.text.slice(0, mention.start) + inserted + draft.text.slice(caret);
    setDraft({ text });
    setMention(null);
    requestAnimationFrame(() => {
      const at = mention.start + inserted.length;
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => (a + 1) % matches.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a - 1 + matches.length) % matches.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      pick(matches[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setMention(null);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<CaseEventAnswer>(`/cases/${caseId}/notes`, { text: draft.text });
      clear();
      onAdded(res.mentioned ? t('cs.note.mentioned', { n: res.mentioned }) : t('cs.note.added'));
    } catch (err) {
      setError(t('cs.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card cs-note" onSubmit={submit} aria-labelledby="cs-note-title" data-testid="note-form">
      <h2 id="cs-note-title"><label htmlFor={`${listId}-input`}>{t('cs.note')}</label></h2>
      <div className="cs-combo">
        <textarea
          id={`${listId}-input`}
          ref={ref}
          rows={3}
          value={draft.text}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setMention(null), 150)}
          data-testid="note-text"
        />
        <ul id={listId} role="listbox" aria-label={t('cs.note.suggestions')} className="cs-suggest" hidden={!open}>
          {matches.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); pick(p); }}
              data-testid="mention-option"
            >
              {p.name} <span className="muted"><bdi>@{p.handle}</bdi></span>
            </li>
          ))}
        </ul>
      </div>
      <small id={hintId} className="muted">{t('cs.note.hint')}</small>
      <ErrorMessage message={error} />
      <button type="submit" className="primary" disabled={busy || !draft.text.trim()} data-testid="note-add">{t('cs.note.add')}</button>
    </form>
  );
}
