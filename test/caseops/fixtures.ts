/** A small retail tree for the case-operations tests: company > region > two stores, a store under the company, and their managers. */
import type pg from 'pg';
import { buildLocation, buildOrg, buildUser } from '../helpers/app.ts';

export async function buildCaseOrg(pool: pg.Pool, tag: string, timeZone = 'Europe/Moscow') {
  const org = await buildOrg(pool, `Cases ${tag}`);
  await pool.query(`update orgs set timezone = $2 where id = $1`, [org.orgId, timeZone]);
  const root = { id: org.rootLocationId, path: org.rootPath };
  const region = await buildLocation(pool, org.orgId, root, 'region', 'Moscow region');
  const s1 = await buildLocation(pool, org.orgId, region, 'store', 'Tverskaya');
  const s2 = await buildLocation(pool, org.orgId, region, 'store', 'Arbat');
  const s3 = await buildLocation(pool, org.orgId, root, 'store', 'Kazan');
  const owner = await buildUser(pool, org.orgId, 'owner', `owner-${tag}@cases.test`);
  const admin = await buildUser(pool, org.orgId, 'admin', `admin-${tag}@cases.test`);
  const regionManager = await buildUser(pool, org.orgId, 'location_manager', `region-${tag}@cases.test`, [region.id]);
  const s1Manager = await buildUser(pool, org.orgId, 'location_manager', `s1-${tag}@cases.test`, [s1.id]);
  return { ...org, region, s1, s2, s3, owner, admin, regionManager, s1Manager };
}

export async function caseRow(pool: pg.Pool, id: string) {
  const { rows } = await pool.query(
    `select owner_user_id, team_id, escalation_level, due_at, status, recovery_invitation_id, recovery_response_id, recovery_score from cases where id = $1`,
    [id],
  );
  return rows[0];
}

export async function caseEvents(pool: pg.Pool, id: string, kind?: string) {
  const { rows } = await pool.query(`select kind, body from case_events where case_id = $1 and ($2::text is null or kind = $2) order by at, id`, [id, kind ?? null]);
  return rows;
}

export async function notificationsOf(pool: pg.Pool, caseId: string, kind: string): Promise<string[]> {
  const { rows } = await pool.query(`select user_id from notifications where case_id = $1 and kind = $2 order by user_id`, [caseId, kind]);
  return rows.map((r) => r.user_id);
}
