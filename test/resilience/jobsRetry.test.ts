/**
 * Background jobs through a database outage: a rollup fold that fails because the database host is
 * down runs again once it is back (no new submission has to come and kick it), and a rollup rebuild
 * whose run was cut off is taken again by the next runner instead of staying "running".
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, isUnavailable } from '../../src/db/connection.ts';
import { loadSurveyBySlug } from '../../src/db/surveys/loadSurvey.ts';
import { submitResponse } from '../../src/server/responses/commands/submitResponse.ts';
import { createRollupFolder } from '../../src/server/jobs/foldRollupsJob.ts';
import { handleRebuildOrgRollups } from '../../src/server/jobs/rebuildOrgRollupsJob.ts';
import { claimRollupJob, getRollupJob, requestRollupJob } from '../../src/server/jobs/rollupJobs.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildOrg } from '../helpers/app.ts';
import { buildSurvey } from '../respond/factory.ts';
import { startTcpProxy, waitUntil } from './harness.ts';

let db: TestDatabase;
let orgId: string;
let slug: string;

const pendingChanges = async () => (await db.pool.query(`select count(*)::int as n from rollup_pending where org_id = $1`, [orgId])).rows[0].n as number;

beforeAll(async () => {
  db = await createTestDatabase();
  orgId = (await buildOrg(db.pool, 'Jobs Org')).orgId;
  slug = (await buildSurvey(db.pool, orgId)).slug;
});
afterAll(() => db?.drop());

describe('background jobs and a database outage', () => {
  it('a fold that failed while the database host was down runs again when it is back', async () => {
    const survey = (await loadSurveyBySlug(db.pool, slug))!;
    // Three submissions queue their rollup changes; nothing folds them (no app runs here).
    for (const score of [3, 8, 10]) {
      await submitResponse(db.pool, {
        survey, language: 'en', idempotencyKey: crypto.randomBytes(12).toString('base64url'), channel: 'link', hidden: {},
        answers: { nps: score }, locationId: null,
      });
    }
    expect(await pendingChanges()).toBe(3);

    const url = new URL(db.url);
    const proxy = await startTcpProxy(Number(url.port || 5432));
    url.port = String(proxy.port);
    const pool = createPool(url.toString(), 2);
    const errors: unknown[] = [];
    const folder = createRollupFolder(pool, (_org, err) => errors.push(err));
    try {
      await proxy.refuse();
      folder.kick(orgId);
      await waitUntil('the failed fold reported', () => errors.length > 0, 10_000, 10);
      expect(isUnavailable(errors[0]), String(errors[0])).toBe(true);
      await proxy.accept();
      await folder.idle(orgId);
      expect(await pendingChanges()).toBe(0);
      // One report for the outage, not one per retry.
      expect(errors).toHaveLength(1);
    } finally {
      await folder.close();
      await pool.end();
      await proxy.close();
    }
  });

  it('a rebuild whose run was cut off (its runner lost the connection) is taken again', async () => {
    await requestRollupJob(db.pool, orgId);
    // A runner claimed it and then lost its connection: the row says running, and no one holds its lock.
    expect(await claimRollupJob(db.pool, orgId)).toBe(true);
    expect(await getRollupJob(db.pool, orgId)).toMatchObject({ status: 'running', rerun: false });

    expect(await handleRebuildOrgRollups(db.pool, { orgId })).toBe('ran');
    expect(await getRollupJob(db.pool, orgId)).toMatchObject({ status: 'done', rerun: false, error: null });
  });
});
