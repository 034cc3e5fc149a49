/**
 * CSAT of the survey answers that follow support contacts (GET /support/satisfaction): by the agent credited
 * with the contact (support settings: who solved it, or the last agent) and by full resolution time.
 */
import { qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { MetricValue, Panel } from '../analytics/ui.tsx';
import type { SupportSatisfactionAnswer } from '../../core/api/supportKpis.ts';
import type { ResolutionBucket } from '../../core/support/storing.ts';
import { FreshLoadable, SupportTable, type SupportFilters } from './load.tsx';

export function SatisfactionPanel({ filters }: { filters: SupportFilters }) {
  const { t } = useI18n();
  return (
    <Panel title={t('sp.sat.title')} id="sp-sat">
      <p className="muted">{t('sp.sat.intro')}</p>
      <div className="sp-charts">
        <SatisfactionTable filters={filters} by="agent" />
        <SatisfactionTable filters={filters} by="resolution" />
      </div>
    </Panel>
  );
}

function SatisfactionTable({ filters, by }: { filters: SupportFilters; by: SupportSatisfactionAnswer['by'] }) {
  const { t, num } = useI18n();
  const state = useLoad<SupportSatisfactionAnswer>(`/support/satisfaction${qs({ ...filters, by })}`);
  const heading = t(`sp.sat.by.${by}`);
  const label = (key: string | null) => (by === 'agent' ? key ?? t('sp.sat.noAgent') : t(`sp.sat.bucket.${key as ResolutionBucket}`));
  return (
    <section className="sp-chart" aria-label={heading}>
      <h3>{heading}</h3>
      <FreshLoadable state={state} height={160}>
        {(data) =>
          data.groups.length === 0 ? (
            <p className="muted" data-testid={`sp-sat-${by}-none`}>{t('sp.sat.none')}</p>
          ) : (
            <SupportTable testId={`sp-sat-${by}`} caption={heading}>
              <thead>
                <tr>
                  <th scope="col">{t(by === 'agent' ? 'sp.col.agent' : 'sp.sat.col.resolution')}</th>
                  <th scope="col">{t('sp.sat.col.csat')}</th>
                  <th scope="col" className="num">{t('sp.col.contacts')}</th>
                </tr>
              </thead>
              <tbody>
                {data.groups.map((g) => (
                  <tr key={g.key ?? ''}>
                    <th scope="row" dir="auto"><bdi>{label(g.key)}</bdi></th>
                    <td><MetricValue result={g.csat} /></td>
                    <td className="num">{num(g.contacts, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </SupportTable>
          )
        }
      </FreshLoadable>
    </section>
  );
}
