/**
 * Failed jobs for admins (GET /org/jobs, POST /org/jobs/:id/retry): only the caller's organisation's
 * jobs, only for whole-organisation admins; a retried job runs again. And dashboards while a rollup
 * rebuild waits in the queue (after a migration added a level): exact numbers from raw answers, the
 * rollups again once it ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, Client, signIn, startTestServer, type OrgFixture, type TestServer } from '../helpers/app.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';
import { requestRollupRebuildsAfterMigration } from '../../src/cli/start.ts';
import { requestRollupJob } from '../../src/db/rollups/rollupJobs.ts';
import { enqueueWantedRollupRebuilds, rebuildOrgRollupsJob } from '../../src/server/jobs/rebuildOrgRollupsJob.ts';
import { JobListResponseSchema, JobRetryResponseSchema } from '../../src/core/api/jobs.ts';

const POLL = { timeout: 20_000, interval: 50 };

describe('jobs for admins, and dashboards while a rebuild waits', () => {
  let server: TestServer;
  let a: OrgFixture;
  let b: OrgFixture;
  let admin: Client;
  let surveyId: string;
  let npsId: string;

  beforeAll(async () => {
    server = await startTestServer();
    a = await buildOrg(server.pool, 'Jobs A');
    b = await buildOrg(server.pool, 'Jobs B');
    const store = await buildLocation(server.pool, a.orgId, { id: a.rootLocationId, path: a.rootPath }, 'store', 'Store');
    await buildUser(server.pool, a.orgId, 'admin', 'admin@a.jobs.test');
    await buildUser(server.pool, a.orgId, 'analyst', 'analyst@a.jobs.test');
    await buildUser(server.pool, a.orgId, 'admin', 'scoped@a.jobs.test', [store.id]);
    await buildUser(server.pool, b.orgId, 'admin', 'admin@b.jobs.test');
    admin = await signIn(server.baseUrl, 'admin@a.jobs.test');
    const survey = await seedSurvey(server.pool, a.orgId, [{ key: 'nps', type: 'nps' }]);
    surveyId = survey.surveyId;
    npsId = survey.ids.nps;
    // Two promoters, one passive, two detractors over three months: NPS 0 of 5.
    await seedResponses(server.pool, a.orgId, surveyId, survey.ids, [
      { at: '2025-01-10T10:00:00Z', answers: { nps: { score: 10 } } },
      { at: '2025-01-20T10:00:00Z', answers: { nps: { score: 9 } } },
      { at: '2025-02-10T10:00:00Z', answers: { nps: { score: 7 } } },
      { at: '2025-03-10T10:00:00Z', answers: { nps: { score: 3 } } },
      { at: '2025-03-11T10:00:00Z', answers: { nps: { score: 0 } } },
    ]);
  });
  afterAll(async () => server?.close());

  const summary = async () => {
    const s = (await admin.get(`/api/v1/surveys/${surveyId}/analytics/summary`)).json;
    const nps = s.questions.find((q: any) => q.questionId === npsId).result;
    return { source: s.source, responses: s.responses, nps: { value: nps.value, n: nps.n } };
  };
  const rollupJob = async () => (await admin.get('/api/v1/org/rollup-job')).json.status;

  it('serves exact numbers from raw answers while the rebuild after a migration waits, and the rollups after it', async () => {
    expect(await summary()).toEqual({ source: 'rollup', responses: 5, nps: { value: 0, n: 5 } });
    // As if a migration had just added the compact levels: empty for the organisation's old answers.
    await server.pool.query(`delete from rollup_scores_compact where org_id = $1`, [a.orgId]);
    await server.pool.query(`delete from rollup_responses_compact where org_id = $1`, [a.orgId]);
    const logs: string[] = [];
    await requestRollupRebuildsAfterMigration(server.pool, (m) => logs.push(m));
    expect(logs.join('\n')).toContain(a.orgId);
    expect(await rollupJob()).toBe('running');

    // Another runner holds the organisation (a busy server): the rebuild cannot run yet.
    const holder = await server.pool.connect();
    try {
      await holder.query('select pg_advisory_lock(727002, hashtext($1))', [a.orgId]);
      await enqueueWantedRollupRebuilds(server.app.jobs, server.pool);
      expect(await summary()).toEqual({ source: 'raw', responses: 5, nps: { value: 0, n: 5 } });
    } finally {
      await holder.query('select pg_advisory_unlock(727002, hashtext($1))', [a.orgId]);
      holder.release();
    }
    // The job that found the runner busy has ended; the next one (here asked for at once, else the minute sweep) runs it.
    await enqueueWantedRollupRebuilds(server.app.jobs, server.pool);
    await expect.poll(rollupJob, POLL).toBe('done');
    expect(await summary()).toEqual({ source: 'rollup', responses: 5, nps: { value: 0, n: 5 } });
  });

  it('lists the failed jobs of the caller organisation to its whole-organisation admins, and retries them', async () => {
    // A rebuild that fails for real: the organisation's time zone is unknown to PostgreSQL.
    await server.pool.query(`update orgs set timezone = 'Mars/Olympus' where id = $1`, [a.orgId]);
    await requestRollupJob(server.pool, a.orgId);
    const jobId = await server.app.jobs.boss.send(rebuildOrgRollupsJob.name, { orgId: a.orgId }, { retryLimit: 0 });
    await expect.poll(async () => (await admin.get('/api/v1/org/jobs')).json.jobs.map((j: any) => j.id), POLL).toEqual([jobId]);

    const list = (await admin.get('/api/v1/org/jobs?state=failed')).json;
    // The answer is exactly the contract the jobs page is typed by (src/core/api/jobs.ts; strict: no extra keys).
    expect(() => JobListResponseSchema.parse(list)).not.toThrow();
    const listed = list.jobs[0];
    expect(listed).toMatchObject({ id: jobId, kind: 'rebuild-org-rollups', state: 'failed', attempts: 1, endedAt: expect.any(String) });
    expect(listed.error).toContain('Mars/Olympus');
    expect(listed.error).not.toContain('\n');
    expect(Object.keys(listed).sort()).toEqual(['attempts', 'createdAt', 'endedAt', 'error', 'id', 'kind', 'state']);
    expect((await admin.get('/api/v1/org/jobs?state=sideways')).status).toBe(400);

    // Not for other roles, admins limited to locations, or anonymous callers.
    for (const email of ['analyst@a.jobs.test', 'scoped@a.jobs.test']) {
      const other = await signIn(server.baseUrl, email);
      expect((await other.get('/api/v1/org/jobs')).status, email).toBe(403);
      expect((await other.post(`/api/v1/org/jobs/${jobId}/retry`)).status, email).toBe(403);
    }
    expect((await new Client(server.baseUrl).get('/api/v1/org/jobs')).status).toBe(401);
    // Another organisation's admin neither sees nor retries it.
    const adminB = await signIn(server.baseUrl, 'admin@b.jobs.test');
    expect((await adminB.get('/api/v1/org/jobs')).json).toEqual({ jobs: [] });
    expect((await adminB.post(`/api/v1/org/jobs/${jobId}/retry`)).status).toBe(404);
    expect((await admin.post(`/api/v1/org/jobs/${crypto.randomUUID()}/retry`)).status).toBe(404);
    expect((await admin.post(`/api/v1/org/jobs/not-a-job/retry`)).status).toBe(404);
    expect(await rollupJob()).toBe('failed');

    // Fixed, then retried: the job runs again and the rebuild is done.
    await server.pool.query(`update orgs set timezone = 'UTC' where id = $1`, [a.orgId]);
    const retried = await admin.post(`/api/v1/org/jobs/${jobId}/retry`);
    expect(retried.status).toBe(200);
    expect(() => JobRetryResponseSchema.parse(retried.json)).not.toThrow();
    expect(retried.json.job).toMatchObject({ id: jobId, kind: 'rebuild-org-rollups' });
    expect(['retry', 'active', 'completed']).toContain(retried.json.job.state);
    await expect.poll(async () => (await admin.get('/api/v1/org/jobs?state=completed')).json.jobs.map((j: any) => j.id), POLL).toContain(jobId);
    await expect.poll(rollupJob, POLL).toBe('done');
    expect((await admin.get('/api/v1/org/jobs')).json).toEqual({ jobs: [] });
    expect((await admin.post(`/api/v1/org/jobs/${jobId}/retry`)).status).toBe(409);
    const audit = await server.pool.query(`select actor_id is not null as by_user, target_id::text as target from audit_log where org_id = $1 and action = 'job.retry'`, [a.orgId]);
    expect(audit.rows).toEqual([{ by_user: true, target: jobId }]);
  });
});
