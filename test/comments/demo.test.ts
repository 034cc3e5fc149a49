/** `sarafan demo` fills the comments view: the demo's comments are analysed (and the model trained) at load. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { loadDemo } from '../../src/db/demo/loadDemo.ts';
import { analyseDemoComments } from '../../src/server/text/demoText.ts';

describe('demo comment analysis', () => {
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

  it('trains the demo model and analyses every demo comment', async () => {
    const result = await analyseDemoComments(db.pool, orgId);
    const comments = Number((await db.pool.query(`select count(*) from answers where org_id = $1 and text is not null and btrim(text) <> ''`, [orgId])).rows[0].count);
    expect(comments).toBeGreaterThan(200);
    expect(result.analysed).toBe(comments);
    expect(result.mode).toBe('model');
    const model = await db.pool.query(`select n, accuracy from text_models where org_id = $1`, [orgId]);
    expect(model.rows[0].n).toBeGreaterThanOrEqual(200);
    // Detractors' comments (NPS 0-6) come out negative far more often than promoters' (9-10).
    const { rows } = await db.pool.query(
      `select case when m.score <= 6 then 'detractor' when m.score >= 9 then 'promoter' end as grp,
              avg((c.sentiment = 'negative')::int)::float as negative_share, count(*)::int as n
         from comment_analysis c
         join answers m on m.org_id = c.org_id and m.response_id = c.response_id
         join questions q on q.org_id = m.org_id and q.id = m.question_id and q.metric = 'nps'
        where c.org_id = $1 group by 1`,
      [orgId],
    );
    const share = Object.fromEntries(rows.map((r) => [r.grp, r.negative_share]));
    expect(share.detractor).toBeGreaterThan(0.6);
    expect(share.promoter).toBeLessThan(0.2);
    const themed = await db.pool.query(`select count(*)::int as n from comment_analysis where org_id = $1 and cardinality(themes) > 0`, [orgId]);
    expect(themed.rows[0].n).toBeGreaterThan(comments / 4);
  }, 120_000);

  it('analyses every demo review with text with the demo model too (docs/reviews.md "Sentiment")', async () => {
    const { rows } = await db.pool.query(
      `select count(*)::int as n, count(*) filter (where sentiment_source = 'model')::int as model from reviews where org_id = $1 and btrim(text) <> ''`,
      [orgId],
    );
    expect(rows[0].n).toBeGreaterThan(200);
    expect(rows[0].model).toBe(rows[0].n);
    // 1-star reviews come out negative far more often than 5-star ones.
    const share = async (stars: number) =>
      (await db.pool.query(
        `select avg((sentiment = 'negative')::int)::float as s from reviews where org_id = $1 and rating_scale = 5 and rating = $2 and sentiment is not null`,
        [orgId, stars],
      )).rows[0].s as number;
    expect(await share(1)).toBeGreaterThan((await share(5)) + 0.3);
    // And themes from the demo dictionary, in every language (docs/reviews.md "Sentiment and themes").
    const themed = await db.pool.query(
      `select coalesce(language, '?') as language, count(*)::int as n, count(*) filter (where cardinality(themes) > 0)::int as themed
         from reviews where org_id = $1 and btrim(text) <> '' group by 1 order by 1`,
      [orgId],
    );
    expect(themed.rows.map((r) => r.language)).toEqual(['en', 'fa', 'ru']);
    for (const r of themed.rows) expect(r.themed, r.language).toBeGreaterThan(r.n / 4);
  });
});
