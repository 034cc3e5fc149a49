/**
 * The question library in the builder (docs/api.md "Question library"): "Add from library" opens a dialog listing
 * the organisation's saved questions with a search; adding one keeps its key and metric (answers stay comparable
 * across surveys) and is refused when the survey has that key already. "Save to library" on a question card saves
 * it with its translations, asking before it replaces an entry of the same key.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { LiveStatus } from '../../components/index.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import type { QuestionDef } from '../../../core/surveys/types.ts';
import { fromLibrary } from '../../../core/surveys/libraryEntry.ts';
import { localize } from '../../../core/surveys/localize.ts';
import type { LibraryEntry, LibraryEntryAnswer, LibraryListAnswer } from '../../../core/api/questionLibrary.ts';
import type { SectionProps } from './props.ts';

/** Entries whose text (any language) or key contains every word of the search. */
function matches(entry: LibraryEntry, search: string): boolean {
  const haystack = [entry.key, ...Object.values(entry.question.text)].join(' ').toLocaleLowerCase();
  return search.toLocaleLowerCase().split(/\s+/).filter(Boolean).every((w) => haystack.includes(w));
}

export function AddFromLibrary({ state, dispatch, onAdded }: Pick<SectionProps, 'state' | 'dispatch'> & { onAdded(): void }) {
  const { t } = useI18n();
  const { survey } = state;
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [search, setSearch] = useState('');
  const [message, setMessage] = useState<{ text: string; kind: 'success' | 'error' } | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  const show = async () => {
    setOpen(true);
    setSearch('');
    setMessage(null);
    try {
      setEntries((await api.get<LibraryListAnswer>('/question-library')).entries);
    } catch (err) {
      setEntries([]);
      setMessage({ text: t('library.loadFailed', { message: err instanceof Error ? err.message : String(err) }), kind: 'error' });
    }
  };
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const add = (entry: LibraryEntry) => {
    const question = fromLibrary(entry.question, survey.questions.map((q) => q.key));
    if (question === 'key_taken') {
      setMessage({ text: t('library.keyTaken', { key: entry.key }), kind: 'error' });
      return;
    }
    dispatch({ type: 'appendQuestion', question });
    setMessage({ text: t('library.added', { key: entry.key }), kind: 'success' });
    setOpen(false);
    onAdded();
  };
  const shown = (entries ?? []).filter((e) => matches(e, search));
  const textOf = (q: Pick<QuestionDef, 'text' | 'key'>) => localize(q.text, state.activeLang, survey.defaultLanguage, q.key);

  return (
    <>
      <button ref={opener} type="button" className="secondary" onClick={() => void show()}>{t('library.add')}</button>
      {!open && <LiveStatus message={message?.text ?? null} kind={message?.kind} />}
      <dialog ref={ref} className="confirm-dialog library-dialog" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); close(); }}>
        {open && (
          <>
            <h2 id={titleId}>{t('library.dialogTitle')}</h2>
            <label>
              {t('library.search')}
              <input type="search" className="library-search" dir="auto" value={search} maxLength={200} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <LiveStatus message={message?.text ?? (entries ? t('library.count', { n: shown.length }) : null)} kind={message?.kind} />
            {entries?.length === 0 && !message && <p className="muted">{t('library.empty')}</p>}
            {entries && entries.length > 0 && shown.length === 0 && <p className="muted">{t('library.noMatch', { q: search })}</p>}
            <ul className="library-list">
              {shown.map((e) => {
                const text = textOf(e.question);
                return (
                  <li key={e.id} className="library-item">
                    <div>
                      <p dir="auto">{text}</p>
                      <p className="muted small">{t('library.keyMetric', { key: `\u2066${e.key}\u2069`, type: t(`qtype.${e.question.type}`) })}</p>
                    </div>
                    <button type="button" onClick={() => add(e)} aria-label={t('library.addNamed', { text })}>{t('library.addOne')}</button>
                  </li>
                );
              })}
            </ul>
            <div className="toolbar">
              <button type="button" className="secondary" onClick={close}>{t('library.close')}</button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}

export function SaveToLibrary({ question, index }: { question: QuestionDef; index: number }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<{ text: string; kind: 'success' | 'error' } | null>(null);
  const [askReplace, setAskReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const save = async (replace: boolean) => {
    setAskReplace(false);
    setBusy(true);
    try {
      const res = await api.post<LibraryEntryAnswer>('/question-library', { question, replace });
      setStatus({ text: t('library.saved', { key: res.entry.key }), kind: 'success' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setAskReplace(true);
      else setStatus({ text: t('library.saveFailed', { message: err instanceof Error ? err.message : String(err) }), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void save(false)} aria-label={t('library.saveN', { n: index + 1 })}>
        {t('library.save')}
      </button>
      <span role="status" className={`library-save-status ${status?.kind ?? ''}`}>{status?.text ?? ''}</span>
      <ConfirmDialog
        open={askReplace}
        title={t('library.replaceTitle')}
        confirmLabel={t('library.replace')}
        cancelLabel={t('ui.cancel')}
        onConfirm={() => void save(true)}
        onCancel={() => setAskReplace(false)}
      >
        <p>{t('library.exists', { key: question.key })}</p>
      </ConfirmDialog>
    </>
  );
}
