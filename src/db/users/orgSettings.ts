/** Organisation settings (name, time zone, dimensions). */
import type { Queryable } from '../connection.ts';

export interface OrgSettings {
  id: string;
  name: string;
  timezone: string;
  dimensions: string[];
}

/** The organisation's settings (optionally locked for an update in the same transaction). */
export async function getOrgSettings(db: Queryable, orgId: string, opts: { forUpdate?: boolean } = {}): Promise<OrgSettings> {
  const { rows } = await db.query(`/* getOrgSettings */ select id, name, timezone, dimensions from orgs where id = $1 ${opts.forUpdate ? 'for update' : ''}`, [orgId]);
  return rows[0];
}

/** Writes all settings at once and returns them. */
export async function updateOrgSettings(tx: Queryable, orgId: string, s: Omit<OrgSettings, 'id'>): Promise<OrgSettings> {
  const { rows } = await tx.query(
    `/* updateOrgSettings */ update orgs set name = $2, timezone = $3, dimensions = $4 where id = $1 returning id, name, timezone, dimensions`,
    [orgId, s.name, s.timezone, s.dimensions],
  );
  return rows[0];
}
