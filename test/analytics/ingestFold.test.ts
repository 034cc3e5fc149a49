/**
 * Ingest off the critical path (src/db/rollups/rollupQueue.ts, src/server/jobs/foldRollupsJob.ts):
 * submissions only queue their rollup change; the background fold moves queued changes into every
 * rollup level in batches; dashboards add what is still queued. Checked against an oracle computed
 * in JavaScript from the raw answers (test/helpers/rollupOracle.ts, not the rollup builder's SQL), in an organisation far from
 * UTC (Pacific/Auckland), with concurrent submissions, exclusions, folds and a rebuild.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';
import { seedResponses } from './seed.ts';
import { rebuildOrgRollups } from '../../src/db/rollups/rebuildRollups.ts';
import { foldPendingResponses, ROLLUP_WRITER_LOCK } from '../../src/db/rollups/rollupQueue.ts';
import { rng } from '../helpers/rng.ts';
import { expectRollupsMatchRawAnswers } from '../helpers/rollupOracle.ts';

const TZ = 'Pacific/Auckland';

describe('ingest with background folding', () => {
  let server: TestServer;
  let owner: Client;
  let orgId = '';
  let s1 = '';
  let survey: SurveyFixture;
  const dimensions = ['segment'];

  /** Every level equals the JavaScript oracle over the raw answers/responses that count now. */
  const expectLevelsMatchRawAnswers = () => expectRollupsMatchRawAnswers(server.pool, orgId);
  const pending = async () => (await server.pool.query(`select count(*)::int as n from rollup_pending where org_id = $1`, [orgId])).rows[0].n as number;
  const post = async (body: Record<string, unknown>, slug = survey.slug) => {
    const res = await fetch(`${server.baseUrl}/s/${slug}`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()).responseId as string;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Ingest Org');
    orgId = org.orgId;
    await server.pool.query(`update orgs set dimensions = $2, timezone = $3 where id = $1`, [orgId, dimensions, TZ]);
    s1 = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'S1')).id;
    const s2 = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'S2');
    await server.pool.query(`update locations set code = 'store-2' where id = $1`, [s2.id]);
    await buildUser(server.pool, orgId, 'admin', 'admin@ingest.test');
    owner = await signIn(server.baseUrl, 'admin@ingest.test');
    survey = await buildSurvey(server.pool, orgId);
  });
  afterAll(async () => server?.close());

  it('keeps every level equal to the raw answers after concurrent submissions, exclusions, folds and a rebuild', async () => {
    const rand = rng(6);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    // Detractors may say what went wrong (a multi-choice question shown for 0-6): choice rollups get rows.
    const npsWithReasons = (score: number) => ({
      q_nps: score,
      ...(score <= 6 && rand() < 0.8 ? { q_reasons: ['price', 'wait', 'staff'].filter(() => rand() < 0.5) } : {}),
    });
    const bodies = Array.from({ length: 160 }, () => ({
      _k: crypto.randomBytes(12).toString('base64url'),
      _lang: pick(['en', 'ru']),
      _loc: pick([s1, 'store-2', '']),
      _channel: pick(['link', 'email']),
      ...(rand() < 0.7 ? { h_segment: pick(['a', 'b']) } : {}),
      ...npsWithReasons(Math.floor(rand() * 11)),
      ...(rand() < 0.8 ? { q_service: 1 + Math.floor(rand() * 5) } : {}),
    }));
    const ids: string[] = [];
    let next = 0;
    const respondent = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const id = await post(body);
        ids.push(id);
        // A retry of the same submission (same key) must not count twice.
        if (next % 17 === 0) expect(await post(body)).toBe(id);
      }
    };
    const admin = async () => {
      // Exclusions and re-inclusions of answers already stored, while submissions and folds go on.
      for (let i = 0; i < 12; i++) {
        await new Promise((r) => setTimeout(r, 20));
        const id = ids[Math.floor(rand() * ids.length)];
        if (!id) continue;
        await owner.post(`/api/v1/responses/${id}/exclude`, { reason: 'test' });
        if (i % 3 === 0) await owner.post(`/api/v1/responses/${id}/include`);
      }
    };
    const rebuild = async () => {
      while (next < 60) await new Promise((r) => setTimeout(r, 10));
      await rebuildOrgRollups(server.pool, orgId, { batchDays: 1 });
    };
    await Promise.all([...Array.from({ length: 8 }, respondent), admin(), rebuild()]);
    expect(new Set(ids).size).toBe(160);
    await server.app.rollupFolder.idle(orgId);
    expect(await pending()).toBe(0);
    await expectLevelsMatchRawAnswers();
    const summary = await owner.get(`/api/v1/surveys/${survey.id}/analytics/summary`);
    const counted = (await server.pool.query(`select count(*)::int as n from responses where org_id = $1 and not excluded`, [orgId])).rows[0].n;
    expect(summary.json.responses).toBe(counted);
  });

  it('answers exactly from rollups plus queued changes while no fold can run, then folds them', async () => {
    const fresh = await buildSurvey(server.pool, orgId);
    const api = async (q: string) => (await owner.get(`/api/v1/surveys/${fresh.id}/analytics/${q}`)).json;
    const strip = (x: any) => ({ ...x, source: undefined });
    // Hold the organisation as a fold or rebuild does: every fold now gives up ('busy') and retries.
    const holder = new pg.Client({ connectionString: server.db.url });
    await holder.connect();
    try {
      await holder.query(`select pg_advisory_lock($1, hashtext($2::text))`, [ROLLUP_WRITER_LOCK, orgId]);
      const scores = [10, 9, 6, 8, 3];
      const ids: string[] = [];
      for (const [i, score] of scores.entries()) {
        ids.push(await post({ _k: crypto.randomBytes(12).toString('base64url'), _lang: 'en', _loc: s1, h_segment: i < 2 ? 'a' : 'b', q_nps: score }, fresh.slug));
      }
      // Nothing of this survey is in the rollup tables yet: every number below comes from the queue.
      const rolled = await server.pool.query(`select count(*)::int as n from rollup_responses_compact where org_id = $1 and survey_id = $2`, [orgId, fresh.id]);
      expect(rolled.rows[0].n).toBe(0);
      let summary = await api('summary');
      expect(summary.source).toBe('rollup');
      expect(summary.responses).toBe(5);
      // Promoters 10, 9; detractors 6, 3: (2 - 2) / 5 = 0.
      expect(summary.questions.find((q: any) => q.key === 'nps').result.value).toBe(0);
      // Segment a: 10 and 9, both promoters: +100.
      const segA = await api('summary?dim=segment:a');
      expect(segA.responses).toBe(2);
      expect(segA.questions.find((q: any) => q.key === 'nps').result.value).toBe(100);
      expect((await owner.get('/api/v1/analytics/freshness')).json).toMatchObject({ rollups: 'transactional', pending: 5 });

      // Breakdowns and trends agree with the raw answers (nothing is excluded yet, so includeExcluded=1 reads the same answers raw).
      for (const q of [`breakdown?question=${fresh.questionIds.nps}&by=dim:segment`, `breakdown?question=${fresh.questionIds.nps}&by=location`,
        `trend?question=${fresh.questionIds.nps}&interval=day`, 'summary?channel=link', 'heatmap']) {
        const rolled = await api(q);
        const raw = await api(`${q}${q.includes('?') ? '&' : '?'}includeExcluded=1`);
        expect([rolled.source, raw.source], q).toEqual(['rollup', 'raw']);
        expect(strip(rolled), q).toEqual(strip(raw));
      }
      // An exclusion is queued too (-1): 10, 9, 6, 8 left, (2 - 1) / 4 = +25.
      expect((await owner.post(`/api/v1/responses/${ids[4]}/exclude`, {})).json.changed).toBe(true);
      summary = await api('summary');
      expect(summary.responses).toBe(4);
      expect(summary.questions.find((q: any) => q.key === 'nps').result.value).toBe(25);
      expect(await pending()).toBe(6);
    } finally {
      await holder.end();
    }
    // Released: the retrying fold empties the queue, and the numbers stay the same.
    await server.app.rollupFolder.idle(orgId);
    expect(await pending()).toBe(0);
    const summary = await api('summary');
    expect(summary.responses).toBe(4);
    expect(summary.questions.find((q: any) => q.key === 'nps').result.value).toBe(25);
    await expectLevelsMatchRawAnswers();
  });

  it('folds in batches, each delete and apply in one transaction: a failed apply loses nothing', async () => {
    await server.app.rollupFolder.idle(orgId);
    const fresh = await buildSurvey(server.pool, orgId);
    // 30 queued changes, not folded yet (seeded as a writer queues them, without a fold).
    await seedResponses(server.pool, orgId, fresh.id, fresh.questionIds,
      Array.from({ length: 30 }, (_, i) => ({ locationId: s1, hidden: { segment: 'c' }, answers: { nps: { score: i % 11 } } })), { queue: true });
    expect(await pending()).toBe(30);
    // A fault in the last level of the scores kind: every fold transaction fails at its apply.
    await server.pool.query(`alter table rollup_scores_month add constraint fold_fault check (counts[1] < 0) not valid`);
    try {
      await expect(foldPendingResponses(server.pool, orgId, { batch: 7 })).rejects.toThrow(/fold_fault/);
      expect(await pending()).toBe(30);
    } finally {
      await server.pool.query(`alter table rollup_scores_month drop constraint fold_fault`);
    }
    // 30 changes in batches of 7: 7 + 7 + 7 + 7 + 2, five transactions.
    expect(await foldPendingResponses(server.pool, orgId, { batch: 7 })).toEqual({ status: 'done', folded: 30, batches: 5 });
    expect(await pending()).toBe(0);
    await expectLevelsMatchRawAnswers();
  });
});
