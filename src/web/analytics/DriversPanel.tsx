/**
 * Key drivers of the selected outcome: importance × performance quadrant chart and the same data as
 * a table. A 422 insufficient_data answer (too few complete answers, an outcome without variance, …) is
 * explained with the server's reason, not shown as a failure.
 */
import { useMemo } from 'react';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { ApiError } from '../api.ts';
import { Chart } from '../charts/Chart.tsx';
import { quadrantOption } from '../../core/charts/options.ts';
import { analyticsPath, type DashboardContext } from './dashboard.ts';
import type { DriversAnswer, SummaryQuestion } from './types.ts';
import { useLoad } from '../components/useLoad.ts';
import { ErrorBox, Loadable, Panel, Skeleton } from './ui.tsx';
import { localize } from '../../core/surveys/localize.ts';
import { CsiPanel } from './KpiTiles.tsx';
import { ExportMenu } from './ExportMenu.tsx';

export function DriversPanel({ ctx, question }: { ctx: DashboardContext; question: SummaryQuestion }) {
  const { t, num, pct, lang, dir } = useI18n();
  const state = useLoad<DriversAnswer>(analyticsPath(ctx, `/surveys/${ctx.surveyId}/analytics/drivers`, { outcome: question.questionId }));
  const outcome = localize(question.text, lang, 'en') || question.key;
  const chart = useMemo(() => {
    const drivers = state.data?.drivers ?? [];
    // The question's text in the interface language: `name` is the CSI attribute or the key, in English.
    const name = (d: DriversAnswer['drivers'][number]) => localize(d.text, lang, 'en') || localize(d.name, lang, 'en') || d.key;
    return {
      option: quadrantOption(drivers.map((d, i) => ({ name: name(d), label: num(i + 1, 0), importance: d.pctOfR2, performance: d.performance })), { importance: t('an.drivers.importance'), performance: t('an.drivers.performance') }, { num, rtl: dir === 'rtl' }),
      summary: t('an.drivers.summary', { q: outcome, list: [...drivers].sort((a, b) => b.pctOfR2 - a.pctOfR2).slice(0, 3).map(name).join(', ') }),
      table: {
        caption: t('an.drivers.caption', { q: outcome }),
        columns: [t('an.drivers.attribute'), t('an.drivers.importance'), t('an.drivers.weight'), t('an.drivers.performance'), t('an.drivers.quadrant')],
        rows: drivers.map((d) => [name(d), d.pctOfR2, d.importance, d.performance, t(`an.quadrant.${d.quadrant}` as MessageKey)]),
      },
    };
  }, [state.data, lang, t, num, dir, outcome]);

  const insufficient = state.error instanceof ApiError && state.error.code === 'insufficient_data' ? state.error : null;
  // Too few complete answers is the one case with a localized explanation (its details carry the counts);
  // any other reason (no variance of the outcome, collinear attributes, no attributes) gets a general lead.
  const tooFew = typeof (insufficient?.details as { required?: unknown } | undefined)?.required === 'number';
  return (
    <Panel title={t('an.drivers.title', { q: outcome })} id="drivers"
      actions={!!state.data?.drivers.length && !state.error && <ExportMenu ctx={ctx} kind="drivers" extra={{ outcome: question.questionId }} />}>
      {insufficient ? (
        <div className="an-notice" role="status" data-testid="drivers-insufficient">
          <strong>{t(tooFew ? 'an.drivers.insufficientTitle' : 'an.drivers.unavailable')}</strong>
          {tooFew && <p>{t('an.drivers.insufficient')}</p>}
          {/* The server's reason names the exact cause; it is written in English, hence lang="en". */}
          {insufficient.message && (
            <p className="muted" data-testid="drivers-reason">
              {t('an.drivers.reason')} <span lang="en" dir="ltr" className="an-server-reason">{insufficient.message}</span>
            </p>
          )}
        </div>
      ) : state.error && !state.loading ? <ErrorBox error={state.error} onRetry={state.reload} /> : !state.data ? <Skeleton height={340} /> : (
        <Loadable state={state} height={340}>
          {(d) => d.drivers.length === 0 ? <p className="muted">{t('an.drivers.none')}</p> : (
            <>
              <p className="muted">
                {t('an.drivers.meta', { n: d.n, r2: num(d.r2 * 100, 0) })} <span className="badge definition">{d.definition}</span>
              </p>
              <Chart option={chart.option} summary={chart.summary} table={chart.table} fileName={`drivers-${question.key}`} height={320} />
              <table>
                <caption className="visually-hidden">{chart.table.caption}</caption>
                <thead><tr>{chart.table.columns.map((c, i) => <th key={c} scope="col" className={i >= 1 && i <= 3 ? 'num' : undefined}>{c}</th>)}</tr></thead>
                <tbody>
                  {d.drivers.map((x, i) => (
                    <tr key={x.questionId}>
                      {/* Numbered like the points on the chart (question texts are too long to print there). */}
                      <th scope="row">{num(i + 1, 0)}. <bdi>{String(chart.table.rows[i][0])}</bdi></th>
                      <td className="num">{pct(x.pctOfR2, 1)}</td>
                      <td className="num">{num(x.importance, 3)}</td>
                      <td className="num">{num(x.performance, 2)}</td>
                      <td><span className={`badge quadrant-${x.quadrant}`}>{t(`an.quadrant.${x.quadrant}` as MessageKey)}</span></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {d.csi && <CsiPanel csi={d.csi} questions={ctx.summary.questions} />}
            </>
          )}
        </Loadable>
      )}
    </Panel>
  );
}
