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
