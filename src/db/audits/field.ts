/**
 * @module The auditor's side of audits (docs/audits.md "The auditor's page (offline)", "Evidence"): their
 * assignments, submitting a visit against one, and the evidence files' rows. An auditor reaches only the
 * assignments given to them: every query here takes their user id.
 */
import type { Queryable } from '../connection.ts';
import type { MyAssignment } from '../../core/api/auditField.ts';

const day = (d: Date | string | null): string | null => (d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10));

/**
 * The user's open assignments (waves not closed), and the ones they submitted in the last `recentDays`
 * days, each with its checklist's current version.
 */
export async function listMyAssignments(db: Queryable, orgId: string, userId: string, recentDays = 14): Promise<MyAssignment[]> {
  const { rows } = await db.query(
    `/* listMyAssignments */ select a.id, a.status, a.due_on::text as due_on, w.id as wave_id, w.name as wave_name, w.ends_on::text as ends_on,
       l.id as location_id, l.name as location_name, l.kind as location_kind, l.code as location_code, p.name as parent_name,
       c.id as checklist_id, c.name as checklist_name, c.channel, cv.version, cv.definition,
       v.id as visit_id, v.status as visit_status, v.score, v.autofail, v.submitted_at
     from audit_assignments a
     join audit_waves w on w.org_id = a.org_id and w.id = a.wave_id
     join locations l on l.org_id = a.org_id and l.id = a.location_id
     left join locations p on p.org_id = l.org_id and p.id = l.parent_id
     join checklists c on c.org_id = w.org_id and c.id = w.checklist_id
     join checklist_versions cv on cv.org_id = c.org_id and cv.checklist_id = c.id and cv.version = c.version
     left join audit_visits v on v.org_id = a.org_id and v.assignment_id = a.id
     where a.org_id = $1 and a.auditor_id = $2
       and ((a.status = 'assigned' and w.status <> 'closed')
         or (a.status = 'submitted' and v.submitted_at > now() - make_interval(days => $3)))
     order by a.status, a.due_on nulls last, l.name, a.id`,
    [orgId, userId, recentDays],
  );
  return rows.map((r): MyAssignment => ({
    id: r.id,
    status: r.status,
    dueOn: day(r.due_on),
    wave: { id: r.wave_id, name: r.wave_name, endsOn: day(r.ends_on)! },
    location: { id: r.location_id, name: r.location_name, kind: r.location_kind, code: r.location_code, parentName: r.parent_name },
    checklistId: r.checklist_id,
    checklistName: r.checklist_name,
    checklistChannel: r.channel,
    checklistVersion: r.version,
    checklist: r.definition,
    visit: r.visit_id ? { id: r.visit_id, status: r.visit_status, score: r.score, autofail: r.autofail, submittedAt: (r.submitted_at as Date).toISOString() } : null,
  }));
}

export interface AssignmentForSubmit {
  id: string;
  status: 'assigned' | 'submitted' | 'cancelled';
  waveId: string;
  locationId: string;
  checklistId: string;
  channel: string;
}

/** The user's own assignment, locked for the submit (null: none, or someone else's). */
export async function lockMyAssignment(tx: Queryable, orgId: string, userId: string, assignmentId: string): Promise<AssignmentForSubmit | null> {
  const { rows } = await tx.query(
    `/* lockMyAssignment */ select a.id, a.status, a.wave_id, a.location_id, w.checklist_id, c.channel
     from audit_assignments a
     join audit_waves w on w.org_id = a.org_id and w.id = a.wave_id
     join checklists c on c.org_id = w.org_id and c.id = w.checklist_id
     where a.org_id = $1 and a.id = $2 and a.auditor_id = $3
     for update of a`,
    [orgId, assignmentId, userId],
  );
  const r = rows[0];
  return r ? { id: r.id, status: r.status, waveId: r.wave_id, locationId: r.location_id, checklistId: r.checklist_id, channel: r.channel } : null;
}

export async function markAssignmentSubmitted(tx: Queryable, orgId: string, assignmentId: string): Promise<void> {
  await tx.query(`/* markAssignmentSubmitted */ update audit_assignments set status = 'submitted' where org_id = $1 and id = $2`, [orgId, assignmentId]);
}

/** A checklist's channel (null: the organisation has no such checklist). */
export async function getChecklistChannel(db: Queryable, orgId: string, checklistId: string): Promise<string | null> {
  const { rows } = await db.query(`/* getChecklistChannel */ select channel from checklists where org_id = $1 and id = $2`, [orgId, checklistId]);
  return rows[0]?.channel ?? null;
}

/** A location's path (null: the organisation has no such location). */
export async function getLocationPath(db: Queryable, orgId: string, locationId: string): Promise<string | null> {
  const { rows } = await db.query(`/* getLocationPath */ select path from locations where org_id = $1 and id = $2`, [orgId, locationId]);
  return rows[0]?.path ?? null;
}

