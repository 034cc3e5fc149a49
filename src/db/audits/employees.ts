/**
 * @module The staff directory (docs/audits.md "Staff") and coaching notes on an employee. Reads are
 * scoped by the employee's location: an employee without a location is seen by unrestricted callers only.
 */
import type { Scope } from '../../core/access/index.ts';
import type { CoachingNote, Employee, EmployeeVisit } from '../../core/api/qa.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';

const COLUMNS = 'e.id, e.name, e.code, e.location_id, e.agent_name, e.active, (select l.name from locations l where l.org_id = e.org_id and l.id = e.location_id) as location_name';
const present = (r: any): Employee => ({ id: r.id, name: r.name, code: r.code, locationId: r.location_id, agentName: r.agent_name, active: r.active, locationName: r.location_name ?? null });

export interface EmployeeFilter {
  locationPath?: string;
  q?: string;
  active?: boolean;
}

/** The directory in the caller's scope, by name. */
export async function listEmployees(db: Queryable, scope: Scope, f: EmployeeFilter): Promise<Employee[]> {
  const params: unknown[] = [scope.orgId];
  const where = ['e.org_id = $1', locationScopeSql(scope, 'e.location_id', params)];
  if (f.locationPath !== undefined) {
    params.push(`${f.locationPath}%`);
    where.push(`e.location_id in (select l.id from locations l where l.org_id = e.org_id and l.path like $${params.length})`);
  }
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(e.name ilike $${params.length} or e.code ilike $${params.length} or e.agent_name ilike $${params.length})`);
  }
  if (f.active !== undefined) {
    params.push(f.active);
    where.push(`e.active = $${params.length}`);
  }
  const { rows } = await db.query(`/* listEmployees */ select ${COLUMNS} from employees e where ${where.join(' and ')} order by e.name, e.id limit 2000`, params);
  return rows.map(present);
}

/** One employee in the caller's scope, or null. */
export async function getEmployee(db: Queryable, scope: Scope, id: string): Promise<Employee | null> {
  const params: unknown[] = [scope.orgId, id];
  const { rows } = await db.query(
    `/* getEmployee */ select ${COLUMNS} from employees e where e.org_id = $1 and e.id = $2 and ${locationScopeSql(scope, 'e.location_id', params)}`,
    params,
  );
  return rows[0] ? present(rows[0]) : null;
}

/** The active employee whose helpdesk name is `agentName` (in scope), or null. */
export async function employeeByAgentName(db: Queryable, scope: Scope, agentName: string): Promise<Employee | null> {
  const params: unknown[] = [scope.orgId, agentName];
  const { rows } = await db.query(
    `/* employeeByAgentName */ select ${COLUMNS} from employees e where e.org_id = $1 and e.agent_name = $2 and ${locationScopeSql(scope, 'e.location_id', params)}`,
    params,
  );
  return rows[0] ? present(rows[0]) : null;
}

export interface EmployeeRow {
  name: string;
  code: string | null;
  locationId: string | null;
  agentName: string | null;
  active: boolean;
}

/** Adds an employee; a taken code or agent name raises 23505 (employees_code, employees_agent). */
export async function insertEmployee(db: Queryable, orgId: string, e: EmployeeRow): Promise<Employee> {
  const { rows } = await db.query(
    `/* insertEmployee */ insert into employees(org_id, name, code, location_id, agent_name, active) values ($1, $2, $3, $4, $5, $6)
     returning ${COLUMNS.replaceAll('e.', 'employees.')}`,
    [orgId, e.name, e.code, e.locationId, e.agentName, e.active],
  );
  return present(rows[0]);
}

/** Rewrites an employee's fields (the caller merged the change); 23505 as insertEmployee. */
export async function updateEmployee(db: Queryable, orgId: string, id: string, e: EmployeeRow): Promise<Employee | null> {
  const { rows } = await db.query(
    `/* updateEmployee */ update employees set name = $3, code = $4, location_id = $5, agent_name = $6, active = $7 where org_id = $1 and id = $2
     returning ${COLUMNS.replaceAll('e.', 'employees.')}`,
    [orgId, id, e.name, e.code, e.locationId, e.agentName, e.active],
  );
  return rows[0] ? present(rows[0]) : null;
}


/**
 * An employee's published visits in a period (org calendar): QA reviews (kind 'qa', calibration scorings
 * never count) and audit visits, newest first.
 */
export async function listEmployeeVisits(db: Queryable, scope: Scope, employeeId: string, period: { from?: string; to?: string; timeZone: string }): Promise<EmployeeVisit[]> {
  const params: unknown[] = [scope.orgId, employeeId, period.timeZone, period.from ?? null, period.to ?? null];
  const { rows } = await db.query(
    `/* listEmployeeVisits */ select v.id, v.kind, v.visited_at, v.score, v.autofail, c.name as checklist_name, l.name as location_name
       from audit_visits v
       join checklists c on c.org_id = v.org_id and c.id = v.checklist_id
       left join locations l on l.org_id = v.org_id and l.id = v.location_id
      where v.org_id = $1 and v.employee_id = $2 and v.status = 'published' and v.calibration_id is null
        and ($4::date is null or v.visited_at >= $4::date::timestamp at time zone $3::text)
        and ($5::date is null or v.visited_at < ($5::date + 1)::timestamp at time zone $3::text)
        and ${locationScopeSql(scope, 'v.location_id', params)}
      order by v.visited_at desc, v.id limit 500`,
    params,
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, visitedAt: r.visited_at.toISOString(), score: r.score, autofail: r.autofail, checklistName: r.checklist_name, locationName: r.location_name }));
}

const NOTE_COLUMNS = `n.id, n.employee_id, n.note, to_char(n.follow_up_on, 'YYYY-MM-DD') as follow_up_on, n.done_at, n.visit_id, n.created_at, u.name as created_by_name,
  (n.done_at is null and n.follow_up_on is not null and n.follow_up_on < (now() at time zone $TZ::text)::date) as overdue`;
const presentNote = (r: any): CoachingNote => ({
  id: r.id, employeeId: r.employee_id, note: r.note, followUpOn: r.follow_up_on, done: r.done_at !== null, doneAt: r.done_at?.toISOString() ?? null,
  overdue: r.overdue, visitId: r.visit_id, createdAt: r.created_at.toISOString(), createdBy: r.created_by_name ?? null,
});

/** An employee's coaching notes: open ones first (the earliest follow-up first), then done ones, newest first. `timeZone` decides "overdue". */
export async function listCoachingNotes(db: Queryable, orgId: string, employeeId: string, timeZone: string): Promise<CoachingNote[]> {
  const { rows } = await db.query(
    `/* listCoachingNotes */ select ${NOTE_COLUMNS.replace('$TZ', '$3')} from coaching_notes n left join users u on u.org_id = n.org_id and u.id = n.created_by
      where n.org_id = $1 and n.employee_id = $2
      order by (n.done_at is not null), n.follow_up_on nulls last, n.created_at desc, n.id`,
    [orgId, employeeId, timeZone],
  );
  return rows.map(presentNote);
}

/** One note with the employee's location id (the caller checks the scope), or null. */
export async function getCoachingNote(db: Queryable, orgId: string, id: string, timeZone: string): Promise<(CoachingNote & { locationId: string | null }) | null> {
  const { rows } = await db.query(
    `/* getCoachingNote */ select ${NOTE_COLUMNS.replace('$TZ', '$3')}, e.location_id from coaching_notes n
       join employees e on e.org_id = n.org_id and e.id = n.employee_id
       left join users u on u.org_id = n.org_id and u.id = n.created_by
      where n.org_id = $1 and n.id = $2`,
    [orgId, id, timeZone],
  );
  return rows[0] ? { ...presentNote(rows[0]), locationId: rows[0].location_id } : null;
}

export async function insertCoachingNote(db: Queryable, orgId: string, n: { employeeId: string; note: string; followUpOn: string | null; visitId: string | null; createdBy: string }): Promise<string> {
  const { rows } = await db.query(
    `/* insertCoachingNote */ insert into coaching_notes(org_id, employee_id, note, follow_up_on, visit_id, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
    [orgId, n.employeeId, n.note, n.followUpOn, n.visitId, n.createdBy],
  );
  return rows[0].id;
}

/** Changes a note: its text, its follow-up date (null clears it), done (a done note keeps its first done time). */
export async function updateCoachingNote(db: Queryable, orgId: string, id: string, change: { note?: string; done?: boolean; followUpOn?: string | null }): Promise<void> {
  await db.query(
    `/* updateCoachingNote */ update coaching_notes set note = coalesce($3, note),
       done_at = case when $4::boolean is null then done_at when $4 then coalesce(done_at, now()) else null end,
       follow_up_on = case when $5::boolean then $6::date else follow_up_on end
     where org_id = $1 and id = $2`,
    [orgId, id, change.note ?? null, change.done ?? null, change.followUpOn !== undefined, change.followUpOn ?? null],
  );
}
