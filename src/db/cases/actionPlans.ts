/**
 * @module Action plans (docs/closed-loop.md "Action plans"). A caller restricted to locations sees the plans that
 * touch one of their locations (a plan without locations is the whole organisation's: unrestricted callers
 * only) and may change only those whose every location is theirs (`canEdit`).
 */
import type { Scope } from '../../core/access/index.ts';
import type { ActionPlan, ActionPlanCreate, ActionPlanPatch } from '../../core/api/actionPlans.ts';
import type { Queryable } from '../connection.ts';
import { binder } from '../queries/analyticsSource.ts';

/** The plan `ap` touches the caller's scope. */
function visibleSql(scope: Scope, p: (v: unknown) => string): string {
  if (scope.locationPaths === null) return 'true';
  return `exists (select 1 from locations l where l.org_id = ap.org_id and l.id = any(ap.location_ids) and l.path like any(${p(scope.locationPaths.map((x) => `${x}%`))}::text[]))`;
}

/** Every (still existing) location of the plan `ap` is in the caller's scope. */
function editableSql(scope: Scope, p: (v: unknown) => string): string {
  if (scope.locationPaths === null) return 'true';
  return `(cardinality(ap.location_ids) > 0 and not exists (select 1 from locations l where l.org_id = ap.org_id and l.id = any(ap.location_ids)
    and not l.path like any(${p(scope.locationPaths.map((x) => `${x}%`))}::text[])))`;
}

function selectSql(scope: Scope, p: (v: unknown) => string): string {
  return `select ap.*, ${editableSql(scope, p)} as can_edit, to_char(ap.start_date, 'YYYY-MM-DD') as start_day, to_char(ap.due_date, 'YYYY-MM-DD') as due_day,
      u.email as owner_email, nullif(u.name, '') as owner_name, s.name as survey_name, rc.name as root_cause_name,
      coalesce((select jsonb_agg(jsonb_build_object('id', l.id, 'name', l.name) order by l.path) from locations l
        where l.org_id = ap.org_id and l.id = any(ap.location_ids)), '[]'::jsonb) as locs
    from action_plans ap
      left join users u on u.org_id = ap.org_id and u.id = ap.owner_user_id
      left join surveys s on s.org_id = ap.org_id and s.id = ap.survey_id
      left join root_causes rc on rc.org_id = ap.org_id and rc.id = ap.root_cause_id`;
}

function present(r: any): ActionPlan {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    ownerUserId: r.owner_user_id,
    owner: r.owner_user_id && r.owner_email ? { id: r.owner_user_id, email: r.owner_email, name: r.owner_name } : null,
    surveyId: r.survey_id,
    surveyName: r.survey_name ?? null,
    questionId: r.question_id,
    targetValue: r.target_value === null ? null : Number(r.target_value),
    locationIds: r.location_ids,
    locations: r.locs,
    rootCauseId: r.root_cause_id,
    rootCause: r.root_cause_name ?? null,
    startDate: r.start_day,
    dueDate: r.due_day,
    canEdit: r.can_edit,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The caller's plans, the most recent start first; `locationPath`: touching that subtree (or a location above it). */
export async function listActionPlans(db: Queryable, scope: Scope, f: { status?: string; locationPath?: string }): Promise<ActionPlan[]> {
  const params: unknown[] = [];
  const p = binder(params);
  const where = [`ap.org_id = ${p(scope.orgId)}`, visibleSql(scope, p)];
  if (f.status) where.push(`ap.status = ${p(f.status)}`);
  if (f.locationPath) {
    const path = p(f.locationPath);
    where.push(`exists (select 1 from locations l where l.org_id = ap.org_id and l.id = any(ap.location_ids) and (l.path like ${path} || '%' or ${path} like l.path || '%'))`);
  }
  const { rows } = await db.query(`/* listActionPlans */ ${selectSql(scope, p)} where ${where.join(' and ')} order by ap.start_date desc, ap.created_at desc, ap.id limit 500`, params);
  return rows.map(present);
}

/** One plan the caller can see, or null. */
export async function getActionPlan(db: Queryable, scope: Scope, id: string): Promise<ActionPlan | null> {
  const params: unknown[] = [];
  const p = binder(params);
  const { rows } = await db.query(`/* getActionPlan */ ${selectSql(scope, p)} where ap.org_id = ${p(scope.orgId)} and ap.id = ${p(id)} and ${visibleSql(scope, p)}`, params);
  return rows[0] ? present(rows[0]) : null;
}

/** The plan's fields (the API's names) and their columns. */
const COLUMNS = {
  title: 'title', description: 'description', status: 'status', ownerUserId: 'owner_user_id', surveyId: 'survey_id', questionId: 'question_id',
  targetValue: 'target_value', locationIds: 'location_ids', rootCauseId: 'root_cause_id', startDate: 'start_date', dueDate: 'due_date',
} as const satisfies Record<keyof ActionPlanCreate, string>;
const FIELDS = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];

export async function insertActionPlan(db: Queryable, orgId: string, createdBy: string | null, plan: ActionPlanCreate): Promise<string> {
  const { rows } = await db.query(
    `/* insertActionPlan */ insert into action_plans(org_id, created_by, ${FIELDS.map((f) => COLUMNS[f]).join(', ')})
     values ($1, $2, ${FIELDS.map((_, i) => `$${i + 3}`).join(', ')}) returning id`,
    [orgId, createdBy, ...FIELDS.map((f) => plan[f])],
  );
  return rows[0].id;
}

/** Changes the fields given. */
export async function updateActionPlan(db: Queryable, orgId: string, id: string, change: ActionPlanPatch): Promise<void> {
  const fields = FIELDS.filter((f) => change[f] !== undefined);
  await db.query(
    `/* updateActionPlan */ update action_plans set ${fields.map((f, i) => `${COLUMNS[f]} = $${i + 3}`).join(', ')}${fields.length ? ', ' : ''}updated_at = now()
     where org_id = $1 and id = $2`,
    [orgId, id, ...fields.map((f) => change[f])],
  );
}

export async function deleteActionPlan(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query(`/* deleteActionPlan */ delete from action_plans where org_id = $1 and id = $2`, [orgId, id]);
}

/** The given locations that are in the caller's scope, with their paths (order of `ids` not kept). */
export async function locationsInScope(db: Queryable, scope: Scope, ids: readonly string[]): Promise<{ id: string; name: string; path: string }[]> {
  if (ids.length === 0) return [];
  const params: unknown[] = [];
  const p = binder(params);
  const where = [`l.org_id = ${p(scope.orgId)}`, `l.id = any(${p(ids)}::uuid[])`];
  if (scope.locationPaths !== null) where.push(`l.path like any(${p(scope.locationPaths.map((x) => `${x}%`))}::text[])`);
  const { rows } = await db.query(`/* planLocationsInScope */ select l.id, l.name, l.path from locations l where ${where.join(' and ')} order by l.path`, params);
  return rows;
}

/** Whether the user belongs to the organisation (an owner must). */
export async function isOrgUser(db: Queryable, orgId: string, userId: string): Promise<boolean> {
  const { rowCount } = await db.query(`/* isOrgUser */ select 1 from users where org_id = $1 and id = $2`, [orgId, userId]);
  return !!rowCount;
}

/** Whether the root cause belongs to the organisation. */
export async function isOrgRootCause(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`/* isOrgRootCause */ select 1 from root_causes where org_id = $1 and id = $2`, [orgId, id]);
  return !!rowCount;
}
