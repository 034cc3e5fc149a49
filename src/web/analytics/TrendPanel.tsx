/** Trend of the selected question by day / week / month / quarter, with its 95% interval as a band. */
import { useMemo } from 'react';
import { ExportMenu } from './ExportMenu.tsx';
import { useI18n } from '../i18n.tsx';
import { Chart } from '../charts/Chart.tsx';
import { trendOption } from '../../core/charts/options.ts';
import { bandAxisRange, toBandData } from '../../core/charts/shape.ts';
import { analyticsPath, type DashboardContext } from './dashboard.ts';
import { INTERVALS, type Interval } from './filters.ts';
import type { SummaryQuestion, TrendAnswer } from './types.ts';
import { useLoad } from '../components/useLoad.ts';
import { Loadable, Panel } from './ui.tsx';
import { metricDigits } from './metricDetails.ts';
import { localize } from '../../core/surveys/localize.ts';

/** The range a metric's value can take, for the value axis. */
export function metricLimits(q: SummaryQuestion): { min: number; max: number } {
  const m = q.result?.metric ?? q.metric;
  if (m === 'nps') return { min: -100, max: 100 };
  if (m === 'csat' || m === 'share') return { min: 0, max: 100 };
  return { min: q.scale?.min ?? 0, max: q.scale?.max ?? 10 };
}

export function TrendPanel({ ctx, question }: { ctx: DashboardContext; question: SummaryQuestion }) {
  const { t, num, lang, dir, date } = useI18n();
  const state = useLoad<TrendAnswer>(
    analyticsPath(ctx, `/surveys/${ctx.surveyId}/analytics/trend`, { question: question.questionId, interval: ctx.filters.interval }),
  );
  const title = localize(question.text, lang, 'en') || question.key;
  const chart = useMemo(() => {
    if (!state.data) return null;
    const points = state.data.points.map((p) => ({ period: p.period, partial: p.partial, value: p.result?.value ?? null, ci95: p.result?.ci95 ?? null, n: p.result?.n ?? 0 }));
    const data = toBandData(points);
    const shown = { ...data, categories: data.categories.map((c) => date(`${c}T00:00:00`, { dateStyle: 'short' })) };
    const d = metricDigits(question.result);
    const labels = { value: t('an.trend.value'), band: t('an.trend.band'), partial: t('an.trend.partial'), partialNote: t('an.trend.partialNote') };
    const option = trendOption(shown, labels, bandAxisRange(data, metricLimits(question)), { num, rtl: dir === 'rtl' });
    const last = points.filter((p) => p.value !== null).at(-1);
    const summary = last
      ? t('an.trend.summary', { q: title, n: points.length, last: num(last.value, d), period: date(`${last.period}T00:00:00`) })
      : t('an.trend.empty');
    const table = {
      caption: t('an.trend.caption', { q: title }),
      columns: [t('an.col.period'), t('an.col.value'), t('an.col.ciLow'), t('an.col.ciHigh'), 'n', t('an.trend.partial')],
      rows: points.map((p) => [p.period, p.value, p.ci95?.[0] ?? null, p.ci95?.[1] ?? null, p.n, p.partial ? t('an.trend.partialYes') : '']),
    };
    return { option, summary, table, empty: points.length === 0 };
  }, [state.data, question, t, num, dir, date, title]);

  return (
    <Panel
      title={t('an.trend.title')}
      id="trend"
      actions={<>
        <label className="inline">
          {t('an.trend.interval')}
          <select value={ctx.filters.interval} onChange={(e) => ctx.setFilters({ interval: e.target.value as Interval })} data-testid="interval-select">
            {INTERVALS.map((i) => <option key={i} value={i}>{t(`an.interval.${i}`)}</option>)}
          </select>
        </label>
        <ExportMenu ctx={ctx} kind="trend" extra={{ question: question.questionId, interval: ctx.filters.interval }} />
      </>}
    >
      <Loadable state={state} height={320}>
        {() => (chart && !chart.empty
          ? <Chart option={chart.option} summary={chart.summary} table={chart.table} fileName={`trend-${question.key}-${ctx.filters.interval}`} height={280} />
          : <p className="muted an-empty-chart">{t('an.trend.empty')}</p>)}
      </Loadable>
    </Panel>
  );
}
