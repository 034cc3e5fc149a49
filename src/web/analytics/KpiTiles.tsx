/**
 * One tile per rated question (value, n, 95% interval, definition, small-sample mark, and the
 * metric's details: NPS skipped, CSAT mean, CES % agree and direction) and the CSI.
 */
import { useI18n } from '../i18n.tsx';
import type { DashboardContext } from './dashboard.ts';
import { metricDetailTexts } from './metricDetails.ts';
import type { MetricResult, Summary } from './types.ts';
import { MetricValue, Panel } from './ui.tsx';
import { localize } from '../../core/surveys/localize.ts';
import { ExportMenu } from './ExportMenu.tsx';

/** The metric's detail lines (metricDetails.ts) under its value; nothing when it has none. */
export function MetricDetails({ result }: { result: MetricResult | null | undefined }) {
  const i18n = useI18n();
  const lines = metricDetailTexts(result, i18n);
  if (lines.length === 0) return null;
  return (
    <span className="metric-details">
      {lines.map((l) => (
        <span key={l.kind} data-testid={`metric-${l.kind}`} title={l.kind === 'skipped' ? i18n.t('an.kpi.skippedTitle') : undefined}>{l.text}</span>
      ))}
    </span>
  );
}

export function KpiTiles({ ctx }: { ctx: DashboardContext }) {
  const { t, lang } = useI18n();
  if (ctx.rated.length === 0) return <p className="muted">{t('an.kpi.none')}</p>;
  return (
    <>
    <div className="chart-tools"><ExportMenu ctx={ctx} kind="kpis" /></div>
    <ul className="an-kpis" aria-label={t('an.kpi.title')}>
      {ctx.rated.map((q) => (
        <li key={q.questionId} className="card an-kpi" data-testid={`kpi-${q.key}`}>
          <span className="an-kpi-label">{q.result ? t(`an.metric.${q.result.metric}`) : t('an.metric.rating')}</span>
          <span className="an-kpi-question" dir="auto">{localize(q.text, lang, 'en') || q.key}</span>
          <MetricValue result={q.result} size="large" />
          <MetricDetails result={q.result} />
        </li>
      ))}
    </ul>
    </>
  );
}

/**
 * The customer satisfaction index with its per-attribute weights and means. An attribute is named by its
 * satisfaction question's text in the interface language (the attribute key is a technical name).
 */
export function CsiPanel({ csi, questions }: { csi: NonNullable<Summary['csi']>; questions: Summary['questions'] }) {
  const { t, num, pct, lang } = useI18n();
  const attrs = csi.breakdown?.attributes ?? [];
  const attributeName = (key: string) => {
    const q = questions.find((x) => x.metric === 'csi_satisfaction' && x.attribute === key);
    return (q && localize(q.text, lang, 'en')) || key;
  };
  return (
    <Panel title={t('an.csi.title')} id="csi">
      <MetricValue result={csi} size="large" />
      {csi.breakdown && <p className="muted">{t(csi.breakdown.weighting === 'stated' ? 'an.csi.stated' : 'an.csi.derived')}</p>}
      {attrs.length > 0 && (
        <table>
          <caption>{t('an.csi.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('an.csi.attribute')}</th>
              <th scope="col" className="num">{t('an.csi.weight')}</th>
              <th scope="col" className="num">{t('an.csi.satisfaction')}</th>
              <th scope="col" className="num">{t('an.csi.importance')}</th>
              <th scope="col" className="num">{t('an.csi.contribution')}</th>
            </tr>
          </thead>
          <tbody>
            {attrs.map((a) => (
              <tr key={a.key}>
                <th scope="row" dir="auto">{attributeName(a.key)}</th>
                <td className="num">{a.weight === null ? '—' : pct(a.weight * 100)}</td>
                <td className="num">{num(a.meanSatisfaction, 2)}</td>
                <td className="num">{num(a.meanImportance, 2)}</td>
                <td className="num">{num(a.contribution, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
