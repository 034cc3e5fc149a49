/**
 * Breakdown of the selected question by location (drilling into a region sets the dashboard's
 * location filter, so every panel follows; the breadcrumb leads back),
 * channel, language or a marked segment dimension: a bar chart plus a table with n and intervals.
 */
import { useMemo } from 'react';
import { ExportMenu } from './ExportMenu.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Chart } from '../charts/Chart.tsx';
import { barOption } from '../../core/charts/options.ts';
import { analyticsPath, locationChain, type DashboardContext } from './dashboard.ts';
import { channelLabel, languageName } from './FilterBar.tsx';
import { dimensionLabel, locationLabel } from './labels.ts';
import type { BreakdownAnswer, BreakdownRow, SummaryQuestion } from './types.ts';
import { useLoad } from '../components/useLoad.ts';
import { Loadable, MetricValue, Panel } from './ui.tsx';
import { metricDigits } from './metricDetails.ts';
import { localize } from '../../core/surveys/localize.ts';
import { metricLimits } from './TrendPanel.tsx';

export function BreakdownPanel({ ctx, question }: { ctx: DashboardContext; question: SummaryQuestion }) {
  const { t, num, lang, dir } = useI18n();
  const by = ctx.filters.by === 'location' || ctx.filters.by === 'channel' || ctx.filters.by === 'language' || ctx.dimensions.some((d) => ctx.filters.by === `dim:${d}`) ? ctx.filters.by : 'location';
  // `parent` comes from links made before drilling set the location filter.
  const parent = by === 'location' ? ctx.filters.parent ?? ctx.filters.location : undefined;
  const state = useLoad<BreakdownAnswer>(
    analyticsPath(ctx, `/surveys/${ctx.surveyId}/analytics/breakdown`, { question: question.questionId, by, parent }),
  );
  const codes = new Map(ctx.locations.map((l) => [l.id, l.code]));
  const label = (r: BreakdownRow) => (by === 'channel' ? channelLabel(t, r.key) : by === 'language' ? languageName(r.key, t)
    : by === 'location' ? locationLabel(r.label || r.key, codes.get(r.key)) : r.label || r.key);
  const showLocation = (id: string | undefined) => ctx.setFilters({ location: id, parent: undefined });
  const drill = (r: BreakdownRow) => {
    if (by === 'location' && r.hasChildren) showLocation(r.key);
  };
  const title = localize(question.text, lang, 'en') || question.key;
  const chart = useMemo(() => {
    const rows = state.data?.rows ?? [];
    const d = metricDigits(question.result);
    const limits = metricLimits(question);
    return {
      option: barOption(rows.map(label), rows.map((r) => r.result?.value ?? null), { num, rtl: dir === 'rtl' }, { min: Math.min(0, limits.min), max: limits.max }),
      summary: t('an.breakdown.summary', { q: title, n: rows.length, list: rows.slice(0, 5).map((r) => `${label(r)} ${num(r.result?.value ?? null, d)}`).join(', ') }),
      table: {
        caption: t('an.breakdown.caption', { q: title }),
        columns: [t('an.col.segment'), t('an.col.value'), t('an.col.ciLow'), t('an.col.ciHigh'), 'n', t('an.col.definition')],
        rows: rows.map((r) => [label(r), r.result?.value ?? null, r.result?.ci95?.[0] ?? null, r.result?.ci95?.[1] ?? null, r.result?.n ?? 0, r.result?.definition ?? null]),
      },
    };
    // Deliberately not every dependency (react-hooks/exhaustive-deps would flag it; that plugin is not installed here).
  }, [state.data, question, num, dir, t, title, by, ctx.locations]);
  const chain = by === 'location' ? locationChain(ctx.locations, parent) : [];

  return (
    <Panel
      title={t('an.breakdown.title')}
      id="breakdown"
      actions={<>
        <label className="inline">
          {t('an.breakdown.by')}
          <select value={by} onChange={(e) => ctx.setFilters({ by: e.target.value, parent: undefined })} data-testid="breakdown-by">
            <option value="location">{t('an.by.location')}</option>
            <option value="channel">{t('an.by.channel')}</option>
            <option value="language">{t('an.by.language')}</option>
            {ctx.dimensions.map((d) => <option key={d} value={`dim:${d}`}>{dimensionLabel(d)}</option>)}
          </select>
        </label>
        <ExportMenu ctx={ctx} kind="breakdown" extra={{ question: question.questionId, by, parent }} />
      </>}
    >
      {by === 'location' && (
        <nav aria-label={t('an.breakdown.path')} className="an-breadcrumb">
          <ol>
            <li>
              {chain.length === 0 ? <span aria-current="page">{t('an.breakdown.top')}</span> : (
                <button type="button" className="link-button" onClick={() => showLocation(undefined)}>{t('an.breakdown.top')}</button>
              )}
            </li>
            {chain.map((l, i) => (
              <li key={l.id}>
                {i === chain.length - 1 ? <span aria-current="page">{l.name}</span> : (
                  <button type="button" className="link-button" onClick={() => showLocation(l.id)}>{l.name}</button>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <Loadable state={state} height={300}>
        {(data) => data.rows.length === 0 ? <p className="muted an-empty-chart">{t('an.breakdown.empty')}</p> : (
          <div className="an-split">
            <Chart option={chart.option} summary={chart.summary} table={chart.table} fileName={`breakdown-${question.key}-${by.replace(':', '-')}`}
              height={Math.max(160, 40 * data.rows.length + 40)} onItemClick={(i) => data.rows[i] && drill(data.rows[i])} />
            <table className="an-breakdown-table" data-testid="breakdown-table">
              <caption className="visually-hidden">{chart.table.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`an.by.${by.startsWith('dim:') ? 'segment' : by}` as MessageKey)}</th>
                  <th scope="col">{t('an.col.value')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      {by === 'location' && r.hasChildren ? (
                        <button type="button" className="link-button" onClick={() => drill(r)} aria-label={t('an.breakdown.drill', { name: label(r) })}>
                          {/* bdi: a Persian name in an English table (or the reverse) keeps the arrow after it. */}
                          <bdi>{label(r)}</bdi> <span aria-hidden="true">›</span>
                        </button>
                      ) : <bdi>{label(r)}</bdi>}
                    </th>
                    <td><MetricValue result={r.result} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loadable>
    </Panel>
  );
}
