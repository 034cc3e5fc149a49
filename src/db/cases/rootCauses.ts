/**
 * @module The root-cause taxonomy. An organisation starts with DEFAULT_ROOT_CAUSES, written on first
 * read (once: orgs.root_causes_seeded_at), and edits it from there.
 */
import type { Queryable } from '../connection.ts';
import { DEFAULT_ROOT_CAUSES } from '../../core/closedLoop/model.ts';
import type { RootCause } from '../../core/api/rootCauses.ts';

/** Writes the default taxonomy unless the organisation has had it already (concurrent callers: one wins). */
export async function ensureRootCausesSeeded(db: Queryable, orgId: string): Promise<void> {
  const { rowCount } = await db.query(`/* ensureRootCausesSeeded.claim */ update orgs set root_causes_seeded_at = now() where id = $1 and root_causes_seeded_at is null`, [orgId]);
  if (!rowCount) return;
  await db.query(
    `/* ensureRootCausesSeeded */ insert into root_causes(org_id, key, name, position)
     select $1, d.key, d.name, d.position from jsonb_to_recordset($2::jsonb) as d(key text, name jsonb, position int)
     on conflict (org_id, key) do nothing`,
    [orgId, JSON.stringify(DEFAULT_ROOT_CAUSES.map((c, i) => ({ key: c.key, name: c.name, position: i })))],
  );
}

export async function listRootCauses(db: Queryable, orgId: string): Promise<RootCause[]> {
  await ensureRootCausesSeeded(db, orgId);
  const { rows } = await db.query(
    `/* listRootCauses */ select id, key, name, position, archived from root_causes where org_id = $1 order by archived, position, created_at, id`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, key: r.key, name: r.name, position: r.position, archived: r.archived }));
}

const ROW = 'id, key, name, position, archived';
const present = (r: any): RootCause => ({ id: r.id, key: r.key, name: r.name, position: r.position, archived: r.archived });

/** The keys the organisation has (a new cause's key must differ). */
export async function listRootCauseKeys(db: Queryable, orgId: string): Promise<Set<string>> {
  const { rows } = await db.query(`/* listRootCauseKeys */ select key from root_causes where org_id = $1`, [orgId]);
  return new Set(rows.map((r) => r.key));
}

/** Adds a cause after the last one. */
export async function insertRootCause(db: Queryable, orgId: string, key: string, name: Record<string, string>): Promise<RootCause> {
  const { rows } = await db.query(
    `/* insertRootCause */ insert into root_causes(org_id, key, name, position)
     select $1, $2, $3, coalesce(max(position) + 1, 0) from root_causes where org_id = $1 returning ${ROW}`,
    [orgId, key, JSON.stringify(name)],
  );
  return present(rows[0]);
}

/** One cause, locked for an edit when `forUpdate`. */
export async function getRootCause(db: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<RootCause | null> {
  const { rows } = await db.query(`/* getRootCause */ select ${ROW} from root_causes where org_id = $1 and id = $2${opts.forUpdate ? ' for update' : ''}`, [orgId, id]);
  return rows[0] ? present(rows[0]) : null;
}

/** Sets the names (merged over the old ones) and the archived flag. */
export async function updateRootCause(db: Queryable, orgId: string, id: string, change: { name?: Record<string, string>; archived?: boolean }): Promise<void> {
  await db.query(
    `/* updateRootCause */ update root_causes set name = case when $3::jsonb is null then name else name || $3::jsonb end, archived = coalesce($4, archived)
     where org_id = $1 and id = $2`,
    [orgId, id, change.name ? JSON.stringify(change.name) : null, change.archived ?? null],
  );
}

/** Writes positions 0, 1, 2... in the order of `ids` (the whole taxonomy, archived ones included). */
export async function setRootCauseOrder(db: Queryable, orgId: string, ids: readonly string[]): Promise<void> {
  await db.query(
    `/* setRootCauseOrder */ update root_causes rc set position = o.i - 1 from unnest($2::uuid[]) with ordinality as o(id, i)
     where rc.org_id = $1 and rc.id = o.id and rc.position <> o.i - 1`,
    [orgId, ids],
  );
}

/** The ids in their order (for a move), locked against a concurrent move. */
export async function listRootCauseIdsForUpdate(db: Queryable, orgId: string): Promise<string[]> {
  const { rows } = await db.query(`/* listRootCauseIdsForUpdate */ select id from root_causes where org_id = $1 order by position, created_at, id for update`, [orgId]);
  return rows.map((r) => r.id);
}

/** Deletes the cause unless a case or an action plan refers to it. @returns 'deleted', 'in_use' or 'missing' */
export async function deleteUnusedRootCause(db: Queryable, orgId: string, id: string): Promise<'deleted' | 'in_use' | 'missing'> {
  const { rows } = await db.query(
    `/* deleteUnusedRootCause */ with target as (select id from root_causes where org_id = $1 and id = $2 for update),
       used as (select exists (select 1 from cases where org_id = $1 and root_cause_id = $2) or exists (select 1 from action_plans where org_id = $1 and root_cause_id = $2) as used),
       gone as (delete from root_causes rc using target, used where rc.org_id = $1 and rc.id = target.id and not used.used returning rc.id)
     select (select count(*) from target)::int as found, (select used from used) as used, (select count(*) from gone)::int as deleted`,
    [orgId, id],
  );
  const r = rows[0];
  if (!r.found) return 'missing';
  return r.deleted ? 'deleted' : 'in_use';
}
