/**
 * Locations × metrics heat table. The colour only repeats what the text says (value, n, small-sample
 * mark), so the table reads the same without colour; CSV and XLSX exports of the same figures (POST /api/v1/exports).
 */
import { useI18n, type MessageKey } from '../i18n.tsx';
import { heatColor, heatPosition } from '../../core/charts/shape.ts';
import { analyticsPath, type DashboardContext } from './dashboard.ts';
import type { HeatmapAnswer } from './types.ts';
import { useLoad } from '../components/useLoad.ts';
import { Loadable, Panel } from './ui.tsx';
import { metricFigure, metricInterval } from './metricDetails.ts';
import { localize } from '../../core/surveys/localize.ts';
import { locationLabel } from './labels.ts';
import { ExportMenu } from './ExportMenu.tsx';

export function HeatTable({ ctx }: { ctx: DashboardContext }) {
  const i18n = useI18n();
  const { t, num, lang } = i18n;
  const parent = ctx.filters.parent ?? ctx.filters.location;
  const state = useLoad<HeatmapAnswer>(analyticsPath(ctx, `/surveys/${ctx.surveyId}/analytics/heatmap`, { parent }));
  const codes = new Map(ctx.locations.map((l) => [l.id, l.code]));
  const rowName = (r: HeatmapAnswer['rows'][number]) => locationLabel(r.name, codes.get(r.locationId));
  const scaleOf = (questionId: string) => ctx.summary.questions.find((q) => q.questionId === questionId);
  const colTitle = (c: HeatmapAnswer['columns'][number]) => `${t(`an.metric.${c.metric}` as MessageKey)} · ${localize(c.text, lang, 'en') || c.key}`;
  const hasData = !!state.data && state.data.rows.length > 0 && state.data.columns.length > 0;
  return (
    <Panel title={t('an.heat.title')} id="heat" actions={hasData && <ExportMenu ctx={ctx} kind="heatmap" extra={{ parent }} />}>
      <Loadable state={state} height={200}>
        {(d) => d.rows.length === 0 || d.columns.length === 0 ? <p className="muted an-empty-chart">{t('an.heat.empty')}</p> : (
          <>
            <div className="an-scroll">
              <table className="an-heat">
                <caption>{t('an.heat.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('an.col.location')}</th>
                    {d.columns.map((c) => <th key={c.questionId} scope="col" dir="auto">{colTitle(c)}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {d.rows.map((r) => (
                    <tr key={r.locationId}>
                      <th scope="row"><bdi>{rowName(r)}</bdi></th>
                      {d.columns.map((c) => {
                        const m = r.cells[c.questionId] ?? null;
                        const q = scaleOf(c.questionId);
                        const lowerBetter = ctx.survey.questions.find((x) => x.id === c.questionId)?.direction === 'lower_is_easier';
                        const pos = heatPosition(m?.value ?? null, m?.metric ?? c.metric, q?.scale, lowerBetter);
                        return (
                          <td key={c.questionId} className="num" style={{ background: heatColor(pos) }}
                            title={m?.ci95 ? metricInterval(m, m.ci95, i18n) : undefined}>
                            {m && m.value !== null ? (
                              <>
                                <strong>{metricFigure(m, m.value, i18n)}</strong>
                                <span className="muted"> n={num(m.n, 0)}</span>
                                {m.smallSample && <abbr className="an-small-mark" title={t('an.metric.smallSampleTitle')}>*</abbr>}
                              </>
                            ) : '—'}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted an-note">{t('an.heat.legend')}</p>
          </>
        )}
      </Loadable>
    </Panel>
  );
}
