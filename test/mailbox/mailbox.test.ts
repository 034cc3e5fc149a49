/**
 * The feedback mailbox end to end against a real IMAP server (a private Dovecot, test/helpers/dovecot.ts):
 * settings through the API (password sealed, never returned), letters read by the job exactly once, a negative
 * letter opening a case for the store's manager, replies threading to their case, auto-replies skipped, clear
 * problems for a wrong password / a missing folder / a closed port, a new UIDVALIDITY read again without
 * duplicates, and letters scoped to a location manager's stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { startDovecot, type TestImapServer } from '../helpers/dovecot.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { readMailbox } from '../../src/server/cases/mailbox/readMailbox.ts';
import { freePort } from '../../src/db/connection.ts';
import { FeedbackMailboxTestAnswerSchema, FeedbackMailboxViewSchema, FeedbackMessagesAnswerSchema } from '../../src/core/api/feedbackMailbox.ts';

const FEEDBACK = { user: 'feedback', pass: 'mailbox-secret-1' };
const OTHER = { user: 'renumbered', pass: 'mailbox-secret-2' };

let server: TestServer;
let imap: TestImapServer;
let owner: Client;
let manager: Client;
let otherManager: Client;
let orgId: string;
let storeId: string;
let managerId: string;
let previousSecret: string | undefined;

interface Letter {
  id?: string | null;
  from?: string;
  to?: string;
  subject: string;
  body: string;
  headers?: Record<string, string>;
  contentType?: string;
}

function letter(l: Letter): string {
  const lines = [
    `From: ${l.from ?? 'Anna Petrova <anna@example.com>'}`,
    `To: ${l.to ?? 'feedback@shop.example'}`,
    `Subject: ${l.subject}`,
    'Date: Mon, 30 Nov 2026 10:00:00 +0000',
    ...(l.id === null ? [] : [`Message-ID: ${l.id ?? `<${Math.random().toString(36).slice(2)}@example.com>`}`]),
    'MIME-Version: 1.0',
    `Content-Type: ${l.contentType ?? 'text/plain; charset=utf-8'}`,
    'Content-Transfer-Encoding: 8bit',
    ...Object.entries(l.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    '',
    l.body,
  ];
  return lines.join('\r\n');
}

const settings = (over: Record<string, unknown> = {}) => ({
  address: 'feedback@shop.example', host: '127.0.0.1', port: imap.port, secure: false, username: FEEDBACK.user,
  password: FEEDBACK.pass, folder: 'INBOX', enabled: true, openCases: 'negative', casePriority: 'high', ...over,
});

const count = async (sql: string, params: unknown[]) => Number((await server.pool.query(sql, params)).rows[0].n);
/** No read of the organisation's mailbox waits or runs, and the sweep queues none: the test's own reads are the only ones. */
async function quiet(org: string) {
  await server.pool.query(`update feedback_mailboxes set next_attempt_at = '2999-01-01' where org_id = $1`, [org]);
  await waitFor(
    async () => (await count(`select count(*)::int as n from pgboss.job where name = 'read-feedback-mailbox' and data->>'orgId' = $1 and state in ('created', 'retry', 'active')`, [org])) === 0,
    'queued mailbox reads to finish',
  );
}
const messages = () => count(`select count(*)::int as n from feedback_messages where org_id = $1`, [orgId]);

beforeAll(async () => {
  previousSecret = process.env.SARAFAN_SECRET;
  process.env.SARAFAN_SECRET = 'mailbox-test-server-secret';
  [server, imap] = await Promise.all([startTestServer(), startDovecot([FEEDBACK, OTHER])]);
  const org = await buildOrg(server.pool, 'Mailbox Org');
  orgId = org.orgId;
  const root = { id: org.rootLocationId, path: org.rootPath };
  const store = await buildLocation(server.pool, orgId, root, 'store', 'Tverskaya');
  const other = await buildLocation(server.pool, orgId, root, 'store', 'Arbat');
  storeId = store.id;
  await server.pool.query(`update locations set code = 'M-01' where org_id = $1 and id = $2`, [orgId, store.id]);
  await server.pool.query(`update locations set code = 'M-02' where org_id = $1 and id = $2`, [orgId, other.id]);
  await buildUser(server.pool, orgId, 'owner', 'owner@mailbox.test');
  managerId = await buildUser(server.pool, orgId, 'location_manager', 'manager@mailbox.test', [store.id]);
  await buildUser(server.pool, orgId, 'location_manager', 'other@mailbox.test', [other.id]);
  owner = await signIn(server.baseUrl, 'owner@mailbox.test');
  manager = await signIn(server.baseUrl, 'manager@mailbox.test');
  otherManager = await signIn(server.baseUrl, 'other@mailbox.test');
}, 60_000);

