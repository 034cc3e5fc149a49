/**
 * Two periods, two locations or two segments side by side: both values, the difference with its
 * 95% interval, and an arrow only when the change is significant.
 */
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { qs } from '../api.ts';
import { apiFilterParams, previousPeriod, resolveRange } from './filters.ts';
import { changeArrow, compareParams, type CompareInput, type CompareMode } from './compare.ts';
import { locationTree, type DashboardContext } from './dashboard.ts';
import type { CompareAnswer, SummaryQuestion } from './types.ts';
import { useLoad } from '../components/useLoad.ts';
import { Loadable, metricDigits, MetricValue, Panel } from './ui.tsx';

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
  const [draft, setDraft] = useState<CompareInput>(() => defaultInput(ctx));
  const [applied, setApplied] = useState<CompareInput>(draft);
  const params = compareParams(applied);
  // The other filters still apply; each side's own parameter overrides the shared date range.
  const base = apiFilterParams(ctx.filters, ctx.today);
  const shared = applied.mode === 'periods' ? { ...base, from: undefined, to: undefined } : base;
  const path = params ? `/surveys/${ctx.surveyId}/analytics/compare${qs({ ...shared, question: question.questionId, ...params })}` : null;
  const state = useLoad<CompareAnswer>(path);
  const set = (patch: Partial<CompareInput>) => setDraft((d) => ({ ...d, ...patch }));
  const tree = locationTree(ctx.locations);
  const modes: CompareMode[] = ['periods', 'locations', ...(ctx.dimensions.length ? ['segments' as const] : [])];
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
            {tree.map((l) => <option key={l.id} value={l.id}>{'\u00a0\u00a0'.repeat(l.depth) + l.name}</option>)}
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
            {ctx.dimensions.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>{t('an.filters.segmentValue')}<input dir="auto" value={rest.join(':')} onChange={(e) => set({ [k]: `${key}:${e.target.value}` })} /></label>
      </>
    );
  };
  return (
    <Panel title={t('an.compare.title')} id="compare">
      <form className="an-compare-form" onSubmit={(e) => { e.preventDefault(); setApplied(draft); }}>
        <label className="inline">{t('an.compare.mode')}
          <select value={draft.mode} onChange={(e) => set({ mode: e.target.value as CompareMode })}>
            {modes.map((m) => <option key={m} value={m}>{t(`an.compare.mode.${m}`)}</option>)}
          </select>
        </label>
        <fieldset><legend>A</legend>{side('a')}</fieldset>
        <fieldset><legend>B</legend>{side('b')}</fieldset>
        <button type="submit">{t('an.compare.run')}</button>
      </form>
      {!path ? <p className="muted">{t('an.compare.incomplete')}</p> : (
        <Loadable state={state} height={110}>
          {(d) => <CompareResult data={d} />}
        </Loadable>
      )}
    </Panel>
  );
}

function CompareResult({ data }: { data: CompareAnswer }) {
  const { t, num } = useI18n();
  const d = metricDigits(data.a);
  const arrow = changeArrow(data.change);
  return (
    <div className="an-compare-result" data-testid="compare-result">
      <div><span className="an-side">A</span> <MetricValue result={data.a} /></div>
      <div><span className="an-side">B</span> <MetricValue result={data.b} /></div>
      <div className="an-change" aria-live="polite">
        {data.change.diff === null ? t('an.compare.noData') : (
          <>
            <strong>
              {arrow && <span className={arrow === '↑' ? 'an-up' : 'an-down'} aria-hidden="true">{arrow} </span>}
              {/* LRI…PDI: the plus sign stays before the number in Persian. */}
              {t('an.compare.diff', { diff: data.change.diff > 0 ? `\u2066+${num(data.change.diff, d)}\u2069` : num(data.change.diff, d) })}
            </strong>
            {data.change.ci95 && <span className="muted"> {t('an.metric.ci', { lo: num(data.change.ci95[0], d, true), hi: num(data.change.ci95[1], d, true) })}</span>}
            <span>{t('shell.sep')}{data.change.significant ? t(data.change.diff > 0 ? 'an.compare.sigUp' : 'an.compare.sigDown') : t('an.compare.notSig')}</span>
            {' '}<span className="badge definition">{data.change.definition}</span>
          </>
        )}
      </div>
    </div>
  );
}
