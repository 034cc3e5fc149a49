/**
 * "Suggested themes" on the survey dashboard (issue 11): groups of comments that match no theme, found by
 * GSDMM on the server (GET /surveys/:id/text/theme-suggestions, on demand: it costs a second of CPU), each
 * with its size, frequent words and examples; whole-organisation editors accept one as a new theme (with
 * a name edited inline and its words), merge its words into a theme, or dismiss it. After any of these the
 * list is reloaded (the accepted group's comments have a theme now) and the parent reloads the dictionary.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import { api } from '../api.ts';
import { useLoad } from '../components/useLoad.ts';
import { useSession } from '../shell/session.tsx';
import { analyticsPath, type DashboardContext } from './dashboard.ts';
import { ErrorBox, Panel, Skeleton } from './ui.tsx';
import type { ThemeItem } from '../../core/api/comments.ts';
import type { ThemeSuggestionItem, ThemeSuggestionsAnswer } from '../../core/api/themeSuggestions.ts';

/** A theme's name in the interface language (else English, else its id). */
const nameOf = (th: ThemeItem, lang: string) => th.names[lang as 'en'] || th.names.en || th.id;
const split = (s: string) => s.split(/[,،]/).map((x) => x.trim()).filter(Boolean);

export function ThemeSuggestions({ ctx, themes, onThemesChanged }: { ctx: DashboardContext; themes: ThemeItem[]; onThemesChanged: () => void }) {
  const { t, num } = useI18n();
  const { can, me } = useSession();
  const [open, setOpen] = useState(false);
  const state = useLoad<ThemeSuggestionsAnswer>(open ? analyticsPath(ctx, `/surveys/${ctx.surveyId}/text/theme-suggestions`) : null);
  const [done, setDone] = useState('');
  const status = useRef<HTMLParagraphElement>(null);
  const canEdit = can('survey.edit') && me?.locationPaths === null;
  const d = state.data;
  /** After an action: the suggestion leaves the list at once, the message is announced, and the list is recomputed. */
  const acted = (s: ThemeSuggestionItem, message: string, themesChanged: boolean) => {
    if (d) state.setData({ ...d, suggestions: d.suggestions.filter((x) => x.key !== s.key) });
    setDone(message);
    status.current?.focus();
    if (themesChanged) onThemesChanged();
    void state.reload();
  };
  return (
    <Panel title={t('tx.sug.title')} id="text-suggestions">
      <p className="muted">{t('tx.sug.intro')}</p>
      <p role="status" tabIndex={-1} ref={status} className="tx-sug-status">{done}</p>
      {!open ? (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>{t('tx.sug.find')}</button>
      ) : state.error ? (
        <ErrorBox error={state.error} onRetry={() => void state.reload()} />
      ) : d === null ? (
        <Skeleton height={160} label={t('tx.sug.loading')} />
      ) : (
        <div aria-busy={state.loading} data-testid="theme-suggestions">
          <p className="muted">
            {t('tx.sug.read', { n: d.read, limit: num(d.limit, 0) })}
            {d.truncated && <> {t('tx.sug.truncated', { limit: num(d.limit, 0) })}</>}
            {d.otherLanguage > 0 && <> {t('tx.sug.otherLanguage', { n: d.otherLanguage })}</>}
            {d.dismissed > 0 && <> {t('tx.sug.dismissedHidden', { n: d.dismissed })}</>}
          </p>
          {d.suggestions.length === 0 ? <p className="muted">{t('tx.sug.none')}</p> : (
            <ul className="tx-sug-list">
              {d.suggestions.map((s) => <SuggestionCard key={s.key} s={s} themes={themes} canEdit={canEdit} onDone={(m, changed) => acted(s, m, changed)} />)}
            </ul>
          )}
        </div>
      )}
    </Panel>
  );
}

