/**
 * One clock, the organisation's: an organisation in Pacific/Auckland (UTC+13 in November) with the
 * server's clock fixed at 2026-11-29T12:30Z, when it is already Monday 2026-11-30 01:30 there. Trend
 * buckets, partial periods, the quality window and GET /me all follow that zone, not UTC.
 * Every expected value below is worked out by hand from the instants in RESPONSES.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { seedResponses, seedSurvey, type SeedResponse } from './seed.ts';

const NOW = new Date('2026-11-29T12:30:00Z'); // Auckland: Monday 2026-11-30 01:30

// Instant (UTC) -> Auckland local time (+13) -> the Monday of that local week.
const RESPONSES: Array<{ at: string; score: number }> = [
  { at: '2026-10-15T00:00:00Z', score: 8 }, // Thu 15 Oct 13:00 -> October
  { at: '2026-11-01T12:00:00Z', score: 3 }, // Mon 2 Nov 01:00 -> week 2 Nov (before from = 4 Nov)
  { at: '2026-11-03T12:00:00Z', score: 10 }, // Wed 4 Nov 01:00 (3 Nov in UTC) -> week 2 Nov
  { at: '2026-11-08T10:30:00Z', score: 0 }, // Sun 8 Nov 23:30 -> week 2 Nov
  { at: '2026-11-08T11:30:00Z', score: 9 }, // Mon 9 Nov 00:30 (still Sunday 8 Nov in UTC) -> week 9 Nov
  { at: '2026-11-15T05:00:00Z', score: 9 }, // Sun 15 Nov 18:00 -> week 9 Nov
  { at: '2026-11-22T12:00:00Z', score: 7 }, // Mon 23 Nov 01:00 -> week 23 Nov
  { at: '2026-11-28T12:00:00Z', score: 6 }, // Sun 29 Nov 01:00 -> week 23 Nov
  { at: '2026-11-29T11:30:00Z', score: 10 }, // Mon 30 Nov 00:30 (29 Nov in UTC) -> week 30 Nov, today
];

describe('the organisation\'s clock (Pacific/Auckland)', () => {
  let server: TestServer;
  let owner: Client;
  let surveyId = '';
  let npsId = '';
  const api = (path: string) => owner.get(`/api/v1${path}`);
  const trend = async (query: string) => {
    const res = await api(`/surveys/${surveyId}/analytics/trend?question=${npsId}&${query}`);
    expect(res.status).toBe(200);
    return res.json.points.map((p: any) => ({ period: p.period, partial: p.partial, n: p.result?.n ?? 0, value: p.result?.value ?? null }));
  };

  beforeAll(async () => {
    server = await startTestServer({ now: () => NOW });
    const { pool } = server;
    const org = await buildOrg(pool, 'Kiwi Org');
    await pool.query(`update orgs set timezone = 'Pacific/Auckland' where id = $1`, [org.orgId]);
    await buildUser(pool, org.orgId, 'owner', 'owner@kiwi.test');
    const s = await seedSurvey(pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }]);
    surveyId = s.surveyId;
    npsId = s.ids.nps;
    const responses: SeedResponse[] = RESPONSES.map((r) => ({ at: r.at, answers: { nps: { score: r.score } } }));
    await seedResponses(pool, org.orgId, surveyId, s.ids, responses);
    owner = await signIn(server.baseUrl, 'owner@kiwi.test');
  });
  afterAll(async () => server?.close());

  it('tells the dashboard the organisation\'s time zone', async () => {
    const me = await api('/me');
    expect(me.json.org.timezone).toBe('Pacific/Auckland');
  });

  it('buckets weeks on Auckland Mondays and marks the weeks cut by the window or still running', async () => {
    // from = Wed 4 Nov cuts the week of 2 Nov; the week of 30 Nov runs past `to` and past today.
    const points = await trend('interval=week&from=2026-11-04&to=2026-11-30');
    expect(points).toEqual([
      { period: '2026-11-02', partial: true, n: 2, value: 0 }, // 10 and 0: 1 promoter - 1 detractor of 2 = 0
      { period: '2026-11-09', partial: false, n: 2, value: 100 }, // 9 and 9
      { period: '2026-11-16', partial: false, n: 0, value: null }, // no answers, filled in
      { period: '2026-11-23', partial: false, n: 2, value: -50 }, // 7 and 6: 0 promoters - 1 detractor of 2
      { period: '2026-11-30', partial: true, n: 1, value: 100 }, // 10
    ]);
    // Raw answers (includeExcluded) bucket and mark the same way.
    expect(await trend('interval=week&from=2026-11-04&to=2026-11-30&includeExcluded=1')).toEqual(points);
  });

  it('treats a window ending on a Sunday as whole weeks', async () => {
    // 9 Nov (Mon) .. 29 Nov (Sun, yesterday in Auckland): three whole weeks.
    expect(await trend('interval=week&from=2026-11-09&to=2026-11-29')).toEqual([
      { period: '2026-11-09', partial: false, n: 2, value: 100 },
      { period: '2026-11-16', partial: false, n: 0, value: null },
      { period: '2026-11-23', partial: false, n: 2, value: -50 },
    ]);
    // Cut at Saturday 28 Nov: the week of 23 Nov loses its Sunday answer (6) and is partial.
    expect(await trend('interval=week&from=2026-11-09&to=2026-11-28')).toEqual([
      { period: '2026-11-09', partial: false, n: 2, value: 100 },
      { period: '2026-11-16', partial: false, n: 0, value: null },
      { period: '2026-11-23', partial: true, n: 1, value: 0 },
    ]);
  });

  it('marks today, the running month and a quarter cut by the window', async () => {
    // Sun 29 Nov is over in Auckland; Mon 30 Nov (today) is not.
    expect(await trend('interval=day&from=2026-11-29&to=2026-11-30')).toEqual([
      { period: '2026-11-29', partial: false, n: 1, value: -100 },
      { period: '2026-11-30', partial: true, n: 1, value: 100 },
    ]);
    // October is whole; November ends today, so it is still running (8 answers: all but October's).
    expect(await trend('interval=month&from=2026-10-01&to=2026-11-30')).toEqual([
      { period: '2026-10-01', partial: false, n: 1, value: 0 },
      // scores 3, 10, 0, 9, 9, 7, 6, 10: promoters 10, 9, 9, 10 = 4; detractors 3, 0, 6 = 3; 100 * (4 - 3) / 8 = 12.5
      { period: '2026-11-01', partial: true, n: 8, value: 12.5 },
    ]);
    // Q4 (1 Oct .. 31 Dec) cut by from = 2 Oct (and still running): all 9 answers, October's 8 is passive,
    // so 4 promoters and 3 detractors of 9.
    expect(await trend('interval=quarter&from=2026-10-02')).toEqual([{ period: '2026-10-01', partial: true, n: 9, value: expect.closeTo((100 * (4 - 3)) / 9, 9) }]);
  });

  it('marks nothing at an open start: the first period is not cut by the window', async () => {
    const points = await trend('interval=month');
    expect(points.map((p: any) => [p.period, p.partial])).toEqual([['2026-10-01', false], ['2026-11-01', true]]);
  });

  it('refuses a day that does not exist, naming the field', async () => {
    const res = await api(`/surveys/${surveyId}/analytics/trend?from=2026-02-30`);
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('validation');
    expect(res.json.message).toContain('from');
  });

  it('starts the quality view\'s default 90 days from the organisation\'s today', async () => {
    // Auckland's today is 30 Nov; 90 days back: 29 to 1 Nov, 31 to 1 Oct (60), 30 to 1 Sep (90).
    // (UTC's today, 29 Nov, would have given 31 Aug.)
    const res = await api(`/surveys/${surveyId}/quality`);
    expect(res.status).toBe(200);
    expect(res.json.rules.window.from).toBe('2026-09-01');
  });
});
