/**
 * Comment analysis on the survey dashboard (issue 11): the model status line, analysed comments with
 * filters, sentiment badge, theme chips and an inline correction form, key phrases of detractors vs
 * promoters, themes by month and by location, suggested themes (ThemeSuggestions.tsx) and the theme
 * dictionary editor. Talks to
 * /api/v1/surveys/:id/text/* and /api/v1/text/* (docs/api.md).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import { api } from '../api.ts';
import { useLoad } from '../components/useLoad.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useSession } from '../shell/session.tsx';
import { analyticsPath, type DashboardContext } from './dashboard.ts';
import { themeName } from './labels.ts';
import { SENTIMENTS } from './filters.ts';
import { CommentText } from './CommentsPanel.tsx';
import { ErrorBox, Loadable, Panel, Skeleton } from './ui.tsx';
import { ThemeSuggestions } from './ThemeSuggestions.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import type {
  AnalysedComment, CommentAnalysis, KeyPhraseItem, KeyPhrasesAnswer, SentimentValue, TextCommentsAnswer, TextModelStatusAnswer,
  ThemeItem, ThemeLocationsAnswer, ThemesAnswer, ThemeTrendAnswer,
} from '../../core/api/comments.ts';

const PAGE = 20;
const LANGS = ['en', 'ru', 'fa'] as const;


export function TextPanels({ ctx }: { ctx: DashboardContext }) {
  const { can } = useSession();
  if (!can('response.read')) return null;
  return <TextPanelsInner ctx={ctx} />;
}

function TextPanelsInner({ ctx }: { ctx: DashboardContext }) {
  const themes = useLoad<ThemesAnswer>('/text/themes');
  const list = themes.data?.themes ?? [];
  // Key phrases and the theme tables count sentiments and themes: a correction reloads them.
  const [corrected, setCorrected] = useState(0);
  return (
    <>
      <TextCommentsPanel ctx={ctx} themes={list} onCorrected={() => setCorrected((n) => n + 1)} />
      <KeyPhrasesPanel ctx={ctx} corrected={corrected} />
      <ThemeTables ctx={ctx} themes={list} corrected={corrected} />
      <ThemeSuggestions ctx={ctx} themes={list} onThemesChanged={() => void themes.reload()} />
      <ThemeEditor themes={list} onChange={() => void themes.reload()} />
    </>
  );
}

function ModelStatus() {
  const { t, pct } = useI18n();
  const { can, me } = useSession();
  const state = useLoad<TextModelStatusAnswer>('/text/model');
  const [queued, setQueued] = useState(false);
  const s = state.data;
  if (!s) return null;
  const wholeOrg = me?.locationPaths === null;
  return (
    <p className="muted tx-model" data-testid="text-model-status">
      {s.mode === 'model' && s.n !== null
        ? s.accuracy !== null ? t('tx.model.trained', { n: s.n, acc: pct(s.accuracy * 100, 0) }) : t('tx.model.trainedNoQuality', { n: s.n })
        : <>{t('tx.model.lexicon')}. {t('tx.model.needed', { labelled: s.labelled, min: s.minComments })}</>}
      {can('survey.edit') && wholeOrg && (
        <> <button type="button" className="link-button small" disabled={queued} onClick={async () => { await api.post('/text/model/retrain'); setQueued(true); }}>{t('tx.model.retrain')}</button></>
      )}
      {queued && <span role="status"> {t('tx.model.queued')}</span>}
    </p>
  );
}

/** Reloads `states` each time a correction is saved (`corrected` counts them; their paths reload them on filter changes). */
function useReloadOnCorrection(corrected: number, ...states: Array<{ reload: () => Promise<void> }>) {
  useEffect(() => {
    if (corrected > 0) for (const s of states) void s.reload();
    // Deliberately only `corrected` (react-hooks/exhaustive-deps would flag it; that plugin is not installed here).
  }, [corrected]);
}

