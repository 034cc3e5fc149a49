/**
 * @module Audit visits for reviewers and locations (docs/audits.md "Review, publishing and appeals"): the list,
 * one visit with its outcomes, evidence, corrections and appeals, the status moves, corrections and appeals.
 * Visibility: a reviewer (`audit.review`) sees every visit in their locations; anyone else only published
 * ones. Visits without a location (QA reviews) only unrestricted callers see. Scores are written only by
 * writeVisitScore (./visitScore.ts).
 */
import type { Scope } from '../../core/access/index.ts';
import type { Appeal, Visit, VisitListFilter, VisitRow } from '../../core/api/auditVisits.ts';
import type { StoredAnswers } from '../../core/audits/answers.ts';
import type { MoveResult, VisitStatus } from '../../core/audits/visitStatus.ts';
import type { Queryable } from '../connection.ts';
import { binder } from '../queries/analyticsSource.ts';
import { locationScopeSql } from '../scope.ts';

/** Who is looking: their organisation and locations, and whether they review (see unpublished visits). */
export interface VisitViewer {
  scope: Scope;
  reviewer: boolean;
}

function visibleSql(viewer: VisitViewer, params: unknown[]): string {
  // A calibration session's scorings belong to the session (src/server/audits/qaRoutes.ts), never to the review queue.
  const parts = [locationScopeSql(viewer.scope, 'v.location_id', params), 'v.calibration_id is null'];
  if (!viewer.reviewer) parts.push(`v.status = 'published'`);
  return parts.join(' and ');
}

const rowSelect = (extra = '') => `select v.*${extra}, l.name as location_name, l.kind as location_kind, w.name as wave_name, c.name as checklist_name,
    coalesce(nullif(u.name, ''), u.email) as auditor_name, e.name as employee_name,
    (select count(*)::int from audit_visit_items i where i.org_id = v.org_id and i.visit_id = v.id and i.failed) as failed_items
  from audit_visits v
    left join locations l on l.org_id = v.org_id and l.id = v.location_id
    left join audit_waves w on w.org_id = v.org_id and w.id = v.wave_id
    left join checklists c on c.org_id = v.org_id and c.id = v.checklist_id
    left join users u on u.org_id = v.org_id and u.id = v.auditor_id
    left join employees e on e.org_id = v.org_id and e.id = v.employee_id`;

function presentRow(r: any): VisitRow {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    locationId: r.location_id,
    locationName: r.location_name ?? null,
    locationKind: r.location_kind ?? null,
    waveId: r.wave_id,
    waveName: r.wave_name ?? null,
    checklistId: r.checklist_id,
    checklistName: r.checklist_name ?? null,
    checklistVersion: r.checklist_version,
    auditorId: r.auditor_id,
    auditorName: r.auditor_name ?? null,
    employeeId: r.employee_id,
    employeeName: r.employee_name ?? null,
    employeeLabel: r.employee_label,
    visitedAt: r.visited_at.toISOString(),
    score: r.score,
    earned: r.earned,
    possible: r.possible,
    autofail: r.autofail,
    failedItems: r.failed_items,
  };
}

/** The visits the viewer may see, the latest visit first, a page of them and the total. */
export async function listVisits(db: Queryable, viewer: VisitViewer, f: VisitListFilter): Promise<{ items: VisitRow[]; total: number }> {
  const params: unknown[] = [];
  const p = binder(params);
  const where = [`v.org_id = ${p(viewer.scope.orgId)}`, visibleSql(viewer, params)];
  if (f.status) where.push(`v.status = ${p(f.status)}`);
  if (f.waveId) where.push(`v.wave_id = ${p(f.waveId)}`);
  if (f.locationId) where.push(`v.location_id = ${p(f.locationId)}`);
  if (f.kind) where.push(`v.kind = ${p(f.kind)}`);
  if (f.from) where.push(`v.visited_at >= ${p(f.from)}::date`);
  if (f.to) where.push(`v.visited_at < ${p(f.to)}::date + 1`);
  const { rows } = await db.query(
    `/* listAuditVisits */ ${rowSelect(', count(*) over () as total_rows')} where ${where.join(' and ')}
     order by v.visited_at desc, v.id limit ${p(f.limit)} offset ${p(f.offset)}`,
    params,
  );
  let total = rows.length ? Number(rows[0].total_rows) : 0;
  if (rows.length === 0 && f.offset > 0) {
    const count = await db.query(`/* countAuditVisits */ select count(*)::int as n from audit_visits v where ${where.join(' and ')}`, params.slice(0, -2));
    total = count.rows[0].n;
  }
  return { items: rows.map(presentRow), total };
}

