/**
 * Key drivers and choice counts from their rollups (migration 045) equal an independent computation
 * from raw rows, in an organisation far from UTC (Pacific/Auckland, across the end of daylight saving
 * on 2026-04-05): for windows that cut months and blocks, location / channel / language / dimension
 * filters (location with channel reads month rows plus raw edge days), a location manager's scope,
 * after exclusions, while changes wait in rollup_pending, after the queue is replayed and after a
 * rebuild. The oracle reads plain rows (responses joined to answers) and filters them in JavaScript
 * (org-local days by Intl), then runs the raw-row keyDrivers; it shares no SQL with the rollups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors.ts';
import { keyDrivers } from '../../src/core/stats/drivers.ts';
import { inTransaction } from '../../src/db/tx.ts';
import { rebuildOrgRollups, finishInterruptedRollupRebuilds } from '../../src/db/rollups/rebuildRollups.ts';
import { foldPendingResponses, recordResponsesForRollups, ROLLUP_WRITER_LOCK, setRollupsRebuilding } from '../../src/db/rollups/rollupQueue.ts';
import { startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, buildRegionTeam, seedResponses, seedSurvey, type SeedResponse } from './seed.ts';
import { rng } from '../helpers/rng.ts';

const TZ = 'Pacific/Auckland';
/** The org-local day of an instant, by Intl (not by PostgreSQL's `at time zone`). */
const localDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

interface RawResponse {
  id: string;
  day: string;
  locationId: string | null;
  channel: string;
  language: string;
  segment: string | undefined;
  excluded: boolean;
  scores: Record<string, number>;
  choices: Record<string, string[]>;
}

interface Filter {
  from?: string;
  to?: string;
  /** Allowed location ids (a subtree); undefined = any, including none. */
  locations?: Set<string>;
  channel?: string;
  language?: string;
  segment?: string;
}

