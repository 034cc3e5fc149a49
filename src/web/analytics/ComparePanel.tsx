/**
 * Two periods, two locations, two segments, or "my location vs the company" side by side: what A
 * and B are, both values, the difference with its 95% interval, and an arrow only when the change is
 * significant. A result is shown only for the sides on screen: changing the mode or a side clears it.
 */
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { qs } from '../api.ts';
import { useSession } from '../shell/session.tsx';
import { apiFilterParams, previousPeriod, resolveRange } from './filters.ts';
import { changeArrow, compareParams, sideName, sidePeriod, sideSegments, verdictKey, type CompareChange, type CompareInput, type CompareMode } from './compare.ts';
import { locationTree, type DashboardContext } from './dashboard.ts';
import { dimensionLabel, locationLabel } from './labels.ts';
import type { CompareAnswer, CompareSide, SummaryQuestion } from './types.ts';
import { useLoad } from '../components/useLoad.ts';
import { Loadable, MetricValue, Panel } from './ui.tsx';
import { metricDigits, metricInterval } from './metricDetails.ts';
import { ExportMenu } from './ExportMenu.tsx';

function defaultInput(ctx: DashboardContext): CompareInput {
  const r = resolveRange(ctx.filters.range === 'all' ? { range: '90d' } : ctx.filters, ctx.today);
  const to = r.to ?? ctx.today;
  const from = r.from ?? to;
  const prev = previousPeriod(from, to);
  const dim = ctx.dimensions[0];
  return { mode: 'periods', aFrom: from, aTo: to, bFrom: prev.from, bTo: prev.to, aDim: dim ? `${dim}:` : undefined, bDim: dim ? `${dim}:` : undefined };
}

export function ComparePanel({ ctx, question }: { ctx: DashboardContext; question: SummaryQuestion }) {
  const { t } = useI18n();
  const { me } = useSession();
  // A caller limited to some locations may compare them with the rest of the company in one click.
  const limited = !!me && me.locationPaths !== null;
  // The state in the URL (a saved view, a shared link) first, else the current period against the previous one.
  const [draft, setDraft] = useState<CompareInput>(() => ctx.filters.compare ?? defaultInput(ctx));
  // The comparison on screen; null once the mode or a side changed and until Compare is pressed again.
  const [applied, setApplied] = useState<CompareInput | null>(draft);
  const params = applied && compareParams(applied);
  // The other filters still apply to both sides; in period mode each side's own dates replace the shared range.
  const base = apiFilterParams(ctx.filters, ctx.today);
  const shared = applied?.mode === 'periods' ? { ...base, from: undefined, to: undefined } : base;
  const path = params ? `/surveys/${ctx.surveyId}/analytics/compare${qs({ ...shared, question: question.questionId, ...params })}` : null;
  const set = (patch: Partial<CompareInput>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setApplied(null);
  };
  // Side locations must lie inside the dashboard's location filter (the API refuses others).
  const within = ctx.filters.location ? ctx.locations.find((l) => l.id === ctx.filters.location) : undefined;
  const tree = locationTree(within ? ctx.locations.filter((l) => l.path.startsWith(within.path)) : ctx.locations);
  const modes: CompareMode[] = ['periods', 'locations', ...(ctx.dimensions.length ? ['segments' as const] : []), ...(limited ? ['company' as const] : [])];
  const side = (s: 'a' | 'b') => {
    if (draft.mode === 'periods') {
      const from = s === 'a' ? 'aFrom' : 'bFrom';
      const to = s === 'a' ? 'aTo' : 'bTo';
      return (
        <>
          <label>{t('an.filters.from')}<input type="date" value={draft[from] ?? ''} onChange={(e) => set({ [from]: e.target.value })} /></label>
          <label>{t('an.filters.to')}<input type="date" value={draft[to] ?? ''} onChange={(e) => set({ [to]: e.target.value })} /></label>
        </>
      );
    }
    if (draft.mode === 'locations') {
      const k = s === 'a' ? 'aLocation' : 'bLocation';
      return (
        <label>{t('an.filters.location')}
          <select value={draft[k] ?? ''} onChange={(e) => set({ [k]: e.target.value || undefined })}>
            <option value="">—</option>
            {tree.map((l) => <option key={l.id} value={l.id}>{'\u00a0\u00a0'.repeat(l.depth) + locationLabel(l.name, l.code)}</option>)}
          </select>
        </label>
      );
    }
    const k = s === 'a' ? 'aDim' : 'bDim';
    const [key, ...rest] = (draft[k] ?? `${ctx.dimensions[0]}:`).split(':');
    return (
      <>
        <label>{t('an.filters.segmentKey')}
          <select value={key} onChange={(e) => set({ [k]: `${e.target.value}:${rest.join(':')}` })}>
            {ctx.dimensions.map((d) => <option key={d} value={d}>{dimensionLabel(d)}</option>)}
          </select>
        </label>
        <label>{t('an.filters.segmentValue')}<input dir="auto" value={rest.join(':')} placeholder={t('an.filters.segmentValue')} onChange={(e) => set({ [k]: `${key}:${e.target.value}` })} /></label>
      </>
    );
  };
  const company = () => {
    const next: CompareInput = { ...draft, mode: 'company' };
    setDraft(next);
    setApplied(next);
    ctx.setFilters({ compare: next });
  };
  return (
    <Panel
      title={t('an.compare.title')}
      id="compare"
      actions={(
        <>
          {limited && <button type="button" className="secondary small" onClick={company} data-testid="compare-company">{t('an.compare.myVsCompany')}</button>}
          {/* The comparison on screen: the shared filters (period mode drops their dates) and the sides. */}
          {params && <ExportMenu ctx={ctx} kind="compare" extra={{ ...shared, question: question.questionId, ...params }} />}
        </>
      )}
    >
      <form className="an-compare-form" onSubmit={(e) => { e.preventDefault(); setApplied(draft); ctx.setFilters({ compare: draft }); }}>
        <label className="inline">{t('an.compare.mode')}
          <select value={draft.mode} onChange={(e) => set({ mode: e.target.value as CompareMode })} data-testid="compare-mode">
            {modes.map((m) => <option key={m} value={m}>{t(`an.compare.mode.${m}`)}</option>)}
          </select>
        </label>
        {draft.mode === 'company' ? (
          <div className="an-note muted an-company-note">
            <p><span className="an-side">A</span>{t('an.compare.companyNoteA')}</p>
            <p><span className="an-side">B</span>{t('an.compare.companyNoteB')}</p>
          </div>
        ) : (
          <>
            <fieldset><legend>{t('an.compare.sideA')}</legend>{side('a')}</fieldset>
            <fieldset><legend>{t('an.compare.sideB')}</legend>{side('b')}</fieldset>
          </>
        )}
        <button type="submit">{t('an.compare.run')}</button>
      </form>
      <div aria-live="polite">
        {!applied ? <p className="muted" data-testid="compare-pending">{t('an.compare.pending')}</p>
          : !path ? <p className="muted">{t('an.compare.incomplete')}</p>
          // A new comparison never shows the previous one while it loads: the loader starts afresh per request.
          : <CompareLoader key={path} path={path} mode={applied.mode} />}
      </div>
    </Panel>
  );
}