export interface StoredVisitOutcome {
  id: string;
  auditorId: string | null;
  status: 'submitted' | 'reviewed' | 'published';
  score: number | null;
  earned: number;
  possible: number;
  autofail: boolean;
}

/** The visit stored under a client key (a repeated submission), or null. */
export async function findVisitByClientKey(db: Queryable, orgId: string, clientKey: string): Promise<StoredVisitOutcome | null> {
  const { rows } = await db.query(
    `/* findVisitByClientKey */ select id, auditor_id, status, score, earned, possible, autofail from audit_visits where org_id = $1 and client_key = $2`,
    [orgId, clientKey],
  );
  const r = rows[0];
  return r ? { id: r.id, auditorId: r.auditor_id, status: r.status, score: r.score, earned: r.earned, possible: r.possible, autofail: r.autofail } : null;
}

/** Of `ids`, the evidence the user uploaded that no visit holds yet, locked for linking. */
export async function lockLinkableEvidence(tx: Queryable, orgId: string, userId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await tx.query(
    `/* lockLinkableEvidence */ select id from audit_evidence
     where org_id = $1 and id = any($2::uuid[]) and uploaded_by = $3 and visit_id is null
     for update`,
    [orgId, ids, userId],
  );
  return new Set(rows.map((r) => r.id as string));
}

/** Links evidence to the visit's items: `links` is [evidence id, item key] pairs. */
export async function linkEvidence(tx: Queryable, orgId: string, visitId: string, links: [string, string][]): Promise<void> {
  if (links.length === 0) return;
  await tx.query(
    `/* linkEvidence */ update audit_evidence e set visit_id = $2, item_key = l.item_key
     from jsonb_to_recordset($3::jsonb) as l(id uuid, item_key text)
     where e.org_id = $1 and e.id = l.id`,
    [orgId, visitId, JSON.stringify(links.map(([id, itemKey]) => ({ id, item_key: itemKey })))],
  );
}

export interface NewEvidence {
  id: string;
  orgId: string;
  kind: 'photo' | 'audio';
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storage: 'disk' | 's3';
  storageKey: string;
  keptLocation: boolean;
  uploadedBy: string;
}

export async function insertEvidence(db: Queryable, e: NewEvidence): Promise<void> {
  await db.query(
    `/* insertEvidence */ insert into audit_evidence(org_id, id, kind, content_type, size_bytes, sha256, storage, storage_key, kept_location, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [e.orgId, e.id, e.kind, e.contentType, e.sizeBytes, e.sha256, e.storage, e.storageKey, e.keptLocation, e.uploadedBy],
  );
}

export interface EvidenceForDownload {
  contentType: string;
  storage: 'disk' | 's3';
  storageKey: string;
  uploadedBy: string | null;
  /** The linked visit's location path and status (null: not linked yet, or a visit without a location). */
  visitLocationPath: string | null;
  visitStatus: string | null;
}

export async function getEvidence(db: Queryable, orgId: string, id: string): Promise<EvidenceForDownload | null> {
  const { rows } = await db.query(
    `/* getEvidence */ select e.content_type, e.storage, e.storage_key, e.uploaded_by, l.path, v.status
     from audit_evidence e
     left join audit_visits v on v.org_id = e.org_id and v.id = e.visit_id
     left join locations l on l.org_id = v.org_id and l.id = v.location_id
     where e.org_id = $1 and e.id = $2`,
    [orgId, id],
  );
  const r = rows[0];
  return r ? { contentType: r.content_type, storage: r.storage, storageKey: r.storage_key, uploadedBy: r.uploaded_by, visitLocationPath: r.path, visitStatus: r.status } : null;
}

/** Unlinked uploads older than `hours` (any organisation), oldest first. */
export async function listStaleEvidence(db: Queryable, hours: number, limit: number): Promise<{ orgId: string; id: string; storage: 'disk' | 's3'; storageKey: string }[]> {
  const { rows } = await db.query(
    `/* listStaleEvidence */ select org_id, id, storage, storage_key from audit_evidence
     where visit_id is null and created_at < now() - make_interval(hours => $1)
     order by created_at limit $2`,
    [hours, limit],
  );
  return rows.map((r) => ({ orgId: r.org_id, id: r.id, storage: r.storage, storageKey: r.storage_key }));
}

/** Deletes an upload's row unless a visit took it meanwhile; true when deleted. */
export async function deleteUnlinkedEvidence(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`/* deleteUnlinkedEvidence */ delete from audit_evidence where org_id = $1 and id = $2 and visit_id is null`, [orgId, id]);
  return (rowCount ?? 0) > 0;
}
