/**
 * The demo's reviews get sentiment from the demo organisation's trained model (model mode of the review
 * analysis): every review with text is analysed, and 1-star reviews come out negative far more often than 5-star ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { loadDemo } from '../../src/db/demo/loadDemo.ts';
import { analyseDemoComments } from '../../src/server/text/demoText.ts';

describe('demo review sentiment', () => {
  let db: TestDatabase;
  let orgId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const r = await loadDemo(db.pool, { responses: 3000, seed: 7, passwordHash: 'x' });
    if (r.status !== 'created') throw new Error('demo not created');
    orgId = r.orgId;
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('analyses every demo review with text with the demo model', async () => {
    expect((await analyseDemoComments(db.pool, orgId)).mode).toBe('model');
    const { rows } = await db.pool.query(
      `select count(*)::int as n, count(*) filter (where sentiment_source = 'model')::int as model from reviews where org_id = $1 and btrim(text) <> ''`,
      [orgId],
    );
    expect(rows[0].n).toBeGreaterThan(200);
    expect(rows[0].model).toBe(rows[0].n);
    const share = async (stars: number) =>
      (await db.pool.query(
        `select avg((sentiment = 'negative')::int)::float as s from reviews where org_id = $1 and rating_scale = 5 and rating = $2 and sentiment is not null`,
        [orgId, stars],
      )).rows[0].s as number;
    expect(await share(1)).toBeGreaterThan((await share(5)) + 0.3);
  }, 120_000);
});