function SuggestionCard({ s, themes, canEdit, onDone }: { s: ThemeSuggestionItem; themes: ThemeItem[]; canEdit: boolean; onDone: (message: string, themesChanged: boolean) => void }) {
  const { t, num, lang } = useI18n();
  const first = s.words[0]?.word ?? '';
  const [name, setName] = useState(first.charAt(0).toUpperCase() + first.slice(1));
  // While renaming: the name before, which Escape restores.
  const [renaming, setRenaming] = useState<string | null>(null);
  const [words, setWords] = useState(s.terms.join(', '));
  const [into, setInto] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  const accept = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const theme = await api.post<ThemeItem>('/text/theme-suggestions/accept', { name: name.trim(), lang: s.lang, terms: split(words) });
      onDone(t('tx.sug.accepted', { name: nameOf(theme, lang) }), true);
    });
  };
  const merge = () => void run(async () => {
    const theme = await api.post<ThemeItem>('/text/theme-suggestions/merge', { into, lang: s.lang, terms: split(words) });
    onDone(t('tx.sug.merged', { name: nameOf(theme, lang) }), true);
  });
  const dismiss = () => void run(async () => {
    await api.post('/text/theme-suggestions/dismiss', { key: s.key });
    onDone(t('tx.sug.dismissed'), false);
  });
  return (
    <li className="tx-sug">
      <div className="tx-sug-head">
        {renaming !== null ? (
          <label className="tx-sug-rename">{t('tx.sug.name')}
            <input value={name} dir="auto" autoFocus required maxLength={100} onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== 'Escape') return;
                e.preventDefault();
                if (e.key === 'Escape' || !name.trim()) setName(renaming);
                setRenaming(null);
              }} />
          </label>
        ) : <h3 dir="auto">{name}</h3>}
        {canEdit && (
          <button type="button" className="link-button small" aria-expanded={renaming !== null}
            onClick={() => { if (renaming !== null && !name.trim()) setName(renaming); setRenaming(renaming === null ? name : null); }}>
            {renaming !== null ? t('tx.sug.renameDone') : t('tx.sug.rename')}
          </button>
        )}
        <span className="badge">{t(`tx.lang.${s.lang}`)}</span>
        <span className="muted">{t('tx.sug.size', { n: s.size })}</span>
      </div>
      <p className="tx-sug-words"><span className="muted">{t('tx.sug.words')}: </span>
        {s.words.map((w, i) => <span key={w.word}>{i > 0 && t('tx.sug.wordSep')}<bdi>{w.word}</bdi> ({num(w.count, 0)})</span>)}
      </p>
      <ul className="tx-sug-examples" aria-label={t('tx.sug.examples')}>
        {s.examples.map((e) => <li key={e} dir="auto">{e}</li>)}
      </ul>
      {canEdit && (
        <form className="tx-sug-form" onSubmit={accept} aria-label={t('tx.sug.formLabel', { name })}>
          <label>{t('tx.sug.terms', { lang: t(`tx.lang.${s.lang}`) })}<input dir="auto" required value={words} onChange={(e) => setWords(e.target.value)} /></label>
          <div className="actions">
            <button type="submit" disabled={busy || !name.trim() || split(words).length === 0}>{t('tx.sug.accept')}</button>
            <label className="inline">{t('tx.sug.mergeInto')}
              <select value={into} onChange={(e) => setInto(e.target.value)}>
                <option value="">{t('tx.sug.choose')}</option>
                {themes.map((th) => <option key={th.id} value={th.id}>{nameOf(th, lang)}</option>)}
              </select>
            </label>
            <button type="button" className="secondary" disabled={busy || !into || split(words).length === 0} onClick={merge}>{t('tx.sug.merge')}</button>
            <button type="button" className="secondary" disabled={busy} onClick={dismiss}>{t('tx.sug.dismiss')}</button>
          </div>
          {error && <ErrorBox error={error} />}
        </form>
      )}
    </li>
  );
}