type VisitCore = Omit<Visit, 'can'>;

/** One visit the viewer may see, with everything the review page shows, or null. */
export async function getVisit(db: Queryable, viewer: VisitViewer, id: string): Promise<VisitCore | null> {
  const params: unknown[] = [];
  const p = binder(params);
  const where = [`v.org_id = ${p(viewer.scope.orgId)}`, `v.id = ${p(id)}`, visibleSql(viewer, params)];
  const { rows } = await db.query(
    `/* getAuditVisit */ select r.*, cv.definition,
       (select coalesce(nullif(x.name, ''), x.email) from users x where x.org_id = r.org_id and x.id = r.reviewed_by) as reviewer_name,
       (select coalesce(nullif(x.name, ''), x.email) from users x where x.org_id = r.org_id and x.id = r.published_by) as publisher_name
     from (${rowSelect()} where ${where.join(' and ')}) r
       join checklist_versions cv on cv.org_id = r.org_id and cv.checklist_id = r.checklist_id and cv.version = r.checklist_version`,
    params,
  );
  const r = rows[0];
  if (!r) return null;
  const [items, evidence, corrections, appeals] = await Promise.all([
    db.query(
      `/* auditVisitItems */ select item_key, section_key, standard, critical, applicable, earned, possible, failed from audit_visit_items where org_id = $1 and visit_id = $2`,
      [viewer.scope.orgId, id],
    ),
    db.query(
      `/* auditVisitEvidence */ select id, item_key, kind, content_type, size_bytes from audit_evidence where org_id = $1 and visit_id = $2 order by created_at, id`,
      [viewer.scope.orgId, id],
    ),
    db.query(
      `/* auditVisitCorrections */ select c.*, coalesce(nullif(u.name, ''), u.email) as by_name from audit_corrections c
         left join users u on u.org_id = c.org_id and u.id = c.corrected_by
       where c.org_id = $1 and c.visit_id = $2 order by c.created_at, c.id`,
      [viewer.scope.orgId, id],
    ),
    listVisitAppeals(db, viewer.scope.orgId, id),
  ]);
  return {
    ...presentRow(r),
    definition: r.definition,
    answers: r.answers,
    notes: r.notes,
    items: items.rows.map((i) => ({
      itemKey: i.item_key, sectionKey: i.section_key, standard: i.standard, critical: i.critical, applicable: i.applicable, earned: i.earned, possible: i.possible, failed: i.failed,
    })),
    evidence: evidence.rows.map((e) => ({ id: e.id, itemKey: e.item_key, kind: e.kind, contentType: e.content_type, sizeBytes: e.size_bytes })),
    corrections: corrections.rows.map((c) => ({
      id: c.id, itemKey: c.item_key, oldAnswer: c.old_answer, newAnswer: c.new_answer, reason: c.reason, correctedBy: c.by_name ?? null, createdAt: c.created_at.toISOString(),
    })),
    appeals,
    submittedAt: r.submitted_at.toISOString(),
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
    reviewedBy: r.reviewer_name ?? null,
    publishedAt: r.published_at?.toISOString() ?? null,
    publishedBy: r.publisher_name ?? null,
  };
}

const APPEAL_SELECT = `select a.*, coalesce(nullif(u.name, ''), u.email) as appealed_name, coalesce(nullif(d.name, ''), d.email) as decided_name
  from audit_appeals a
    left join users u on u.org_id = a.org_id and u.id = a.appealed_by
    left join users d on d.org_id = a.org_id and d.id = a.decided_by`;

function presentAppeal(a: any): Appeal {
  return {
    id: a.id, visitId: a.visit_id, itemKey: a.item_key, reason: a.reason, appealedBy: a.appealed_name ?? null, createdAt: a.created_at.toISOString(),
    decision: a.decision, decisionNote: a.decision_note, decidedBy: a.decided_name ?? null, decidedAt: a.decided_at?.toISOString() ?? null,
  };
}

async function listVisitAppeals(db: Queryable, orgId: string, visitId: string): Promise<Appeal[]> {
  const { rows } = await db.query(`/* auditVisitAppeals */ ${APPEAL_SELECT} where a.org_id = $1 and a.visit_id = $2 order by a.created_at, a.id`, [orgId, visitId]);
  return rows.map(presentAppeal);
}

