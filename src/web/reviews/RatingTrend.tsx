/** The monthly rating trend of reviews (review_rating.v1): one chart per source or location, the largest first. */
import { useMemo, useState } from 'react';
import { qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { sourceLabel } from './sourceLabel.ts';
import { useLoad } from '../components/useLoad.ts';
import { Chart } from '../charts/Chart.tsx';
import { trendOption } from '../../core/charts/options.ts';
import { bandAxisRange, toBandData } from '../../core/charts/shape.ts';
import { Loadable, MetricValue, Panel } from '../analytics/ui.tsx';
import type { ReviewTrendAnswer } from '../../core/api/reviews.ts';

/** Charts drawn at most; the rest are counted. */
const MAX_SERIES = 6;

type Series = ReviewTrendAnswer['series'][number];

export function RatingTrend({ filters }: { filters: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const [by, setBy] = useState<'source' | 'location'>('source');
  const state = useLoad<ReviewTrendAnswer>(`/reviews/trend${qs({ ...filters, by })}`);
  return (
    <Panel
      title={t('rv.trend.title')}
      id="rv-trend"
      actions={
        <label className="inline">
          {t('rv.trend.by')}
          <select value={by} onChange={(e) => setBy(e.target.value === 'location' ? 'location' : 'source')} data-testid="trend-by">
            <option value="source">{t('rv.trend.bySource')}</option>
            <option value="location">{t('rv.trend.byLocation')}</option>
          </select>
        </label>
      }
    >
      <p className="muted rv-note">{t('rv.trend.note')}</p>
      <Loadable state={state} height={300}>
        {(data) =>
          data.series.length === 0 ? (
            <p className="muted an-empty-chart">{t('rv.trend.empty')}</p>
          ) : (
            <>
              <div className="rv-charts">
                {data.series.slice(0, MAX_SERIES).map((s) => <SeriesChart key={s.key} series={s} by={data.by} />)}
              </div>
              {data.series.length > MAX_SERIES && <p className="muted">{t('rv.trend.more', { n: data.series.length - MAX_SERIES })}</p>}
            </>
          )
        }
      </Loadable>
    </Panel>
  );
}

function SeriesChart({ series, by }: { series: Series; by: 'source' | 'location' }) {
  const { t, num, dir, date } = useI18n();
  const name = series.label === null ? t('rv.trend.noLocation') : by === 'source' ? sourceLabel(t, series.label) : series.label;
  const chart = useMemo(() => {
    const points = series.points.map((p) => ({ period: p.month, partial: p.partial, value: p.result.value, ci95: p.result.ci95, n: p.result.n }));
    const data = toBandData(points);
    const shown = { ...data, categories: data.categories.map((c) => date(`${c}T00:00:00`, { month: 'short', year: 'numeric' })) };
    const labels = { value: t('rv.trend.value'), band: t('rv.trend.band'), partial: t('rv.trend.partial'), partialNote: t('rv.trend.partialNote') };
    const option = trendOption(shown, labels, bandAxisRange(data, { min: 1, max: 5 }), { num, rtl: dir === 'rtl' });
    const table = {
      caption: t('rv.trend.caption', { name }),
      columns: [t('rv.col.month'), t('rv.col.mean'), t('rv.col.ciLow'), t('rv.col.ciHigh'), 'n'],
      rows: points.map((p) => [p.period.slice(0, 7), p.value, p.ci95?.[0] ?? null, p.ci95?.[1] ?? null, p.n]),
    };
    const summary = t('rv.trend.summary', { name, value: num(series.overall.value, 2), n: series.overall.n });
    return { option, table, summary };
  }, [series, name, t, num, dir, date]);
  return (
    <section className="rv-series" aria-label={name}>
      <h3 dir="auto"><bdi>{name}</bdi></h3>
      <MetricValue result={series.overall} />
      <Chart option={chart.option} summary={chart.summary} table={chart.table} fileName={`reviews-trend-${series.key || 'none'}`} height={220} />
    </section>
  );
}
