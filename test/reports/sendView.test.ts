/**
 * "Send now" of a dashboard view (POST /api/v1/reports/send, docs/reports.md "Send a dashboard view"): the mail
 * reaches a local SMTP server with the PDF attached, whose figures are the dashboard's (the analytics summary
 * route's answer) for the same filters and days, and computed by hand; the deliveries are in the log, the send is
 * audited, the ad-hoc report is not listed among the saved ones; scope, role and recipients are checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { startTestSmtp, type TestSmtp } from '../invitations/smtp.ts';
import { attachedPdf, pdfText } from './pdfText.ts';

let server: TestServer;
let smtp: TestSmtp;
let owner: Client;
let analystA: Client;
let managerA: Client;
let surveyId = '';
let storeA = { id: '', path: '' };
let storeB = { id: '', path: '' };
let ownerId = '';
let managerAId = '';

// The week 23-29 November at store A: promoters 6 (five 10s, one 9), passives 2 (8, 7), detractors 2 (3, 0):
// NPS = (6 - 2) / 10 = +40, n = 10. Store B's answers (all detractors) are outside the view.
const A_SCORES = [10, 10, 10, 10, 10, 9, 8, 7, 3, 0];
const view = (filters: Record<string, string>) => ({
  surveyId, sections: ['kpis', 'trend', 'breakdown'], filters, period: { from: '2026-11-23', to: '2026-11-29' },
});

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startTestServer({ smtpUrl: smtp.url });
  const { pool } = server;
  const { orgId, root } = await buildAnalyticsOrg(pool, 'Send View Org');
  storeA = await buildLocation(pool, orgId, root, 'store', 'Store A');
  storeB = await buildLocation(pool, orgId, root, 'store', 'Store B');
  ownerId = await buildUser(pool, orgId, 'owner', 'owner@sendview.test');
  await buildUser(pool, orgId, 'analyst', 'analyst-a@sendview.test', [storeA.id]);
  managerAId = await buildUser(pool, orgId, 'location_manager', 'manager-a@sendview.test', [storeA.id]);
  const s = await seedSurvey(pool, orgId, [{ key: 'nps', type: 'nps' }], 'Visit survey');
  surveyId = s.surveyId;
  await seedResponses(pool, orgId, surveyId, s.ids, A_SCORES.map((score, i) => ({ locationId: storeA.id, at: `2026-11-${23 + (i % 7)}T09:00:00Z`, answers: { nps: { score } } })));
  await seedResponses(pool, orgId, surveyId, s.ids, [0, 1, 2].map((score) => ({ locationId: storeB.id, at: '2026-11-25T09:00:00Z', answers: { nps: { score } } })));
  owner = await signIn(server.baseUrl, 'owner@sendview.test');
  analystA = await signIn(server.baseUrl, 'analyst-a@sendview.test');
  managerA = await signIn(server.baseUrl, 'manager-a@sendview.test');
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('send a dashboard view now', () => {
  it('e-mails the view with its PDF; the figures are the dashboard\'s for the same filters and days', async () => {
    const sent = await owner.post('/api/v1/reports/send', {
      title: 'Store A, last week', definition: view({ location: storeA.id }),
      recipients: [{ kind: 'email', email: 'board@example.test', lang: 'en' }, { kind: 'user', userId: managerAId, lang: 'en' }],
    });
    expect(sent.status).toBe(202);
    expect(sent.json.deliveries.map((d: any) => [d.email, d.status, d.scheduleId, d.reportName]).sort()).toEqual([
      ['board@example.test', 'queued', null, 'Store A, last week'], ['manager-a@sendview.test', 'queued', null, 'Store A, last week'],
    ]);
    const reportId = sent.json.deliveries[0].reportId;

    await expect.poll(() => smtp.accepted.length, { timeout: 90_000, interval: 500 }).toBe(2);
    const dashboard = await owner.get(`/api/v1/surveys/${surveyId}/analytics/summary?from=2026-11-23&to=2026-11-29&location=${storeA.id}`);
    expect(dashboard.status).toBe(200);
    const nps = dashboard.json.questions[0].result;
    expect(nps.n).toBe(10);
    expect(nps.value).toBeCloseTo(40, 9);
    for (const to of ['board@example.test', 'manager-a@sendview.test']) {
      const mail = smtp.accepted.find((m) => m.to === to)!;
      const pdf = attachedPdf(mail);
      expect(pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf!);
      expect(text).toContain('Store A, last week');
      // The KPI line: the value (one decimal at most, as the dashboard shows it) and its n: "40 10 answers".
      expect(text).toContain(`${Number(nps.value.toFixed(1))} ${nps.n} answers`);
      // Store A only: not the whole organisation's 13 answers of the week.
      expect(text).not.toContain('13 answers');
    }

    await expect.poll(async () => (await owner.get(`/api/v1/report-deliveries?report=${reportId}`)).json.items.map((d: any) => d.status), { timeout: 20_000 })
      .toEqual(['sent', 'sent']);
    // Kept as an ad-hoc report: not among the saved ones, no schedules, no page of its own.
    expect((await owner.get('/api/v1/reports')).json.items.map((r: any) => r.id)).not.toContain(reportId);
    expect((await owner.get(`/api/v1/reports/${reportId}`)).status).toBe(404);
    const audit = await server.pool.query(`select action, target_label, detail from audit_log where target_type = 'report' and target_id = $1`, [reportId]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ action: 'report.send', target_label: 'Store A, last week', detail: { deliveries: 2, view: true, surveyId } });
  }, 120_000);

  it('refuses what the caller may not send: a store manager, another store, a user outside their scope', async () => {
    const toBoard = [{ kind: 'email', email: 'board@example.test', lang: 'en' }];
    // A store manager may not send reports (report.manage), not even of their own store.
    expect((await managerA.post('/api/v1/reports/send', { definition: view({ location: storeA.id }), recipients: toBoard })).status).toBe(403);
    expect((await managerA.get('/api/v1/reports/recipients')).status).toBe(403);
    // An analyst of store A: not store B, not the whole organisation, not the owner as a recipient.
    const other = await analystA.post('/api/v1/reports/send', { definition: view({ location: storeB.id }), recipients: toBoard });
    expect(other.status).toBe(400);
    expect(other.json.message).toBe('definition.filters.location: no such location');
    expect((await analystA.post('/api/v1/reports/send', { definition: view({}), recipients: toBoard })).status).toBe(400);
    const people = (await analystA.get('/api/v1/reports/recipients')).json.users.map((u: any) => u.email);
    expect(people).toContain('manager-a@sendview.test');
    expect(people).not.toContain('owner@sendview.test');
    const outside = await analystA.post('/api/v1/reports/send', { definition: view({ location: storeA.id }), recipients: [{ kind: 'user', userId: ownerId, lang: 'en' }] });
    expect(outside.status).toBe(400);
    expect(outside.json.message).toBe('recipients.0.userId: no such user');
    // Roles are for schedules; nobody at all is refused.
    expect((await owner.post('/api/v1/reports/send', { definition: view({}), recipients: [{ kind: 'role', role: 'viewer' }] })).status).toBe(400);
    expect((await owner.post('/api/v1/reports/send', { definition: view({}), recipients: [] })).status).toBe(400);
    expect((await new Client(server.baseUrl).post('/api/v1/reports/send', { definition: view({}), recipients: toBoard })).status).toBe(401);
    const { rows } = await server.pool.query(`select count(*)::int as n from reports where ad_hoc`);
    expect(rows[0].n).toBe(1);
  });
});
