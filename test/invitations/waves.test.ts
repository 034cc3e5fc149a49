/**
 * E-mail waves end to end over HTTP: preview and creation through the API, planning and sending by the
 * server's own jobs through a local SMTP server, localised mails with the first question's score links,
 * the policy's skips, a bounce, an answer through a personal link linked to its contact, reminders to
 * non-responders only, and the response rate against counts made here.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithOwner, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { sendInvitationsJob } from '../../src/server/jobs/sendInvitationsJob.ts';
import {
  ResponseRateResponseSchema, WaveDetailResponseSchema, WaveListResponseSchema, WavePreviewResponseSchema, WaveResponseSchema,
} from '../../src/core/api/invitations.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';
import { buildContact, invitationRows } from './fixtures.ts';
import { mailPart, startTestSmtp, type TestSmtp } from './smtp.ts';

let server: TestServer;
let smtp: TestSmtp;
let owner: Client;
let orgId: string;
let survey: SurveyFixture;
const contacts: Record<string, string> = {};

const PUBLIC = 'https://vo.example.test';

beforeAll(async () => {
  smtp = await startTestSmtp((mail) => (mail.to === 'bounce@wave.test' ? 'permanent' : 'accept'));
  server = await startTestServer({ smtpUrl: smtp.url, publicUrl: PUBLIC });
  const built = await buildOrgWithOwner(server, 'Wave Org', 'owner@wave.test');
  orgId = built.org.orgId;
  owner = built.owner;
  survey = await buildSurvey(server.pool, orgId);
  const other = await buildSurvey(server.pool, orgId);
  await server.pool.query(`update orgs set contact_gap_days = 30 where id = $1`, [orgId]);
  contacts.en = await buildContact(server.pool, orgId, { email: 'en@wave.test', name: 'Anna', language: 'en', timeZone: 'Europe/Moscow', locationId: built.store.id });
  contacts.ru = await buildContact(server.pool, orgId, { email: 'ru@wave.test', name: 'Борис', language: 'ru' });
  contacts.fa = await buildContact(server.pool, orgId, { email: 'fa@wave.test', name: 'سارا', language: 'fa', timeZone: 'Asia/Tehran' });
  contacts.bounce = await buildContact(server.pool, orgId, { email: 'bounce@wave.test' });
  contacts.unsub = await buildContact(server.pool, orgId, { email: 'unsub@wave.test', unsubscribed: true });
  contacts.erased = await buildContact(server.pool, orgId, { erased: true });
  contacts.phoneOnly = await buildContact(server.pool, orgId, { phone: '+79990000000' });
  contacts.recent = await buildContact(server.pool, orgId, { email: 'recent@wave.test' });
  // Surveyed five days ago about another survey: inside the 30-day gap.
  await server.pool.query(
    `insert into survey_invitations(org_id, survey_id, contact_id, channel, token_hash, status, sent_at, delivered_at)
     values ($1, $2, $3, 'email', $4, 'delivered', now() - interval '5 days', now() - interval '5 days')`,
    [orgId, other.id, contacts.recent, crypto.randomBytes(16).toString('hex')],
  );
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const waveBody = () => ({
  surveyId: survey.id, name: 'March visitors', channel: 'email', audience: {}, reminderDays: [3], window: { start: '00:00', end: '24:00' },
});

describe('an e-mail wave', () => {
  let waveId: string;

  it('previews how many will be sent and why the others will not', async () => {
    const res = await owner.post('/api/v1/waves/preview', waveBody());
    expect(res.status).toBe(200);
    WavePreviewResponseSchema.parse(res.json);
    expect(res.json).toEqual({
      total: 8, toSend: 4, delayedByWindow: 0, gapDays: 30, surveyGapDays: null,
      skipped: { unsubscribed: 1, erased: 1, no_address: 1, contact_gap: 1 },
    });
  });

  it('takes the survey\'s own gap over the organisation\'s', async () => {
    // The recent contact was surveyed 5 days ago: a 3-day gap lets them through, the organisation's 30 did not.
    expect((await owner.put(`/api/v1/surveys/${survey.id}/contact-policy`, { contactGapDays: 3 })).status).toBe(200);
    expect((await owner.post('/api/v1/waves/preview', waveBody())).json).toMatchObject({ toSend: 5, gapDays: 3, surveyGapDays: 3, skipped: { unsubscribed: 1, erased: 1, no_address: 1 } });
    expect((await owner.put(`/api/v1/surveys/${survey.id}/contact-policy`, { contactGapDays: null })).json).toEqual({ contactGapDays: null });
    expect((await owner.put('/api/v1/org/contact-policy', { contactGapDays: 4 })).status).toBe(200);
    expect((await owner.post('/api/v1/waves/preview', waveBody())).json).toMatchObject({ toSend: 5, gapDays: 4 });
    expect((await owner.put('/api/v1/org/contact-policy', { contactGapDays: 30 })).json).toEqual({ contactGapDays: 30 });
    expect((await owner.get('/api/v1/org/contact-policy')).json).toEqual({ contactGapDays: 30 });
  });

  it('is planned and sent by the jobs: delivered, bounced and skipped with their reasons', async () => {
    const res = await owner.post('/api/v1/waves', waveBody());
    expect(res.status).toBe(201);
    WaveResponseSchema.parse(res.json);
    waveId = res.json.wave.id;
    await expect
      .poll(async () => (await owner.get(`/api/v1/waves/${waveId}`)).json.wave.counts, { timeout: 20_000, interval: 200 })
      .toMatchObject({ invitations: 8, pending: 0, delivered: 3, bounced: 1, skipped: 4 });
    const detail = WaveDetailResponseSchema.parse((await owner.get(`/api/v1/waves/${waveId}`)).json);
    const byContact = Object.fromEntries(detail.invitations.map((i: any) => [i.contactId, i]));
    expect(byContact[contacts.recent]).toMatchObject({ status: 'skipped', skipReason: 'contact_gap', sentAt: null });
    expect(byContact[contacts.unsub]).toMatchObject({ status: 'skipped', skipReason: 'unsubscribed' });
    expect(byContact[contacts.erased]).toMatchObject({ status: 'skipped', skipReason: 'erased' });
    expect(byContact[contacts.phoneOnly]).toMatchObject({ status: 'skipped', skipReason: 'no_address' });
    expect(byContact[contacts.bounce]).toMatchObject({ status: 'bounced', nextReminderAt: null });
    expect(byContact[contacts.en]).toMatchObject({ status: 'delivered', remindersSent: 0 });
    expect(byContact[contacts.en].nextReminderAt).not.toBeNull();
    expect(smtp.accepted.map((m) => m.to).sort()).toEqual(['en@wave.test', 'fa@wave.test', 'ru@wave.test']);
    expect(smtp.arrived.filter((m) => m.to === 'bounce@wave.test')).toHaveLength(1);
  });

  it('writes each contact in their language, HTML right to left in Persian, with score links and an opt-out link', async () => {
    const mail = (to: string) => smtp.accepted.find((m) => m.to === to)!;
    const en = mail('en@wave.test');
    expect(en.raw).toMatch(/^subject: Your visit\r?$/im);
    const enText = mailPart(en.raw, 'text/plain');
    expect(enText).toContain('Hello, Anna!');
    expect(enText).toContain('How likely are you to recommend us to a friend?');
    const links = [...enText.matchAll(new RegExp(`${PUBLIC}/i/([A-Za-z0-9_-]{43})\\?s=(\\d+)`, 'g'))];
    expect(links.map((l) => Number(l[2]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(links.map((l) => l[1])).size).toBe(1);
    // The contact's own opt-out link (the contacts directory's /u/:token page), in their language.
    const { rows: [{ unsubscribe_token: unsub }] } = await server.pool.query(`select unsubscribe_token from contacts where id = $1`, [contacts.en]);
    expect(enText).toContain(`${PUBLIC}/u/${unsub}?lang=en`);
    expect(en.raw).toMatch(new RegExp(`^list-unsubscribe:\\s+<${PUBLIC}/u/${unsub}\\?lang=en>`, 'im'));

    const ruText = mailPart(mail('ru@wave.test').raw, 'text/plain');
    expect(ruText).toContain('Здравствуйте, Борис!');
    expect(ruText).toContain('Насколько вероятно, что вы порекомендуете нас другу?');
    const faHtml = mailPart(mail('fa@wave.test').raw, 'text/html');
    expect(faHtml).toContain('<html lang="fa" dir="rtl">');
    expect(faHtml).toContain('چقدر احتمال دارد ما را به یک دوست توصیه کنید؟');
    // Persian digits on the score buttons, the link's score in ASCII.
    expect(faHtml).toMatch(/\?s=9" [^>]*>۹<\/a>/);
  });

  it('opens the survey from a score link with that score chosen, and links the answer to the contact', async () => {
    const enText = mailPart(smtp.accepted.find((m) => m.to === 'en@wave.test')!.raw, 'text/plain');
    const link = enText.match(new RegExp(`${PUBLIC}(/i/[A-Za-z0-9_-]{43})\\?s=9`))![1];
    const page = await fetch(`${server.baseUrl}${link}?s=9`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<input type="radio" name="q_nps" value="9" checked/);
    expect(html).not.toMatch(/value="8" checked/);
    const token = link.slice(3);
    expect(html).toContain(`<input type="hidden" name="_inv" value="${token}">`);
    // Nothing asks who the respondent is: the form carries the token only.
    expect(html).not.toContain('en@wave.test');

    const k = crypto.randomBytes(12).toString('base64url');
    const post = await fetch(`${server.baseUrl}/s/${survey.slug}`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _k: k, _lang: 'en', _inv: token, _channel: 'link', q_nps: '9' }).toString(),
    });
    expect(post.status).toBe(303);
    const { rows } = await server.pool.query(`select id, contact_id, invitation_id, channel, location_id from responses where org_id = $1 and idempotency_key = $2`, [orgId, k]);
    expect(rows).toHaveLength(1);
    const inv = (await invitationRows(server.pool, orgId, waveId)).find((r) => r.email === 'en@wave.test');
    expect(rows[0]).toMatchObject({ contact_id: contacts.en, invitation_id: inv.id, channel: 'email' });
    expect(inv.responded_at).not.toBeNull();
    expect(inv.response_id).toBe(rows[0].id);
    expect(inv.next_reminder_at).toBeNull();
    // The contact's store becomes the answer's location.
    const { rows: store } = await server.pool.query(`select location_id from contacts where id = $1`, [contacts.en]);
    expect(rows[0].location_id).toBe(store[0].location_id);
    // The link again: answered already, so the thank-you page, not a second form.
    const again = await (await fetch(`${server.baseUrl}${link}?s=3`)).text();
    expect(again).not.toContain('name="_inv"');
    expect(again).toContain('Thanks for helping us improve.');
  });

  it('a token of another survey, or a forged one, leaves the answer anonymous', async () => {
    const k = crypto.randomBytes(12).toString('base64url');
    const res = await fetch(`${server.baseUrl}/s/${survey.slug}`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _k: k, _lang: 'en', _inv: 'x'.repeat(43), q_nps: '3' }).toString(),
    });
    expect(res.status).toBe(303);
    const { rows } = await server.pool.query(`select contact_id, invitation_id from responses where org_id = $1 and idempotency_key = $2`, [orgId, k]);
    expect(rows).toEqual([{ contact_id: null, invitation_id: null }]);
    expect((await fetch(`${server.baseUrl}/i/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('reminds only those who did not answer, in their language', async () => {
    // Three days pass: the reminders fall due.
    await server.pool.query(`update survey_invitations set next_reminder_at = now() - interval '1 second' where org_id = $1 and wave_id = $2 and next_reminder_at is not null`, [orgId, waveId]);
    const due = await server.pool.query(`select count(*)::int as n from survey_invitations where org_id = $1 and wave_id = $2 and next_reminder_at is not null`, [orgId, waveId]);
    expect(due.rows[0].n).toBe(2);
    await server.app.jobs.send(sendInvitationsJob, {});
    await expect
      .poll(async () => (await invitationRows(server.pool, orgId, waveId)).filter((r) => r.reminders_sent === 1).map((r) => r.email).sort(), { timeout: 20_000, interval: 200 })
      .toEqual(['fa@wave.test', 'ru@wave.test']);
    const perAddress = (to: string) => smtp.accepted.filter((m) => m.to === to);
    expect(perAddress('en@wave.test')).toHaveLength(1);
    expect(perAddress('ru@wave.test')).toHaveLength(2);
    expect(perAddress('ru@wave.test')[1].raw).toMatch(/^subject: =\?UTF-8\?/im);
    expect(mailPart(perAddress('ru@wave.test')[1].raw, 'text/plain')).toContain('Ответить ещё не поздно');
    expect(mailPart(perAddress('fa@wave.test')[1].raw, 'text/plain')).toContain('هنوز فرصت پاسخ دادن هست');
    // The reminder is another message (its own Message-ID), with the same personal link.
    expect(perAddress('ru@wave.test')[1].messageId).not.toBe(perAddress('ru@wave.test')[0].messageId);
    const linkOf = (raw: string) => mailPart(raw, 'text/plain').match(/\/i\/([A-Za-z0-9_-]{43})/)![1];
    expect(linkOf(perAddress('ru@wave.test')[1].raw)).toBe(linkOf(perAddress('ru@wave.test')[0].raw));
    // One reminder configured: none is due any more.
    const rows = await invitationRows(server.pool, orgId, waveId);
    expect(rows.every((r) => r.next_reminder_at === null)).toBe(true);
  });

  it('reports the response rate per wave and per channel: responses / delivered, bounces excluded', async () => {
    const rows = await invitationRows(server.pool, orgId, waveId);
    const delivered = rows.filter((r) => r.status === 'delivered');
    const answered = delivered.filter((r) => r.responded_at !== null);
    expect([delivered.length, answered.length]).toEqual([3, 1]);
    const rate = ResponseRateResponseSchema.parse((await owner.get(`/api/v1/surveys/${survey.id}/response-rate`)).json);
    expect(rate.total).toMatchObject({ invitations: 8, delivered: 3, bounced: 1, skipped: 4, responses: 1, remindersSent: 2, responseRate: answered.length / delivered.length });
    expect(rate.byChannel).toEqual([{ channel: 'email', counts: rate.total }]);
    expect(rate.byWave).toEqual([{ waveId, name: 'March visitors', counts: rate.total }]);
    const list = WaveListResponseSchema.parse((await owner.get('/api/v1/waves')).json);
    expect(list.channels).toEqual(['email']);
    expect(list.waves[0]).toMatchObject({ id: waveId, status: 'planned', reminderDays: [3], window: { start: '00:00', end: '24:00' } });
    expect(list.waves[0].counts.responseRate).toBeCloseTo(1 / 3, 10);
    expect(list.waves[0].counts.opened).toBe(1);
  });
});

describe('a user limited to one store', () => {
  it('reaches only the contacts of that store, and sees only them', async () => {
    const { rows } = await server.pool.query(`select location_id from contacts where id = $1`, [contacts.en]);
    await buildUser(server.pool, orgId, 'analyst', 'analyst@wave.test', [rows[0].location_id]);
    const analyst = await signIn(server.baseUrl, 'analyst@wave.test');
    // Of the eight contacts only Anna is at the store, and she answered this survey today (30-day gap).
    expect((await analyst.post('/api/v1/waves/preview', waveBody())).json).toMatchObject({ total: 1, toSend: 0, skipped: { contact_gap: 1 } });
    const waveId = (await owner.get('/api/v1/waves')).json.waves.find((w: any) => w.name === 'March visitors').id;
    const detail = (await analyst.get(`/api/v1/waves/${waveId}`)).json;
    expect(detail.invitations.map((i: any) => i.contact)).toEqual(['en@wave.test']);
    expect(detail.wave.counts.invitations).toBe(1);
  });
});

describe('a bounce that comes back later (DSN)', () => {
  it('marks the delivered invitation it names bounced, and only for a permanent failure', async () => {
    const original = smtp.accepted.find((m) => m.to === 'fa@wave.test')!;
    const report = (action: string, status: string) =>
      `From: MAILER-DAEMON@mx.example\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n--b\r\n` +
      `Content-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; fa@wave.test\r\nAction: ${action}\r\nStatus: ${status}\r\n` +
      `--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: ${original.messageId}\r\n--b--\r\n`;
    const delayed = await owner.post('/api/v1/waves/bounces', { message: report('delayed', '4.4.7') });
    expect(delayed.json).toEqual({ failed: false, status: null, bounced: [] });
    const res = await owner.post('/api/v1/waves/bounces', { message: report('failed', '5.1.1') });
    const inv = (await server.pool.query(`select id, status, last_error from survey_invitations where org_id = $1 and contact_id = $2`, [orgId, contacts.fa])).rows[0];
    expect(res.json).toEqual({ failed: true, status: '5.1.1', bounced: [inv.id] });
    expect(inv).toMatchObject({ status: 'bounced', last_error: 'DSN 5.1.1' });
    // Twice is once.
    expect((await owner.post('/api/v1/waves/bounces', { message: report('failed', '5.1.1') })).json.bounced).toEqual([]);
  });
});

describe('send windows', () => {
  it('holds an invitation until its window opens in the contact\'s zone', async () => {
    const contact = await buildContact(server.pool, orgId, { email: 'night@wave.test', timeZone: 'UTC' });
    await server.pool.query(`update orgs set contact_gap_days = 0 where id = $1`, [orgId]);
    // A one-hour window two hours from now (UTC): closed now, opening at the next HH+2:00.
    const now = new Date();
    const startHour = (now.getUTCHours() + 2) % 24;
    const opening = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), startHour));
    if (opening <= now) opening.setUTCDate(opening.getUTCDate() + 1);
    const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
    const res = await owner.post('/api/v1/waves', {
      ...waveBody(), name: 'Night', audience: { contactIds: [contact] }, window: { start: hh(startHour), end: hh((startHour + 1) % 24) },
    });
    expect(res.status).toBe(201);
    const waveId = res.json.wave.id;
    await expect.poll(async () => (await invitationRows(server.pool, orgId, waveId)).length, { timeout: 20_000, interval: 200 }).toBe(1);
    const [row] = await invitationRows(server.pool, orgId, waveId);
    expect(row.status).toBe('queued');
    expect(row.send_after.toISOString()).toBe(opening.toISOString());
    await server.pool.query(`update orgs set contact_gap_days = 30 where id = $1`, [orgId]);
  });
});
