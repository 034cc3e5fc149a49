/**
 * Exclusion round trip (data-validation flags: qualityFlags.test.ts), rollup rebuild (idempotent), key drivers, and the
 * property that rollups and raw answers give the same answers on random small data.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildOrgRollups, orgRollupsBuilt } from '../../src/db/rollups/buildRollups.ts';
import { groupColumns, ROLLUP_LEVELS } from '../../src/db/rollups/levels.ts';
import { rebuildOrgRollups } from '../../src/db/rollups/rebuildRollups.ts';
import { buildAnalyticsOrg, buildRegionTeam, npsOf, seedResponses, seedSurvey, type SeedResponse } from './seed.ts';
import { rng } from '../helpers/rng.ts';
import { expectRollupsMatchRawAnswers } from '../helpers/rollupOracle.ts';


/** An NPS answer, and a CSAT answer four times in five. */
function randomAnswers(rand: () => number): SeedResponse['answers'] {
  const answers: SeedResponse['answers'] = { nps: { score: Math.floor(rand() * 11) } };
  if (rand() < 0.8) answers.csat = { score: 1 + Math.floor(rand() * 5) };
  return answers;
}

describe('analytics maintenance and validation', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let orgId = '';
  let loc: Record<string, string> = {};
  const api = (path: string) => owner.get(`/api/v1${path}`);

  beforeAll(async () => {
    server = await startTestServer();
    // A time zone ahead of UTC, so org-local days differ from UTC days near midnight.
    const org = await buildAnalyticsOrg(server.pool, 'Maint Org', 'Asia/Tehran');
    orgId = org.orgId;
    ({ loc, owner, manager } = await buildRegionTeam(server, orgId, org.root, 'maint.test'));
  });
  afterAll(async () => server?.close());

  it('gives identical answers from rollups and from raw answers on random data', async () => {
    for (const seed of [1, 2, 3]) {
      const rand = rng(seed);
      const { surveyId, ids } = await seedSurvey(server.pool, orgId, [
        { key: 'nps', type: 'nps' },
        { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
      ]);
      const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
      const responses: SeedResponse[] = Array.from({ length: 25 + Math.floor(rand() * 20) }, (): SeedResponse => ({
        locationId: pick([loc.S1, loc.S2, null]),
        channel: pick(['link', 'email', 'kiosk']),
        language: pick(['en', 'fa']),
        hidden: rand() < 0.7 ? { segment: pick(['a', 'b']) } : ({} as Record<string, string>),
        // Around local midnights of 2026-03-01..05 (Tehran is UTC+03:30).
        at: new Date(Date.UTC(2026, 2, 1 + Math.floor(rand() * 5), 20, Math.floor(rand() * 60))).toISOString(),
        answers: randomAnswers(rand),
      }));
      await seedResponses(server.pool, orgId, surveyId, ids, responses);
      // The rollups themselves, against raw rows counted in JavaScript (the raw API path below shares the code under test).
      await expectRollupsMatchRawAnswers(server.pool, orgId);
      const paths = [
        `/surveys/${surveyId}/analytics/summary?from=2026-03-02&to=2026-03-04`,
        `/surveys/${surveyId}/analytics/summary?channel=email&language=fa`,
        `/surveys/${surveyId}/analytics/trend?question=${ids.nps}&interval=day`,
        `/surveys/${surveyId}/analytics/breakdown?question=${ids.csat}&by=location`,
        `/surveys/${surveyId}/analytics/breakdown?question=${ids.nps}&by=dim:segment&location=${loc.R1}`,
        `/surveys/${surveyId}/analytics/breakdown?question=${ids.nps}&by=language&dim=segment:a`,
      ];
      for (const path of paths) {
        const rollup = await api(path);
        const raw = await api(`${path}&includeExcluded=1`);
        expect(rollup.status, path).toBe(200);
        expect(raw.json.source, path).toBe('raw');
        const strip = (x: any) => ({ ...x, source: undefined });
        expect(strip(raw.json), `seed ${seed}: ${path}`).toEqual(strip(rollup.json));
      }
      const summary = await api(`/surveys/${surveyId}/analytics/summary`);
      expect(summary.json.responses).toBe(responses.length);
      const nps = summary.json.questions.find((x: any) => x.key === 'nps').result;
      expect(nps.value).toBeCloseTo(npsOf(responses.map((r) => r.answers.nps.score!)), 6);
    }
  });

  it('gives identical answers from month, block and day rollup levels and from raw answers, across month edges', async () => {
    // Responses from late January to early April 2026, many near local midnight, so windows that cut
    // months, whole months and month ends in a UTC+03:30 organisation are all exercised.
    for (const seed of [11, 12]) {
      const rand = rng(seed);
      const { surveyId, ids } = await seedSurvey(server.pool, orgId, [
        { key: 'nps', type: 'nps' },
        { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
      ]);
      const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
      const start = Date.UTC(2026, 0, 25);
      const responses: SeedResponse[] = Array.from({ length: 120 + Math.floor(rand() * 40) }, (): SeedResponse => {
        const day = Math.floor(rand() * 72);
        // Half of them within an hour of local midnight (20:00-21:00 UTC is 23:30-00:30 in Tehran).
        const minute = rand() < 0.5 ? 20 * 60 + Math.floor(rand() * 60) : Math.floor(rand() * 1440);
        return {
          locationId: pick([loc.S1, loc.S2, loc.S3, loc.R1, null]),
          channel: pick(['link', 'email', 'kiosk']),
          language: pick(['en', 'fa']),
          hidden: rand() < 0.7 ? { segment: pick(['a', 'b']) } : ({} as Record<string, string>),
          at: new Date(start + day * 86_400_000 + minute * 60_000).toISOString(),
          answers: randomAnswers(rand),
        };
      });
      await seedResponses(server.pool, orgId, surveyId, ids, responses);
      const s = `/surveys/${surveyId}/analytics`;
      const windows = [
        '', 'from=2026-01-31&to=2026-03-01', 'from=2026-02-01&to=2026-03-31', 'from=2026-02-14', 'to=2026-02-28',
        'from=2026-02-03&to=2026-02-27', 'from=2026-01-01&to=2026-04-30', 'from=2026-01-27&to=2026-03-22', 'from=2026-02-08&to=2026-02-21',
      ];
      const queries = [
        `${s}/summary?location=${loc.R1}`,
        `${s}/summary?location=${loc.R1}&channel=email`,
        `${s}/summary?channel=link`,
        `${s}/breakdown?question=${ids.nps}&by=location`,
        `${s}/breakdown?question=${ids.csat}&by=location&parent=${loc.R1}&dim=segment:b`,
        `${s}/breakdown?question=${ids.nps}&by=location&leaf=1&sort=worst&limit=2`,
        `${s}/breakdown?question=${ids.nps}&by=channel`,
        `${s}/breakdown?question=${ids.csat}&by=language&location=${loc.R1}`,
        `${s}/heatmap`,
        `${s}/heatmap?parent=${loc.R1}`,
        `${s}/trend?question=${ids.nps}&interval=month&location=${loc.R1}`,
        `${s}/trend?question=${ids.nps}&interval=week&location=${loc.S1}`,
        `${s}/trend?question=${ids.csat}&interval=quarter&language=fa`,
        `${s}/compare?question=${ids.nps}&aLocation=${loc.S1}&bLocation=${loc.S3}`,
      ];
      const strip = (x: any) => ({ ...x, source: undefined });
      for (const w of windows) {
        for (const q of queries) {
          const and = (x: string, y: string) => (y ? `${x}${x.includes('?') ? '&' : '?'}${y}` : x);
          const path = and(q, w);
          for (const [who, client] of [['owner', owner], ['manager', manager]] as const) {
            const rollup = await client.get(`/api/v1${path}`);
            const raw = await client.get(`/api/v1${and(path, 'includeExcluded=1')}`);
            expect(rollup.status, `${who} ${path}`).toBe(200);
            expect(rollup.json.source, `${who} ${path}`).toBe('rollup');
            expect(raw.json.source, `${who} ${path}`).toBe('raw');
            expect(strip(raw.json), `seed ${seed} ${who}: ${path}`).toEqual(strip(rollup.json));
          }
        }
      }
    }
    // About 220 HTTP calls: 19 s alone, over 30 s when the whole suite shares 2 cores.
  }, 120_000);

  it('excludes a response from metrics and includes it again, idempotently', async () => {
    const { surveyId, ids } = await seedSurvey(server.pool, orgId, [{ key: 'nps', type: 'nps' }]);
    const scores = [10, 9, 0, 7];
    const rids = await seedResponses(server.pool, orgId, surveyId, ids, scores.map((score) => ({ locationId: loc.S1, answers: { nps: { score } } })));
    const nps = async () => (await api(`/surveys/${surveyId}/analytics/summary`)).json;
    expect((await nps()).questions[0].result.value).toBeCloseTo(npsOf(scores), 6);
    const ex = await owner.post(`/api/v1/responses/${rids[2]}/exclude`, { reason: 'test answer' });
    expect(ex.json).toEqual({ ok: true, changed: true });
    expect((await owner.post(`/api/v1/responses/${rids[2]}/exclude`, { reason: 'again' })).json.changed).toBe(false);
    const after = await nps();
    expect(after.responses).toBe(3);
    expect(after.questions[0].result.value).toBeCloseTo(npsOf([10, 9, 7]), 6);
    const withExcluded = await api(`/surveys/${surveyId}/analytics/summary?includeExcluded=1`);
    expect(withExcluded.json.questions[0].result.n).toBe(4);
    const quality = await api(`/surveys/${surveyId}/quality`);
    expect(quality.json.flagged).toEqual([expect.objectContaining({ responseId: rids[2], excluded: true, exclusionReason: 'test answer', reasons: [] })]);
    expect((await owner.post(`/api/v1/responses/${rids[2]}/include`)).json.changed).toBe(true);
    const back = await nps();
    expect(back.responses).toBe(4);
    expect(back.questions[0].result.value).toBeCloseTo(npsOf(scores), 6);
    expect((await owner.post(`/api/v1/responses/${orgId}/exclude`, {})).status).toBe(404);
    // One audit event per actual change (the repeated exclude changed nothing).
    const audit = await server.pool.query(`select action, detail from audit_log where org_id = $1 and target_id = $2 order by created_at, id`, [orgId, rids[2]]);
    expect(audit.rows).toEqual([{ action: 'response.exclude', detail: { reason: 'test answer' } }, { action: 'response.include', detail: {} }]);
  });

  it('rebuilds rollups idempotently, repairing lost rows', async () => {
    // Choice answers, so the choice levels have rows too.
    const choice = await seedSurvey(server.pool, orgId, [{ key: 'nps', type: 'nps' }, { key: 'pick', type: 'single' }, { key: 'many', type: 'multi' }]);
    await seedResponses(server.pool, orgId, choice.surveyId, choice.ids, [
      { locationId: loc.S1, channel: 'email', hidden: { segment: 'a' }, at: '2026-03-03T10:00:00Z', answers: { nps: { score: 9 }, pick: { choice: 'p' }, many: { choices: ['m', 'n'] } } },
      { locationId: null, at: '2026-03-20T22:00:00Z', answers: { pick: { choice: 'q' }, many: { choices: ['n'] } } },
    ]);
    // Every rollup level, row by row (n = 0 rows are left by exclusions and dropped by a rebuild);
    // driver levels with their sums and products.
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {};
      for (const l of ROLLUP_LEVELS) {
        const cols = groupColumns(l).map((c) => `${c}::text`).join(', ');
        const moments = l.kind === 'drivers' ? ', n, sums::text, products::text' : l.kind === 'scores' ? ', counts::text' : ', n';
        const nonZero = l.kind === 'scores' ? `counts <> array_fill(0, array[11])` : 'n <> 0';
        out[l.table] = (await server.pool.query(`select ${cols}${moments} from ${l.table} where org_id = $1 and ${nonZero} order by ${groupColumns(l).join(', ')}`, [orgId])).rows;
      }
      return out;
    };
    // The exclusion test's changes are folded first: the snapshot is of rollups that hold everything.
    await server.app.rollupFolder.idle(orgId);
    const before = await snapshot();
    for (const l of ROLLUP_LEVELS) expect(before[l.table].length, l.table).toBeGreaterThan(0);
    // The starting point is right, by an oracle that shares no SQL with the builders compared below.
    await expectRollupsMatchRawAnswers(server.pool, orgId);
    // Every level is kept out of parallel plans (034): its reads are short index ranges.
    const { rows: opts } = await server.pool.query(`select relname, reloptions from pg_class where relname = any($1)`, [ROLLUP_LEVELS.map((l) => l.table)]);
    expect(opts.filter((r) => !(r.reloptions ?? []).includes('parallel_workers=0')).map((r) => r.relname)).toEqual([]);
    const first = await rebuildOrgRollups(server.pool, orgId, { batchDays: 2 });
    expect(first.batches).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    expect(await orgRollupsBuilt(server.pool, orgId)).toBe(true);
    for (const table of ['rollup_scores_location', 'rollup_scores_location_block', 'rollup_responses_month']) {
      await server.pool.query(`delete from ${table} where org_id = $1 and ctid in (select ctid from ${table} where org_id = $1 limit 5)`, [orgId]);
    }
    expect(await snapshot()).not.toEqual(before);
    // A level left empty (as by a migration that adds one) is noticed, so start and bench rebuild.
    await server.pool.query(`delete from rollup_scores_channel where org_id = $1`, [orgId]);
    expect(await orgRollupsBuilt(server.pool, orgId)).toBe(false);
    await rebuildOrgRollups(server.pool, orgId);
    await rebuildOrgRollups(server.pool, orgId);
    expect(await snapshot()).toEqual(before);
    expect(await orgRollupsBuilt(server.pool, orgId)).toBe(true);
    // The bulk build (demo, benchmark) writes the same rows.
    const client = await server.pool.connect();
    try {
      await buildOrgRollups(client, orgId);
    } finally {
      client.release();
    }
    expect(await snapshot()).toEqual(before);
    // Three rebuilds, a bulk build, five snapshots and the oracle: 6 s alone, over 30 s when the whole suite shares 2 cores.
  }, 120_000);

  it('runs `sarafan rollups rebuild --org` from the command line, settling a background rebuild that had failed', async () => {
    // A background rebuild that failed earlier: until it is settled, dashboards read raw answers.
    await server.pool.query(
      `insert into rollup_jobs (org_id, status, rerun, error, finished_at) values ($1, 'failed', false, 'disk full', now() - interval '1 hour')
       on conflict (org_id) do update set status = 'failed', rerun = false, error = 'disk full', finished_at = now() - interval '1 hour'`,
      [orgId],
    );
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'rollups', 'rebuild', '--org', orgId], {
      env: { ...process.env, DATABASE_URL: server.db.url, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    });
    // One organisation, in the singular (it said "1 organisation(s)").
    expect(stdout).toMatch(/Rebuilt rollups of 1 organisation: \d+ rows/);
    expect(stdout).toContain(`org ${orgId}: its failed background rebuild is settled`);
    const { rows } = await server.pool.query(`select status, error from rollup_jobs where org_id = $1`, [orgId]);
    expect(rows).toEqual([{ status: 'done', error: null }]);
  });

  it('ranks key drivers and refuses with 422 when too few responses are complete', async () => {
    const { surveyId, ids } = await seedSurvey(server.pool, orgId, [
      { key: 'nps', type: 'nps' },
      { key: 'speed', type: 'rating', metric: 'csi_satisfaction', attribute: 'speed', min: 1, max: 10 },
      { key: 'staff', type: 'rating', metric: 'csi_satisfaction', attribute: 'staff', min: 1, max: 10 },
      { key: 'price', type: 'rating', metric: 'csi_satisfaction', attribute: 'price', min: 1, max: 10 },
    ]);
    const rand = rng(42);
    const r10 = () => 1 + Math.floor(rand() * 10);
    const make = (): SeedResponse => {
      const speed = r10();
      const staff = r10();
      const price = r10();
      const y = Math.max(0, Math.min(10, Math.round(0.75 * staff + 0.3 * speed - 1 + (rand() - 0.5) * 2)));
      return { locationId: loc.S1, answers: { nps: { score: y }, speed: { score: speed }, staff: { score: staff }, price: { score: price } } };
    };
    await seedResponses(server.pool, orgId, surveyId, ids, Array.from({ length: 10 }, make));
    const few = await api(`/surveys/${surveyId}/analytics/drivers?outcome=${ids.nps}`);
    expect(few.status).toBe(422);
    expect(few.json.error).toBe('insufficient_data');
    expect(few.json.message).toMatch(/complete responses/);
    await seedResponses(server.pool, orgId, surveyId, ids, Array.from({ length: 70 }, make));
    const res = await api(`/surveys/${surveyId}/analytics/drivers?outcome=${ids.nps}`);
    expect(res.status).toBe(200);
    expect(res.json.definition).toBe('drivers.v1');
    expect(res.json.n).toBe(80);
    expect(res.json.sampled).toBe(false);
    expect(res.json.drivers.map((d: any) => d.key)).toEqual(['staff', 'speed', 'price']);
    const total = res.json.drivers.reduce((s: number, d: any) => s + d.importance, 0);
    expect(total).toBeCloseTo(res.json.r2, 6);
    // Importance was not asked: CSI is weighted by the drivers' weights and says so (csi.v1).
    const expectedCsi = 10 * res.json.drivers.reduce((s: number, d: any) => s + (d.importance / total) * d.performance, 0);
    expect(res.json.csi.definition).toBe('csi.v1');
    expect(res.json.csi.details.weighting).toBe('derived');
    expect(res.json.csi.value).toBeCloseTo(expectedCsi, 6);
  });
});
