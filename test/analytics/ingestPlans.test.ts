/**
 * Every statement on the ingest path (the submission insert, the idempotent retry's lookup, the
 * queueing of an exclusion, the fold's batch delete and its rollup updates) uses an index whatever
 * the planner's statistics say: here they were taken when the tables held 10 responses, autovacuum is
 * off, and the tables then grew to 30,000 responses, 60,000 answers and 30,000 queued changes.
 * The statements are recorded while they really run, then EXPLAINed with the same parameters.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildLocation } from '../helpers/app.ts';
import { buildAnalyticsOrg } from './seed.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';
import { ROLLUP_TABLES } from '../../src/db/rollups/levels.ts';
import { recordResponsesForRollups, replayPendingResponses } from '../../src/db/rollups/rollupQueue.ts';
import { loadSurvey } from '../../src/db/surveys/loadSurvey.ts';
import { prepareSubmission, submitResponse } from '../../src/server/responses/commands/submitResponse.ts';
import { insertSubmissions } from '../../src/db/responses/insertSubmissions.ts';

/** Tables that grow with answers: a sequential scan of any of them on the ingest path is a bug. */
const BIG_TABLES = ['responses', 'answers', 'rollup_pending', ...ROLLUP_TABLES];

interface Recorded {
  sql: string;
  params: unknown[];
}

/** A client that runs every query and records it (text and parameters). */
function recording(client: pg.PoolClient, log: Recorded[]): pg.PoolClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver);
      return (sql: string, params: unknown[] = []) => {
        log.push({ sql, params });
        return target.query(sql, params);
      };
    },
  });
}

/** Sequential scans of big tables anywhere in a JSON plan, as "Node Type on relation". */
function seqScansOfBigTables(plan: any): string[] {
  const out: string[] = [];
  const walk = (node: any) => {
    if (node['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(node['Relation Name'])) out.push(`Seq Scan on ${node['Relation Name']}`);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan[0].Plan);
  return out;
}

describe('ingest statements with stale planner statistics', () => {
  let db: TestDatabase;
  let orgId = '';
  let storeId = '';
  let survey: SurveyFixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const t of BIG_TABLES) await db.pool.query(`alter table ${t} set (autovacuum_enabled = false)`);
    const org = await buildAnalyticsOrg(db.pool, 'Plans Org');
    orgId = org.orgId;
    storeId = (await buildLocation(db.pool, orgId, org.root, 'store', 'S1')).id;
    await db.pool.query(`update locations set code = 'store-1' where id = $1`, [storeId]);
    survey = await buildSurvey(db.pool, orgId);
    const bulk = async (n: number, prefix: string) => {
      await db.pool.query(
        `insert into responses (org_id, survey_id, location_id, channel, language, hidden, idempotency_key, survey_version, submitted_at)
         select $1, $2, $3, 'link', 'en', '{"segment":"a"}', $5 || g, 1, now() - g * interval '1 minute' from generate_series(1, $4::int) g`,
        [orgId, survey.id, storeId, n, prefix],
      );
      await db.pool.query(
        `insert into answers (org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score)
         select r.org_id, r.id, q.id, r.survey_id, r.location_id, r.channel, r.language, r.submitted_at, case when q.key = 'nps' then 7 else 4 end
           from responses r join questions q on q.org_id = r.org_id and q.survey_id = r.survey_id and q.key in ('nps', 'service')
          where r.org_id = $1 and r.idempotency_key like $2 || '%'`,
        [orgId, prefix],
      );
      await db.pool.query(`insert into rollup_pending (org_id, response_id, sign) select org_id, id, 1 from responses where org_id = $1 and idempotency_key like $2 || '%'`, [orgId, prefix]);
    };
    // Statistics taken while the tables were tiny, then 3,000 times more rows without ANALYZE.
    await bulk(10, 'small-');
    for (const t of BIG_TABLES) await db.pool.query(`analyze ${t}`);
    await bulk(30_000, 'bulk-');
  });
  afterAll(async () => db?.drop());

  it('finds no sequential scan of a big table in any ingest statement', async () => {
    const phases: Array<{ name: string; log: Recorded[] }> = [];
    const client = await db.pool.connect();
    try {
      const loaded = (await loadSurvey(client, orgId, survey.id))!;
      const input = (k: string, loc: string) => ({
        survey: loaded, language: 'en', idempotencyKey: k, channel: 'link', hidden: { segment: 'b' }, locationId: null, locationRef: loc,
        answers: { nps: 9, service: 5 },
      });
      // A group of three submissions (by code, by id, none), then a retry of one (its lookup by key).
      const submit: Recorded[] = [];
      const rec = recording(client, submit);
      const outcomes = await insertSubmissions(rec, [input('plan-key-001', 'store-1'), input('plan-key-002', storeId), input('plan-key-003', '')].map(prepareSubmission));
      expect(outcomes.map((o) => !!o.id)).toEqual([true, true, true]);
      expect((await submitResponse(rec, input('plan-key-001', 'store-1'))).created).toBe(false);
      await recordResponsesForRollups(rec, orgId, [outcomes[0].id!], -1);
      phases.push({ name: 'submit', log: submit });

      // One fold batch (the oldest 500 queued changes), in its transaction, as foldPendingResponses runs it.
      const fold: Recorded[] = [];
      await client.query('begin');
      expect(await replayPendingResponses(recording(client, fold), orgId, 500)).toBe(500);
      await client.query('rollback');
      phases.push({ name: 'fold', log: fold });

      const explained: string[] = [];
      for (const { name, log } of phases) {
        const settings = log.filter((s) => /^\s*set local/i.test(s.sql));
        for (const stmt of log.filter((s) => !/^\s*set local/i.test(s.sql))) {
          await client.query('begin');
          try {
            // The statement's own session settings (the fold's), and nothing else.
            for (const s of settings) await client.query(s.sql);
            const { rows } = await client.query(`explain (format json) ${stmt.sql}`, stmt.params);
            const label = `${name}: ${stmt.sql.match(/\/\*\s*([\w.]+)/)?.[1] ?? stmt.sql.slice(0, 60)}`;
            explained.push(label);
            expect(seqScansOfBigTables(rows[0]['QUERY PLAN']), label).toEqual([]);
          } finally {
            await client.query('rollback');
          }
        }
      }
      // Every kind of statement was looked at: the group insert, the retry's lookup, the queueing,
      // the batch delete and one rollup update per kind.
      expect(explained.length).toBeGreaterThanOrEqual(6);
    } finally {
      client.release();
    }
  });
});
