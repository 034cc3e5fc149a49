/** The ingest endpoints: contacts upserted by e-mail / phone / external id, survey triggers, recorded responses (idempotent, precise errors). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey } from '../respond/factory.ts';
import { buildIntegrationOrg, makeKey, withKey, type IntegrationFixture } from './fixture.ts';

let server: TestServer;
let f: IntegrationFixture;
let key: string;
let keyId: string;

beforeAll(async () => {
  server = await startTestServer();
  f = await buildIntegrationOrg(server, 'Ingest Org', 'owner@ingest.test');
  ({ key, id: keyId } = await makeKey(f.owner, 'ingest'));
});
afterAll(() => server?.close());

const post = (path: string, body: unknown) => withKey(server, key, 'POST', path, body);

describe('PUT /api/v1/contacts', () => {
  const put = (body: unknown) => withKey(server, key, 'PUT', '/api/v1/contacts', body);

  it('creates a contact, then finds it by phone or external id and updates only the fields given', async () => {
    await server.pool.query(`insert into contact_attributes(org_id, key, label, type) values ($1, 'plan', 'Plan', 'text'), ($1, 'tier', 'Tier', 'number')`, [f.orgId]);
    const created = await put({ email: ' Maria@Example.COM ', name: 'Maria', language: 'ru', attributes: { plan: 'family' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ created: true, contact: { email: 'maria@example.com', name: 'Maria', language: 'ru', phone: null } });
    const id = created.json.contact.id;

    const byEmail = await put({ email: 'maria@example.com', phone: '+7 (916) 123-45-67', externalId: 'crm-1', attributes: { tier: 2 } });
    expect(byEmail.status).toBe(200);
    expect(byEmail.json).toMatchObject({ created: false, contact: { id, phone: '+79161234567', externalId: 'crm-1', name: 'Maria' } });
    expect(byEmail.json.contact.attributes).toEqual({ plan: 'family', tier: 2 });

    const byPhone = await put({ phone: '+79161234567', segment: 'gold' });
    expect(byPhone.json).toMatchObject({ created: false, contact: { id, segment: 'gold' } });
    const byExternal = await put({ externalId: 'crm-1', name: 'Maria P.' });
    expect(byExternal.json).toMatchObject({ created: false, contact: { id, name: 'Maria P.', email: 'maria@example.com' } });

    const { rows } = await server.pool.query(`select count(*)::int as n, min(id::text) as id from contacts where org_id = $1 and email = 'maria@example.com'`, [f.orgId]);
    expect(rows[0]).toEqual({ n: 1, id });
    const audit = await server.pool.query(`select action from audit_log where org_id = $1 and target_id = $2 and actor_id = $3 order by id`, [f.orgId, id, keyId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['contact.create', 'contact.update', 'contact.update', 'contact.update']);
  });

  it('keeps an opt-out', async () => {
    const c = await put({ email: 'optout@example.com' });
    await server.pool.query(`update contacts set unsubscribed_at = now() where org_id = $1 and id = $2`, [f.orgId, c.json.contact.id]);
    const again = await put({ email: 'optout@example.com', name: 'Still out' });
    expect(again.json.contact.name).toBe('Still out');
    expect(again.json.contact.unsubscribedAt).not.toBeNull();
  });

  it('refuses input with errors that name the field', async () => {
    const none = await put({ name: 'Nobody' });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ ok: false, error: 'validation', details: { field: 'email' } });
    const badEmail = await put({ email: 'not-an-address' });
    expect(badEmail.json).toMatchObject({ error: 'validation', details: { field: 'email' } });
    expect(badEmail.json.message).toMatch(/^email: /);
    expect((await put({ phone: 'call me' })).json.details.field).toBe('phone');
    expect((await put({ email: 'x@example.com', language: 'de' })).json.message).toBe('language: not one of en, ru, fa');
    expect((await put({ email: 'x@example.com', colour: 'red' })).json.message).toMatch(/colour/);
    expect((await put({ email: 'x@example.com', attributes: { unknown_attr: 'x' } })).json.details.field).toBe('attributes.unknown_attr');
  });

  it('answers 409 when the identifiers name two different contacts', async () => {
    await put({ email: 'one@example.com' });
    await put({ email: 'two@example.com', externalId: 'ext-two' });
    const clash = await put({ email: 'one@example.com', externalId: 'ext-two' });
    expect(clash.status).toBe(409);
    expect(clash.json.error).toBe('conflict');
  });

  it('is the directory POST /contacts creates in, for sessions only: keys cannot call it', async () => {
    expect((await withKey(server, key, 'POST', '/api/v1/contacts', { email: 'post@example.com' })).status).toBe(403);
    const { rows } = await server.pool.query(`select count(*)::int as n from contacts where org_id = $1 and email = 'post@example.com'`, [f.orgId]);
    expect(rows[0].n).toBe(0);
  });
});

describe('POST /api/v1/events', () => {
  it('queues an invitation for the contact, to be sent after the delay', async () => {
    const before = Date.now();
    const res = await post('/api/v1/events', {
      event: 'ticket solved', contact: { email: 'ivan@example.com', name: 'Ivan' }, surveyId: f.survey.id, delaySeconds: 3600, channel: 'email',
    });
    expect(res.status).toBe(201);
    expect(res.json.contact.created).toBe(true);
    const { rows } = await server.pool.query(
      `select i.survey_id, i.contact_id, i.channel, i.status, i.wave_id, i.send_after, c.email
         from survey_invitations i join contacts c on c.org_id = i.org_id and c.id = i.contact_id where i.org_id = $1 and i.id = $2`,
      [f.orgId, res.json.invitation.id],
    );
    expect(rows[0]).toMatchObject({ survey_id: f.survey.id, contact_id: res.json.contact.id, channel: 'email', status: 'queued', wave_id: null, email: 'ivan@example.com' });
    const sendAfter = rows[0].send_after.getTime();
    expect(sendAfter).toBeGreaterThanOrEqual(before + 3600_000 - 2000);
    expect(sendAfter).toBeLessThanOrEqual(Date.now() + 3600_000 + 2000);
    expect(new Date(res.json.invitation.sendAfter).getTime()).toBe(sendAfter);
    const audit = await server.pool.query(`select actor_id, detail from audit_log where org_id = $1 and action = 'invitation.trigger'`, [f.orgId]);
    expect(audit.rows[0]).toMatchObject({ actor_id: keyId, detail: { event: 'ticket solved', delaySeconds: 3600 } });
  });

  it('sends a trigger due now through the invitation pipeline, with a personal link that opens the survey', async () => {
    const res = await post('/api/v1/events', { event: 'order delivered', contact: { email: 'olga@example.com', name: 'Olga' }, surveyId: f.survey.id });
    expect(res.status).toBe(201);
    expect(res.json.invitation).toMatchObject({ status: 'queued', skipReason: null });
    // No SMTP in this server: the send job writes the message to the outbox and marks the invitation sent.
    await expect.poll(async () => (await server.pool.query(`select status from survey_invitations where org_id = $1 and id = $2`, [f.orgId, res.json.invitation.id])).rows[0].status, { timeout: 20_000 }).toBe('sent');
    const mail = await server.pool.query(`select body from outbox where org_id = $1 and to_address = 'olga@example.com'`, [f.orgId]);
    expect(mail.rowCount).toBe(1);
    const token = (mail.rows[0].body as string).match(/\/i\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeTruthy();
    expect((await fetch(`${server.baseUrl}/i/${token}`, { redirect: 'manual' })).status).toBeLessThan(400);
    // A second event for the same contact falls under the contact-frequency policy (30 days by default).
    const again = await post('/api/v1/events', { event: 'order delivered', contact: { email: 'olga@example.com' }, surveyId: f.survey.id });
    expect(again.json.invitation).toMatchObject({ status: 'skipped' });
    expect(again.json.invitation.skipReason).toBeTruthy();
  });

  it('refuses an unknown or closed survey and a bad channel, naming the field', async () => {
    const unknown = await post('/api/v1/events', { event: 'x', contact: { email: 'a@example.com' }, surveyId: '00000000-0000-4000-8000-000000000009' });
    expect(unknown.json).toMatchObject({ error: 'validation', details: { field: 'surveyId' } });
    const closed = await buildSurvey(server.pool, f.orgId, { status: 'closed' });
    const res = await post('/api/v1/events', { event: 'x', contact: { email: 'a@example.com' }, surveyId: closed.id });
    expect(res.json.message).toBe('surveyId: the survey is closed, not live');
    const channel = await post('/api/v1/events', { event: 'x', contact: { email: 'a@example.com' }, surveyId: f.survey.id, channel: 'fax' });
    expect(channel.json.details.field).toBe('channel');
    const contact = await post('/api/v1/events', { event: 'x', contact: { email: 'bad' }, surveyId: f.survey.id });
    expect(contact.json).toMatchObject({ error: 'validation', details: { field: 'contact.email' } });
    expect(contact.json.message).toMatch(/^contact\.email: /);
    const { rows } = await server.pool.query(`select count(*)::int as n from survey_invitations where org_id = $1 and contact_id in (select id from contacts where email = 'a@example.com')`, [f.orgId]);
    expect(rows[0].n).toBe(0);
  });
});

describe('POST /api/v1/surveys/:id/responses', () => {
  it('stores a response once per idempotency key (201, then 200 with the same id)', async () => {
    const body = { idempotencyKey: 'crm-ticket-5531', answers: { nps: 3, why: 'Slow', reasons: ['wait'] }, language: 'en', channel: 'call_center', hidden: { ticket: '5531' }, locationId: f.otherStore };
    const first = await post(`/api/v1/surveys/${f.survey.id}/responses`, body);
    expect(first.status).toBe(201);
    expect(first.json.created).toBe(true);
    const again = await Promise.all([1, 2, 3].map(() => post(`/api/v1/surveys/${f.survey.id}/responses`, body)));
    for (const r of again) expect(r.json).toEqual({ responseId: first.json.responseId, created: false });
    const { rows } = await server.pool.query(
      `select id, channel, language, location_id, hidden from responses where org_id = $1 and idempotency_key = 'crm-ticket-5531'`, [f.orgId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.json.responseId, channel: 'call_center', language: 'en', location_id: f.otherStore, hidden: { ticket: '5531' } });
    const answers = await server.pool.query(`select score, text, choices from answers where org_id = $1 and response_id = $2 order by score, text nulls first`, [f.orgId, rows[0].id]);
    expect(answers.rows).toEqual([{ score: 3, text: null, choices: null }, { score: null, text: null, choices: ['wait'] }, { score: null, text: 'Slow', choices: null }]);
  });

  it("defaults to channel api and the survey's language, and links the contact", async () => {
    const res = await post(`/api/v1/surveys/${f.survey.id}/responses`, { idempotencyKey: 'with-contact-1', answers: { nps: 10 }, contact: { externalId: 'crm-77' } });
    expect(res.status).toBe(201);
    const { rows } = await server.pool.query(
      `select r.channel, r.language, c.external_id from responses r join contacts c on c.org_id = r.org_id and c.id = r.contact_id where r.org_id = $1 and r.id = $2`,
      [f.orgId, res.json.responseId],
    );
    expect(rows[0]).toEqual({ channel: 'api', language: 'en', external_id: 'crm-77' });
  });

  it('names the answer, language or field that is wrong', async () => {
    const path = `/api/v1/surveys/${f.survey.id}/responses`;
    const outOfScale = await post(path, { idempotencyKey: 'bad-answer-1', answers: { nps: 11 } });
    expect(outOfScale.status).toBe(400);
    expect(outOfScale.json).toMatchObject({ error: 'validation', details: { field: 'answers.nps' } });
    expect(outOfScale.json.message).toMatch(/^answers\.nps: /);
    const missing = await post(path, { idempotencyKey: 'bad-answer-2', answers: { why: 'no score' } });
    expect(missing.json.details.field).toBe('answers.nps');
    const unknown = await post(path, { idempotencyKey: 'bad-answer-3', answers: { nps: 5, colour: 'red' } });
    expect(unknown.json.message).toMatch(/^answers\.colour: not a question of this survey/);
    const lang = await post(path, { idempotencyKey: 'bad-answer-4', answers: { nps: 5 }, language: 'de' });
    expect(lang.json.message).toBe('language: use one of en, ru, fa');
    const idem = await post(path, { idempotencyKey: 'short', answers: { nps: 5 } });
    expect(idem.json.details.field).toBe('idempotencyKey');
    const future = await post(path, { idempotencyKey: 'bad-answer-5', answers: { nps: 5 }, submittedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.json.message).toBe('submittedAt: is in the future');
    const typed = await post(path, { idempotencyKey: 'bad-answer-6', answers: { nps: { value: 5 } } });
    expect(typed.json.details.field).toBe('answers.nps');
    const { rows } = await server.pool.query(`select count(*)::int as n from responses where org_id = $1 and idempotency_key like 'bad-answer-%'`, [f.orgId]);
    expect(rows[0].n).toBe(0);
  });

  it('answers 404 for a survey of another organisation and 410 for a closed one', async () => {
    const other = await buildIntegrationOrg(server, 'Other Org', 'owner@other-ingest.test');
    const res = await post(`/api/v1/surveys/${other.survey.id}/responses`, { idempotencyKey: 'foreign-1', answers: { nps: 5 } });
    expect(res.status).toBe(404);
    const closed = await buildSurvey(server.pool, f.orgId, { status: 'closed' });
    expect((await post(`/api/v1/surveys/${closed.id}/responses`, { idempotencyKey: 'closed-1', answers: { nps: 5 } })).status).toBe(410);
  });

  it('counts in the metrics a read key reads', async () => {
    const s = await buildSurvey(server.pool, f.orgId);
    for (const [i, score] of [10, 9, 3].entries()) {
      expect((await post(`/api/v1/surveys/${s.id}/responses`, { idempotencyKey: `metric-${i}-abcdef`, answers: { nps: score } })).status).toBe(201);
    }
    await server.app.rollupFolder.idle(f.orgId);
    const read = await makeKey(f.owner, 'read');
    const summary = await withKey(server, read.key, 'GET', `/api/v1/surveys/${s.id}/analytics/summary`);
    expect(summary.status).toBe(200);
    expect(summary.json.responses).toBe(3);
    const nps = summary.json.questions.find((q: any) => q.key === 'nps').result;
    // 2 promoters, 0 passives, 1 detractor of 3: NPS = (2 - 1) / 3 * 100.
    expect(nps.n).toBe(3);
    expect(nps.value).toBeCloseTo(100 / 3, 5);
  });
});
