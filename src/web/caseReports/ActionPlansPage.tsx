/** /app/action-plans: the plans touching the caller's locations, newest start first, and a way to start one. */
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loadable } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { ActionPlansAnswer } from '../../core/api/actionPlans.ts';
import '../support/support.css';
import './caseReports.css';

export function ActionPlansPage() {
  const { t, date } = useI18n();
  const { can } = useSession();
  const plans = useLoad<ActionPlansAnswer>('/action-plans');
  const day = (d: string | null) => (d ? date(`${d}T12:00:00Z`) : t('clr.none'));
  return (
    <div className="an-page">
      <div className="an-page-head">
        <PageTitle title={t('plan.title')} />
        {can('plan.manage') && <Link to="/app/action-plans/new" className="button primary" data-testid="plan-new">{t('plan.new')}</Link>}
      </div>
      <p className="muted">{t('plan.intro')}</p>
      <Loadable state={plans} height={200}>
        {(data) => data.items.length === 0 ? (
          <EmptyState title={t('plan.empty')}><p className="muted">{t(can('plan.manage') ? 'plan.emptyHint' : 'plan.emptyReadOnly')}</p></EmptyState>
        ) : (
          <section className="card">
            <SupportTable testId="plan-list" caption={t('plan.title')} wide>
              <thead>
                <tr>
                  <th scope="col">{t('plan.col.title')}</th>
                  <th scope="col">{t('plan.col.status')}</th>
                  <th scope="col">{t('plan.col.locations')}</th>
                  <th scope="col">{t('plan.col.owner')}</th>
                  <th scope="col">{t('plan.col.start')}</th>
                  <th scope="col">{t('plan.col.due')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row"><Link to={`/app/action-plans/${p.id}`}><bdi>{p.title}</bdi></Link></th>
                    <td><span className={`badge plan-status-${p.status}`}>{t(`plan.status.${p.status}`)}</span></td>
                    <td><bdi>{p.locations.length ? p.locations.map((l) => l.name).join(', ') : t('plan.allLocations')}</bdi></td>
                    <td><bdi>{p.owner ? p.owner.name ?? p.owner.email : t('plan.noOwner')}</bdi></td>
                    <td>{day(p.startDate)}</td>
                    <td>{day(p.dueDate)}</td>
                  </tr>
                ))}
              </tbody>
            </SupportTable>
          </section>
        )}
      </Loadable>
    </div>
  );
}
