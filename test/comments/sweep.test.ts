/**
 * The comments sweep (cron) through the real queue: it queues the analysis of never-analysed comments,
 * and, once an organisation has 200 scored comments, training in the worker thread, after which the
 * comments are re-analysed with the organisation's model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { sweepCommentsJob } from '../../src/server/jobs/sweepCommentsJob.ts';
import { waitFor } from '../helpers/waitFor.ts';

describe('comments sweep', () => {
  let server: TestServer;
  let orgId: string;
  beforeAll(async () => {
    server = await startTestServer();
    orgId = (await buildAnalyticsOrg(server.pool, 'Sweep Org')).orgId;
    const { surveyId, ids } = await seedSurvey(server.pool, orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }]);
    // 210 scored comments (applied to the rollups directly, so no fold kicks the analysis: only the sweep can).
    const responses = Array.from({ length: 70 }, (_, i) => [
      { answers: { nps: { score: 2 }, why: { text: `rude cashier and a long queue, visit ${i}` } } },
      { answers: { nps: { score: 8 }, why: { text: `ok store, nothing special, visit ${i}` } } },
      { answers: { nps: { score: 10 }, why: { text: `lovely staff and quick checkout, visit ${i}` } } },
    ]).flat();
    await seedResponses(server.pool, orgId, surveyId, ids, responses);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('queues analysis and training; the model then analyses every comment', async () => {
    const count = async (sql: string) => Number((await server.pool.query(sql, [orgId])).rows[0].n);
    expect(await count(`select count(*) as n from comment_analysis where org_id = $1`)).toBe(0);
    await server.app.jobs.send(sweepCommentsJob, {});
    await waitFor(async () => (await count(`select count(*) as n from comment_analysis where org_id = $1`)) === 210, 'the analysis', 60_000);
    // The same sweep saw the organisation due for training (210 scored comments, no model yet).
    await waitFor(async () => (await count(`select count(*) as n from text_models where org_id = $1`)) === 1, 'the training', 60_000);
    const model = await server.pool.query(`select n, classes, accuracy from text_models where org_id = $1`, [orgId]);
    expect(model.rows[0]).toMatchObject({ n: 210, classes: ['negative', 'neutral', 'positive'] });
    expect(model.rows[0].accuracy).toBeGreaterThan(0.9);
    await waitFor(async () => (await count(`select count(*) as n from comment_analysis where org_id = $1 and source = 'model'`)) === 210, 'the re-analysis with the model', 60_000);
  }, 120_000);
});
