/** Distributions of first response and first resolution time over the buckets <15m … >3d (bar charts with a table alternative). */
import { useMemo } from 'react';
import { qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { Chart } from '../charts/Chart.tsx';
import { barOption, rtlText } from '../../core/charts/options.ts';
import { Panel } from '../analytics/ui.tsx';
import type { SupportDistributionAnswer } from '../../core/api/supportKpis.ts';
import { bucketLabel } from './format.ts';
import { FreshLoadable, type SupportFilters } from './load.tsx';

type Buckets = SupportDistributionAnswer['first_response'];

export function DistributionPanel({ filters }: { filters: SupportFilters }) {
  const { t } = useI18n();
  const state = useLoad<SupportDistributionAnswer>(`/support/distribution${qs(filters)}`);
  return (
    <Panel title={t('sp.dist.title')} id="sp-dist">
      <FreshLoadable state={state} height={260}>
        {(d) => (
          <div className="sp-charts">
            <BucketChart name={t('sp.dist.firstResponse')} buckets={d.first_response} file="support-first-response" />
            <BucketChart name={t('sp.dist.resolution')} buckets={d.first_resolution} file="support-resolution" />
          </div>
        )}
      </FreshLoadable>
    </Panel>
  );
}

function BucketChart({ name, buckets, file }: { name: string; buckets: Buckets; file: string }) {
  const i18n = useI18n();
  const { t, num, dir } = i18n;
  const chart = useMemo(() => {
    const labels = buckets.map((b) => bucketLabel(i18n, b.lower_s));
    const total = buckets.reduce((a, b) => a + b.contacts, 0);
    const top = buckets.reduce((best, b, i) => (b.contacts > buckets[best].contacts ? i : best), 0);
    return {
      option: barOption(labels.map((l) => rtlText(l, dir === 'rtl')), buckets.map((b) => b.contacts), { num, rtl: dir === 'rtl' }),
      summary: t('sp.dist.summary', { name, n: total, buckets: num(buckets.length, 0), top: labels[top] }),
      table: { caption: name, columns: [t('sp.dist.bucket'), t('sp.dist.contacts')], rows: buckets.map((b, i) => [labels[i], b.contacts]) },
    };
  }, [buckets, name, i18n, t, num, dir]);
  return (
    <section className="sp-chart" aria-label={name}>
      <h3>{name}</h3>
      <Chart option={chart.option} summary={chart.summary} table={chart.table} fileName={file} height={220} />
    </section>
  );
}
