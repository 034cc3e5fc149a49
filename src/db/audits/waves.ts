/**
 * @module Audit waves and their assignments (docs/audits.md "Waves and assignments"). Waves belong to the
 * organisation; assignments, and the progress counted over them, are limited to the caller's locations.
 */
import type { Scope } from '../../core/access/index.ts';
import type { Assignment, AssignmentPatch, Wave, WaveCreate, WavePatch } from '../../core/api/auditWaves.ts';
import { AUDITABLE_LOCATION_KINDS, AUDITOR_ROLES } from '../../core/audits/waves.ts';
import type { Queryable } from '../connection.ts';
import { binder } from '../queries/analyticsSource.ts';
import { locationScopeSql } from '../scope.ts';

function presentWave(r: any): Wave {
  return {
    id: r.id,
    name: r.name,
    checklistId: r.checklist_id,
    checklistName: r.checklist_name ?? null,
    startsOn: r.starts_day,
    endsOn: r.ends_day,
    visitsPerLocation: r.visits_per_location,
    status: r.status,
    progress: { assigned: r.assigned, submitted: r.submitted, published: r.published, cancelled: r.cancelled },
    createdAt: r.created_at.toISOString(),
  };
}

function waveSelect(scope: Scope, params: unknown[]): string {
  const inScope = locationScopeSql(scope, 'a.location_id', params);
  return `select w.*, c.name as checklist_name, to_char(w.starts_on, 'YYYY-MM-DD') as starts_day, to_char(w.ends_on, 'YYYY-MM-DD') as ends_day,
      coalesce(p.assigned, 0)::int as assigned, coalesce(p.submitted, 0)::int as submitted, coalesce(p.published, 0)::int as published, coalesce(p.cancelled, 0)::int as cancelled
    from audit_waves w
      left join checklists c on c.org_id = w.org_id and c.id = w.checklist_id
      left join lateral (
        select count(*) filter (where a.status <> 'cancelled') as assigned,
               count(v.id) filter (where a.status <> 'cancelled') as submitted,
               count(v.id) filter (where a.status <> 'cancelled' and v.status = 'published') as published,
               count(*) filter (where a.status = 'cancelled') as cancelled
        from audit_assignments a left join audit_visits v on v.org_id = a.org_id and v.assignment_id = a.id
        where a.org_id = w.org_id and a.wave_id = w.id and ${inScope}
      ) p on true`;
}

/** The organisation's waves, the latest period first, with progress over the caller's locations. */
export async function listWaves(db: Queryable, scope: Scope, status?: string): Promise<Wave[]> {
  const params: unknown[] = [];
  const sel = waveSelect(scope, params);
  const p = binder(params);
  const where = [`w.org_id = ${p(scope.orgId)}`];
  if (status) where.push(`w.status = ${p(status)}`);
  const { rows } = await db.query(`/* listAuditWaves */ ${sel} where ${where.join(' and ')} order by w.starts_on desc, w.created_at desc limit 500`, params);
  return rows.map(presentWave);
}

/** One wave of the organisation, or null. */
export async function getWave(db: Queryable, scope: Scope, id: string): Promise<Wave | null> {
  const params: unknown[] = [];
  const sel = waveSelect(scope, params);
  const p = binder(params);
  const { rows } = await db.query(`/* getAuditWave */ ${sel} where w.org_id = ${p(scope.orgId)} and w.id = ${p(id)}`, params);
  return rows[0] ? presentWave(rows[0]) : null;
}

