/**
 * @module Quality reviews of support contacts (docs/audits.md "Quality reviews of support contacts"): the
 * contacts to review, the reviews (audit visits of kind 'qa' outside calibration sessions), and the
 * per-employee QA roll-up. Scoped by the contact's (or the review's) location.
 */
import type { Scope } from '../../core/access/index.ts';
import type { QaContact, QaReview, QaScorecard } from '../../core/api/qa.ts';
import { parseChecklist } from '../../core/audits/checklist.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';

interface Period {
  from?: string;
  to?: string;
  timeZone: string;
}

/** `column` within the period's org-local days; pushes its parameters. */
function periodSql(column: string, p: Period, params: unknown[]): string[] {
  const out: string[] = [];
  if (p.from === undefined && p.to === undefined) return out;
  params.push(p.timeZone);
  const tz = params.length;
  if (p.from !== undefined) {
    params.push(p.from);
    out.push(`${column} >= $${params.length}::date::timestamp at time zone $${tz}::text`);
  }
  if (p.to !== undefined) {
    params.push(p.to);
    out.push(`${column} < ($${params.length}::date + 1)::timestamp at time zone $${tz}::text`);
  }
  return out;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Support contacts in scope to review, newest first (at most 200), with how many QA reviews each has. */
export async function listQaContacts(db: Queryable, scope: Scope, f: Period & { agent?: string; q?: string }): Promise<QaContact[]> {
  const params: unknown[] = [scope.orgId];
  const where = ['sc.org_id = $1', locationScopeSql(scope, 'sc.location_id', params), ...periodSql('sc.created_at', f, params)];
  if (f.agent) {
    params.push(f.agent);
    where.push(`(sc.agent = $${params.length} or sc.solved_by = $${params.length})`);
  }
  if (f.q) {
    params.push(like(f.q));
    where.push(`(sc.subject ilike $${params.length} or sc.external_id ilike $${params.length})`);
  }
  const { rows } = await db.query(
    `/* listQaContacts */ select sc.id, sc.external_id, sc.subject, sc.channel, coalesce(sc.solved_by, sc.agent) as agent, sc.created_at,
            (select count(*)::int from audit_visits v where v.org_id = sc.org_id and v.support_contact_id = sc.id and v.kind = 'qa' and v.calibration_id is null) as reviews
       from support_contacts sc where ${where.join(' and ')}
      order by sc.created_at desc, sc.id limit 200`,
    params,
  );
  return rows.map((r) => ({ id: r.id, externalId: r.external_id, subject: r.subject, channel: r.channel, agent: r.agent, createdAt: r.created_at.toISOString(), reviews: r.reviews }));
}

export interface SupportContactFacts {
  id: string;
  externalId: string;
  subject: string | null;
  channel: string | null;
  agent: string | null;
  solvedBy: string | null;
  locationId: string | null;
  createdAt: Date;
}

/** One support contact in scope, or null. */
export async function getSupportContactInScope(db: Queryable, scope: Scope, id: string): Promise<SupportContactFacts | null> {
  const params: unknown[] = [scope.orgId, id];
  const { rows } = await db.query(
    `/* getSupportContactInScope */ select sc.id, sc.external_id, sc.subject, sc.channel, sc.agent, sc.solved_by, sc.location_id, sc.created_at
       from support_contacts sc where sc.org_id = $1 and sc.id = $2 and ${locationScopeSql(scope, 'sc.location_id', params)}`,
    params,
  );
  const r = rows[0];
  return r ? { id: r.id, externalId: r.external_id, subject: r.subject, channel: r.channel, agent: r.agent, solvedBy: r.solved_by, locationId: r.location_id, createdAt: r.created_at } : null;
}

export type Scorecard = QaScorecard;

/** The checklists a contact can be scored on (not archived; 'contact' ones first), each with its current version. */
export async function listScorecards(db: Queryable, orgId: string): Promise<Scorecard[]> {
  const { rows } = await db.query(
    `/* listScorecards */ select c.id, c.name, c.channel, c.version, v.definition from checklists c
       join checklist_versions v on v.org_id = c.org_id and v.checklist_id = c.id and v.version = c.version
      where c.org_id = $1 and not c.archived order by (c.channel <> 'contact'), c.name, c.id`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, channel: r.channel, version: r.version, definition: parseChecklist(r.definition) }));
}

/** A checklist's name, current version and whether it is archived, or null. */
export async function checklistHead(db: Queryable, orgId: string, id: string): Promise<{ name: string; version: number; archived: boolean } | null> {
  const { rows } = await db.query(`/* checklistHead */ select name, version, archived from checklists where org_id = $1 and id = $2`, [orgId, id]);
  return rows[0] ? { name: rows[0].name, version: rows[0].version, archived: rows[0].archived } : null;
}

/** Marks a QA review stored by insertVisit as reviewed and published by its reviewer, and keeps its subject. */
export async function markQaReviewPublished(db: Queryable, orgId: string, visitId: string, userId: string, subject: string | null): Promise<void> {
  await db.query(
    `/* markQaReviewPublished */ update audit_visits set subject = $4, reviewed_at = now(), reviewed_by = $3, published_at = now(), published_by = $3
     where org_id = $1 and id = $2`,
    [orgId, visitId, userId, subject],
  );
}

