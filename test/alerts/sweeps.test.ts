/**
 * The alert paths that do not start with a submission, on the real queue and PostgreSQL: the daily
 * metric_drop comparison (a significant NPS fall at one store, none at a steady one), the SLA sweep, and
 * reviews once analysed (negative_review).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/app.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { addDays, orgToday } from '../../src/core/time/orgCalendar.ts';
import { buildIntegrationOrg, makeKey, withKey, type IntegrationFixture } from '../integrations/fixture.ts';
import { alertsAnalysedJob, alertsMetricDropJob, alertsSlaJob } from '../../src/server/alerts/alertJobs.ts';

let server: TestServer;
let f: IntegrationFixture;
let n = 0;

const DAY = 86_400_000;
/** Noon UTC `days` days before today. */
const noon = (days: number) => {
  const d = new Date(Math.floor(Date.now() / DAY) * DAY - days * DAY + 12 * 3600_000);
  return d.toISOString();
};

async function alertsOf(ruleId: string): Promise<any[]> {
  return (await f.owner.get(`/api/v1/alerts?ruleId=${ruleId}`)).json.items;
}

beforeAll(async () => {
  server = await startTestServer();
  f = await buildIntegrationOrg(server, 'Sweeps Org', 'owner@sweeps.test');
});
afterAll(async () => server?.close());

