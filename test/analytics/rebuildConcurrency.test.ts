/**
 * Rollup rebuilds do not block respondents (src/db/rollups/rebuildRollups.ts, rollupQueue.ts):
 * submissions through the real POST /s/:slug and exclusions during a rebuild return at once (they
 * only queue; the background fold waits for the rebuild), and
 * afterwards every rollup level equals an aggregation of the raw answers in JavaScript, row by row; also when
 * the rebuild fails, when two rebuilds of one organisation are started, and when a stopped process
 * left the queue behind.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';
import { buildAnalyticsOrg, seedResponses, type SeedResponse } from './seed.ts';
import { rebuildOrgRollups, type RebuildPoint } from '../../src/db/rollups/rebuildRollups.ts';
import { expectRollupsMatchRawAnswers } from '../helpers/rollupOracle.ts';
import { resumeRollupJobs } from '../../src/server/jobs/rebuildOrgRollupsJob.ts';

/** Fails when `p` has not settled within `ms` (a request held by a lock would hang). */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A promise with its resolver, to hold a rebuild at a point until the test lets it go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('rollup rebuild without blocking respondents', () => {
  let server: TestServer;
  let owner: Client;
  let orgId = '';
  let storeId = '';
  let survey: SurveyFixture;

  /** The rollups equal the JavaScript oracle over the raw answers (shares no SQL with the builders). */
  const expectRollupsExact = () => expectRollupsMatchRawAnswers(server.pool, orgId);
  const state = async () => {
    const { rows } = await server.pool.query(
      `select coalesce((select rebuilding from rollup_state where org_id = $1), false) as rebuilding,
              (select count(*)::int from rollup_pending where org_id = $1) as pending`,
      [orgId],
    );
    return rows[0] as { rebuilding: boolean; pending: number };
  };
  const submit = async (score: number, segment: string) => {
    const body = new URLSearchParams({ _k: crypto.randomBytes(12).toString('base64url'), _lang: 'en', _loc: storeId, h_segment: segment, q_nps: String(score), q_service: '4' });
    const res = await fetch(`${server.baseUrl}/s/${survey.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(res.status).toBe(200);
    await res.text();
  };
  const newest = async () =>
    (await server.pool.query(`select id from responses where org_id = $1 order by submitted_at desc, id limit 1`, [orgId])).rows[0].id as string;
  const responses = async () => (await owner.get(`/api/v1/surveys/${survey.id}/analytics/summary`)).json.responses as number;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildAnalyticsOrg(server.pool, 'Rebuild Org', 'Asia/Tehran');
    orgId = org.orgId;
    storeId = (await buildLocation(server.pool, orgId, org.root, 'store', 'Store')).id;
    await buildUser(server.pool, orgId, 'admin', 'admin@rebuild.test');
    owner = await signIn(server.baseUrl, 'admin@rebuild.test');
    survey = await buildSurvey(server.pool, orgId);
    // Old answers over a few weeks (several batches), some near local midnight.
    await seedResponses(
      server.pool, orgId, survey.id, survey.questionIds,
      Array.from({ length: 40 }, (_, i): SeedResponse => ({
        locationId: i % 3 === 0 ? null : storeId,
        hidden: i % 2 ? { segment: i % 4 === 1 ? 'a' : 'b' } : ({} as Record<string, string>),
        at: new Date(Date.UTC(2026, 1, 1 + (i % 20), 20, i)).toISOString(),
        answers: { nps: { score: i % 11 }, ...(i % 5 ? { service: { score: 1 + (i % 5) } } : {}) },
      })),
    );
  });
  afterAll(async () => server?.close());

  it('lets submissions and exclusions through during a rebuild and counts them exactly afterwards', async () => {
    const before = await responses();
    const [old1, old2] = (await server.pool.query(`select id from responses where org_id = $1 order by submitted_at, id limit 2`, [orgId])).rows.map((r) => r.id);
    let duringRefill: string | undefined;
    const pause = async (point: RebuildPoint) => {
      if (point === 'queueing') {
        // Before the rebuild's snapshot: counted by the refill, and its queued change dropped.
        await within(submit(9, 'a'), 5_000, 'a submission before the snapshot');
        expect((await owner.post(`/api/v1/responses/${old1}/exclude`, { reason: 'test' })).json.changed).toBe(true);
        return;
      }
      // The refill is written but not committed: changes now are queued and replayed at the end.
      await within(submit(2, 'b'), 5_000, 'a submission during the rebuild');
      duringRefill = await newest();
      await within(submit(10, 'a'), 5_000, 'another submission during the rebuild');
      const ex = await within(owner.post(`/api/v1/responses/${duringRefill}/exclude`, {}), 5_000, 'an exclusion during the rebuild');
      expect(ex.json.changed).toBe(true);
      expect((await owner.post(`/api/v1/responses/${old1}/include`)).json.changed).toBe(true);
      expect((await owner.post(`/api/v1/responses/${old2}/exclude`, {})).json.changed).toBe(true);
      // Five queued now, plus the two from before the snapshot, whose deletion is not committed yet.
      expect(await state()).toEqual({ rebuilding: true, pending: 7 });
      const fresh = await owner.get('/api/v1/analytics/freshness');
      expect(fresh.json).toMatchObject({ rollups: 'rebuilding', pending: 7 });
      expect(fresh.json.lagSeconds).toBeGreaterThanOrEqual(0);
    };
    const result = await rebuildOrgRollups(server.pool, orgId, { batchDays: 3, pause });
    expect(result.batches).toBeGreaterThan(2);
    expect(duringRefill).toBeDefined();
    expect(await state()).toEqual({ rebuilding: false, pending: 0 });
    await expectRollupsExact();
    // +3 submitted, -1 excluded during the refill; old1 out and in again, old2 out.
    expect(await responses()).toBe(before + 3 - 1 - 1);
    expect((await owner.get('/api/v1/analytics/freshness')).json).toEqual({ rollups: 'transactional', lagSeconds: 0, pending: 0 });
    // The background fold takes over again.
    await submit(7, 'b');
    await server.app.rollupFolder.idle(orgId);
    expect(await state()).toEqual({ rebuilding: false, pending: 0 });
    await expectRollupsExact();
  });

  it('applies the queued changes and stops queueing when a rebuild fails', async () => {
    for (const at of ['queueing', 'refilled'] as const) {
      const before = await responses();
      const pause = async (point: RebuildPoint) => {
        await submit(5, 'a');
        if (point === at) throw new Error(`boom at ${at}`);
      };
      await expect(rebuildOrgRollups(server.pool, orgId, { pause })).rejects.toThrow(`boom at ${at}`);
      expect(await state()).toEqual({ rebuilding: false, pending: 0 });
      expect(await responses()).toBe(before + (at === 'queueing' ? 1 : 2));
      await expectRollupsExact();
    }
  });

  it('runs one rebuild of an organisation at a time', async () => {
    const hold = gate();
    const seen: string[] = [];
    const first = rebuildOrgRollups(server.pool, orgId, {
      pause: async (point) => {
        seen.push(`first ${point}`);
        if (point === 'refilled') await hold.opened;
      },
    });
    await expect.poll(() => seen.includes('first refilled'), { timeout: 10_000, interval: 20 }).toBe(true);
    const second = rebuildOrgRollups(server.pool, orgId, {
      pause: async (point) => {
        seen.push(`second ${point}`);
        await submit(8, 'b');
      },
    });
    await within(submit(6, 'a'), 5_000, 'a submission while two rebuilds are started');
    // The event that proves the second one waits: its session blocks on the organisation's rebuild lock.
    const waitingForLock = async () =>
      (
        await server.pool.query(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'
              and query like '%rebuildRollups.lock%'`,
        )
      ).rows[0].n;
    await expect.poll(waitingForLock, { timeout: 10_000, interval: 20 }).toBe(1);
    expect(seen).toEqual(['first queueing', 'first refilled']);
    hold.open();
    await Promise.all([first, second]);
    expect(seen).toEqual(['first queueing', 'first refilled', 'second queueing', 'second refilled']);
    expect(await state()).toEqual({ rebuilding: false, pending: 0 });
    await expectRollupsExact();
  });

  it('applies at start the queue a stopped process left behind', async () => {
    // As if the process died during a rebuild, after a writer committed its queued change and before
    // any fold: the flag is still set and the change is queued, not folded.
    await server.app.rollupFolder.idle(orgId); // no fold of earlier tests still runs or retries
    await server.pool.query(`insert into rollup_state (org_id, rebuilding) values ($1, true) on conflict (org_id) do update set rebuilding = true`, [orgId]);
    const before = await responses();
    const [rid] = await seedResponses(server.pool, orgId, survey.id, survey.questionIds, [{ locationId: storeId, answers: { nps: { score: 10 } } }], { queue: true });
    expect(rid).toBeDefined();
    // Dashboards add the queued change: the number is already right.
    expect(await responses()).toBe(before + 1);
    expect((await owner.get('/api/v1/analytics/freshness')).json).toMatchObject({ rollups: 'rebuilding', pending: 1 });
    const logs: string[] = [];
    await resumeRollupJobs(server.pool, (m) => logs.push(m));
    expect(logs.join('\n')).toContain(orgId);
    expect(await state()).toEqual({ rebuilding: false, pending: 0 });
    expect(await responses()).toBe(before + 1);
    await expectRollupsExact();
  });
});
