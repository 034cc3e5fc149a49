/**
 * @module Calibration sessions (docs/audits.md "Calibration"): several reviewers score the same contact on
 * one checklist version; each scoring is an audit visit of kind 'qa' with the session's calibration_id
 * (status 'submitted': it never counts as the agent's QA score). A session about an imported contact is
 * seen only by callers whose scope holds that contact.
 */
import type { Scope } from '../../core/access/index.ts';
import type { QaCalibration } from '../../core/api/qa.ts';
import type { Queryable } from '../connection.ts';

/** The session's contact is in the caller's scope (or it has none). Pushes parameters. */
function contactScopeSql(scope: Scope, params: unknown[]): string {
  if (scope.locationPaths === null) return 'true';
  params.push(scope.orgId);
  const org = params.length;
  params.push(scope.locationPaths.map((p) => `${p}%`));
  return `(k.support_contact_id is null or exists (select 1 from support_contacts sc join locations l on l.org_id = sc.org_id and l.id = sc.location_id
    where sc.org_id = $${org} and sc.id = k.support_contact_id and l.path like any($${params.length}::text[])))`;
}

export type CalibrationRow = QaCalibration;

const SELECT = `select k.id, k.name, k.checklist_id, coalesce(k.checklist_version, c.version) as checklist_version, c.name as checklist_name,
    k.support_contact_id, sc.external_id, coalesce(k.subject, sc.subject) as subject, coalesce(sc.solved_by, sc.agent) as agent,
    k.reviewer_ids, k.status, k.created_at,
    (select count(*)::int from audit_visits v where v.org_id = k.org_id and v.calibration_id = k.id) as scored
  from audit_calibrations k
  join checklists c on c.org_id = k.org_id and c.id = k.checklist_id
  left join support_contacts sc on sc.org_id = k.org_id and sc.id = k.support_contact_id`;

const present = (r: any): CalibrationRow => ({
  id: r.id, name: r.name, checklistId: r.checklist_id, checklistVersion: r.checklist_version, checklistName: r.checklist_name,
  supportContactId: r.support_contact_id, externalId: r.external_id, subject: r.subject, agent: r.agent, reviewerIds: r.reviewer_ids,
  status: r.status, createdAt: r.created_at.toISOString(), scored: r.scored,
});

export async function insertCalibration(db: Queryable, orgId: string, c: {
  name: string; checklistId: string; checklistVersion: number; supportContactId: string | null; subject: string | null; reviewerIds: string[]; createdBy: string;
}): Promise<string> {
  const { rows } = await db.query(
    `/* insertCalibration */ insert into audit_calibrations(org_id, name, checklist_id, checklist_version, support_contact_id, subject, reviewer_ids, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [orgId, c.name, c.checklistId, c.checklistVersion, c.supportContactId, c.subject, c.reviewerIds, c.createdBy],
  );
  return rows[0].id;
}

/** Sessions in scope, open ones first, newest first (at most 200). */
export async function listCalibrations(db: Queryable, scope: Scope): Promise<CalibrationRow[]> {
  const params: unknown[] = [scope.orgId];
  const { rows } = await db.query(
    `/* listCalibrations */ ${SELECT} where k.org_id = $1 and ${contactScopeSql(scope, params)} order by (k.status = 'closed'), k.created_at desc, k.id limit 200`,
    params,
  );
  return rows.map(present);
}

/** One session in scope, or null; locked against a concurrent close when `forUpdate`. */
export async function getCalibration(db: Queryable, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}): Promise<CalibrationRow | null> {
  const params: unknown[] = [scope.orgId, id];
  const { rows } = await db.query(
    `/* getCalibration */ ${SELECT} where k.org_id = $1 and k.id = $2 and ${contactScopeSql(scope, params)}${opts.forUpdate ? ' for update of k' : ''}`,
    params,
  );
  return rows[0] ? present(rows[0]) : null;
}

export interface CalibrationScoring {
  visitId: string;
  reviewerId: string;
  score: number | null;
  earned: number;
  possible: number;
  autofail: boolean;
  answers: Record<string, unknown>;
  submittedAt: string;
  /** The scoring rule's outcome per item (audit_visit_items). */
  items: { key: string; applicable: boolean; failed: boolean }[];
}

/** The reviewers' scorings of a session, in the order they were given. */
export async function listCalibrationScorings(db: Queryable, orgId: string, calibrationId: string): Promise<CalibrationScoring[]> {
  const { rows } = await db.query(
    `/* listCalibrationScorings */ select v.id, v.auditor_id, v.score, v.earned, v.possible, v.autofail, v.answers, v.submitted_at,
            coalesce((select jsonb_agg(jsonb_build_object('key', i.item_key, 'applicable', i.applicable, 'failed', i.failed)) from audit_visit_items i
              where i.org_id = v.org_id and i.visit_id = v.id), '[]') as items
       from audit_visits v where v.org_id = $1 and v.calibration_id = $2 and v.auditor_id is not null order by v.submitted_at, v.id`,
    [orgId, calibrationId],
  );
  return rows.map((r) => ({
    visitId: r.id, reviewerId: r.auditor_id, score: r.score, earned: r.earned, possible: r.possible, autofail: r.autofail, answers: r.answers,
    submittedAt: r.submitted_at.toISOString(), items: r.items,
  }));
}

/** Closes an open session. @returns false when it was closed already */
export async function closeCalibration(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`/* closeCalibration */ update audit_calibrations set status = 'closed', closed_at = now() where org_id = $1 and id = $2 and status = 'open'`, [orgId, id]);
  return (rowCount ?? 0) > 0;
}
