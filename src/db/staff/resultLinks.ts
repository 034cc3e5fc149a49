/** Staff results links (table staff_result_links, docs/staff.md "Telling staff the results"): the token is stored as sha-256 only. */
import type { Queryable } from '../connection.ts';
import { isUuid } from '../../core/ids.ts';

export interface ResultLinkRow {
  id: string;
  orgId: string;
  surveyId: string;
  surveyName: string;
  locationId: string;
  locationName: string;
  locationPath: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const SELECT = `select k.id, k.org_id, k.survey_id, s.name as survey_name, k.location_id, l.name as location_name, l.path as location_path,
                       k.created_at, k.revoked_at
                  from staff_result_links k
                  join surveys s on s.org_id = k.org_id and s.id = k.survey_id
                  join locations l on l.org_id = k.org_id and l.id = k.location_id`;

const toRow = (r: Record<string, any>): ResultLinkRow => ({
  id: r.id, orgId: r.org_id, surveyId: r.survey_id, surveyName: r.survey_name, locationId: r.location_id, locationName: r.location_name,
  locationPath: r.location_path, createdAt: r.created_at, revokedAt: r.revoked_at,
});

export async function insertResultLink(
  db: Queryable,
  link: { orgId: string; surveyId: string; locationId: string; tokenHash: string; createdBy: string },
): Promise<string> {
  const { rows } = await db.query(
    `/* insertResultLink */ insert into staff_result_links(org_id, survey_id, location_id, token_hash, created_by) values ($1, $2, $3, $4, $5) returning id`,
    [link.orgId, link.surveyId, link.locationId, link.tokenHash, link.createdBy],
  );
  return rows[0].id;
}

/** The organisation's links at locations under `paths` (null: all), newest first. */
export async function listResultLinks(db: Queryable, orgId: string, paths: string[] | null): Promise<ResultLinkRow[]> {
  const params: unknown[] = [orgId];
  if (paths) params.push(paths.map((p) => `${p}%`));
  const { rows } = await db.query(
    `/* listResultLinks */ ${SELECT} where k.org_id = $1${paths ? ' and l.path like any($2::text[])' : ''} order by k.created_at desc, k.id`,
    params,
  );
  return rows.map(toRow);
}

export async function getResultLink(db: Queryable, orgId: string, id: string): Promise<ResultLinkRow | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query(`/* getResultLink */ ${SELECT} where k.org_id = $1 and k.id = $2`, [orgId, id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Revokes once (a repeat keeps the first time). */
export async function revokeResultLink(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query(`/* revokeResultLink */ update staff_result_links set revoked_at = coalesce(revoked_at, now()) where org_id = $1 and id = $2`, [orgId, id]);
}

/** The live (not revoked) link of a token hash, of a staff survey. */
export async function findResultLinkByHash(db: Queryable, tokenHash: string): Promise<ResultLinkRow | null> {
  const { rows } = await db.query(
    `/* findResultLinkByHash */ ${SELECT} where k.token_hash = $1 and k.revoked_at is null and s.audience = 'staff'`,
    [tokenHash],
  );
  return rows[0] ? toRow(rows[0]) : null;
}
