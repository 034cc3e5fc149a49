/** /app/audits/qa: each agent's QA score beside their customers' CSAT / CES, the way into a review, and the calibration sessions. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Field } from '../components/Field.tsx';
import { LiveStatus, ErrorMessage } from '../components/LiveStatus.tsx';
import { Loadable, Panel } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { QaAgentRow, QaCalibration, QaContact, QaScorecard } from '../../core/api/qa.ts';
import { messageOf } from './format.ts';
import './qa.css';

interface AgentsAnswer { items: QaAgentRow[]; qaTarget: number; csatTarget: number }

function AgentsPanel() {
  const { t, pct, num } = useI18n();
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState(period);
  const agents = useLoad<AgentsAnswer>(`/qa/agents${qs(period)}`);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };
  return (
    <Panel id="qa-agents" title={t('qa.agents.title')}>
      <form className="qa-row" onSubmit={apply}>
        <Field label={t('qa.from')}>{(p) => <input {...p} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}</Field>
        <Field label={t('qa.to')}>{(p) => <input {...p} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}</Field>
        <button type="submit">{t('qa.apply')}</button>
      </form>
      <Loadable state={agents} height={160}>
        {(data) => data.items.length === 0 ? <EmptyState title={t('qa.agents.empty')} /> : (
          <>
            <p className="muted">{t('qa.agents.targets', { qa: pct(data.qaTarget, 0), csat: pct(data.csatTarget, 0) })}</p>
            <SupportTable testId="qa-agents" caption={t('qa.agents.title')} wide>
              <thead>
                <tr>
                  <th scope="col">{t('qa.agents.col.agent')}</th>
                  <th scope="col">{t('qa.agents.col.reviews')}</th>
                  <th scope="col">{t('qa.agents.col.qa')}</th>
                  <th scope="col">{t('qa.agents.col.autofails')}</th>
                  <th scope="col">{t('qa.agents.col.csat')}</th>
                  <th scope="col">{t('qa.agents.col.ces')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.employeeId ?? `agent-${r.agentName}`}>
                    <th scope="row">
                      {r.employeeId ? <Link to={`/app/audits/staff/${r.employeeId}`}><bdi>{r.name}</bdi></Link> : <bdi>{r.name}</bdi>}
                      {!r.employeeId && <small className="muted"> ({t('qa.agents.notInDirectory')})</small>}
                    </th>
                    <td>{num(r.reviews)}</td>
                    <td>{r.qaScore === null ? t('qa.none') : pct(r.qaScore, 1)}{r.belowQaTarget && <> <span className="qa-below">{t('qa.agents.below')}</span></>}</td>
                    <td>{num(r.autofails)}</td>
                    <td>
                      {r.csat?.value == null ? t('qa.none') : pct(r.csat.value, 1)}{r.belowCsatTarget && <> <span className="qa-below">{t('qa.agents.below')}</span></>}
                      {r.csat && <small className="muted"> · {t('qa.agents.n', { n: r.csat.n })}</small>}
                    </td>
                    <td>
                      {r.ces?.value == null ? t('qa.none') : num(r.ces.value, 2)}
                      {r.ces && <small className="muted"> · {t('qa.agents.n', { n: r.ces.n })}</small>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </SupportTable>
          </>
        )}
      </Loadable>
    </Panel>
  );
}

function NewCalibration({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const scorecards = useLoad<{ items: QaScorecard[] }>('/qa/scorecards');
  const reviewers = useLoad<{ items: { id: string; name: string }[] }>('/qa/reviewers');
  const contacts = useLoad<{ items: QaContact[] }>('/qa/contacts');
  const [form, setForm] = useState({ name: '', checklistId: '', contactId: '', subject: '', reviewerIds: [] as string[] });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post('/audit-calibrations', {
        name: form.name, checklistId: form.checklistId || scorecards.data?.items[0]?.id, reviewerIds: form.reviewerIds,
        ...(form.contactId ? { supportContactId: form.contactId } : { subject: form.subject }),
      });
      setStatus(t('qa.saved'));
      setForm({ name: '', checklistId: '', contactId: '', subject: '', reviewerIds: [] });
      onCreated();
    } catch (err) {
      setError(t('qa.saveError', { message: messageOf(err) }));
    }
  };
  return (
    <details className="card">
      <summary>{t('qa.cal.new')}</summary>
      <form className="qa-form" onSubmit={submit} data-testid="qa-cal-form">
        <Field label={t('qa.cal.name')}>{(p) => <input {...p} required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
        <Field label={t('qa.review.checklist')}>
          {(p) => (
            <select {...p} value={form.checklistId} onChange={(e) => setForm({ ...form, checklistId: e.target.value })}>
              {scorecards.data?.items.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('qa.cal.contact')}>
          {(p) => (
            <select {...p} value={form.contactId} onChange={(e) => setForm({ ...form, contactId: e.target.value })}>
              <option value="">{t('qa.review.byHand')}</option>
              {contacts.data?.items.map((c) => <option key={c.id} value={c.id}>{c.externalId} · {c.subject ?? ''}</option>)}
            </select>
          )}
        </Field>
        {!form.contactId && (
          <Field label={t('qa.review.subject')}>{(p) => <textarea {...p} required maxLength={20000} value={form.subject} onChange={(e) => setForm({ ...form, subject: e.target.value })} />}</Field>
        )}
        <fieldset className="qa-section">
          <legend>{t('qa.cal.reviewers')}</legend>
          <div className="qa-choices">
            {reviewers.data?.items.map((r) => (
              <label key={r.id}>
                <input
                  type="checkbox" checked={form.reviewerIds.includes(r.id)}
                  onChange={(e) => setForm({ ...form, reviewerIds: e.target.checked ? [...form.reviewerIds, r.id] : form.reviewerIds.filter((x) => x !== r.id) })}
                />
                <bdi>{r.name}</bdi>
              </label>
            ))}
          </div>
        </fieldset>
        <ErrorMessage message={error} />
        <div className="qa-actions"><button type="submit" className="primary">{t('qa.cal.create')}</button></div>
        <LiveStatus message={status} kind="success" />
      </form>
    </details>
  );
}

function CalibrationsPanel() {
  const { t, date } = useI18n();
  const { can } = useSession();
  const list = useLoad<{ items: QaCalibration[] }>('/audit-calibrations');
  return (
    <Panel id="qa-cal" title={t('qa.cal.title')}>
      <p className="muted">{t('qa.cal.intro')}</p>
      {can('audit.manage') && <NewCalibration onCreated={() => void list.reload()} />}
      <Loadable state={list} height={120}>
        {(data) => data.items.length === 0 ? <EmptyState title={t('qa.cal.empty')} /> : (
          <ul className="qa-notes" data-testid="qa-cal-list">
            {data.items.map((c) => (
              <li key={c.id} className="qa-note">
                <Link to={`/app/audits/qa/calibrations/${c.id}`}><bdi>{c.name}</bdi></Link>{' '}
                <span className="qa-badge">{t(`qa.cal.status.${c.status}`)}</span>
                <div className="qa-note-meta muted">
                  <span><bdi>{c.checklistName}</bdi></span>
                  <span>{t('qa.cal.scored', { scored: c.scored, total: c.reviewerIds.length })}</span>
                  <span>{date(c.createdAt)}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
    </Panel>
  );
}

export function QaPage() {
  const { t } = useI18n();
  return (
    <div className="an-page">
      <div className="an-page-head">
        <PageTitle title={t('qa.title')} />
        <Link to="/app/audits/qa/review" className="button primary" data-testid="qa-review-start">{t('qa.review.start')}</Link>
      </div>
      <p className="muted">{t('qa.intro')}</p>
      <AgentsPanel />
      <CalibrationsPanel />
    </div>
  );
}
