/** /app/audits/visits: visits with filters (status, kind, days), status badges, the score and the autofail marker, paged. */
import { useState } from 'react';
import { Link } from 'react-router';
import { qs } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Field } from '../components/Field.tsx';
import { Loadable } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { VisitsAnswer } from '../../core/api/auditVisits.ts';
import { VISIT_KINDS } from '../../core/audits/visitStatus.ts';
import { VISIT_STATUSES } from '../../core/audits/visitStatus.ts';
import { VisitScore, VisitStatusBadge } from './format.tsx';
import '../support/support.css';
// .clr-sub, .plan-meta, .plan-locations: shared with the action plans; without this they only applied after a plan page was opened.
import '../caseReports/caseReports.css';
import './auditVisits.css';

const PAGE = 50;

export function VisitsPage() {
  const { t, date, num } = useI18n();
  const { can } = useSession();
  const reviewer = can('audit.review');
  const [filter, setFilter] = useState({ status: '', kind: '', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const visits = useLoad<VisitsAnswer>(`/audit-visits${qs({ ...filter, limit: PAGE, offset })}`);
  const set = (k: keyof typeof filter) => (e: { target: { value: string } }) => {
    setFilter({ ...filter, [k]: e.target.value });
    setOffset(0);
  };
  const filtered = Object.values(filter).some(Boolean);
  return (
    <div className="an-page">
      <PageTitle title={t('av.title')} />
      <p className="muted">{t(reviewer ? 'av.intro' : 'av.introReadOnly')}</p>
      <div className="av-filters" data-testid="av-filters">
        {reviewer && (
          <Field label={t('av.filter.status')}>
            {(p) => (
              <select {...p} value={filter.status} onChange={set('status')} data-testid="av-filter-status">
                <option value="">{t('av.filter.any')}</option>
                {VISIT_STATUSES.map((s) => <option key={s} value={s}>{t(`av.status.${s}`)}</option>)}
              </select>
            )}
          </Field>
        )}
        <Field label={t('av.filter.kind')}>
          {(p) => (
            <select {...p} value={filter.kind} onChange={set('kind')}>
              <option value="">{t('av.filter.any')}</option>
              {VISIT_KINDS.map((k) => <option key={k} value={k}>{t(`av.kind.${k}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('av.filter.from')}>{(p) => <input {...p} type="date" value={filter.from} onChange={set('from')} />}</Field>
        <Field label={t('av.filter.to')}>{(p) => <input {...p} type="date" value={filter.to} min={filter.from || undefined} onChange={set('to')} />}</Field>
      </div>
      <Loadable state={visits} height={200}>
        {(data) => data.items.length === 0 && !filtered && offset === 0 ? (
          <EmptyState title={t('av.empty')}><p className="muted">{t(reviewer ? 'av.emptyHint' : 'av.emptyReadOnly')}</p></EmptyState>
        ) : (
          <section className="card">
            <p role="status" aria-live="polite" className="muted">{t('av.total', { n: data.total })}</p>
            <SupportTable testId="av-list" caption={t('av.title')} wide>
              <thead>
                <tr>
                  <th scope="col">{t('av.col.visit')}</th>
                  <th scope="col">{t('av.col.location')}</th>
                  <th scope="col">{t('av.col.status')}</th>
                  <th scope="col">{t('av.col.score')}</th>
                  <th scope="col">{t('av.col.failed')}</th>
                  <th scope="col">{t('av.col.auditor')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((v) => (
                  <tr key={v.id} data-testid="av-row">
                    <th scope="row">
                      <Link to={`/app/audits/visits/${v.id}`}>{date(v.visitedAt, { dateStyle: 'medium' })}</Link>
                      <span className="clr-sub muted">{t(`av.kind.${v.kind}` as MessageKey)}</span>
                    </th>
                    <td><bdi>{v.locationName ?? t('av.noLocation')}</bdi></td>
                    <td><VisitStatusBadge status={v.status} /></td>
                    <td><VisitScore score={v.score} autofail={v.autofail} /></td>
                    <td>{num(v.failedItems)}</td>
                    <td><bdi>{v.auditorName ?? ''}</bdi></td>
                  </tr>
                ))}
              </tbody>
            </SupportTable>
            {(offset > 0 || offset + PAGE < data.total) && (
              <nav className="av-pager" aria-label={t('av.title')}>
                <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('av.prev')}</button>
                <button type="button" className="secondary" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>{t('av.next')}</button>
              </nav>
            )}
          </section>
        )}
      </Loadable>
    </div>
  );
}