function CompareLoader({ path, mode }: { path: string; mode: CompareMode }) {
  const state = useLoad<CompareAnswer>(path);
  return (
    <Loadable state={state} height={110}>
      {(d) => <CompareResult data={d} mode={mode} />}
    </Loadable>
  );
}

function SideLabel({ which, side }: { which: 'A' | 'B'; side: CompareSide | undefined }) {
  const { t, date } = useI18n();
  if (!side) return <span className="an-side">{which}</span>;
  const segments = sideSegments(side);
  return (
    <span className="an-side-label" data-testid={`compare-side-${which.toLowerCase()}`}>
      <span className="an-side">{which}</span>
      <span className="an-side-name">{sideName(side, t)}</span>
      <span className="muted an-side-meta">
        {sidePeriod(side, t, (d) => date(`${d}T00:00:00`))}
        {segments && <>{t('shell.sep')}<bdi>{segments}</bdi></>}
      </span>
    </span>
  );
}

function CompareResult({ data, mode }: { data: CompareAnswer; mode: CompareMode }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const d = metricDigits(data.a);
  const change: CompareChange = data.change;
  const arrow = changeArrow(change);
  const noAnswers = !data.a.n || !data.b.n;
  // The reason's code picks the localized text; the server's English message is only a fallback.
  const reason = change.reason ? t(`an.compare.why.${change.reason.code}`, { a: num(data.a.n), b: num(data.b.n) }) : null;
  return (
    <div className="an-compare-result" data-testid="compare-result">
      <div className="an-compare-side"><SideLabel which="A" side={data.sides?.a} /> <MetricValue result={data.a} /></div>
      <div className="an-compare-side"><SideLabel which="B" side={data.sides?.b} /> <MetricValue result={data.b} /></div>
      <div className="an-change" data-testid="compare-change">
        {change.diff === null ? (
          <>
            <p className="an-note">{noAnswers ? t('an.compare.noData') : t('an.compare.untested')}</p>
            {reason && <p className="an-note muted" data-testid="compare-reason">{t('an.compare.reason', { reason })}</p>}
          </>
        ) : (
          <>
            <p className="an-change-line">
              <strong>
                {arrow && <span className={arrow === '↑' ? 'an-up' : 'an-down'} aria-hidden="true">{arrow} </span>}
                {/* LRI…PDI: the plus sign stays before the number in Persian. */}
                {t('an.compare.diff', { diff: change.diff > 0 ? `\u2066+${num(change.diff, d)}\u2069` : num(change.diff, d) })}
              </strong>
              {change.ci95 && <>{' '}<span className="muted an-nowrap">{metricInterval(data.a, change.ci95, i18n)}</span></>}
            </p>
            <p className="an-change-line">
              <span data-testid="compare-verdict">{t(verdictKey(mode, change))}</span>
              {change.pValue != null && <span className="muted an-nowrap">{t('shell.sep')}{change.pValue < 0.001 ? t('an.compare.pBelow', { p: num(0.001, 3) }) : t('an.compare.p', { p: num(change.pValue, 3, true) })}</span>}
            </p>
            {reason && <p className="an-note muted" data-testid="compare-reason">{t('an.compare.reason', { reason })}</p>}
            <span className="an-compare-badges">
              {change.test && <span className="badge definition" title={t('an.compare.testTitle')}>{change.test}</span>}
              <span className="badge definition">{change.definition}</span>
            </span>
          </>
        )}
      </div>
    </div>
  );
}
