/**
 * Alerts end to end on real PostgreSQL through HTTP: answers recorded through the ingest API fire rules
 * (jobs on the real queue), cases open for the store's manager, e-mails reach a local SMTP server in each
 * recipient's language, alert.triggered webhooks arrive signed at a local receiver; the quiet period, the
 * scope (survey, location subtree), ru/fa keywords, the managers' view and the bell.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { simpleParser } from 'mailparser';
import { buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { startTestSmtp, type TestSmtp } from '../invitations/smtp.ts';
import { buildIntegrationOrg, makeKey, withKey, type IntegrationFixture } from '../integrations/fixture.ts';
import { buildSurvey } from '../respond/factory.ts';
import { alertsResponseJob } from '../../src/server/alerts/alertJobs.ts';

class Receiver {
  received: { verified: any; error: string | null }[] = [];
  secret = '';
  url = '';
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        this.received.push({ verified: new Webhook(this.secret).verify(body, req.headers as Record<string, string>), error: null });
      } catch (err) {
        this.received.push({ verified: null, error: String(err) });
      }
      res.end('ok');
    });
  });
  async start() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/hook`;
  }
}

let server: TestServer;
let smtp: TestSmtp;
let f: IntegrationFixture;
let ingestKey: string;
let northManager: Client;
let otherManager: Client;
let northManagerId: string;
const receiver = new Receiver();
let n = 0;

async function record(answers: Record<string, unknown>, opts: { locationId?: string; surveyId?: string; channel?: string; hidden?: Record<string, string> } = {}) {
  const res = await withKey(server, ingestKey, 'POST', `/api/v1/surveys/${opts.surveyId ?? f.survey.id}/responses`, {
    idempotencyKey: `alert-test-${++n}-${Date.now()}`, answers, language: 'en', locationId: opts.locationId ?? f.storeInRegion,
    ...(opts.channel ? { channel: opts.channel } : {}), ...(opts.hidden ? { hidden: opts.hidden } : {}),
  });
  expect(res.status).toBe(201);
  return res.json.responseId as string;
}

async function alertsOf(ruleId: string): Promise<any[]> {
  const res = await f.owner.get(`/api/v1/alerts?ruleId=${ruleId}`);
  expect(res.status).toBe(200);
  return res.json.items;
}

async function waitAlert(ruleId: string, sourceId: string) {
  let found: any;
  await waitFor(async () => {
    found = (await alertsOf(ruleId)).find((a) => a.sourceId === sourceId);
    return found !== undefined;
  }, `an alert of rule ${ruleId} on ${sourceId}`);
  return found;
}

async function createRule(body: Record<string, unknown>) {
  const res = await f.owner.post('/api/v1/alert-rules', body);
  expect(res.status, res.text).toBe(201);
  return res.json.rule.id as string;
}

beforeAll(async () => {
  process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE = '1';
  smtp = await startTestSmtp();
  await receiver.start();
  server = await startTestServer({ smtpUrl: smtp.url, publicUrl: 'https://sarafan.example' });
  f = await buildIntegrationOrg(server, 'Alerts Org', 'owner@alerts.test');
  ingestKey = (await makeKey(f.owner, 'ingest')).key;
  northManagerId = await buildUser(server.pool, f.orgId, 'location_manager', 'north@alerts.test', [f.storeInRegion]);
  await server.pool.query(`update users set locale = 'ru' where id = $1`, [northManagerId]);
  await buildUser(server.pool, f.orgId, 'location_manager', 'other@alerts.test', [f.otherStore]);
  northManager = await signIn(server.baseUrl, 'north@alerts.test');
  otherManager = await signIn(server.baseUrl, 'other@alerts.test');
  const hook = await f.owner.post('/api/v1/org/webhooks', { url: receiver.url, eventTypes: ['alert.triggered'] });
  expect(hook.status).toBe(201);
  receiver.secret = hook.json.secret;
});

afterAll(async () => {
  await server?.close();
  await smtp?.close();
  await new Promise((r) => receiver.server.close(r));
  delete process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE;
});

describe('alerts', () => {
  let detractorRule: string;
  let firstResponse: string;

  it('a detractor answer fires the rule: a case for the store manager, the bell, e-mail in Russian and English, a signed webhook', async () => {
    detractorRule = await createRule({
      name: 'Detractor <b>at</b> stores', trigger: 'low_score', params: { metric: 'nps' }, surveyId: f.survey.id, locationId: f.regionId,
      recipients: { locationRoles: ['location_manager'], emails: ['ops@alerts.test'], webhook: true }, quietMinutes: 60, opensCase: true, casePriority: 'high',
    });
    firstResponse = await record({ nps: 3, why: 'Очередь 40 минут, кассир нагрубил' });
    const alert = await waitAlert(detractorRule, firstResponse);
    expect(alert).toMatchObject({ sourceKind: 'response', delivered: true, location: { id: f.storeInRegion, name: 'North store' } });
    expect(alert.summary).toMatchObject({ metric: 'nps', score: 3, excerpt: 'Очередь 40 минут, кассир нагрубил' });
    expect(alert.caseId).toMatch(/^[0-9a-f-]{36}$/);

    // The case: for the right store, owned by its manager, high priority, with the customer's score.
    const c = await server.pool.query('select location_id, owner_user_id, priority, channel, trigger_score, trigger_metric, response_id from cases where org_id = $1 and id = $2', [f.orgId, alert.caseId]);
    expect(c.rows[0]).toEqual({ location_id: f.storeInRegion, owner_user_id: northManagerId, priority: 'high', channel: 'survey', trigger_score: 3, trigger_metric: 'nps', response_id: firstResponse });

    // The bell of the store's manager.
    let bell: any;
    await waitFor(async () => {
      bell = (await northManager.get('/api/v1/notifications')).json;
      return bell.items.some((x: any) => x.kind === 'alert');
    }, 'the manager\'s alert notification');
    const note = bell.items.find((x: any) => x.kind === 'alert');
    expect(note).toMatchObject({ alertId: alert.id, caseId: alert.caseId, read: false, body: { ruleName: 'Detractor <b>at</b> stores', summary: { score: 3 } } });
    // The other store's manager got nothing (the notifications of one alert are written in one statement).
    expect((await otherManager.get('/api/v1/notifications')).json).toEqual({ items: [], unread: 0 });

    // E-mail: the manager in Russian, the bare address in the author's language (English), both linking to the case.
    await waitFor(async () => smtp.accepted.filter((m) => m.to === 'north@alerts.test' || m.to === 'ops@alerts.test').length >= 2, 'two alert e-mails');
    const ru = await simpleParser(smtp.accepted.find((m) => m.to === 'north@alerts.test')!.raw);
    expect(ru.subject).toBe('Оповещение «Detractor <b>at</b> stores»: NPS 3, North store');
    expect(ru.text).toContain(`https://sarafan.example/app/cases/${alert.caseId}`);
    expect(ru.text).toContain('Текст: «Очередь 40 минут, кассир нагрубил»');
    const en = await simpleParser(smtp.accepted.find((m) => m.to === 'ops@alerts.test')!.raw);
    expect(en.subject).toBe('Alert "Detractor <b>at</b> stores": NPS 3 at North store');
    expect(en.html).toBe(false);

    // The signed webhook.
    await waitFor(async () => receiver.received.some((r) => r.verified?.data?.alertId === alert.id), 'the alert.triggered webhook');
    const hook = receiver.received.find((r) => r.verified?.data?.alertId === alert.id)!;
    expect(hook.error).toBeNull();
    expect(hook.verified).toMatchObject({
      type: 'alert.triggered',
      data: { rule: { id: detractorRule, trigger: 'low_score' }, source: { kind: 'response', id: firstResponse }, location: { id: f.storeInRegion }, caseId: alert.caseId, summary: { score: 3 } },
    });
  });

  it('the quiet period holds back the second alert for the same store: recorded, not delivered', async () => {
    const second = await record({ nps: 1 });
    const alert = await waitAlert(detractorRule, second);
    expect(alert.delivered).toBe(false);
    // Opened a case all the same (the rule opens one per answer); nobody was told.
    expect(alert.caseId).not.toBeNull();
    const bell = (await northManager.get('/api/v1/notifications')).json;
    expect(bell.items.filter((x: any) => x.kind === 'alert').map((x: any) => x.alertId)).not.toContain(alert.id);
  });

  it('scope: another survey or a store outside the rule\'s region does not fire it', async () => {
    const catchAll = await createRule({ name: 'Any low score', trigger: 'low_score', params: { metric: 'any' }, quietMinutes: 0 });
    const otherSurvey = await buildSurvey(server.pool, f.orgId);
    const inOtherSurvey = await record({ nps: 2 }, { surveyId: otherSurvey.id });
    const atOtherStore = await record({ nps: 2 }, { locationId: f.otherStore });
    const promoter = await record({ nps: 9, service: 2 });
    await waitAlert(catchAll, inOtherSurvey);
    await waitAlert(catchAll, atOtherStore);
    // the CSAT 2 of 5 is low for 'any' (bottom of the scale), the NPS 9 is not: one alert, on the CSAT answer
    const csat = await waitAlert(catchAll, promoter);
    expect(csat.summary).toMatchObject({ metric: 'csat', score: 2 });
    const fired = (await alertsOf(detractorRule)).map((a) => a.sourceId);
    expect(fired).not.toContain(inOtherSurvey);
    expect(fired).not.toContain(atOtherStore);
    expect(fired).not.toContain(promoter);
  });

  it('keywords in Russian and Persian: case, ё, Arabic ي/ك letters, whole words', async () => {
    const words = await createRule({ name: 'Complaints', trigger: 'comment_match', params: { keywords: ['ужасно', 'شکایت', 'lawyer'] }, quietMinutes: 0 });
    const catchAll = (await f.owner.get('/api/v1/alert-rules')).json.items.find((r: any) => r.name === 'Any low score').id;
    const ru = await record({ nps: 8, why: 'Было просто УЖАСНО' });
    const fa = await record({ nps: 8, why: 'من از اين فروشگاه شكايت دارم' });
    const notAWord = await record({ nps: 4, why: 'Our lawyers say the coffee is great, ужасный день' });
    expect((await waitAlert(words, ru)).summary).toMatchObject({ keywords: ['ужасно'], excerpt: 'Было просто УЖАСНО' });
    expect((await waitAlert(words, fa)).summary).toMatchObject({ keywords: ['شکایت'] });
    await waitAlert(catchAll, notAWord);
    // the same response's job evaluated every rule: the keyword rule saw it and did not fire
    expect((await alertsOf(words)).map((a) => a.sourceId)).not.toContain(notAWord);
  });

  it('a delivery that failed part-way is finished by the retry, once', async () => {
    const rule = await createRule({ name: 'Retry me', trigger: 'low_score', params: { metric: 'nps' }, quietMinutes: 0, recipients: { userIds: [northManagerId] } });
    const responseId = await record({ nps: 0 }, { locationId: f.otherStore });
    const alert = await waitAlert(rule, responseId);
    const notes = async () => (await server.pool.query('select count(*)::int as n from notifications where alert_id = $1', [alert.id])).rows[0].n;
    const notified = async () => (await server.pool.query('select notified_at from alerts where id = $1', [alert.id])).rows[0].notified_at;
    await waitFor(async () => (await notified()) !== null, 'the first delivery to finish');
    expect(await notes()).toBe(1);
    // As if the process had died after the alert row and before its notifications: the job's retry completes it.
    await server.pool.query('update alerts set notified_at = null where id = $1', [alert.id]);
    await server.pool.query('delete from notifications where alert_id = $1', [alert.id]);
    await server.app.jobs.send(alertsResponseJob, { orgId: f.orgId, responseId });
    await waitFor(async () => (await notified()) !== null, 'the retried delivery');
    expect(await notes()).toBe(1);
    // Once finished, running the job again delivers nothing more.
    const again = await server.app.jobs.send(alertsResponseJob, { orgId: f.orgId, responseId });
    await waitFor(async () => (await server.pool.query(`select state from pgboss.job where id = $1`, [again])).rows[0]?.state === 'completed', 'the third run');
    expect(await notes()).toBe(1);
    expect((await alertsOf(rule)).length).toBe(1);
  });

  it('a location manager sees only their locations\' alerts and cannot manage rules', async () => {
    const mine = (await northManager.get('/api/v1/alerts')).json.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a: any) => a.location?.id === f.storeInRegion)).toBe(true);
    const theirs = (await otherManager.get('/api/v1/alerts')).json.items;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((a: any) => a.location?.id === f.otherStore)).toBe(true);
    expect((await northManager.post('/api/v1/alert-rules', { name: 'x', trigger: 'low_score', params: { metric: 'nps' }, locationId: f.storeInRegion })).status).toBe(403);
    // rules of other locations (and organisation-wide ones) are not theirs to read
    expect((await otherManager.get(`/api/v1/alert-rules/${detractorRule}`)).status).toBe(404);
    expect((await otherManager.get('/api/v1/alert-rules')).json.items).toEqual([]);
    // the region's rule is not the store manager's either; a rule of their store is
    const storeRule = await createRule({ name: 'North store only', trigger: 'sla_breach', params: {}, locationId: f.storeInRegion });
    expect((await northManager.get('/api/v1/alert-rules')).json.items.map((r: any) => r.id)).toEqual([storeRule]);
    expect((await northManager.get(`/api/v1/alert-rules/${detractorRule}`)).status).toBe(404);
  });

  it('marks notifications read: some, then all', async () => {
    const before = (await northManager.get('/api/v1/notifications')).json;
    expect(before.unread).toBeGreaterThan(0);
    const one = await northManager.post('/api/v1/notifications/read', { ids: [before.items[0].id] });
    expect(one.json).toEqual({ marked: 1, unread: before.unread - 1 });
    // another user's ids change nothing
    expect((await otherManager.post('/api/v1/notifications/read', { ids: [before.items[1]?.id ?? before.items[0].id] })).json.marked).toBe(0);
    expect((await northManager.post('/api/v1/notifications/read', { all: true })).json.unread).toBe(0);
    expect((await northManager.post('/api/v1/notifications/read', {})).status).toBe(400);
  });

  it('validates rules field by field, and PATCH checks params against the trigger', async () => {
    const bad = await f.owner.post('/api/v1/alert-rules', { name: 'Drop', trigger: 'metric_drop', params: { metric: 'nps', periodDays: 0, by: 'location' } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^params\.periodDays: /);
    expect((await f.owner.post('/api/v1/alert-rules', { name: 'x', trigger: 'low_score', params: { metric: 'nps' }, locationId: crypto.randomUUID() })).json.message)
      .toBe('locationId: no such location');
    const patched = await f.owner.patch(`/api/v1/alert-rules/${detractorRule}`, { trigger: 'comment_match' });
    expect(patched.status).toBe(400);
    expect(patched.json.message).toMatch(/^params/);
    const off = await f.owner.patch(`/api/v1/alert-rules/${detractorRule}`, { enabled: false, quietMinutes: 5 });
    expect(off.json.rule).toMatchObject({ enabled: false, quietMinutes: 5, trigger: 'low_score', params: { metric: 'nps' } });
  });

  it('API keys: a read key reads rules, a cases key writes them', async () => {
    const read = (await makeKey(f.owner, 'read')).key;
    const cases = (await makeKey(f.owner, 'cases' as 'read')).key;
    expect((await withKey(server, read, 'GET', '/api/v1/alert-rules')).status).toBe(200);
    expect((await withKey(server, read, 'POST', '/api/v1/alert-rules', { name: 'k', trigger: 'sla_breach', params: {} })).status).toBe(403);
    const made = await withKey(server, cases, 'POST', '/api/v1/alert-rules', { name: 'k', trigger: 'sla_breach', params: {} });
    expect(made.status).toBe(201);
    expect((await withKey(server, cases, 'DELETE', `/api/v1/alert-rules/${made.json.rule.id}`)).json).toEqual({ ok: true });
    expect((await withKey(server, read, 'GET', '/api/v1/notifications')).status).toBe(403);
  });
});
