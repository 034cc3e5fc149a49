/** /app/audits/staff/:id: an agent's (or seller's) page: QA scores over time, audit visit scores, their customers' CSAT / CES, coaching notes. */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Field } from '../components/Field.tsx';
import { LiveStatus, ErrorMessage } from '../components/LiveStatus.tsx';
import { Loadable, MetricValue, Panel } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { CoachingNote, Employee } from '../../core/api/qa.ts';
import type { MetricResult } from '../../core/stats/result.ts';
import type { EmployeeVisit } from '../../core/api/qa.ts';
import { messageOf } from './format.ts';
import './qa.css';

interface EmployeeAnswer {
  employee: Employee;
  qa: { reviews: EmployeeVisit[]; mean: number | null; autofails: number };
  audits: EmployeeVisit[];
  csat: MetricResult | null;
  ces: { result: MetricResult | null; n: number } | null;
  canCoach: boolean;
}

function VisitTable({ rows, testId, caption }: { rows: EmployeeVisit[]; testId: string; caption: string }) {
  const { t, date, pct } = useI18n();
  return (
    <SupportTable testId={testId} caption={caption}>
      <thead><tr><th scope="col">{t('qa.emp.col.date')}</th><th scope="col">{t('qa.emp.col.score')}</th><th scope="col">{t('qa.emp.col.checklist')}</th><th scope="col">{t('qa.emp.col.location')}</th></tr></thead>
      <tbody>
        {rows.map((v) => (
          <tr key={v.id}>
            <th scope="row"><Link to={`/app/audits/visits/${v.id}`}>{date(v.visitedAt)}</Link></th>
            <td>
              <span className="qa-bar" style={{ inlineSize: `${Math.max(2, (v.score ?? 0) * 0.8)}px` }} aria-hidden="true" /> {v.score === null ? t('qa.none') : pct(v.score, 1)}
              {v.autofail && <> <span className="qa-below">{t('qa.emp.autofail')}</span></>}
            </td>
            <td><bdi>{v.checklistName}</bdi></td>
            <td><bdi>{v.locationName ?? t('qa.none')}</bdi></td>
          </tr>
        ))}
      </tbody>
    </SupportTable>
  );
}

function Coaching({ employeeId }: { employeeId: string }) {
  const { t, date } = useI18n();
  const notes = useLoad<{ items: CoachingNote[] }>(`/employees/${employeeId}/coaching-notes`);
  const [note, setNote] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/employees/${employeeId}/coaching-notes`, { note, followUpOn: followUpOn || null });
      setNote('');
      setFollowUpOn('');
      setStatus(t('qa.saved'));
      void notes.reload();
    } catch (err) {
      setError(t('qa.saveError', { message: messageOf(err) }));
    }
  };
  const toggle = async (n: CoachingNote) => {
    try {
      await api.patch(`/coaching-notes/${n.id}`, { done: !n.done });
      setStatus(t('qa.saved'));
      void notes.reload();
    } catch (err) {
      setError(t('qa.saveError', { message: messageOf(err) }));
    }
  };
  return (
    <Panel id="qa-coaching" title={t('qa.coach.title')}>
      <LiveStatus message={status} kind="success" />
      <Loadable state={notes} height={100}>
        {(data) => data.items.length === 0 ? <EmptyState title={t('qa.coach.empty')} /> : (
          <ul className="qa-notes" data-testid="qa-coaching-notes">
            {data.items.map((n) => (
              <li key={n.id} className={`qa-note${n.overdue ? ' is-overdue' : ''}${n.done ? ' is-done' : ''}`}>
                <p><bdi>{n.note}</bdi></p>
                <div className="qa-note-meta">
                  {n.followUpOn && <span>{t('qa.coach.followUpOn', { date: date(`${n.followUpOn}T12:00:00Z`) })}</span>}
                  {n.overdue && <span className="qa-overdue">{t('qa.coach.overdue')}</span>}
                  {n.done && <span className="qa-badge">{t('qa.coach.done')}</span>}
                  <span className="muted">{t('qa.coach.by', { name: n.createdBy ?? t('qa.none'), date: date(n.createdAt) })}</span>
                  <button type="button" onClick={() => void toggle(n)}>{t(n.done ? 'qa.coach.reopen' : 'qa.coach.markDone')}</button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <form className="qa-form" onSubmit={add}>
        <Field label={t('qa.coach.note')}>{(p) => <textarea {...p} required maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
        <Field label={t('qa.coach.followUp')}>{(p) => <input {...p} type="date" value={followUpOn} onChange={(e) => setFollowUpOn(e.target.value)} />}</Field>
        <ErrorMessage message={error} />
        <div className="qa-actions"><button type="submit" className="primary">{t('qa.coach.add')}</button></div>
      </form>
    </Panel>
  );
}

export function EmployeePage() {
  const { id } = useParams();
  const { t, pct } = useI18n();
  const page = useLoad<EmployeeAnswer>(`/employees/${id}`);
  return (
    <div className="an-page">
      <p><Link to="/app/audits/staff">{t('qa.emp.back')}</Link></p>
      <Loadable state={page} height={300}>
        {(d) => (
          <>
            <PageTitle title={d.employee.name} />
            <p className="muted">
              <bdi>{[d.employee.code, d.employee.locationName, d.employee.agentName].filter(Boolean).join(' · ')}</bdi>
              {!d.employee.active && <> · {t('qa.staff.inactive')}</>}
            </p>
            <dl className="qa-tiles" data-testid="qa-emp-tiles">
              <div className="card qa-tile">
                <dt>{t('qa.emp.qa')}</dt>
                <dd className="qa-big">{d.qa.mean === null ? t('qa.none') : pct(d.qa.mean, 1)}</dd>
                <dd className="muted">{t('qa.emp.reviews', { n: d.qa.reviews.length })} · {t('qa.emp.autofails', { n: d.qa.autofails })}</dd>
              </div>
              <div className="card qa-tile"><dt>{t('qa.emp.csat')}</dt><dd>{d.csat ? <MetricValue result={d.csat} /> : t('qa.none')}</dd></div>
              <div className="card qa-tile">
                <dt>{t('qa.emp.ces')}</dt>
                <dd>{d.ces?.result ? <MetricValue result={d.ces.result} /> : t('qa.none')}</dd>
                {d.ces && !d.ces.result && <dd className="muted">{t('qa.agents.n', { n: d.ces.n })}</dd>}
              </div>
            </dl>
            {!d.employee.agentName && <p className="muted">{t('qa.emp.noAgent')}</p>}
            <Panel id="qa-emp-qa" title={t('qa.emp.qaTitle')}>
              {d.qa.reviews.length === 0 ? <p className="muted">{t('qa.emp.noReviews')}</p> : <VisitTable rows={[...d.qa.reviews].reverse()} testId="qa-emp-reviews" caption={t('qa.emp.qaTitle')} />}
            </Panel>
            <Panel id="qa-emp-audits" title={t('qa.emp.auditsTitle')}>
              {d.audits.length === 0 ? <p className="muted">{t('qa.emp.noAudits')}</p> : <VisitTable rows={d.audits} testId="qa-emp-audits" caption={t('qa.emp.auditsTitle')} />}
            </Panel>
            {d.canCoach && <Coaching employeeId={d.employee.id} />}
          </>
        )}
      </Loadable>
    </div>
  );
}