function TextCommentsPanel({ ctx, themes, onCorrected }: { ctx: DashboardContext; themes: ThemeItem[]; onCorrected: () => void }) {
  const { t, num, date, lang } = useI18n();
  const { can } = useSession();
  // Sentiment and theme are the dashboard's filters (FilterBar): here they apply to the comments themselves.
  const [f, setF] = useState({ q: '', lang: '' });
  const [search, setSearch] = useState('');
  const path = (offset: number) => analyticsPath(ctx, `/surveys/${ctx.surveyId}/text/comments`, { limit: PAGE, offset, q: f.q || undefined, lang: f.lang || undefined });
  // The first page reloads whenever a filter changes; "show more" appends the next page to it.
  const state = useLoad<TextCommentsAnswer>(path(0));
  const data = state.data;
  const current = useRef('');
  current.current = path(0);
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<Error | null>(null);
  const more = async (shown: TextCommentsAnswer) => {
    const first = path(0);
    setBusy(true);
    try {
      const d = await api.get<TextCommentsAnswer>(path(shown.comments.length));
      if (current.current === first) state.setData({ ...d, comments: [...shown.comments, ...d.comments] });
      setMoreError(null);
    } catch (e) {
      setMoreError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  const replace = (c: AnalysedComment, analysis: CommentAnalysis) => {
    if (data) state.setData({ ...data, comments: data.comments.map((x) => (x.responseId === c.responseId && x.questionId === c.questionId ? { ...x, analysis } : x)) });
    onCorrected();
  };
  // The latest comments are listed above (CommentsPanel): this list opens on demand or with a filter.
  const [opened, setListOpen] = useState(false);
  const listOpen = opened || !!ctx.filters.sentiment || !!ctx.filters.themes?.length;
  const filterBy = (patch: { sentiment?: SentimentValue; theme?: string }) =>
    ctx.setFilters(patch.sentiment ? { sentiment: patch.sentiment } : { themes: [...new Set([...(ctx.filters.themes ?? []), patch.theme!])] });
  const set = (k: keyof typeof f, v: string) => {
    setListOpen(true);
    setF((prev) => ({ ...prev, [k]: v }));
  };
  return (
    <Panel title={t('tx.title')} id="text-comments"
      // The comments the list shows (its filters, as many as loaded; the API gives at most 200 at once), only while it is open.
      actions={listOpen && !!data?.comments.length && <ExportMenu ctx={ctx} kind="comments" extra={{ q: f.q || undefined, lang: f.lang || undefined, limit: String(Math.min(200, data.comments.length)) }} />}>
      <ModelStatus />
      <form className="toolbar tx-filters" role="search" onSubmit={(e) => { e.preventDefault(); set('q', search.trim()); }}>
        <label>{t('tx.filter.search')}<input type="search" value={search} onChange={(e) => setSearch(e.target.value)} onBlur={() => set('q', search.trim())} /></label>
        <label>{t('tx.filter.lang')}
          <select value={f.lang} onChange={(e) => set('lang', e.target.value)}>
            <option value="">{t('tx.filter.any')}</option>
            {LANGS.map((l) => <option key={l} value={l}>{t(`tx.lang.${l}`)}</option>)}
          </select>
        </label>
      </form>
      {state.error && <ErrorBox error={state.error} onRetry={() => void state.reload()} />}
      {moreError && <ErrorBox error={moreError} onRetry={() => data && void more(data)} />}
      {data !== null && data.comments.length > 0 && !listOpen && (
        <button type="button" className="secondary" aria-expanded={false} aria-controls="text-comments-list" onClick={() => setListOpen(true)}>
          {t('tx.showList', { n: data.total })}
        </button>
      )}
      {data === null ? (!state.error && <Skeleton height={240} />) : data.comments.length === 0 ? <p className="muted">{t('tx.empty')}</p> : listOpen && (
        <>
          <p className="muted" aria-live="polite">{t('tx.count', { n: data.total })}</p>
          <ul className="an-comments" id="text-comments-list" aria-busy={busy || state.loading} data-testid="text-comments">
            {data.comments.map((c) => (
              <li key={`${c.responseId}-${c.questionId}`} className="an-comment">
                <CommentText text={c.text} />
                <p className="muted an-comment-meta">
                  {c.analysis ? (
                    <>
                      <FilterBadge className={`tx-${c.analysis.sentiment}`} testId="sentiment" label={t(`tx.sentiment.${c.analysis.sentiment}`)} onClick={() => filterBy({ sentiment: c.analysis!.sentiment })} />
                      <span className="badge tx-source">{t(`tx.source.${c.analysis.source}`)}</span>
                      {c.analysis.themes.map((id) => <FilterBadge key={id} className="tx-theme" label={themeName(themes, id, lang)} onClick={() => filterBy({ theme: id })} />)}
                    </>
                  ) : <span className="badge">{t('tx.pending')}</span>}
                  {c.score !== null && <span>{num(c.score, 0)}</span>}
                  {c.locationName && <span dir="auto">{c.locationName}</span>}
                  <time dateTime={c.submittedAt}>{date(c.submittedAt, { dateStyle: 'medium' })}</time>
                </p>
                {can('response.exclude') && <Correction comment={c} themes={themes} onSaved={(a) => replace(c, a)} />}
              </li>
            ))}
          </ul>
          {data.comments.length < data.total && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void more(data)}>{busy ? t('an.loading') : t('tx.more')}</button>
          )}
        </>
      )}
    </Panel>
  );
}