describe('alert sweeps', () => {
  it('metric_drop: a significant NPS fall at one store fires once; a steady store does not', { timeout: 120_000 }, async () => {
    const key = (await makeKey(f.owner, 'ingest')).key;
    const record = async (score: number, at: string, locationId: string) => {
      const res = await withKey(server, key, 'POST', `/api/v1/surveys/${f.survey.id}/responses`, { idempotencyKey: `drop-${++n}-xxxx`, answers: { nps: score }, submittedAt: at, locationId });
      expect(res.status).toBe(201);
    };
    // periodDays 1: the current period is yesterday (UTC), the previous one the day before.
    // North store: the day before 30 promoters and 10 detractors (NPS +50), yesterday 10 and 30 (NPS -50).
    // The other store: 20 and 20 both days (NPS 0 -> 0).
    const plan: [number, number, string][] = [[10, 30, 'north2'], [0, 10, 'north2'], [10, 10, 'north1'], [0, 30, 'north1'], [10, 20, 'other2'], [0, 20, 'other2'], [10, 20, 'other1'], [0, 20, 'other1']];
    for (const [score, count, where] of plan) {
      const loc = where.startsWith('north') ? f.storeInRegion : f.otherStore;
      for (let i = 0; i < count; i++) await record(score, noon(where.endsWith('2') ? 2 : 1), loc);
    }
    const rule = await f.owner.post('/api/v1/alert-rules', { name: 'NPS drop', trigger: 'metric_drop', params: { metric: 'nps', periodDays: 1, by: 'location' }, quietMinutes: 0 });
    expect(rule.status).toBe(201);
    await server.app.jobs.send(alertsMetricDropJob, { orgId: f.orgId });
    await waitFor(async () => (await alertsOf(rule.json.rule.id)).length > 0, 'the metric_drop alert');
    // One run evaluates every store: once the job has written the north store's alert, the other store was judged too.
    await waitFor(async () => (await server.pool.query(`select count(*)::int as n from pgboss.job where name = 'alerts-metric-drop' and state = 'completed'`)).rows[0].n > 0, 'the job to complete');
    const alerts = await alertsOf(rule.json.rule.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ sourceKind: 'metric', location: { id: f.storeInRegion }, delivered: true });
    expect(alerts[0].summary).toMatchObject({ metric: 'nps', current: -50, previous: 50, currentN: 40, previousN: 40, diff: -100, test: 'adjusted_wald_z' });
    // The same periods again: nothing new.
    await server.app.jobs.send(alertsMetricDropJob, { orgId: f.orgId });
    await waitFor(async () => (await server.pool.query(`select count(*)::int as n from pgboss.job where name = 'alerts-metric-drop' and state = 'completed'`)).rows[0].n > 1, 'the second run');
    expect(await alertsOf(rule.json.rule.id)).toHaveLength(1);
  });

  it('metric_drop: the periods are the organisation\'s days (Pacific/Auckland), not UTC days', { timeout: 120_000 }, async () => {
    const akl = await buildIntegrationOrg(server, 'Auckland Sweeps', 'owner@akl-sweeps.test');
    await server.pool.query(`update orgs set timezone = 'Pacific/Auckland' where id = $1`, [akl.orgId]);
    const key = (await makeKey(akl.owner, 'ingest')).key;
    // Auckland's yesterday and the day before (periodDays 1), whatever UTC's date is now.
    const yesterday = addDays(orgToday('Pacific/Auckland', new Date()), -1);
    const before = addDays(yesterday, -1);
    // 23:00 UTC of the previous UTC day is 11:00 or 12:00 of `day` in Auckland (UTC+12/+13): a UTC clock would put
    // these answers in the day before.
    const lateUtc = (day: string) => `${addDays(day, -1)}T23:00:00.000Z`;
    const plan: [number, number, string][] = [[10, 30, before], [0, 10, before], [10, 10, yesterday], [0, 30, yesterday]];
    for (const [score, count, day] of plan) {
      for (let i = 0; i < count; i++) {
        const res = await withKey(server, key, 'POST', `/api/v1/surveys/${akl.survey.id}/responses`, { idempotencyKey: `akl-${++n}-xxxx`, answers: { nps: score }, submittedAt: lateUtc(day), locationId: akl.storeInRegion });
        expect(res.status).toBe(201);
      }
    }
    const rule = await akl.owner.post('/api/v1/alert-rules', { name: 'NPS drop', trigger: 'metric_drop', params: { metric: 'nps', periodDays: 1, by: 'location' }, quietMinutes: 0 });
    expect(rule.status).toBe(201);
    await server.app.jobs.send(alertsMetricDropJob, { orgId: akl.orgId });
    const alerts = async () => (await akl.owner.get(`/api/v1/alerts?ruleId=${rule.json.rule.id}`)).json.items;
    await waitFor(async () => (await alerts()).length > 0, 'the Auckland metric_drop alert');
    // 40 answers a side (NPS +50 the day before, -50 yesterday), and the days named are Auckland's, inclusive.
    expect((await alerts())[0].summary).toMatchObject({ current: -50, previous: 50, currentN: 40, previousN: 40, currentFrom: yesterday, currentTo: yesterday, previousFrom: before });
  });

  it('sla_breach: a contact still waiting past its first-response target', async () => {
    await server.pool.query(`insert into support_sla_targets(org_id, priority, first_response_s, resolution_s) values ($1, 'high', 3600, 86400)`, [f.orgId]);
    const contact = async (ext: string, minutesAgo: number, answeredAfterMin: number | null) =>
      (await server.pool.query(
        `insert into support_contacts(org_id, external_id, priority, location_id, created_at, first_response_at)
         values ($1, $2, 'high', $3, now() - make_interval(mins => $4), case when $5::int is null then null else now() - make_interval(mins => $4) + make_interval(mins => $5::int) end) returning id`,
        [f.orgId, ext, f.storeInRegion, minutesAgo, answeredAfterMin],
      )).rows[0].id as string;
    const late = await contact('T-LATE', 120, null);
    const onTime = await contact('T-OK', 120, 10);
    const rule = await f.owner.post('/api/v1/alert-rules', { name: 'SLA', trigger: 'sla_breach', params: {}, quietMinutes: 0 });
    // The rule counts breaches after it was made: this one happened an hour ago, so date the rule back.
    await server.pool.query(`update alert_rules set created_at = now() - interval '1 day' where id = $1`, [rule.json.rule.id]);
    await server.app.jobs.send(alertsSlaJob, { orgId: f.orgId });
    await waitFor(async () => (await alertsOf(rule.json.rule.id)).length > 0, 'the SLA alert');
    const alerts = await alertsOf(rule.json.rule.id);
    expect(alerts.map((a) => a.sourceId)).toEqual([late]);
    expect(alerts.map((a) => a.sourceId)).not.toContain(onTime);
    expect(alerts[0].summary).toMatchObject({ ticket: 'T-LATE', kind: 'first_response', targetS: 3600 });
  });

  it('negative_review: fires once the review is analysed, on negative sentiment or few stars', async () => {
    const rule = await f.owner.post('/api/v1/alert-rules', { name: 'Bad reviews', trigger: 'negative_review', params: { maxRating: 2 }, quietMinutes: 0, locationId: f.regionId });
    // The reviews below were analysed seconds ago: date the rule before them (a rule alerts on what is ready after it was made).
    await server.pool.query(`update alert_rules set created_at = now() - interval '1 hour' where id = $1`, [rule.json.rule.id]);
    const review = async (text: string, rating: number, sentiment: string, secondsAgo: number, locationId = f.storeInRegion) =>
      (await server.pool.query(
        `insert into reviews(org_id, source, location_id, rating, rating_scale, text, published_at, content_hash, sentiment, analysed_at)
         values ($1, 'google', $2, $3, 5, $4, now(), gen_random_uuid()::text, $5, now() - make_interval(secs => $6)) returning id`,
        [f.orgId, locationId, rating, text, sentiment, secondsAgo],
      )).rows[0].id as string;
    // Judged in the order they became ready: the ones that must not fire come first.
    const happy = await review('Great service', 5, 'positive', 3);
    const elsewhere = await review('Awful, never again', 1, 'negative', 2, f.otherStore);
    const angry = await review('Awful, never again', 4, 'negative', 1);
    const oneStar = await review('ok', 1, 'neutral', 0);
    await server.app.jobs.send(alertsAnalysedJob, { orgId: f.orgId });
    await waitFor(async () => (await alertsOf(rule.json.rule.id)).some((a) => a.sourceId === oneStar), 'the one-star review alert');
    const fired = (await alertsOf(rule.json.rule.id)).map((a) => a.sourceId).sort();
    expect(fired).toEqual([angry, oneStar].sort());
    expect(fired).not.toContain(happy);
    expect(fired).not.toContain(elsewhere);
  });
});