export async function insertWave(db: Queryable, orgId: string, createdBy: string, w: WaveCreate): Promise<string> {
  const { rows } = await db.query(
    `/* insertAuditWave */ insert into audit_waves(org_id, name, checklist_id, starts_on, ends_on, visits_per_location, status, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [orgId, w.name, w.checklistId, w.startsOn, w.endsOn, w.visitsPerLocation, w.status, createdBy],
  );
  return rows[0].id;
}

const WAVE_COLUMNS = {
  name: 'name', checklistId: 'checklist_id', startsOn: 'starts_on', endsOn: 'ends_on', visitsPerLocation: 'visits_per_location', status: 'status',
} as const satisfies Record<keyof WavePatch, string>;

/** Changes the fields given. */
export async function updateWave(db: Queryable, orgId: string, id: string, change: WavePatch): Promise<void> {
  const fields = (Object.keys(WAVE_COLUMNS) as (keyof WavePatch)[]).filter((f) => change[f] !== undefined);
  if (fields.length === 0) return;
  await db.query(
    `/* updateAuditWave */ update audit_waves set ${fields.map((f, i) => `${WAVE_COLUMNS[f]} = $${i + 3}`).join(', ')} where org_id = $1 and id = $2`,
    [orgId, id, ...fields.map((f) => change[f])],
  );
}

/** The organisation's checklist a wave would use: whether it is archived (archived ones take no waves), or null. */
export async function waveChecklist(db: Queryable, orgId: string, checklistId: string): Promise<{ archived: boolean } | null> {
  const { rows } = await db.query(`/* waveChecklist */ select archived from checklists where org_id = $1 and id = $2`, [orgId, checklistId]);
  return rows[0] ? { archived: rows[0].archived as boolean } : null;
}

/** How many visits of the wave were submitted (its checklist cannot change then). */
export async function waveVisitCount(db: Queryable, orgId: string, waveId: string): Promise<number> {
  const { rows } = await db.query(`/* auditWaveVisitCount */ select count(*)::int as n from audit_visits where org_id = $1 and wave_id = $2`, [orgId, waveId]);
  return rows[0].n;
}

/** Live assignments of the wave due outside [startsOn, endsOn]. */
export async function assignmentsDueOutside(db: Queryable, orgId: string, waveId: string, startsOn: string, endsOn: string): Promise<number> {
  const { rows } = await db.query(
    `/* auditAssignmentsDueOutside */ select count(*)::int as n from audit_assignments
     where org_id = $1 and wave_id = $2 and status <> 'cancelled' and due_on is not null and (due_on < $3 or due_on > $4)`,
    [orgId, waveId, startsOn, endsOn],
  );
  return rows[0].n;
}

function presentAssignment(r: any): Assignment {
  return {
    id: r.id,
    waveId: r.wave_id,
    locationId: r.location_id,
    locationName: r.location_name,
    locationKind: r.location_kind,
    auditorId: r.auditor_id,
    auditorName: r.auditor_name ?? null,
    dueOn: r.due_day,
    status: r.status,
    visitId: r.visit_id ?? null,
    visitStatus: r.visit_status ?? null,
  };
}

const ASSIGNMENT_SELECT = `select a.*, to_char(a.due_on, 'YYYY-MM-DD') as due_day, l.name as location_name, l.kind as location_kind,
    coalesce(nullif(u.name, ''), u.email) as auditor_name, v.id as visit_id, v.status as visit_status
  from audit_assignments a
    join locations l on l.org_id = a.org_id and l.id = a.location_id
    left join users u on u.org_id = a.org_id and u.id = a.auditor_id
    left join audit_visits v on v.org_id = a.org_id and v.assignment_id = a.id`;

/** The wave's assignments in the caller's locations, by due date and location. */
export async function listAssignments(db: Queryable, scope: Scope, waveId: string): Promise<Assignment[]> {
  const params: unknown[] = [scope.orgId, waveId];
  const inScope = locationScopeSql(scope, 'a.location_id', params);
  const { rows } = await db.query(
    `/* listAuditAssignments */ ${ASSIGNMENT_SELECT} where a.org_id = $1 and a.wave_id = $2 and ${inScope} order by a.due_on nulls last, l.name, a.created_at, a.id limit 5000`,
    params,
  );
  return rows.map(presentAssignment);
}

/** One assignment in the caller's locations, or null. */
export async function getAssignment(db: Queryable, scope: Scope, id: string): Promise<Assignment | null> {
  const params: unknown[] = [scope.orgId, id];
  const inScope = locationScopeSql(scope, 'a.location_id', params);
  const { rows } = await db.query(`/* getAuditAssignment */ ${ASSIGNMENT_SELECT} where a.org_id = $1 and a.id = $2 and ${inScope}`, params);
  return rows[0] ? presentAssignment(rows[0]) : null;
}

/** Stores planned visits (one row each). */
export async function insertAssignments(db: Queryable, orgId: string, waveId: string, rows: { locationId: string; auditorId: string | null; dueOn: string | null }[]): Promise<void> {
  await db.query(
    `/* insertAuditAssignments */ insert into audit_assignments(org_id, wave_id, location_id, auditor_id, due_on)
     select $1, $2, r.location_id, r.auditor_id, r.due_on from jsonb_to_recordset($3::jsonb) as r(location_id uuid, auditor_id uuid, due_on date)`,
    [orgId, waveId, JSON.stringify(rows.map((r) => ({ location_id: r.locationId, auditor_id: r.auditorId, due_on: r.dueOn })))],
  );
}

const ASSIGNMENT_COLUMNS = { auditorId: 'auditor_id', dueOn: 'due_on', status: 'status' } as const satisfies Record<keyof AssignmentPatch, string>;

export async function updateAssignment(db: Queryable, orgId: string, id: string, change: AssignmentPatch): Promise<void> {
  const fields = (Object.keys(ASSIGNMENT_COLUMNS) as (keyof AssignmentPatch)[]).filter((f) => change[f] !== undefined);
  if (fields.length === 0) return;
  await db.query(
    `/* updateAuditAssignment */ update audit_assignments set ${fields.map((f, i) => `${ASSIGNMENT_COLUMNS[f]} = $${i + 3}`).join(', ')} where org_id = $1 and id = $2`,
    [orgId, id, ...fields.map((f) => change[f])],
  );
}

/** The given locations that a wave may visit in the caller's scope (own locations but the company root, and competitors). */
export async function auditableLocations(db: Queryable, scope: Scope, ids: readonly string[] | null): Promise<{ id: string; name: string; kind: string }[]> {
  const params: unknown[] = [scope.orgId, [...AUDITABLE_LOCATION_KINDS]];
  const inScope = locationScopeSql(scope, 'l.id', params);
  let only = 'true';
  if (ids) {
    params.push(ids);
    only = `l.id = any($${params.length}::uuid[])`;
  }
  const { rows } = await db.query(
    `/* auditableLocations */ select l.id, l.name, l.kind from locations l
     where l.org_id = $1 and l.kind = any($2::text[]) and ${inScope} and ${only} order by l.kind = 'competitor', lower(l.name), l.id limit 2000`,
    params,
  );
  return rows;
}

/** The user's role when they are an active user of the organisation, else null. */
export async function activeUserRole(db: Queryable, orgId: string, userId: string): Promise<string | null> {
  const { rows } = await db.query(`/* activeUserRole */ select role from users where org_id = $1 and id = $2 and not disabled`, [orgId, userId]);
  return rows[0]?.role ?? null;
}

/** Who may carry out visits: auditors first, then staff doing internal checks. */
export async function listAuditors(db: Queryable, orgId: string): Promise<{ id: string; name: string; role: string }[]> {
  const { rows } = await db.query(
    `/* listAuditors */ select id, coalesce(nullif(name, ''), email) as name, role from users
     where org_id = $1 and not disabled and role = any($2::text[]) order by role <> 'auditor', lower(coalesce(nullif(name, ''), email)) limit 1000`,
    [orgId, [...AUDITOR_ROLES]],
  );
  return rows;
}

/** The organisation's checklists a wave may use (not archived). */
export async function listWaveChecklists(db: Queryable, orgId: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query(`/* listWaveChecklists */ select id, name from checklists where org_id = $1 and not archived order by lower(name) limit 1000`, [orgId]);
  return rows;
}