describe('driver and choice rollups equal raw answers', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let orgId = '';
  let loc: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildAnalyticsOrg(server.pool, 'Drivers Org', TZ);
    orgId = org.orgId;
    ({ loc, owner, manager } = await buildRegionTeam(server, orgId, org.root, 'drivers.test'));
  });
  afterAll(async () => server?.close());

  it('gives the raw numbers through exclusions, queued changes, replay and rebuild', async () => {
    const { surveyId, ids } = await seedSurvey(server.pool, orgId, [
      { key: 'nps', type: 'nps' },
      { key: 'speed', type: 'rating', min: 1, max: 5 },
      { key: 'staff', type: 'rating', min: 1, max: 5 },
      { key: 'price', type: 'rating', min: 1, max: 10 },
      { key: 'reason', type: 'single' },
      { key: 'extras', type: 'multi' },
    ]);
    const rand = rng(7);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
    const start = Date.UTC(2026, 0, 20);
    const make = (): SeedResponse => {
      const day = Math.floor(rand() * 85);
      // Half within an hour of local midnight (11:00 UTC before 2026-04-05, 12:00 UTC after).
      const minute = rand() < 0.5 ? 10 * 60 + 30 + Math.floor(rand() * 120) : Math.floor(rand() * 1440);
      const z = () => rand() + rand() + rand() - 1.5;
      const speed = clamp(3 + 1.5 * z(), 1, 5);
      const staff = clamp(3 + 1.5 * z(), 1, 5);
      const price = clamp(5 + 3 * z(), 1, 10);
      const answers: SeedResponse['answers'] = {};
      if (rand() < 0.95) answers.nps = { score: clamp(1.2 * staff + 0.5 * speed + 0.2 * price - 1 + 2 * z(), 0, 10) };
      if (rand() < 0.85) answers.speed = { score: speed };
      if (rand() < 0.85) answers.staff = { score: staff };
      if (rand() < 0.85) answers.price = { score: price };
      if (rand() < 0.7) answers.reason = { choice: pick(['a', 'b', 'c']) };
      if (rand() < 0.5) answers.extras = { choices: ['x', 'y', 'z'].filter(() => rand() < 0.5) };
      return {
        locationId: pick([loc.S1, loc.S2, loc.S3, loc.R1, null]),
        channel: pick(['link', 'email', 'kiosk']),
        language: pick(['en', 'fa']),
        hidden: rand() < 0.7 ? { segment: pick(['a', 'b']) } : {},
        at: new Date(start + day * 86_400_000 + minute * 60_000).toISOString(),
        answers,
      };
    };
    const seeded = await seedResponses(server.pool, orgId, surveyId, ids, Array.from({ length: 420 }, make));

    /** The oracle's rows: responses and their answers, as stored. */
    const readRaw = async (): Promise<RawResponse[]> => {
      const { rows } = await server.pool.query(
        `select r.id, r.submitted_at, r.location_id, r.channel, r.language, r.hidden, r.excluded, a.question_id, a.score, a.choice, a.choices
           from responses r left join answers a on a.org_id = r.org_id and a.response_id = r.id
          where r.org_id = $1 and r.survey_id = $2`,
        [orgId, surveyId],
      );
      const byId = new Map<string, RawResponse>();
      const keyOf = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
      for (const row of rows) {
        let r = byId.get(row.id);
        if (!r) {
          r = { id: row.id, day: localDay(row.submitted_at), locationId: row.location_id, channel: row.channel, language: row.language,
            segment: row.hidden.segment, excluded: row.excluded, scores: {}, choices: {} };
          byId.set(row.id, r);
        }
        if (!row.question_id) continue;
        const key = keyOf[row.question_id];
        if (row.score !== null) r.scores[key] = row.score;
        if (row.choice !== null) r.choices[key] = [row.choice];
        if (row.choices !== null) r.choices[key] = row.choices;
      }
      return [...byId.values()];
    };
    const inFilter = (r: RawResponse, f: Filter) =>
      !r.excluded &&
      (!f.from || r.day >= f.from) && (!f.to || r.day <= f.to) &&
      (!f.locations || (r.locationId !== null && f.locations.has(r.locationId))) &&
      (!f.channel || r.channel === f.channel) && (!f.language || r.language === f.language) &&
      (!f.segment || r.segment === f.segment);

    const region = () => new Set([loc.R1, loc.S1, loc.S3]);
    const windows: Array<[string, Pick<Filter, 'from' | 'to'>]> = [
      ['', {}],
      ['from=2026-02-03&to=2026-03-26', { from: '2026-02-03', to: '2026-03-26' }],
      ['from=2026-02-01&to=2026-02-28', { from: '2026-02-01', to: '2026-02-28' }],
      ['from=2026-03-09&to=2026-04-07', { from: '2026-03-09', to: '2026-04-07' }],
      ['from=2026-04-05', { from: '2026-04-05' }],
    ];
    const filters: Array<[string, Omit<Filter, 'from' | 'to'>]> = [
      ['', {}],
      [`location=${loc.R1}`, { locations: region() }],
      [`location=${loc.S1}&channel=email`, { locations: new Set([loc.S1]), channel: 'email' }],
      ['channel=kiosk&language=fa', { channel: 'kiosk', language: 'fa' }],
      ['dim=segment:a', { segment: 'a' }],
    ];

    let compared = 0;
    let answered = 0;
    const check = async (state: string) => {
      const raw = await readRaw();
      const cases: Array<[Client, string, Filter]> = [];
      for (const [wq, wf] of windows) for (const [fq, ff] of filters) cases.push([owner, [wq, fq].filter(Boolean).join('&'), { ...wf, ...ff }]);
      // The manager sees the region's subtree only (never rows without a location).
      for (const [wq, wf] of windows) cases.push([manager, wq, { ...wf, locations: region() }]);
      for (const [client, query, f] of cases) {
        const rows = raw.filter((r) => inFilter(r, f));
        const what = `${state}: ${client === owner ? 'owner' : 'manager'} ?${query}`;
        // Another outcome (another answered-set slice of the same rows) on the unfiltered cases.
        const outcomes: Array<[string, string[]]> = [['nps', ['speed', 'staff', 'price']], ...(f.locations || f.channel || f.segment ? [] : [['staff', ['speed', 'price']] as [string, string[]]])];
        for (const [outcome, attributes] of outcomes) {
          const res = await client.get(`/api/v1/surveys/${surveyId}/analytics/drivers?outcome=${ids[outcome]}${query ? `&${query}` : ''}`);
          let expected: ReturnType<typeof keyDrivers> | DomainError;
          try {
            expected = keyDrivers({
              attributes: attributes.map((k) => ({ name: ids[k], scores: rows.map((r) => r.scores[k] ?? null) })),
              outcome: rows.map((r) => r.scores[outcome] ?? null),
            });
          } catch (err) {
            expected = err as DomainError;
          }
          compared++;
          if (expected instanceof DomainError) {
            expect(res.status, what).toBe(422);
            expect(res.json.error, what).toBe(expected.code);
            expect(res.json.message, what).toBe(expected.message);
            continue;
          }
          answered++;
          expect(res.status, `${what} ${res.text}`).toBe(200);
          expect(res.json.n, what).toBe(expected.n);
          expect(res.json.r2, what).toBeCloseTo(expected.r2, 10);
          for (const w of expected.weights) {
            const d = res.json.drivers.find((x: any) => x.questionId === w.name);
            expect(d.importance, what).toBeCloseTo(w.rawWeight, 10);
            expect(d.pctOfR2, what).toBeCloseTo(w.pctOfR2, 8);
            expect(d.performance, what).toBeCloseTo(w.performance, 10);
            expect(d.performanceN, what).toBe(w.performanceN);
            expect(d.quadrant, what).toBe(w.quadrant);
          }
        }
        const summary = await client.get(`/api/v1/surveys/${surveyId}/analytics/summary${query ? `?${query}` : ''}`);
        expect(summary.status, what).toBe(200);
        for (const key of ['reason', 'extras']) {
          const counts: Record<string, number> = {};
          for (const r of rows) for (const v of r.choices[key] ?? []) counts[v] = (counts[v] ?? 0) + 1;
          const got = Object.fromEntries((summary.json.questions.find((q: any) => q.key === key).choices ?? []).map((c: any) => [c.value, c.n]));
          expect(got, `${what} ${key}`).toEqual(counts);
        }
      }
    };

    await check('incremental');
    // Exclusions through the API (recordResponsesForRollups), one of them included again.
    for (const id of seeded.slice(0, 12)) expect((await owner.post(`/api/v1/responses/${id}/exclude`, { reason: 'test' })).status).toBe(200);
    expect((await owner.post(`/api/v1/responses/${seeded[3]}/include`)).status).toBe(200);
    await check('after exclusions');
    // The exclusions above queued a fold job that may not have run yet: fold them now, so the count
    // below holds only what waits while the rebuild runs.
    await foldPendingResponses(server.pool, orgId);
    expect((await server.pool.query(`select count(*)::int as n from rollup_pending where org_id = $1`, [orgId])).rows[0].n).toBe(0);

    // A rebuild left switched to queueing: new responses and exclusions wait in rollup_pending, and
    // readers add their contribution.
    const client = await server.pool.connect();
    try {
      await inTransaction(client, (tx) => setRollupsRebuilding(tx, orgId, true));
    } finally {
      client.release();
    }
    // As a running rebuild does, hold the organisation's rollup writer lock: no fold (a queued job) runs meanwhile.
    const rebuilder = await server.pool.connect();
    await rebuilder.query('select pg_advisory_lock($1, hashtext($2))', [ROLLUP_WRITER_LOCK, orgId]);
    try {
      const queued = await seedQueued(Array.from({ length: 60 }, make));
      for (const id of [...seeded.slice(20, 26), queued[0], queued[1]]) {
        expect((await owner.post(`/api/v1/responses/${id}/exclude`, { reason: 'queued' })).status).toBe(200);
      }
      expect((await owner.post(`/api/v1/responses/${queued[1]}/include`)).status).toBe(200);
      const pending = await server.pool.query(`select count(*)::int as n from rollup_pending where org_id = $1`, [orgId]);
      expect(pending.rows[0].n).toBe(60 + 8 + 1);
      await check('with queued changes');
    } finally {
      await rebuilder.query('select pg_advisory_unlock($1, hashtext($2))', [ROLLUP_WRITER_LOCK, orgId]);
      rebuilder.release();
    }

    // The start-up replay skips an organisation whose writer lock another session holds: the fold job the
    // exclusions above queued may hold it for a moment, so the replay is tried until it has run.
    await expect
      .poll(async () => {
        await finishInterruptedRollupRebuilds(server.pool);
        const { rows } = await server.pool.query(
          `select (select count(*)::int from rollup_pending where org_id = $1) as pending,
                  coalesce((select rebuilding from rollup_state where org_id = $1), false) as rebuilding`,
          [orgId],
        );
        return rows[0];
      }, { timeout: 30_000 })
      .toEqual({ pending: 0, rebuilding: false });
    await check('after replay');

    await rebuildOrgRollups(server.pool, orgId, { batchDays: 3 });
    await check('after rebuild');
    // Most cases have enough complete responses: the comparison is not only of 422 answers.
    expect(answered).toBeGreaterThan(compared / 2);

    /** Inserts responses as a writer does while a rebuild runs: answers, then recordResponsesForRollups (queues). */
    async function seedQueued(responses: SeedResponse[]): Promise<string[]> {
      const c = await server.pool.connect();
      try {
        return await inTransaction(c, async (tx) => {
          const out: string[] = [];
          for (const r of responses) {
            const { rows } = await tx.query(
              `insert into responses(org_id, survey_id, location_id, channel, language, hidden, idempotency_key, survey_version, submitted_at)
               values ($1, $2, $3, $4, $5, $6, gen_random_uuid()::text, 1, $7) returning id`,
              [orgId, surveyId, r.locationId, r.channel, r.language, JSON.stringify(r.hidden), r.at],
            );
            for (const [key, a] of Object.entries(r.answers)) {
              await tx.query(
                `insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score, choice, choices)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
                [orgId, rows[0].id, ids[key], surveyId, r.locationId, r.channel, r.language, r.at, a.score ?? null, a.choice ?? null, a.choices ?? null],
              );
            }
            out.push(rows[0].id);
          }
          await recordResponsesForRollups(tx, orgId, out, 1);
          return out;
        });
      } finally {
        c.release();
      }
    }
  }, 600_000);
});