afterAll(async () => {
  await Promise.all([server?.close(), imap?.stop()]);
  if (previousSecret === undefined) delete process.env.SARAFAN_SECRET;
  else process.env.SARAFAN_SECRET = previousSecret;
});

describe('the feedback mailbox', () => {
  it('needs a password the first time and names the field', async () => {
    const res = await owner.put('/api/v1/org/feedback-mailbox', settings({ password: '' }));
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/^password:/);
    const bad = await owner.put('/api/v1/org/feedback-mailbox', settings({ address: 'not an address' }));
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/address/);
  });

  it('is configured by an owner, not by a location manager', async () => {
    expect((await manager.get('/api/v1/org/feedback-mailbox')).status).toBe(403);
    expect((await manager.put('/api/v1/org/feedback-mailbox', settings())).status).toBe(403);
    expect((await manager.post('/api/v1/org/feedback-mailbox/test')).status).toBe(403);
  });

  it('reads new letters after the settings are saved: stores each once, opens a case for a negative one, skips auto-replies', async () => {
    await imap.append(FEEDBACK, letter({ id: '<neg-1@example.com>', subject: '[M-01] Жалоба на кассира', body: 'Ужасное обслуживание. Кассир нагрубил, очень плохо, больше не приду.' }));
    await imap.append(FEEDBACK, letter({ id: '<pos-1@example.com>', from: 'Bob <bob@example.com>', subject: 'Thanks', body: 'Great store, friendly staff, excellent coffee. Thank you!' }));
    await imap.append(FEEDBACK, letter({ id: '<auto-1@example.com>', subject: 'Out of office', body: 'I am away until Monday.', headers: { 'Auto-Submitted': 'auto-replied' } }));
    await imap.append(FEEDBACK, letter({ id: '<bounce-1@example.com>', from: 'MAILER-DAEMON@mx.example.com', subject: 'Undelivered Mail Returned to Sender', body: 'delivery failed' }));

    const res = await owner.put('/api/v1/org/feedback-mailbox', settings());
    expect(res.status).toBe(200);
    expect(res.json.hasPassword).toBe(true);
    expect(JSON.stringify(res.json)).not.toContain(FEEDBACK.pass);
    const stored = (await server.pool.query(`select password from feedback_mailboxes where org_id = $1`, [orgId])).rows[0].password as string;
    expect(stored.startsWith('v1:')).toBe(true);
    expect(stored).not.toContain(FEEDBACK.pass);

    // The save queued a read: wait for its status.
    await waitFor(async () => (await owner.get('/api/v1/org/feedback-mailbox')).json.lastSuccessAt !== null, 'the first read');
    const view = FeedbackMailboxViewSchema.parse((await owner.get('/api/v1/org/feedback-mailbox')).json);
    expect(view).toMatchObject({ lettersRead: 2, lettersSkipped: 2, lastError: null });

    const rows = (await server.pool.query(
      `select message_id, kind, sentiment, location_id, case_id, from_address, language from feedback_messages where org_id = $1 order by message_id`, [orgId],
    )).rows;
    expect(rows.map((r) => r.message_id)).toEqual(['<neg-1@example.com>', '<pos-1@example.com>']);
    const [neg, pos] = rows;
    expect(neg).toMatchObject({ kind: 'feedback', sentiment: 'negative', location_id: storeId, language: 'ru' });
    expect(pos).toMatchObject({ kind: 'feedback', sentiment: 'positive', location_id: null, case_id: null });
    expect(neg.case_id).not.toBeNull();
    const c = (await server.pool.query(`select * from cases where org_id = $1 and id = $2`, [orgId, neg.case_id])).rows[0];
    expect(c).toMatchObject({
      channel: 'email', source_kind: 'feedback_message', priority: 'high', owner_user_id: managerId, location_id: storeId,
      customer_email: 'anna@example.com', customer_name: 'Anna Petrova', title: 'Жалоба на кассира',
    });
    expect(await count(`select count(*)::int as n from notifications where org_id = $1 and user_id = $2 and kind = 'case_assigned' and case_id = $3`, [orgId, managerId, neg.case_id])).toBe(1);
  });

  it('stores a letter once however often the job runs, even from the first UID again', async () => {
    await quiet(orgId);
    const before = await messages();
    const again = await readMailbox(server.pool, orgId);
    expect(again).toMatchObject({ ran: true, stored: 0, duplicates: 0, problem: null });
    await server.pool.query(`update feedback_mailboxes set last_uid = 0 where org_id = $1`, [orgId]);
    const fromStart = await readMailbox(server.pool, orgId);
    expect(fromStart).toMatchObject({ stored: 0, duplicates: 2, skipped: 2, cases: 0 });
    expect(await messages()).toBe(before);
    expect(await count(`select count(*)::int as n from cases where org_id = $1`, [orgId])).toBe(1);
  });

  it('threads an answer to the case it replies to (In-Reply-To): reply_received, back in progress, owner notified', async () => {
    const caseRow = (await server.pool.query(`select id, number from cases where org_id = $1`, [orgId])).rows[0];
    const sentId = `<case-${caseRow.id}-reply@sarafan.test>`;
    await server.pool.query(
      `insert into case_events(org_id, case_id, kind, body, message_id, at) values ($1, $2, 'reply_sent', '{}', $3, now() - interval '1 hour')`,
      [orgId, caseRow.id, sentId],
    );
    await server.pool.query(`update cases set status = 'waiting_customer' where org_id = $1 and id = $2`, [orgId, caseRow.id]);
    await imap.append(FEEDBACK, letter({
      id: '<answer-1@example.com>', subject: `Re: [#${caseRow.number}] Жалоба на кассира`,
      body: 'Спасибо, извинения приняты.\r\n\r\n30 нояб. 2026 г., 12:00, Магазин <care@shop.example> написал:\r\n> Приносим извинения',
      headers: { 'In-Reply-To': sentId, References: sentId },
    }));
    const run = await readMailbox(server.pool, orgId);
    expect(run).toMatchObject({ replies: 1, stored: 0 });
    const ev = (await server.pool.query(`select body, message_id from case_events where org_id = $1 and case_id = $2 and kind = 'reply_received'`, [orgId, caseRow.id])).rows;
    expect(ev).toHaveLength(1);
    expect(ev[0].message_id).toBe('<answer-1@example.com>');
    expect(ev[0].body).toMatchObject({ text: 'Спасибо, извинения приняты.', from: 'anna@example.com', subject: `Re: [#${caseRow.number}] Жалоба на кассира` });
    expect((await server.pool.query(`select status from cases where org_id = $1 and id = $2`, [orgId, caseRow.id])).rows[0].status).toBe('in_progress');
    expect(await count(`select count(*)::int as n from notifications where org_id = $1 and user_id = $2 and kind = 'reply_received' and case_id = $3`, [orgId, managerId, caseRow.id])).toBe(1);
    const stored = (await server.pool.query(`select kind, case_id from feedback_messages where org_id = $1 and message_id = '<answer-1@example.com>'`, [orgId])).rows[0];
    expect(stored).toEqual({ kind: 'reply', case_id: caseRow.id });

    // Read again from the start: still one event.
    await server.pool.query(`update feedback_mailboxes set last_uid = 0 where org_id = $1`, [orgId]);
    await readMailbox(server.pool, orgId);
    expect(await count(`select count(*)::int as n from case_events where org_id = $1 and case_id = $2 and kind = 'reply_received'`, [orgId, caseRow.id])).toBe(1);
  });

  it('threads a [#n] subject only from the case customer; another sender makes a new item', async () => {
    const caseRow = (await server.pool.query(`select id, number from cases where org_id = $1`, [orgId])).rows[0];
    await imap.append(FEEDBACK, letter({ id: '<answer-2@example.com>', subject: `Re: [#${caseRow.number}] still waiting`, body: 'Any news?' }));
    await imap.append(FEEDBACK, letter({ id: '<stranger-1@example.com>', from: 'eve@example.com', subject: `[#${caseRow.number}] hello`, body: 'Where is my parcel?' }));
    const run = await readMailbox(server.pool, orgId);
    expect(run).toMatchObject({ replies: 1, stored: 1 });
    const kinds = (await server.pool.query(
      `select message_id, kind, case_id from feedback_messages where org_id = $1 and message_id in ('<answer-2@example.com>', '<stranger-1@example.com>') order by message_id`, [orgId],
    )).rows;
    expect(kinds).toEqual([
      { message_id: '<answer-2@example.com>', kind: 'reply', case_id: caseRow.id },
      { message_id: '<stranger-1@example.com>', kind: 'feedback', case_id: null },
    ]);
  });

  it('turns an HTML-only letter into text, keeps a letter without Message-ID once, and stores a huge one without its body', async () => {
    await imap.append(FEEDBACK, letter({
      id: '<html-1@example.com>', subject: 'HTML', contentType: 'text/html; charset=utf-8',
      body: '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>The <b>queue</b> was long</p></body></html>',
    }));
    await imap.append(FEEDBACK, letter({ id: null, from: 'noid@example.com', subject: 'No id', body: 'A letter without a Message-ID header.' }));
    await imap.append(FEEDBACK, letter({ id: '<huge-1@example.com>', subject: 'Photos', body: 'x'.repeat(5 * 1024 * 1024 + 10) }));
    const run = await readMailbox(server.pool, orgId);
    expect(run).toMatchObject({ stored: 3, problem: null });
    const html = (await server.pool.query(`select body from feedback_messages where org_id = $1 and message_id = '<html-1@example.com>'`, [orgId])).rows[0].body;
    expect(html).toContain('The queue was long');
    expect(html).not.toMatch(/<|alert|color:red/);
    const huge = (await server.pool.query(`select body, note from feedback_messages where org_id = $1 and message_id = '<huge-1@example.com>'`, [orgId])).rows[0];
    expect(huge).toEqual({ body: '', note: 'too_large' });

    await server.pool.query(`update feedback_mailboxes set last_uid = 0 where org_id = $1`, [orgId]);
    await readMailbox(server.pool, orgId);
    expect(await count(`select count(*)::int as n from feedback_messages where org_id = $1 and from_address = 'noid@example.com'`, [orgId])).toBe(1);
  }, 60_000);

  it('decodes a declared legacy charset and drops the broken bytes of a bad encoding; counts attachments without keeping them', async () => {
    const head = (id: string, charset: string, subject: string) => Buffer.from([
      'From: koi@example.com', 'To: feedback@shop.example', `Subject: ${subject}`, 'Date: Mon, 30 Nov 2026 10:00:00 +0000', `Message-ID: ${id}`,
      'MIME-Version: 1.0', `Content-Type: text/plain; charset=${charset}`, 'Content-Transfer-Encoding: 8bit', '', '',
    ].join('\r\n'));
    // "Привет" in KOI8-R, and UTF-8 text with a stray 0xFF byte in the middle.
    await imap.append(FEEDBACK, Buffer.concat([head('<koi-1@example.com>', 'koi8-r', 'KOI8'), Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4])]));
    await imap.append(FEEDBACK, Buffer.concat([head('<bad-1@example.com>', 'utf-8', 'Broken'), Buffer.from('ab'), Buffer.from([0xff]), Buffer.from('cd')]));
    await imap.append(FEEDBACK, [
      'From: att@example.com', 'To: feedback@shop.example', 'Subject: With a photo', 'Message-ID: <att-1@example.com>', 'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'See the photo.', '--b1',
      'Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="a.png"', '', 'iVBORw0KGgo=', '--b1--', '',
    ].join('\r\n'));
    await readMailbox(server.pool, orgId);
    const body = async (id: string) => (await server.pool.query(`select body, attachments from feedback_messages where org_id = $1 and message_id = $2`, [orgId, id])).rows[0];
    expect(await body('<koi-1@example.com>')).toEqual({ body: 'Привет', attachments: 0 });
    expect(await body('<bad-1@example.com>')).toEqual({ body: 'abcd', attachments: 0 });
    expect(await body('<att-1@example.com>')).toEqual({ body: 'See the photo.', attachments: 1 });
  });

  it('lists letters by scope: a store manager sees their store only', async () => {
    const all = FeedbackMessagesAnswerSchema.parse((await owner.get('/api/v1/feedback-messages')).json);
    expect(all.total).toBe(await messages());
    const mine = (await manager.get('/api/v1/feedback-messages')).json;
    expect(mine.items.map((m: { subject: string }) => m.subject)).toEqual(['[M-01] Жалоба на кассира']);
    expect(mine.items[0]).toMatchObject({ sentiment: 'negative', location: { id: storeId, name: 'Tverskaya' }, case: { status: 'in_progress' } });
    expect((await otherManager.get('/api/v1/feedback-messages')).json).toMatchObject({ items: [], total: 0 });
    const replies = (await owner.get('/api/v1/feedback-messages?kind=reply')).json;
    expect(replies.total).toBe(2);
    expect((await owner.get('/api/v1/feedback-messages?kind=bogus')).status).toBe(400);
  });

  it('reports a wrong password, a missing folder and a closed port clearly', async () => {
    await owner.put('/api/v1/org/feedback-mailbox', settings({ password: 'wrong-password' }));
    const wrong = FeedbackMailboxTestAnswerSchema.parse((await owner.post('/api/v1/org/feedback-mailbox/test')).json);
    expect(wrong).toMatchObject({ ok: false, problem: 'auth_failed' });
    expect(wrong.message).toMatch(/user name or password/);
    await quiet(orgId);
    const run = await readMailbox(server.pool, orgId);
    expect(run).toMatchObject({ ran: true, problem: 'auth_failed' });
    const view = (await owner.get('/api/v1/org/feedback-mailbox')).json;
    expect(view.lastError).toBe('auth_failed');
    expect(view.nextAttemptAt).not.toBeNull();

    // An empty password keeps the stored (wrong) one; the folder change is reported.
    await owner.put('/api/v1/org/feedback-mailbox', settings({ password: FEEDBACK.pass, folder: 'Missing' }));
    expect((await owner.post('/api/v1/org/feedback-mailbox/test')).json).toMatchObject({ ok: false, problem: 'folder_missing' });

    const closed = await freePort();
    await owner.put('/api/v1/org/feedback-mailbox', settings({ port: closed, password: '' }));
    expect((await owner.post('/api/v1/org/feedback-mailbox/test')).json).toMatchObject({ ok: false, problem: 'cannot_connect' });

    await owner.put('/api/v1/org/feedback-mailbox', settings({ password: '' }));
    expect((await owner.post('/api/v1/org/feedback-mailbox/test')).json).toMatchObject({ ok: true, problem: null });
  }, 60_000);

  it('reads a renumbered folder (new UIDVALIDITY) again without duplicates', async () => {
    const other = await buildOrg(server.pool, 'Renumbered Org');
    await buildUser(server.pool, other.orgId, 'owner', 'owner@renumbered.test');
    const client = await signIn(server.baseUrl, 'owner@renumbered.test');
    await imap.createFolder(OTHER, 'Feedback');
    const a = letter({ id: '<uv-a@example.com>', subject: 'A', body: 'First letter.' });
    const b = letter({ id: '<uv-b@example.com>', subject: 'B', body: 'Second letter.' });
    await imap.append(OTHER, a, 'Feedback');
    await imap.append(OTHER, b, 'Feedback');
    // Saved disabled (no read queued), then enabled with the sweep held off: this test's reads are the only ones.
    const saved = await client.put('/api/v1/org/feedback-mailbox', settings({ username: OTHER.user, password: OTHER.pass, folder: 'Feedback', openCases: 'none', enabled: false }));
    expect(saved.status).toBe(200);
    await server.pool.query(`update feedback_mailboxes set enabled = true where org_id = $1`, [other.orgId]);
    await quiet(other.orgId);
    expect(await readMailbox(server.pool, other.orgId)).toMatchObject({ stored: 2 });
    const first = (await server.pool.query(`select uid_validity::text as v from feedback_mailboxes where org_id = $1`, [other.orgId])).rows[0].v;
    expect(await count(`select count(*)::int as n from feedback_messages where org_id = $1`, [other.orgId])).toBe(2);

    await imap.deleteFolder(OTHER, 'Feedback');
    await imap.createFolder(OTHER, 'Feedback');
    await imap.append(OTHER, a, 'Feedback');
    await imap.append(OTHER, b, 'Feedback');
    await imap.append(OTHER, letter({ id: '<uv-c@example.com>', subject: 'C', body: 'Third letter.' }), 'Feedback');
    const run = await readMailbox(server.pool, other.orgId);
    expect(run).toMatchObject({ stored: 1, duplicates: 2, cases: 0 });
    const after = (await server.pool.query(`select uid_validity::text as v, last_uid::int as u from feedback_mailboxes where org_id = $1`, [other.orgId])).rows[0];
    expect(after.v).not.toBe(first);
    expect(after.u).toBe(3);
    expect(await count(`select count(*)::int as n from feedback_messages where org_id = $1`, [other.orgId])).toBe(3);
  }, 60_000);
});