/** A sentiment or theme badge that sets the dashboard's filter to it (every panel follows). */
function FilterBadge({ className, label, testId, onClick }: { className: string; label: string; testId?: string; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className={`badge tx-badge-button ${className}`} data-testid={testId} title={t('tx.filterBy', { name: label })} aria-label={t('tx.filterBy', { name: label })} onClick={onClick}>
      {label}
    </button>
  );
}

/** The inline correction: a disclosure with the sentiment radio group and theme checkboxes. */
function Correction({ comment, themes, onSaved }: { comment: AnalysedComment; themes: ThemeItem[]; onSaved: (a: CommentAnalysis) => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [sentiment, setSentiment] = useState<SentimentValue>(comment.analysis?.sentiment ?? 'neutral');
  const [chosen, setChosen] = useState<string[]>(comment.analysis?.themes ?? []);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  // One save at a time: a second click while the first is on its way would send it twice.
  const [saving, setSaving] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  // Opening starts from the comment's analysis as it is now (what was picked and cancelled is dropped);
  // closing gives the focus back to "Correct" (the form that had it is gone).
  const show = (next: boolean) => {
    if (next) {
      setSentiment(comment.analysis?.sentiment ?? 'neutral');
      setChosen(comment.analysis?.themes ?? []);
      setError(null);
    } else {
      toggle.current?.focus();
    }
    setOpen(next);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const a = await api.patch<CommentAnalysis>(`/text/comments/${comment.responseId}/${comment.questionId}`, { sentiment, themes: chosen });
      onSaved(a);
      setSaved(true);
      show(false);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="tx-correct">
      <button ref={toggle} type="button" className="link-button small" aria-expanded={open} aria-controls={id} onClick={() => { show(!open); setSaved(false); }}>{t('tx.correct')}</button>
      {saved && <span role="status" className="muted small"> {t('tx.correct.saved')}</span>}
      {open && (
        <form id={id} onSubmit={submit} aria-label={t('tx.correctTitle')} className="tx-correct-form">
          <fieldset>
            <legend>{t('tx.correct.sentiment')}</legend>
            {SENTIMENTS.map((s) => (
              <label key={s} className="inline"><input type="radio" name={`${id}-s`} value={s} checked={sentiment === s} onChange={() => setSentiment(s)} /> {t(`tx.sentiment.${s}`)}</label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('tx.correct.themes')}</legend>
            <div className="tx-theme-choices">
              {themes.map((th) => (
                <label key={th.id} className="inline">
                  <input type="checkbox" checked={chosen.includes(th.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, th.id] : c.filter((x) => x !== th.id)))} /> {themeName(themes, th.id, lang)}
                </label>
              ))}
            </div>
          </fieldset>
          {error && <ErrorBox error={error} />}
          <div className="actions">
            <button type="submit" disabled={saving}>{saving ? t('tx.editor.saving') : t('tx.correct.save')}</button>
            <button type="button" className="secondary" onClick={() => show(false)}>{t('tx.correct.cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}

function KeyPhrasesPanel({ ctx, corrected }: { ctx: DashboardContext; corrected: number }) {
  const { t } = useI18n();
  const state = useLoad<KeyPhrasesAnswer>(analyticsPath(ctx, `/surveys/${ctx.surveyId}/text/keyphrases`));
  useReloadOnCorrection(corrected, state);
  // A filter can leave one group without comments (sentiment = negative): then nothing can stand out, however many mentions.
  const side = (title: string, items: KeyPhraseItem[], n: number, otherN: number) => (
    <section className="tx-kp-side">
      <h3>{title}</h3>
      {items.length === 0 ? <p className="muted">{t(n === 0 ? 'tx.kp.empty' : otherN === 0 ? 'tx.kp.noOther' : 'tx.kp.none')}</p> : (
        <ol>
          {items.slice(0, 10).map((k) => (
            <li key={k.phrase}>
              <strong dir="auto">{k.phrase}</strong> <span className="muted">{t('tx.kp.times', { count: k.count, other: k.otherCount })}</span>
              {k.examples[0] && <q dir="auto" className="tx-example">{k.examples[0]}</q>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
  return (
    <Panel title={t('tx.kp.title')} id="text-keyphrases">
      <Loadable state={state} height={160}>
        {(d) => (
          <div className="tx-kp">
            {side(t(d.groupedBy === 'nps' ? 'tx.kp.detractors' : 'tx.kp.negative', { n: d.detractors.n }), d.detractors.phrases, d.detractors.n, d.promoters.n)}
            {side(t(d.groupedBy === 'nps' ? 'tx.kp.promoters' : 'tx.kp.positive', { n: d.promoters.n }), d.promoters.phrases, d.promoters.n, d.detractors.n)}
          </div>
        )}
      </Loadable>
    </Panel>
  );
}

/** A theme x column count table (months or locations); the shade repeats the count, the text says it all. */
function CountTable({ caption, columns, rows, cell, themes }: { caption: string; columns: Array<{ key: string; label: string }>; rows: string[]; cell: (theme: string, col: string) => { n: number; negative: number } | undefined; themes: ThemeItem[] }) {
  const { t, num, lang } = useI18n();
  const max = Math.max(1, ...rows.flatMap((r) => columns.map((c) => cell(r, c.key)?.n ?? 0)));
  const captionId = useId();
  // The caption stands above the scrolling area, not in it: a <caption> is as wide as its table and was cut
  // off (centred far to the side) once the table scrolls sideways; the table keeps it as its accessible name.
  return (
    <>
      <p id={captionId} className="tx-caption">{caption}</p>
      <div className="an-scroll">
      <table className="an-heat tx-table" aria-labelledby={captionId}>
        <thead><tr><th scope="col">{t('tx.col.theme')}</th>{columns.map((c) => <th key={c.key} scope="col" dir="auto">{c.label}</th>)}</tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th scope="row">{themeName(themes, r, lang)}</th>
              {columns.map((c) => {
                const v = cell(r, c.key);
                return <td key={c.key} style={v ? { background: `rgba(200, 60, 40, ${(0.08 + 0.5 * (v.negative / max)).toFixed(2)})` } : undefined}>{v ? `${num(v.n, 0)} (${num(v.negative, 0)})` : '–'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}

function ThemeTables({ ctx, themes, corrected }: { ctx: DashboardContext; themes: ThemeItem[]; corrected: number }) {
  const { t, date } = useI18n();
  const trend = useLoad<ThemeTrendAnswer>(analyticsPath(ctx, `/surveys/${ctx.surveyId}/text/themes/trend`));
  const heat = useLoad<ThemeLocationsAnswer>(analyticsPath(ctx, `/surveys/${ctx.surveyId}/text/themes/locations`));
  useReloadOnCorrection(corrected, trend, heat);
  return (
    <>
      <Panel title={t('tx.trend.title')} id="text-trend" actions={!!trend.data?.rows.length && <ExportMenu ctx={ctx} kind="themes_by_month" />}>
        <Loadable state={trend} height={160}>
          {(d) => {
            if (d.rows.length === 0) return <p className="muted">{t('tx.themes.none')}</p>;
            const months = [...new Set(d.rows.map((r) => r.month))].sort();
            const rows = [...new Set(d.rows.map((r) => r.theme))];
            const at = new Map(d.rows.map((r) => [`${r.theme}|${r.month}`, r]));
            return <CountTable caption={t('tx.trend.caption')} themes={themes} rows={rows} columns={months.map((m) => ({ key: m, label: date(`${m}T12:00:00Z`, { month: 'short', year: 'numeric' }) }))} cell={(th, m) => at.get(`${th}|${m}`)} />;
          }}
        </Loadable>
      </Panel>
      <Panel title={t('tx.heat.title')} id="text-heat" actions={!!heat.data?.rows.length && <ExportMenu ctx={ctx} kind="themes_by_location" />}>
        <Loadable state={heat} height={160}>
          {(d) => {
            if (d.rows.length === 0) return <p className="muted">{t('tx.themes.none')}</p>;
            const locs = [...new Map(d.rows.map((r) => [r.locationId ?? '', r.locationName ?? t('tx.noLocation')])).entries()];
            const rows = [...new Set(d.rows.map((r) => r.theme))];
            const at = new Map(d.rows.map((r) => [`${r.theme}|${r.locationId ?? ''}`, r]));
            return <CountTable caption={t('tx.heat.caption')} themes={themes} rows={rows} columns={locs.map(([key, label]) => ({ key, label }))} cell={(th, l) => at.get(`${th}|${l}`)} />;
          }}
        </Loadable>
      </Panel>
    </>
  );
}

type ThemeForm = { id: string; name: string; en: string; ru: string; fa: string };
const EMPTY_FORM: ThemeForm = { id: '', name: '', en: '', ru: '', fa: '' };

/**
 * The organisation's theme dictionary: list with delete, and an add-or-update form (whole-organisation editors only).
 * "Theme saved." lasts until the form is edited again; picking another theme while the form holds unsaved edits
 * asks first (a modal dialog: Escape or "Keep editing" keeps them); one save at a time.
 */
function ThemeEditor({ themes, onChange }: { themes: ThemeItem[]; onChange: () => void }) {
  const { t, lang } = useI18n();
  const { can, me } = useSession();
  const [form, setForm] = useState<ThemeForm>(EMPTY_FORM);
  // The form as it was loaded or last saved: anything else is an unsaved edit.
  const [baseline, setBaseline] = useState<ThemeForm>(EMPTY_FORM);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<ThemeItem | null>(null);
  const idInput = useRef<HTMLInputElement>(null);
  // Focus moves to the form after a theme is loaded, also after the dialog has closed (its effect runs first
  // and gives the focus back to the theme button that opened it).
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    if (loads > 0) idInput.current?.focus();
  }, [loads]);
  if (!can('survey.edit') || me?.locationPaths !== null) return null;
  const split = (s: string) => s.split(/[,،]/).map((x) => x.trim()).filter(Boolean);
  const dirty = (Object.keys(form) as Array<keyof ThemeForm>).some((k) => form[k] !== baseline[k]);
  // Any edit makes "Theme saved." (and an old error) stale.
  const update = (patch: Partial<ThemeForm>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };
  // After a save or a delete: the form as the server now has it, no stale error, the list reloaded.
  const settled = (next: ThemeForm, savedNow: boolean) => {
    setBaseline(next);
    setSaved(savedNow);
    setError(null);
    onChange();
  };
  const failed = (err: unknown) => setError(err instanceof Error ? err : new Error(String(err)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const sent = form;
    setSaving(true);
    setSaved(false);
    try {
      const old = themes.find((x) => x.id === sent.id);
      await api.put('/text/themes', { id: sent.id, names: { ...(old?.names ?? {}), [lang]: sent.name || undefined }, terms: { en: split(sent.en), ru: split(sent.ru), fa: split(sent.fa) } });
      settled(sent, true);
    } catch (err) {
      failed(err);
    } finally {
      setSaving(false);
    }
  };
  const load = (th: ThemeItem) => {
    const next = { id: th.id, name: th.names[lang as 'en'] ?? '', en: (th.terms.en ?? []).join(', '), ru: (th.terms.ru ?? []).join(', '), fa: (th.terms.fa ?? []).join(', ') };
    setForm(next);
    setBaseline(next);
    setSaved(false);
    setError(null);
    setPending(null);
    setLoads((n) => n + 1);
  };
  const edit = (th: ThemeItem) => {
    if (dirty && th.id !== form.id) setPending(th);
    else if (!dirty) load(th);
  };
  return (
    <Panel title={t('tx.editor.title')} id="text-themes">
      <p className="muted">{t('tx.editor.intro')}</p>
      <ul className="tx-theme-list">
        {themes.map((th) => (
          <li key={th.id}>
            <button type="button" className="link-button" aria-current={th.id === form.id ? 'true' : undefined} onClick={() => edit(th)}>{themeName(themes, th.id, lang)}</button>
            <span className="muted"> {t('tx.editor.terms.count', { n: (th.terms.en?.length ?? 0) + (th.terms.ru?.length ?? 0) + (th.terms.fa?.length ?? 0) })}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="tx-theme-form" aria-busy={saving}>
        <label>{t('tx.editor.id')}<input ref={idInput} required pattern="[a-z0-9_\-]{1,64}" dir="ltr" value={form.id} onChange={(e) => update({ id: e.target.value })} /></label>
        <label>{t('tx.editor.name', { lang: t(`tx.lang.${lang as 'en'}`) })}<input value={form.name} onChange={(e) => update({ name: e.target.value })} /></label>
        {LANGS.map((l) => (
          <label key={l}>{t('tx.editor.terms', { lang: t(`tx.lang.${l}`) })}<input dir="auto" value={form[l]} onChange={(e) => update({ [l]: e.target.value })} /></label>
        ))}
        {error && <ErrorBox error={error} />}
        <div className="actions">
          <button type="submit" disabled={saving}>{saving ? t('tx.editor.saving') : t('tx.editor.add')}</button>
          {themes.some((x) => x.id === form.id) && (
            <ConfirmButton label={t('tx.editor.delete', { name: themeName(themes, form.id, lang) })} question={t('tx.editor.deleteQuestion')} disabled={saving}
              onConfirm={async () => {
                try {
                  await api.delete(`/text/themes?id=${encodeURIComponent(form.id)}`);
                  setForm(EMPTY_FORM);
                  settled(EMPTY_FORM, false);
                } catch (err) {
                  failed(err);
                }
              }} />
          )}
        </div>
        <p role="status" className="muted tx-theme-status" data-testid="theme-status">{saved ? t('tx.editor.saved') : ''}</p>
      </form>
      <ConfirmDialog open={pending !== null} title={t('tx.editor.discardTitle')} confirmLabel={t('tx.editor.discard')} cancelLabel={t('tx.editor.keep')} danger
        onConfirm={() => pending && load(pending)} onCancel={() => setPending(null)}>
        <p>{t('tx.editor.discardBody', { next: pending ? themeName(themes, pending.id, lang) : '' })}</p>
      </ConfirmDialog>
    </Panel>
  );
}