/** The visit's status and what its answers are scored against, locked for the caller's transaction. */
export async function lockVisit(tx: Queryable, orgId: string, id: string): Promise<{ status: VisitStatus; checklistId: string; checklistVersion: number; answers: StoredAnswers } | null> {
  const { rows } = await tx.query(
    `/* lockAuditVisit */ select status, checklist_id, checklist_version, answers from audit_visits where org_id = $1 and id = $2 for update`,
    [orgId, id],
  );
  return rows[0] ? { status: rows[0].status, checklistId: rows[0].checklist_id, checklistVersion: rows[0].checklist_version, answers: rows[0].answers } : null;
}

/** Logs a changed answer with its reason (the review log). */
export async function insertCorrection(
  tx: Queryable, orgId: string, visitId: string, c: { itemKey: string; oldAnswer: unknown; newAnswer: unknown; reason: string; by: string },
): Promise<void> {
  await tx.query(
    `/* insertAuditCorrection */ insert into audit_corrections(org_id, visit_id, item_key, old_answer, new_answer, reason, corrected_by) values ($1, $2, $3, $4, $5, $6, $7)`,
    [orgId, visitId, c.itemKey, c.oldAnswer === undefined ? null : JSON.stringify(c.oldAnswer), c.newAnswer === undefined ? null : JSON.stringify(c.newAnswer), c.reason, c.by],
  );
}

/** Moves the visit from `from` as the rule decided; false when its status changed meanwhile. */
export async function moveVisitStatus(tx: Queryable, orgId: string, id: string, from: VisitStatus, move: MoveResult, userId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `/* moveAuditVisit */ update audit_visits set status = $4, updated_at = now(),
       reviewed_at = case when $5 then now() else reviewed_at end, reviewed_by = case when $5 then $7::uuid else reviewed_by end,
       published_at = case when $6 then now() else published_at end, published_by = case when $6 then $7::uuid else published_by end
     where org_id = $1 and id = $2 and status = $3`,
    [orgId, id, from, move.status, move.recordsReview, move.recordsPublish, userId],
  );
  return rowCount === 1;
}

/** Links the visit to an employee of the directory and / or changes the free-text label. */
export async function updateVisitEmployee(db: Queryable, orgId: string, id: string, change: { employeeId?: string | null; employeeLabel?: string | null }): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [orgId, id];
  if (change.employeeId !== undefined) {
    params.push(change.employeeId);
    sets.push(`employee_id = $${params.length}`);
  }
  if (change.employeeLabel !== undefined) {
    params.push(change.employeeLabel);
    sets.push(`employee_label = $${params.length}`);
  }
  if (sets.length === 0) return;
  await db.query(`/* updateAuditVisitEmployee */ update audit_visits set ${sets.join(', ')}, updated_at = now() where org_id = $1 and id = $2`, params);
}

export async function isOrgEmployee(db: Queryable, orgId: string, employeeId: string): Promise<boolean> {
  const { rowCount } = await db.query(`/* isOrgEmployee */ select 1 from employees where org_id = $1 and id = $2`, [orgId, employeeId]);
  return !!rowCount;
}

/** Stores an appeal; null when the item was appealed already (once per item). */
export async function insertAppeal(db: Queryable, orgId: string, visitId: string, a: { itemKey: string; reason: string; by: string }): Promise<string | null> {
  const { rows } = await db.query(
    `/* insertAuditAppeal */ insert into audit_appeals(org_id, visit_id, item_key, reason, appealed_by) values ($1, $2, $3, $4, $5)
     on conflict (org_id, visit_id, item_key) do nothing returning id`,
    [orgId, visitId, a.itemKey, a.reason, a.by],
  );
  return rows[0]?.id ?? null;
}

/** An appeal whose visit the viewer may see, or null. */
export async function getAppeal(db: Queryable, viewer: VisitViewer, id: string): Promise<Appeal | null> {
  const params: unknown[] = [];
  const p = binder(params);
  const { rows } = await db.query(
    `/* getAuditAppeal */ ${APPEAL_SELECT} join audit_visits v on v.org_id = a.org_id and v.id = a.visit_id
     where a.org_id = ${p(viewer.scope.orgId)} and a.id = ${p(id)} and ${visibleSql(viewer, params)}`,
    params,
  );
  return rows[0] ? presentAppeal(rows[0]) : null;
}

/** Records the decision unless the appeal was decided already (false then). */
export async function decideAppeal(tx: Queryable, orgId: string, id: string, d: { decision: 'upheld' | 'rejected'; note: string; by: string }): Promise<boolean> {
  const { rowCount } = await tx.query(
    `/* decideAuditAppeal */ update audit_appeals set decision = $3, decision_note = nullif($4, ''), decided_by = $5, decided_at = now()
     where org_id = $1 and id = $2 and decision is null`,
    [orgId, id, d.decision, d.note, d.by],
  );
  return rowCount === 1;
}
