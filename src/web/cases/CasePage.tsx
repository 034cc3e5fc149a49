/**
 * /app/cases/:id: one case (docs/closed-loop.md "Cases"): the header (status, priority, owner, due time and
 * SLA state) with its changes and reopen, the source and the customer, the timeline, the note box with
 * @mention completion, the reply by e-mail, the Resolve dialog and compensation.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { ErrorMessage, LiveStatus } from '../components/LiveStatus.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorBox, Skeleton } from '../analytics/ui.tsx';
import type { CaseAnswer, CasePeopleAnswer } from '../../core/api/cases.ts';
import type { RootCausesAnswer } from '../../core/api/rootCauses.ts';
import { CASE_PRIORITIES, CASE_TRANSITIONS, isOpenStatus, type CaseStatus } from '../../core/closedLoop/model.ts';
import { DueCell, PriorityBadge, StatusTag } from './badges.tsx';
import { Timeline } from './Timeline.tsx';
import { NoteBox } from './NoteBox.tsx';
import { ReplyForm } from './ReplyForm.tsx';
import { ResolveDialog } from './ResolveDialog.tsx';
import { CompensationPanel } from './CompensationPanel.tsx';
import { SourcePanel } from './SourcePanel.tsx';
import './cases.css';

type SlaState = 'overdue' | 'onTime' | 'met' | 'missed' | 'none';

function slaState(c: CaseAnswer): SlaState {
  if (!c.dueAt) return 'none';
  if (isOpenStatus(c.status)) return c.overdue ? 'overdue' : 'onTime';
  const done = c.resolvedAt ?? c.closedAt;
  return done && done <= c.dueAt ? 'met' : 'missed';
}

export function CasePage() {
  const { id = '' } = useParams();
  const { t, num } = useI18n();
  const loaded = useLoad<CaseAnswer>(`/cases/${encodeURIComponent(id)}`);
  const people = useLoad<CasePeopleAnswer>('/cases/people');
  const causes = useLoad<RootCausesAnswer>('/root-causes');
  const [status, setStatus] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);
  const c = loaded.data;
  const done = (message: string, next?: CaseAnswer) => {
    setStatus(message);
    if (next) loaded.setData(next);
    else void loaded.reload();
  };

  if (!c) {
    if (loaded.error && (loaded.error as { status?: number }).status === 404) {
      return (
        <div className="an-page cs-page">
          <PageTitle title={t('cs.title')} />
          <p data-testid="case-not-found">{t('cs.notFound')}</p>
          <p><Link to="/app/cases">{t('cs.back')}</Link></p>
        </div>
      );
    }
    return loaded.error ? <ErrorBox error={loaded.error} onRetry={loaded.reload} /> : <Skeleton height={400} />;
  }
  const work = c.abilities.work;
  const canResolve = work && CASE_TRANSITIONS[c.status].includes('resolved');

  return (
    <div className="an-page cs-page cs-case" data-testid="case-page">
      <p><Link to="/app/cases">{t('cs.back')}</Link></p>
      <div className="an-page-head">
        <PageTitle title={`#${c.number} ${c.title}`}><bdi>#{num(c.number, 0)}</bdi> <bdi>{c.title}</bdi></PageTitle>
        {canResolve && (
          <button type="button" className="primary" onClick={() => setResolving(true)} data-testid="resolve-open">{t('cs.resolve')}</button>
        )}
        {work && (c.status === 'resolved' || c.status === 'closed') && (
          <ReopenButton id={c.id} onDone={(next) => done(t('cs.reopened'), next)} />
        )}
      </div>
      <LiveStatus message={status} kind="success" />
      <CaseHeader c={c} />
      {work && <ChangeForm c={c} people={people.data?.users ?? []} teams={people.data?.teams ?? []} onSaved={(next) => done(t('cs.change.saved'), next)} />}
      <div className="cs-columns">
        <div className="cs-main">
          <section className="card" aria-labelledby="cs-desc">
            <h2 id="cs-desc">{t('cs.description')}</h2>
            {c.description ? <p className="cs-text">{c.description}</p> : <p className="muted">{t('cs.noDescription')}</p>}
          </section>
          <Timeline c={c} causes={causes.data?.items ?? []} />
          {work && <NoteBox caseId={c.id} people={people.data?.users ?? []} onAdded={(message) => done(message)} />}
          {work && <ReplyForm c={c} onSent={(message) => done(message)} />}
        </div>
        <aside className="cs-side">
          <SourcePanel c={c} />
          <CustomerPanel c={c} />
          <CompensationPanel c={c} onGiven={(message) => done(message)} />
        </aside>
      </div>
      {canResolve && (
        <ResolveDialog
          open={resolving}
          c={c}
          causes={causes.data?.items ?? []}
          onCancel={() => setResolving(false)}
          onResolved={(next) => {
            setResolving(false);
            done(t('cs.resolve.done'), next);
          }}
        />
      )}
    </div>
  );
}

function CaseHeader({ c }: { c: CaseAnswer }) {
  const { t, date } = useI18n();
  const sla = slaState(c);
  return (
    <section className="card cs-header" aria-label={t('cs.h.details')}>
      <dl className="cs-facts">
        <div><dt>{t('cs.h.status')}</dt><dd><StatusTag status={c.status} /></dd></div>
        <div><dt>{t('cs.h.priority')}</dt><dd><PriorityBadge priority={c.priority} /></dd></div>
        <div><dt>{t('cs.h.owner')}</dt><dd>{c.owner?.name ? <bdi>{c.owner.name}</bdi> : <span className="muted">{t('cs.unassigned')}</span>}</dd></div>
        {c.team && <div><dt>{t('cs.h.team')}</dt><dd><bdi>{c.team.name}</bdi></dd></div>}
        <div><dt>{t('cs.h.location')}</dt><dd>{c.location ? <bdi>{c.location.name}</bdi> : <span className="muted">{t('cs.noLocation')}</span>}</dd></div>
        <div><dt>{t('cs.h.due')}</dt><dd><DueCell dueAt={c.dueAt} overdue={c.overdue} /></dd></div>
        <div><dt>{t('cs.h.sla')}</dt><dd><span className={`badge cs-sla-${sla}`} data-testid="sla-state">{t(`cs.sla.${sla}` as MessageKey)}</span></dd></div>
        <div><dt>{t('cs.h.opened')}</dt><dd><time dateTime={c.createdAt}>{date(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time></dd></div>
      </dl>
    </section>
  );
}

function ChangeForm({ c, people, teams, onSaved }: { c: CaseAnswer; people: CasePeopleAnswer['users']; teams: CasePeopleAnswer['teams']; onSaved(next: CaseAnswer): void }) {
  const { t } = useI18n();
  const moves = CASE_TRANSITIONS[c.status].filter((s) => s !== 'resolved');
  const [status, setStatus] = useState<CaseStatus>(c.status);
  const [priority, setPriority] = useState(c.priority);
  const [owner, setOwner] = useState(c.owner?.id ?? '');
  const [team, setTeam] = useState(c.team?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = status !== c.status || priority !== c.priority || owner !== (c.owner?.id ?? '') || team !== (c.team?.id ?? '');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = {};
      if (status !== c.status) body.status = status;
      if (priority !== c.priority) body.priority = priority;
      if (owner !== (c.owner?.id ?? '')) body.ownerUserId = owner || null;
      if (team !== (c.team?.id ?? '')) body.teamId = team || null;
      onSaved(await api.patch<CaseAnswer>(`/cases/${c.id}`, body));
    } catch (err) {
      setError(t('cs.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card cs-change" onSubmit={save} aria-label={t('cs.change')} data-testid="change-form">
      <label className="field">
        {t('cs.h.status')}
        <select value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)} data-testid="change-status">
          <option value={c.status}>{t(`cs.status.${c.status}` as MessageKey)}</option>
          {moves.map((s) => <option key={s} value={s}>{t(`cs.status.${s}` as MessageKey)}</option>)}
        </select>
      </label>
      <label className="field">
        {t('cs.h.priority')}
        <select value={priority} onChange={(e) => setPriority(e.target.value as CaseAnswer['priority'])}>
          {CASE_PRIORITIES.map((p) => <option key={p} value={p}>{t(`cs.priority.${p}` as MessageKey)}</option>)}
        </select>
      </label>
      <label className="field">
        {t('cs.h.owner')}
        <select value={owner} onChange={(e) => setOwner(e.target.value)} data-testid="change-owner">
          <option value="">{t('cs.unassigned')}</option>
          {c.owner && !people.some((p) => p.id === c.owner!.id) && <option value={c.owner.id}>{c.owner.name}</option>}
          {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      {(teams.length > 0 || c.team) && (
        <label className="field">
          {t('cs.h.team')}
          <select value={team} onChange={(e) => setTeam(e.target.value)}>
            <option value="">—</option>
            {c.team && !teams.some((x) => x.id === c.team!.id) && <option value={c.team.id}>{c.team.name}</option>}
            {teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
      )}
      <button type="submit" className="secondary" disabled={!changed || busy}>{t('cs.change.save')}</button>
      <ErrorMessage message={error} />
    </form>
  );
}

function ReopenButton({ id, onDone }: { id: string; onDone(next: CaseAnswer): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const reopen = async () => {
    try {
      onDone(await api.patch<CaseAnswer>(`/cases/${id}`, { status: 'in_progress' }));
    } catch (err) {
      setError(t('cs.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => void reopen()} data-testid="reopen">{t('cs.reopen')}</button>
      <ErrorMessage message={error} />
    </>
  );
}

function CustomerPanel({ c }: { c: CaseAnswer }) {
  const { t } = useI18n();
  const unknown = <span className="muted">{t('cs.customer.unknown')}</span>;
  return (
    <section className="card" aria-labelledby="cs-customer">
      <h2 id="cs-customer">{t('cs.customer')}</h2>
      <dl className="cs-facts cs-facts-stack">
        <div><dt>{t('cs.customer.name')}</dt><dd>{c.customerName || unknown}</dd></div>
        <div><dt>{t('cs.customer.email')}</dt><dd>{c.customerEmail ? <bdi>{c.customerEmail}</bdi> : unknown}</dd></div>
        <div><dt>{t('cs.customer.phone')}</dt><dd>{c.customerPhone ? <bdi dir="ltr">{c.customerPhone}</bdi> : unknown}</dd></div>
      </dl>
    </section>
  );
}