const REVIEW_SELECT = `select v.id, v.visited_at, v.score, v.earned, v.possible, v.autofail, v.checklist_id, v.checklist_version, c.name as checklist_name,
    v.employee_id, e.name as employee_name, v.support_contact_id, sc.external_id, coalesce(sc.solved_by, sc.agent) as agent,
    coalesce(v.subject, sc.subject) as subject, nullif(u.name, '') as reviewer_name, u.email as reviewer_email, v.answers, v.notes
  from audit_visits v
  join checklists c on c.org_id = v.org_id and c.id = v.checklist_id
  left join employees e on e.org_id = v.org_id and e.id = v.employee_id
  left join support_contacts sc on sc.org_id = v.org_id and sc.id = v.support_contact_id
  left join users u on u.org_id = v.org_id and u.id = v.auditor_id`;

const presentReview = (r: any): QaReview => ({
  id: r.id, visitedAt: r.visited_at.toISOString(), score: r.score, earned: r.earned, possible: r.possible, autofail: r.autofail,
  checklistId: r.checklist_id, checklistVersion: r.checklist_version, checklistName: r.checklist_name, employeeId: r.employee_id, employeeName: r.employee_name,
  supportContactId: r.support_contact_id, externalId: r.external_id, agent: r.agent, subject: r.subject, reviewerName: r.reviewer_name ?? r.reviewer_email ?? null,
});

/** QA reviews in scope (not calibration scorings), newest first, at most 500. */
export async function listQaReviews(db: Queryable, scope: Scope, f: Period & { agent?: string; employeeId?: string }): Promise<QaReview[]> {
  const params: unknown[] = [scope.orgId];
  const where = [`v.org_id = $1 and v.kind = 'qa' and v.calibration_id is null`, locationScopeSql(scope, 'v.location_id', params), ...periodSql('v.visited_at', f, params)];
  if (f.agent) {
    params.push(f.agent);
    where.push(`(e.agent_name = $${params.length} or sc.agent = $${params.length} or sc.solved_by = $${params.length})`);
  }
  if (f.employeeId) {
    params.push(f.employeeId);
    where.push(`v.employee_id = $${params.length}`);
  }
  const { rows } = await db.query(`/* listQaReviews */ ${REVIEW_SELECT} where ${where.join(' and ')} order by v.visited_at desc, v.id limit 500`, params);
  return rows.map(presentReview);
}

/** One QA review in scope with its stored answers and notes, or null. */
export async function getQaReview(db: Queryable, scope: Scope, id: string): Promise<(QaReview & { answers: unknown; notes: string | null }) | null> {
  const params: unknown[] = [scope.orgId, id];
  const { rows } = await db.query(
    `/* getQaReview */ ${REVIEW_SELECT} where v.org_id = $1 and v.id = $2 and v.kind = 'qa' and v.calibration_id is null and ${locationScopeSql(scope, 'v.location_id', params)}`,
    params,
  );
  return rows[0] ? { ...presentReview(rows[0]), answers: rows[0].answers, notes: rows[0].notes } : null;
}

/** Whether the visit exists in the caller's scope. */
export async function visitInScope(db: Queryable, scope: Scope, id: string): Promise<boolean> {
  const params: unknown[] = [scope.orgId, id];
  const { rows } = await db.query(`/* visitInScope */ select 1 from audit_visits v where v.org_id = $1 and v.id = $2 and ${locationScopeSql(scope, 'v.location_id', params)}`, params);
  return rows.length > 0;
}

export interface EmployeeQaRow {
  employeeId: string;
  name: string;
  agentName: string | null;
  /** The published reviews' scores (an autofailed review scores 0; null: nothing applicable). */
  scores: (number | null)[];
  autofails: number;
}

/**
 * Employees in scope with their published QA reviews in the period (by visit time, org calendar): every
 * active employee with an agent name, and any other employee who has reviews.
 */
export async function qaByEmployee(db: Queryable, scope: Scope, p: Period): Promise<EmployeeQaRow[]> {
  const params: unknown[] = [scope.orgId];
  const inScope = locationScopeSql(scope, 'e.location_id', params);
  const visitScope = locationScopeSql(scope, 'v.location_id', params);
  const period = periodSql('v.visited_at', p, params);
  const { rows } = await db.query(
    `/* qaByEmployee */ select e.id, e.name, e.agent_name, coalesce(array_agg(v.score) filter (where v.id is not null), '{}') as scores,
            count(*) filter (where v.autofail)::int as autofails
       from employees e
       left join audit_visits v on v.org_id = e.org_id and v.employee_id = e.id and v.kind = 'qa' and v.status = 'published' and v.calibration_id is null
         and ${[visitScope, ...period].join(' and ')}
      where e.org_id = $1 and ${inScope}
      group by e.id, e.name, e.agent_name, e.active
     having count(v.id) > 0 or (e.active and e.agent_name is not null)
      order by e.name, e.id`,
    params,
  );
  return rows.map((r) => ({ employeeId: r.id, name: r.name, agentName: r.agent_name, scores: r.scores, autofails: r.autofails }));
}
