/**
 * The cases API over HTTP on real PostgreSQL: the complaints book, routing to the store manager, scoping
 * (another store's manager gets 404 and an empty list), bulk all-or-nothing, a reply through a local SMTP
 * server with its Message-ID, [#n] subject and Reply-To, compensation limits, resolving with a root cause,
 * @mentions, the first action, filters, and API keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { startTestSmtp, type TestSmtp } from '../invitations/smtp.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { caseByMessageId } from '../../src/db/cases/updateCase.ts';

let server: TestServer;
let smtp: TestSmtp;
let clock = new Date('2026-11-30T10:00:00.000Z');
const at = (iso: string) => (clock = new Date(iso));

let orgId: string;
let storeA: { id: string; path: string };
let storeB: { id: string; path: string };
let ids: { owner: string; managerA: string; managerB: string; analyst: string };
let owner: Client;
let managerA: Client;
let managerB: Client;
let analyst: Client;

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startTestServer({ smtpUrl: smtp.url, publicUrl: 'https://cx.shop.example', now: () => clock });
  const org = await buildOrg(server.pool, 'Cases Org');
  orgId = org.orgId;
  const region = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'North');
  storeA = await buildLocation(server.pool, orgId, region, 'store', 'Store A');
  storeB = await buildLocation(server.pool, orgId, region, 'store', 'Store B');
  ids = {
    owner: await buildUser(server.pool, orgId, 'owner', 'boss@cases.test'),
    managerA: await buildUser(server.pool, orgId, 'location_manager', 'anna@cases.test', [storeA.id]),
    managerB: await buildUser(server.pool, orgId, 'location_manager', 'boris@cases.test', [storeB.id]),
    analyst: await buildUser(server.pool, orgId, 'analyst', 'reza.k@cases.test'),
  };
  owner = await signIn(server.baseUrl, 'boss@cases.test');
  managerA = await signIn(server.baseUrl, 'anna@cases.test');
  managerB = await signIn(server.baseUrl, 'boris@cases.test');
  analyst = await signIn(server.baseUrl, 'reza.k@cases.test');
  await server.pool.query(
    `insert into feedback_mailboxes(org_id, address, host, port, username, password) values ($1, 'feedback@shop.example', '127.0.0.1', 993, 'u', 'p')`,
    [orgId],
  );
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function newCase(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/cases', { channel: 'phone', title: 'Charged twice', ...body });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; number: number };
}

describe('the complaints book', () => {
  it('records a claim by hand, routed to the store manager, due in 16 hours (normal, no business hours)', async () => {
    at('2026-11-30T10:00:00.000Z');
    const c = await newCase(owner, { locationId: storeA.id, customerName: 'Maria', customerEmail: 'maria@example.com', description: 'Called at 13:00' });
    expect(c.number).toBe(1);
    const got = await owner.get(`/api/v1/cases/${c.id}`);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({
      number: 1, status: 'new', priority: 'normal', channel: 'phone', customerName: 'Maria', customerEmail: 'maria@example.com',
      location: { id: storeA.id, name: 'Store A' }, owner: { id: ids.managerA }, dueAt: '2026-12-01T02:00:00.000Z', overdue: false,
      firstActionAt: null, source: null,
    });
    expect(got.json.events.map((e: any) => e.kind)).toEqual(['created']);
    const n = await server.pool.query(`select user_id, kind from notifications where org_id = $1 and case_id = $2`, [orgId, c.id]);
    expect(n.rows).toEqual([{ user_id: ids.managerA, kind: 'case_assigned' }]);
  });

  it('refuses bad input with the field named', async () => {
    const noTitle = await owner.post('/api/v1/cases', { channel: 'phone', title: '' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.json.message).toMatch(/^title:/);
    const survey = await owner.post('/api/v1/cases', { channel: 'survey', title: 'x' });
    expect(survey.status).toBe(400);
    expect(survey.json.message).toMatch(/^channel:/);
    const mail = await owner.post('/api/v1/cases', { channel: 'letter', title: 'x', customerEmail: 'not-an-address' });
    expect(mail.status).toBe(400);
    expect(mail.json.message).toMatch(/^customerEmail:/);
    // a store manager must say which of their stores, and cannot file for another one
    expect((await managerA.post('/api/v1/cases', { channel: 'phone', title: 'x' })).json.message).toMatch(/^locationId:/);
    const foreign = await managerA.post('/api/v1/cases', { channel: 'phone', title: 'x', locationId: storeB.id });
    expect(foreign.status).toBe(400);
    expect(foreign.json.message).toMatch(/^locationId:/);
  });
});

describe('scoping', () => {
  it("another store's manager gets 404 everywhere and an empty list; the own manager sees it", async () => {
    at('2026-11-30T11:00:00.000Z');
    const c = await newCase(owner, { locationId: storeA.id, title: 'Rude cashier', customerEmail: 'ivan@example.com' });
    expect((await managerB.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
    expect((await managerB.patch(`/api/v1/cases/${c.id}`, { priority: 'high' })).status).toBe(404);
    expect((await managerB.post(`/api/v1/cases/${c.id}/notes`, { text: 'mine now' })).status).toBe(404);
    expect((await managerB.post(`/api/v1/cases/${c.id}/replies`, { text: 'hello' })).status).toBe(404);
    expect((await managerB.post(`/api/v1/cases/${c.id}/resolve`, { rootCauseId: null })).status).toBe(404);
    expect((await managerB.post(`/api/v1/cases/${c.id}/compensations`, { amount: 1 })).status).toBe(404);
    const listB = await managerB.get('/api/v1/cases');
    expect(listB.status).toBe(200);
    expect(listB.json.items.map((i: any) => i.id)).not.toContain(c.id);
    expect(listB.json.total).toBe(0);
    expect(listB.json.counts).toEqual({});
    const listA = await managerA.get('/api/v1/cases');
    expect(listA.json.items.map((i: any) => i.id)).toContain(c.id);
    // nothing was written by the refused calls
    const events = await server.pool.query(`select kind from case_events where org_id = $1 and case_id = $2`, [orgId, c.id]);
    expect(events.rows.map((r) => r.kind)).toEqual(['created']);
    // a case without a location is for unrestricted callers only
    const loose = await newCase(owner, { title: 'Anonymous letter', channel: 'letter' });
    expect((await managerA.get(`/api/v1/cases/${loose.id}`)).status).toBe(404);
    expect((await analyst.get(`/api/v1/cases/${loose.id}`)).status).toBe(200);
  });

  it('bulk with one foreign id refuses all and changes nothing', async () => {
    const a = await newCase(owner, { locationId: storeA.id, title: 'Bulk A' });
    const b = await newCase(owner, { locationId: storeB.id, title: 'Bulk B' });
    const res = await managerA.post('/api/v1/cases/bulk', { ids: [a.id, b.id], action: 'priority', value: 'urgent' });
    expect(res.status).toBe(404);
    expect(res.json.message).toContain('nothing was changed');
    const { rows } = await server.pool.query(`select priority from cases where org_id = $1 and id = any($2::uuid[])`, [orgId, [a.id, b.id]]);
    expect(rows.map((r) => r.priority)).toEqual(['normal', 'normal']);
    // a refused move on one case refuses the whole batch too
    await owner.patch(`/api/v1/cases/${b.id}`, { status: 'closed' });
    const moved = await owner.post('/api/v1/cases/bulk', { ids: [a.id, b.id], action: 'status', value: 'waiting_customer' });
    expect(moved.status).toBe(409);
    expect(moved.json.message).toContain('#');
    expect((await server.pool.query(`select status from cases where org_id = $1 and id = $2`, [orgId, a.id])).rows[0].status).toBe('new');
    // and a batch in scope goes through
    const ok = await owner.post('/api/v1/cases/bulk', { ids: [a.id], action: 'priority', value: 'urgent' });
    expect(ok.json).toEqual({ updated: 1 });
  });

  it("lists the people a store manager may assign or mention: not another store's staff", async () => {
    const people = await managerA.get('/api/v1/cases/people');
    expect(people.json.users.map((u: any) => u.email).sort()).toEqual(['anna@cases.test', 'boss@cases.test', 'reza.k@cases.test']);
    expect(people.json.users.find((u: any) => u.email === 'reza.k@cases.test').handle).toBe('reza.k');
    const all = await owner.get('/api/v1/cases/people');
    expect(all.json.users).toHaveLength(4);
  });

  it('assigning to someone who cannot see the store is refused', async () => {
    const a = await newCase(owner, { locationId: storeA.id, title: 'Assign check' });
    const res = await owner.patch(`/api/v1/cases/${a.id}`, { ownerUserId: ids.managerB });
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/^ownerUserId:/);
  });
});

describe('working a case', () => {
  let c: { id: string; number: number };

  beforeAll(async () => {
    at('2026-11-30T12:00:00.000Z');
    c = await newCase(owner, { locationId: storeA.id, title: 'Cold coffee', customerName: 'Maria', customerEmail: 'maria@example.com' });
  });

  it('a note with @mentions notifies those who can see the case and sets the first action once', async () => {
    at('2026-11-30T12:30:00.000Z');
    const res = await managerA.post(`/api/v1/cases/${c.id}/notes`, { text: '@reza.k and @boss@cases.test please look; @boris too' });
    expect(res.status).toBe(201);
    expect(res.json.mentioned).toBe(2);
    const n = await server.pool.query(`select user_id from notifications where org_id = $1 and case_id = $2 and kind = 'mention' order by user_id`, [orgId, c.id]);
    expect(n.rows.map((r) => r.user_id).sort()).toEqual([ids.analyst, ids.owner].sort());
    at('2026-11-30T13:00:00.000Z');
    await managerA.patch(`/api/v1/cases/${c.id}`, { status: 'in_progress' });
    const got = await managerA.get(`/api/v1/cases/${c.id}`);
    expect(got.json.firstActionAt).toBe('2026-11-30T12:30:00.000Z');
    const note = got.json.events.find((e: any) => e.kind === 'note');
    expect(note.actor).toEqual({ id: ids.managerA, name: 'anna@cases.test' });
    expect(note.mentions.map((m: any) => m.id).sort()).toEqual([ids.analyst, ids.owner].sort());
  });

  it('a reply reaches the SMTP server with the Message-ID, [#n] in the subject and the feedback mailbox as Reply-To', async () => {
    const res = await managerA.post(`/api/v1/cases/${c.id}/replies`, { subject: 'About your visit', text: 'We are sorry, Maria.' });
    expect(res.status).toBe(201);
    expect(res.json.emailed).toBe(true);
    const mail = smtp.accepted.find((m) => m.to === 'maria@example.com');
    expect(mail).toBeDefined();
    const expectedId = `<case-${c.id}-${res.json.eventId}@cx.shop.example>`;
    expect(mail!.messageId).toBe(expectedId);
    expect(mail!.raw).toMatch(new RegExp(`^Subject: About your visit \\[#${c.number}\\]`, 'm'));
    expect(mail!.raw).toMatch(/^Reply-To: feedback@shop\.example/m);
    const got = await managerA.get(`/api/v1/cases/${c.id}`);
    const sent = got.json.events.find((e: any) => e.kind === 'reply_sent');
    expect(sent).toMatchObject({ messageId: expectedId, body: { to: 'maria@example.com', subject: `About your visit [#${c.number}]`, emailed: true } });
    // the mailbox threads an answer back by its In-Reply-To
    expect(await caseByMessageId(server.pool, orgId, ['<other@x>', expectedId])).toEqual({ caseId: c.id, number: c.number });
    expect(await caseByMessageId(server.pool, orgId, ['<other@x>'])).toBeNull();
  });

  it('refuses a reply when the customer has no e-mail', async () => {
    const silent = await newCase(owner, { locationId: storeA.id, title: 'No e-mail' });
    const res = await managerA.post(`/api/v1/cases/${silent.id}/replies`, { text: 'hello' });
    expect(res.status).toBe(400);
    expect(res.json.details.field).toBe('customerEmail');
  });

  it('holds compensation within the role limit per case', async () => {
    await server.pool.query(`insert into compensation_limits(org_id, role, max_amount) values ($1, 'location_manager', 1000)`, [orgId]);
    expect((await managerA.post(`/api/v1/cases/${c.id}/compensations`, { amount: 600, kind: 'refund', note: 'coffee' })).status).toBe(201);
    const over = await managerA.post(`/api/v1/cases/${c.id}/compensations`, { amount: 400.01 });
    expect(over.status).toBe(400);
    expect(over.json.details).toMatchObject({ field: 'amount', limit: 1000, left: 400 });
    expect((await managerA.post(`/api/v1/cases/${c.id}/compensations`, { amount: 400 })).status).toBe(201);
    // an analyst has no row: no compensation; the owner has no row: unlimited
    expect((await analyst.post(`/api/v1/cases/${c.id}/compensations`, { amount: 1 })).status).toBe(403);
    expect((await owner.post(`/api/v1/cases/${c.id}/compensations`, { amount: 5000, kind: 'gift' })).status).toBe(201);
    const got = await managerA.get(`/api/v1/cases/${c.id}`);
    expect(got.json.compensations.map((k: any) => [k.amount, k.kind])).toEqual([[600, 'refund'], [400, 'refund'], [5000, 'gift']]);
    expect(got.json.abilities.compensation).toEqual({ kind: 'max', limit: 1000, left: 0 });
    expect((await managerA.post(`/api/v1/cases/${c.id}/compensations`, { amount: 0 })).status).toBe(400);
    expect((await managerA.post(`/api/v1/cases/${c.id}/compensations`, { amount: 1.005 })).status).toBe(400);
  });

  it('resolving needs a root cause and the controllable flag; then the case is resolved and can be reopened', async () => {
    expect((await managerA.patch(`/api/v1/cases/${c.id}`, { status: 'resolved' })).json.message).toMatch(/^status: resolving needs a root cause/);
    const noCause = await managerA.post(`/api/v1/cases/${c.id}/resolve`, { controllable: true, resolution: 'Refunded' });
    expect(noCause.status).toBe(400);
    expect(noCause.json.details.field).toBe('rootCauseId');
    const causes = (await managerA.get('/api/v1/root-causes')).json.items;
    const staff = causes.find((r: any) => r.key === 'staff_behaviour');
    const noFlag = await managerA.post(`/api/v1/cases/${c.id}/resolve`, { rootCauseId: staff.id, resolution: 'Refunded' });
    expect(noFlag.json.details.field).toBe('controllable');
    at('2026-11-30T15:00:00.000Z');
    const done = await managerA.post(`/api/v1/cases/${c.id}/resolve`, { rootCauseId: staff.id, controllable: true, resolution: 'Refunded', askCustomer: true });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-30T15:00:00.000Z', controllable: true, resolution: 'Refunded', rootCause: { key: 'staff_behaviour' } });
    const job = await server.pool.query(`select data from pgboss.job where name = 'case-recovery-survey' and data ->> 'caseId' = $1`, [c.id]);
    expect(job.rows).toEqual([{ data: { orgId, caseId: c.id } }]);
    expect((await managerA.post(`/api/v1/cases/${c.id}/resolve`, { rootCauseId: staff.id, controllable: true })).status).toBe(409);
    // The recovery survey goes out in the background (its event carries the job's own clock, after this test's).
    await waitFor(async () => (await server.pool.query(`select 1 from case_events where case_id = $1 and kind = 'recovery_sent'`, [c.id])).rowCount === 1, 'the recovery survey sent');
    const reopened = await managerA.patch(`/api/v1/cases/${c.id}`, { status: 'in_progress' });
    expect(reopened.json).toMatchObject({ status: 'in_progress', resolvedAt: null });
    expect(reopened.json.events.map((e: any) => e.kind)).toEqual([
      'created', 'note', 'status', 'reply_sent', 'compensation', 'compensation', 'compensation', 'status', 'root_cause', 'status', 'recovery_sent',
    ]);
  });
});

describe('the inbox', () => {
  it('filters by status, owner, location, overdue and number, and counts per status', async () => {
    at('2026-12-03T10:00:00.000Z');
    const all = await owner.get('/api/v1/cases?limit=200');
    const total = all.json.total;
    expect(all.json.items).toHaveLength(total);
    const sum = Object.values(all.json.counts as Record<string, number>).reduce((s, n) => s + n, 0);
    expect(sum).toBe(total);
    const first = await owner.get('/api/v1/cases?q=%231');
    expect(first.json.items.map((i: any) => i.number)).toEqual([1]);
    const mine = await managerA.get('/api/v1/cases?owner=me&status=new,in_progress');
    expect(mine.json.items.length).toBeGreaterThan(0);
    for (const i of mine.json.items) {
      expect(i.owner.id).toBe(ids.managerA);
      expect(['new', 'in_progress']).toContain(i.status);
    }
    const inB = await owner.get(`/api/v1/cases?location=${storeB.id}`);
    expect(inB.json.items.map((i: any) => i.title)).toEqual(['Bulk B']);
    // everything open was due by 2026-12-01 (16 h / urgent 4 h): all open cases are overdue now, the closed one is not
    const overdue = await owner.get('/api/v1/cases?overdue=true&limit=200');
    const open = all.json.items.filter((i: any) => ['new', 'in_progress', 'waiting_customer'].includes(i.status));
    expect(overdue.json.items.map((i: any) => i.id).sort()).toEqual(open.map((i: any) => i.id).sort());
    expect(overdue.json.items.every((i: any) => i.overdue)).toBe(true);
    expect((await managerA.get(`/api/v1/cases?location=${storeB.id}`)).status).toBe(404);
    const bad = await owner.get('/api/v1/cases?status=open');
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^status/);
  });
});

describe('API keys', () => {
  it('read keys read cases; cases keys write them; both limited to their locations', async () => {
    const made = async (scope: string, locationId?: string) => (await owner.post('/api/v1/org/api-keys', { name: scope, scope, ...(locationId ? { locationId } : {}) })).json.key as string;
    const call = async (key: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(server.baseUrl + path, {
        method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, json: await res.json().catch(() => undefined) };
    };
    const read = await made('read');
    const cases = await made('cases', storeB.id);
    expect((await call(read, 'GET', '/api/v1/cases')).status).toBe(200);
    expect((await call(read, 'POST', '/api/v1/cases', { channel: 'phone', title: 'x' })).status).toBe(403);
    const created = await call(cases, 'POST', '/api/v1/cases', { channel: 'letter', title: 'By key', locationId: storeB.id });
    expect(created.status).toBe(201);
    const list = await call(cases, 'GET', '/api/v1/cases?limit=200');
    expect(list.status).toBe(200);
    expect(list.json.items.every((i: any) => i.location?.id === storeB.id)).toBe(true);
    const inA = (await owner.get(`/api/v1/cases?location=${storeA.id}&limit=1`)).json.items[0];
    expect((await call(cases, 'GET', `/api/v1/cases/${inA.id}`)).status).toBe(404);
  });
});
