/**
 * PATCH /org queues a rollup rebuild when dimensions or the time zone change
 * (src/server/jobs/rebuildOrgRollupsJob.ts): old answers gain the new dimension and move to their new
 * org-local day; GET /org/rollup-job shows progress; one run per organisation at a time; interrupted
 * jobs are queued again at start. Also GET /org/hidden-keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type OrgFixture, type TestServer } from '../helpers/app.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';
import { enqueueWantedRollupRebuilds, handleRebuildOrgRollups, markInterruptedRollupJobs } from '../../src/server/jobs/rebuildOrgRollupsJob.ts';
import { requestRollupJob } from '../../src/db/rollups/rollupJobs.ts';

const POLL = { timeout: 20_000, interval: 100 };

async function waitForJob(client: Client) {
  await expect.poll(async () => (await client.get('/api/v1/org/rollup-job')).json.status, POLL).not.toBe('running');
  return (await client.get('/api/v1/org/rollup-job')).json;
}

describe('organisation rollup rebuild job', () => {
  let server: TestServer;
  let org: OrgFixture;
  let admin: Client;
  let surveyId: string;
  let npsId: string;

  beforeAll(async () => {
    server = await startTestServer();
    org = await buildOrg(server.pool, 'Jobs Org');
    await buildUser(server.pool, org.orgId, 'admin', 'admin@jobs.test');
    await buildUser(server.pool, org.orgId, 'analyst', 'analyst@jobs.test');
    await buildUser(server.pool, org.orgId, 'viewer', 'viewer@jobs.test');
    const store = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store');
    await buildUser(server.pool, org.orgId, 'admin', 'scoped@jobs.test', [store.id]);
    admin = await signIn(server.baseUrl, 'admin@jobs.test');
    const survey = await seedSurvey(server.pool, org.orgId, [{ key: 'nps', type: 'nps' }]);
    surveyId = survey.surveyId;
    npsId = survey.ids.nps;
    // Old answers over several weeks (several rebuild batches), before anyone marked a dimension.
    const day = (d: number, time = '12:00:00') => `2025-02-${String(d).padStart(2, '0')}T${time}Z`;
    await seedResponses(server.pool, org.orgId, surveyId, survey.ids, [
      ...[10, 9, 9, 3].map((score, i) => ({ hidden: { customer_type: 'b2b', campaign: 'x' }, at: day(1 + i * 7), answers: { nps: { score } } })),
      ...[10, 2, 0].map((score, i) => ({ hidden: { customer_type: 'b2c' }, at: day(3 + i * 5), answers: { nps: { score } } })),
      { hidden: { 'Not-A-Key': 'y', customer_type: '' }, at: day(20), answers: { nps: { score: 8 } } },
      // Near midnight UTC: the next day in Tehran (UTC+03:30).
      { hidden: {}, at: day(27, '22:30:00'), answers: { nps: { score: 10 } } },
    ]);
  });
  afterAll(async () => server.close());

  const breakdown = async (client: Client, by: string) =>
    (await client.get(`/api/v1/surveys/${surveyId}/analytics/breakdown?question=${npsId}&by=${by}`)).json;
  const counts = (b: any) => Object.fromEntries(b.rows.map((r: any) => [r.key, r.result?.n]));

  it('offers the hidden-field keys of recent responses to whole-organisation admins only', async () => {
    const other = await buildOrg(server.pool, 'Other Org');
    const otherSurvey = await seedSurvey(server.pool, other.orgId, [{ key: 'nps', type: 'nps' }]);
    await seedResponses(server.pool, other.orgId, otherSurvey.surveyId, otherSurvey.ids, [
      { hidden: { secret_key_of_b: 'z' }, answers: { nps: { score: 5 } } },
    ]);
    const mine = await seedSurvey(server.pool, org.orgId, [{ key: 'nps', type: 'nps' }], 'Recent');
    await seedResponses(server.pool, org.orgId, mine.surveyId, mine.ids, [
      { hidden: { segment: 'gold', customer_type: 'b2b' }, answers: { nps: { score: 9 } } },
      { hidden: { segment: 'silver', 'Bad Key': 'q' }, answers: { nps: { score: 7 } } },
      { hidden: { segment: '' }, at: new Date(Date.now() - 100 * 86_400_000).toISOString(), answers: { nps: { score: 7 } } },
    ]);
    const res = await admin.get('/api/v1/org/hidden-keys');
    expect(res.status).toBe(200);
    // The February answers are older than 90 days; invalid keys and empty values are left out.
    expect(res.json).toEqual({ keys: [{ key: 'segment', responses: 2 }, { key: 'customer_type', responses: 1 }] });
    for (const email of ['analyst@jobs.test', 'viewer@jobs.test', 'scoped@jobs.test']) {
      expect((await (await signIn(server.baseUrl, email)).get('/api/v1/org/hidden-keys')).status, email).toBe(403);
    }
  });

  it('shows no job before the first rebuild, to every member', async () => {
    const viewer = await signIn(server.baseUrl, 'viewer@jobs.test');
    expect((await viewer.get('/api/v1/org/rollup-job')).json).toEqual({ status: 'idle', total: 0, done: 0, startedAt: null, finishedAt: null });
  });

  it('rebuilds after a dimension is marked, so old answers are segmented from the rollups', async () => {
    const raw = await breakdown(admin, 'dim:customer_type');
    expect(raw.source).toBe('raw');
    expect(counts(raw)).toEqual({ b2b: 4, b2c: 3 });

    const res = await admin.patch('/api/v1/org', { dimensions: ['customer_type'] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: org.orgId, dimensions: ['customer_type'], org: { id: org.orgId, dimensions: ['customer_type'] } });
    expect(res.json.rollupJob).toMatchObject({ status: 'running' });

    const analyst = await signIn(server.baseUrl, 'analyst@jobs.test');
    const job = await waitForJob(analyst);
    expect(job.status).toBe('done');
    expect(job.total).toBeGreaterThan(1);
    expect(job.done).toBe(job.total);
    expect(Date.parse(job.finishedAt)).toBeGreaterThanOrEqual(Date.parse(job.startedAt));

    // Freshness shows the finished job, and nothing queued once the rebuild ended.
    const fresh = (await analyst.get('/api/v1/analytics/freshness')).json;
    expect(fresh).toEqual({ rollups: 'transactional', lagSeconds: 0, pending: 0, job: { status: 'done', total: job.total, done: job.total } });

    const rolled = await breakdown(analyst, 'dim:customer_type');
    expect(rolled.source).not.toBe('raw');
    expect(counts(rolled)).toEqual({ b2b: 4, b2c: 3 });
    expect(rolled.rows.find((r: any) => r.key === 'b2b').result.value).toBeCloseTo(50);
  });

  it('does not start a job when neither dimensions nor the time zone change', async () => {
    const res = await admin.patch('/api/v1/org', { name: 'Jobs Org 2', dimensions: ['customer_type'] });
    expect(res.status).toBe(200);
    expect(res.json.rollupJob).toBeNull();
    expect(res.json.name).toBe('Jobs Org 2');
  });

  it('moves answers near midnight to their new org-local day when the time zone changes', async () => {
    const trend = async () => {
      const t = (await admin.get(`/api/v1/surveys/${surveyId}/analytics/trend?question=${npsId}&interval=day&from=2025-02-27&to=2025-02-28`)).json;
      expect(t.source).not.toBe('raw');
      return Object.fromEntries(t.points.filter((p: any) => p.result?.n > 0).map((p: any) => [p.period.slice(0, 10), p.result.n]));
    };
    expect(await trend()).toEqual({ '2025-02-27': 1 });
    const res = await admin.patch('/api/v1/org', { timezone: 'Asia/Tehran' });
    expect(res.json.rollupJob).not.toBeNull();
    expect((await waitForJob(admin)).status).toBe('done');
    expect(await trend()).toEqual({ '2025-02-28': 1 });
  });

  it('runs one rebuild per organisation at a time and picks up requests made meanwhile', async () => {
    // Another process (here: a connection) holds the organisation's job lock.
    const holder = await server.pool.connect();
    try {
      await holder.query('select pg_advisory_lock(727002, hashtext($1))', [org.orgId]);
      await requestRollupJob(server.pool, org.orgId);
      expect(await handleRebuildOrgRollups(server.pool, { orgId: org.orgId })).toBe('busy');
      expect((await admin.get('/api/v1/org/rollup-job')).json.status).toBe('running');
    } finally {
      await holder.query('select pg_advisory_unlock(727002, hashtext($1))', [org.orgId]);
      holder.release();
    }
    expect(await handleRebuildOrgRollups(server.pool, { orgId: org.orgId })).toBe('ran');
    expect(await handleRebuildOrgRollups(server.pool, { orgId: org.orgId })).toBe('idle');

    // Two changes in a row: the second lands while the first runs and is applied too.
    expect((await admin.patch('/api/v1/org', { dimensions: ['customer_type', 'campaign'] })).json.rollupJob.status).toBe('running');
    expect((await admin.patch('/api/v1/org', { dimensions: ['campaign'] })).json.rollupJob.status).toBe('running');
    expect((await waitForJob(admin)).status).toBe('done');
    const dims = await server.pool.query(`select distinct dim_key from rollup_responses_compact where org_id = $1 and n > 0 order by 1`, [org.orgId]);
    expect(dims.rows.map((r) => r.dim_key)).toEqual(['', 'campaign']);
    expect(counts(await breakdown(admin, 'dim:campaign'))).toEqual({ x: 4 });
  });

  it('queues again at start a job a stopped process left running', async () => {
    await server.pool.query(`update orgs set dimensions = '{customer_type}' where id = $1`, [org.orgId]);
    await server.pool.query(`update rollup_jobs set status = 'running', rerun = false, total = 9, done = 4, finished_at = null where org_id = $1`, [org.orgId]);
    const logs: string[] = [];
    await markInterruptedRollupJobs(server.pool, (m) => logs.push(m));
    expect(logs.join('\n')).toContain(org.orgId);
    await enqueueWantedRollupRebuilds(server.app.jobs, server.pool);
    const job = await waitForJob(admin);
    expect(job.status).toBe('done');
    expect(counts(await breakdown(admin, 'dim:customer_type'))).toEqual({ b2b: 4, b2c: 3 });
  });
});
