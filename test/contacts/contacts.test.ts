/**
 * The contact directory on a real server and PostgreSQL: writes with normalisation and validation, the
 * location scope, attribute definitions, the CSV/XLSX import (preview writes nothing, per-row errors,
 * all-or-nothing, de-duplication, re-import keeping the opt-out), the public unsubscribe page, and the
 * GDPR export and erase (answers anonymised, scores kept). Expected values are written by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildLocation, buildUser, signIn, startTestServer, Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { withTransaction } from '../../src/db/tx.ts';
import { getUnsubscribeTokens } from '../../src/db/contacts/unsubscribe.ts';
import { upsertContact } from '../../src/server/contacts/commands/upsertContact.ts';
import { unsubscribeUrl } from '../../src/core/contacts/unsubscribe.ts';
import type { Principal } from '../../src/core/access/index.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('contacts API', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let orgId = '';
  const loc: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const { pool } = server;
    // Moscow time: numbers without + are read as Russian ones.
    const org = await buildAnalyticsOrg(pool, 'Contacts Org', 'Europe/Moscow', ['segment', 'tier']);
    orgId = org.orgId;
    const a = await buildLocation(pool, orgId, org.root, 'store', 'Тверская');
    const b = await buildLocation(pool, orgId, org.root, 'store', 'Арбат');
    await pool.query(`update locations set code = 'MSK-01' where org_id = $1 and id = $2`, [orgId, a.id]);
    Object.assign(loc, { a: a.id, b: b.id });
    await buildUser(pool, orgId, 'owner', 'owner@contacts.test');
    await buildUser(pool, orgId, 'location_manager', 'manager@contacts.test', [a.id]);
    owner = await signIn(server.baseUrl, 'owner@contacts.test');
    manager = await signIn(server.baseUrl, 'manager@contacts.test');
    const tier = await owner.post('/api/v1/contact-attributes', { key: 'tier', label: 'Loyalty tier', type: 'choice', choices: ['Gold', 'Silver'], dimension: true });
    expect(tier.status).toBe(201);
    expect((await owner.post('/api/v1/contact-attributes', { key: 'visits', label: 'Visits', type: 'number' })).status).toBe(201);
  });
  afterAll(async () => server.close());

  const count = async () => (await server.pool.query(`select count(*)::int as n from contacts where org_id = $1`, [orgId])).rows[0].n as number;

  it('creates a contact with its e-mail lower-cased and its phone in E.164, and refuses a taken e-mail', async () => {
    const res = await owner.post('/api/v1/contacts', {
      email: ' Anna.Petrova@Example.RU ', phone: '8 (916) 123-45-67', name: 'Анна Петрова', language: 'RU', locationId: loc.a, segment: 'vip',
      attributes: { tier: 'gold', visits: '12' },
    });
    expect(res.status).toBe(201);
    expect(res.json.contact).toMatchObject({
      email: 'anna.petrova@example.ru', phone: '+79161234567', name: 'Анна Петрова', language: 'ru', locationId: loc.a, segment: 'vip',
      attributes: { tier: 'Gold', visits: 12 }, unsubscribedAt: null, erasedAt: null,
    });
    const dup = await owner.post('/api/v1/contacts', { email: 'ANNA.PETROVA@example.ru' });
    expect(dup.status).toBe(409);
    expect(dup.json.details.field).toBe('email');
  });

  it('validates attributes and fields on write, naming the field', async () => {
    const bad = await owner.post('/api/v1/contacts', { email: 'b@example.ru', attributes: { tier: 'Bronze' } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe('attributes.tier: not one of: Gold, Silver');
    const unknown = await owner.post('/api/v1/contacts', { email: 'b@example.ru', attributes: { shoe: '42' } });
    expect(unknown.json.message).toBe('attributes.shoe: no such attribute');
    const phone = await owner.post('/api/v1/contacts', { phone: 'call me' });
    expect(phone.status).toBe(400);
    expect(phone.json.details.field).toBe('phone');
    const none = await owner.post('/api/v1/contacts', { name: 'Nobody' });
    expect(none.status).toBe(400);
    expect(await count()).toBe(1);
  });

  it('lists with search, filters and paging; a location manager sees only their stores and cannot write', async () => {
    await owner.post('/api/v1/contacts', { email: 'boris@example.ru', name: 'Борис', locationId: loc.b, segment: 'regular' });
    await owner.post('/api/v1/contacts', { phone: '+7 903 111-22-33', name: 'Вера', segment: 'regular' });
    const all = (await owner.get('/api/v1/contacts')).json;
    expect(all.total).toBe(3);
    expect(all.contacts.map((c: any) => c.name)).toEqual(['Анна Петрова', 'Борис', 'Вера']);
    expect((await owner.get('/api/v1/contacts?q=903')).json.contacts.map((c: any) => c.name)).toEqual(['Вера']);
    expect((await owner.get('/api/v1/contacts?segment=regular&limit=1&offset=1')).json).toMatchObject({ total: 2, contacts: [{ name: 'Вера' }] });
    expect((await owner.get(`/api/v1/contacts?locationId=${loc.b}`)).json.contacts.map((c: any) => c.name)).toEqual(['Борис']);
    expect((await owner.get('/api/v1/contacts/segments')).json.segments).toEqual([{ segment: 'regular', n: 2 }, { segment: 'vip', n: 1 }]);

    const mine = (await manager.get('/api/v1/contacts')).json;
    expect(mine.contacts.map((c: any) => c.name)).toEqual(['Анна Петрова']);
    const boris = all.contacts[1];
    expect((await manager.get(`/api/v1/contacts/${boris.id}`)).status).toBe(404);
    expect((await manager.post('/api/v1/contacts', { email: 'x@example.ru', locationId: loc.a })).status).toBe(403);
    expect((await manager.get(`/api/v1/contacts/${boris.id}/export`)).status).toBe(403);
  });

  it('updates given fields only, clears with null, and deletes', async () => {
    const vera = (await owner.get('/api/v1/contacts?q=Вера')).json.contacts[0];
    const res = await owner.patch(`/api/v1/contacts/${vera.id}`, { segment: null, attributes: { visits: 3 } });
    expect(res.json.contact).toMatchObject({ segment: null, phone: '+79031112233', name: 'Вера', attributes: { visits: 3 } });
    expect((await owner.patch(`/api/v1/contacts/${vera.id}`, { phone: null })).status).toBe(400); // her only identifier
    expect((await owner.delete(`/api/v1/contacts/${vera.id}`)).status).toBe(204);
    expect((await owner.get(`/api/v1/contacts/${vera.id}`)).status).toBe(404);
    const audit = await server.pool.query(`select action from audit_log where org_id = $1 and target_id = $2 order by id`, [orgId, vera.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['contact.create', 'contact.update', 'contact.delete']);
  });

  const CSV = [
    'E-mail;Телефон;Имя;Магазин;Loyalty tier;Visits',
    'anna.petrova@example.ru;;Анна П.;MSK-01;silver;13',
    'gleb@example.ru;8 926 000-11-22;Глеб;Арбат;;2',
    'not-an-email;12;Дина;nowhere;Bronze;many',
    ';+7 926 000 11 22;Глеб Г.;;Gold;',
    '',
    'zoya@example.ru;;Зоя;;;',
  ].join('\n');

  it('previews a CSV import: suggested mapping, per-row errors and counts, and writes nothing', async () => {
    const before = await count();
    const res = await owner.post('/api/v1/contacts/import/preview', { fileName: 'clients.csv', data: b64(CSV) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      headers: ['E-mail', 'Телефон', 'Имя', 'Магазин', 'Loyalty tier', 'Visits'],
      mapping: ['email', 'phone', 'name', 'location', 'attr:tier', 'attr:visits'],
      mappingProblem: null,
      defaultCountry: 'RU',
      rowsRead: 5,
      rowsRefused: 1,
      creates: 2, // Глеб (rows 3 and 5 merged by phone), Зоя
      updates: 1, // Анна
      merged: 1,
    });
    expect(res.json.sample[0]).toEqual({ row: 2, cells: ['anna.petrova@example.ru', '', 'Анна П.', 'MSK-01', 'silver', '13'] });
    expect(res.json.sample.map((r: any) => r.row)).toEqual([2, 3, 4, 5, 7]);
    expect(res.json.errors).toEqual([
      { row: 4, column: 'Магазин', code: 'no_location', reason: 'no location with code or name "nowhere" among yours', vars: { ref: 'nowhere' } },
      { row: 4, column: 'E-mail', code: 'not_an_email', reason: 'not an e-mail address' },
      { row: 4, column: 'Телефон', code: 'not_a_phone', reason: 'not a phone number (of RU, or with +country code)', vars: { country: 'RU' } },
      { row: 4, column: 'Loyalty tier', code: 'not_a_choice', reason: 'not one of: Gold, Silver', vars: { choices: 'Gold, Silver' } },
      { row: 4, column: 'Visits', code: 'not_a_number', reason: 'not a number' },
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses the whole file while a row is refused, then imports the good rows with skipInvalid', async () => {
    const mapping = ['email', 'phone', 'name', 'location', 'attr:tier', 'attr:visits'];
    const before = await count();
    const refused = await owner.post('/api/v1/contacts/import', { fileName: 'clients.csv', data: b64(CSV), mapping });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toBe('row 4, column Магазин: no location with code or name "nowhere" among yours (1 rows refused; nothing was imported)');
    expect(await count()).toBe(before);

    const res = await owner.post('/api/v1/contacts/import', { fileName: 'clients.csv', data: b64(CSV), mapping, skipInvalid: true });
    expect(res.json).toMatchObject({ created: 2, updated: 1, rowsRead: 5, rowsRefused: 1 });
    expect(await count()).toBe(before + 2);
    const { rows } = await server.pool.query(
      `select c.email, c.phone, c.name, l.name as store, c.segment, c.attributes from contacts c left join locations l on l.id = c.location_id
        where c.org_id = $1 and c.email is distinct from 'boris@example.ru' order by c.created_at, c.email`,
      [orgId],
    );
    expect(rows).toEqual([
      // Анна keeps her phone and segment (empty cells change nothing) and gets the file's name and attributes.
      { email: 'anna.petrova@example.ru', phone: '+79161234567', name: 'Анна П.', store: 'Тверская', segment: 'vip', attributes: { tier: 'Silver', visits: 13 } },
      { email: 'gleb@example.ru', phone: '+79260001122', name: 'Глеб Г.', store: 'Арбат', segment: null, attributes: { tier: 'Gold', visits: 2 } },
      { email: 'zoya@example.ru', phone: null, name: 'Зоя', store: null, segment: null, attributes: {} },
    ]);
  });

  it('keeps an opt-out when the contact is imported again', async () => {
    const zoya = (await owner.get('/api/v1/contacts?q=zoya')).json.contacts[0];
    const { rows } = await server.pool.query(`select unsubscribe_token from contacts where id = $1`, [zoya.id]);
    const done = await new Client(server.baseUrl).request('POST', `/u/${rows[0].unsubscribe_token}`, 'List-Unsubscribe=One-Click', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(done.status).toBe(200);
    const optedOut = (await owner.get(`/api/v1/contacts/${zoya.id}`)).json.contact.unsubscribedAt;
    expect(optedOut).not.toBeNull();
    const csv = 'email,name,segment\nzoya@example.ru,Зоя Иванова,regular\n';
    const res = await owner.post('/api/v1/contacts/import', { fileName: 'again.csv', data: b64(csv), mapping: ['email', 'name', 'segment'] });
    expect(res.json).toMatchObject({ created: 0, updated: 1 });
    const after = (await owner.get(`/api/v1/contacts/${zoya.id}`)).json.contact;
    expect(after).toMatchObject({ name: 'Зоя Иванова', segment: 'regular', unsubscribedAt: optedOut });
    expect((await owner.get('/api/v1/contacts?optedOut=true')).json.contacts.map((c: any) => c.email)).toEqual(['zoya@example.ru']);
  });

  it('imports the first sheet of an XLSX workbook, dates and numbers included', async () => {
    await owner.post('/api/v1/contact-attributes', { key: 'since', label: 'Customer since', type: 'date' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Clients');
    ws.addRow(['Email', 'Name', 'Customer since', 'Visits', 'External ID']);
    ws.addRow(['Lev@Example.ru', 'Лев', new Date(Date.UTC(2024, 2, 1)), 7, 'C-100']);
    ws.addRow(['mira@example.ru', 'Мира', '15.01.2023', 'x', 'C-101']);
    const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = (await owner.post('/api/v1/contacts/import/preview', { fileName: 'clients.xlsx', data })).json;
    expect(preview.mapping).toEqual(['email', 'name', 'attr:since', 'attr:visits', 'externalId']);
    expect(preview.errors).toEqual([{ row: 3, column: 'Visits', code: 'not_a_number', reason: 'not a number' }]);
    const res = await owner.post('/api/v1/contacts/import', { fileName: 'clients.xlsx', data, mapping: preview.mapping, skipInvalid: true });
    expect(res.json).toMatchObject({ created: 1, updated: 0, rowsRefused: 1 });
    const lev = (await owner.get('/api/v1/contacts?q=C-100')).json.contacts[0];
    expect(lev).toMatchObject({ email: 'lev@example.ru', name: 'Лев', externalId: 'C-100', attributes: { since: '2024-03-01', visits: 7 } });
  });

  it('lets a location manager import nothing outside their stores (they cannot write at all)', async () => {
    const res = await manager.post('/api/v1/contacts/import/preview', { fileName: 'x.csv', data: b64('email\na@b.ru\n') });
    expect(res.status).toBe(403);
  });
});

describe('unsubscribe page', () => {
  let server: TestServer;
  let token = '';
  let contactId = '';
  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildAnalyticsOrg(server.pool, 'Магазин у дома');
    const { rows } = await server.pool.query(
      `insert into contacts(org_id, email, language) values ($1, 'u@example.ru', 'fa') returning id, unsubscribe_token`,
      [org.orgId],
    );
    token = rows[0].unsubscribe_token;
    contactId = rows[0].id;
  });
  afterAll(async () => server.close());

  it('asks first (GET changes nothing), in the contact language or ?lang, right-to-left in Persian', async () => {
    const client = new Client(server.baseUrl);
    const fa = await client.get(`/u/${token}`);
    expect(fa.status).toBe(200);
    expect(fa.text).toContain('<html lang="fa" dir="rtl">');
    expect(fa.text).toContain('دیگر نظرسنجی از \u2068Магазин у дома\u2069 دریافت نکنید؟');
    expect(fa.text).toContain(`<form method="post" action="/u/${token}?lang=fa">`);
    const ru = await client.get(`/u/${token}?lang=ru`);
    expect(ru.text).toContain('<html lang="ru" dir="ltr">');
    expect(ru.text).toContain('Больше не получать опросы от \u2068Магазин у дома\u2069?');
    const still = await server.pool.query(`select unsubscribed_at from contacts where id = $1`, [contactId]);
    expect(still.rows[0].unsubscribed_at).toBeNull();
  });

  it('POST sets the opt-out once and says so; unknown and malformed tokens are not found', async () => {
    const client = new Client(server.baseUrl);
    const res = await client.request('POST', `/u/${token}?lang=en`, '', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('will not send you surveys any more');
    const first = (await server.pool.query(`select unsubscribed_at from contacts where id = $1`, [contactId])).rows[0].unsubscribed_at;
    expect(first).not.toBeNull();
    const again = await client.request('POST', `/u/${token}?lang=en`, '', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(again.text).toContain('You unsubscribed earlier');
    const second = (await server.pool.query(`select unsubscribed_at from contacts where id = $1`, [contactId])).rows[0].unsubscribed_at;
    expect(second).toEqual(first);
    expect((await client.get(`/u/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await client.get('/u/not-a-token')).status).toBe(404);
  });
});

describe('GDPR export and erase', () => {
  let server: TestServer;
  let owner: Client;
  let orgId = '';
  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildAnalyticsOrg(server.pool, 'Privacy Org', 'UTC', ['segment', 'customer_type']);
    orgId = org.orgId;
    await buildUser(server.pool, orgId, 'owner', 'owner@privacy.test');
    owner = await signIn(server.baseUrl, 'owner@privacy.test');
  });
  afterAll(async () => server.close());

  it('exports the contact with their responses, then erases them: personal data gone, scores kept, both audited', async () => {
    const { pool } = server;
    const contact = (await owner.post('/api/v1/contacts', { email: 'ivan@example.ru', phone: '+79161112233', name: 'Иван', externalId: 'C-1', segment: 'vip' })).json.contact;
    const { surveyId, ids } = await seedSurvey(pool, orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }]);
    const [linked, byKey, other] = await seedResponses(pool, orgId, surveyId, ids, [
      { hidden: { email: 'ivan@example.ru', segment: 'vip', order_id: 'A-17', customer_type: 'returning' }, answers: { nps: { score: 3 }, why: { text: 'Иван тут, очередь была долгой' } } },
      { contactKey: 'C-1', answers: { nps: { score: 9 }, why: { text: 'Спасибо' } } },
      { contactKey: 'someone-else', answers: { nps: { score: 10 }, why: { text: 'Отлично' } } },
    ]);
    await pool.query(`update responses set contact_id = $3 where org_id = $1 and id = $2`, [orgId, linked, contact.id]);

    const exported = await owner.get(`/api/v1/contacts/${contact.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(`attachment; filename="contact-${contact.id}.json"`);
    expect(exported.json.contact.email).toBe('ivan@example.ru');
    expect(exported.json.responses.map((r: any) => r.id).sort()).toEqual([linked, byKey].sort());
    const first = exported.json.responses.find((r: any) => r.id === linked);
    expect(first.answers).toEqual([
      { question: 'nps', type: 'nps', score: 3, choice: null, choices: null, text: null, number: null },
      { question: 'why', type: 'text', score: null, choice: null, choices: null, text: 'Иван тут, очередь была долгой', number: null },
    ]);

    const erased = await owner.post(`/api/v1/contacts/${contact.id}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.json.responsesAnonymised).toBe(2);
    expect(erased.json.contact).toMatchObject({ email: null, phone: null, name: null, externalId: null, attributes: {}, segment: 'vip' });
    expect(erased.json.contact.erasedAt).not.toBeNull();

    const responses = await pool.query(
      `select id, contact_key, contact_id, hidden from responses where org_id = $1 order by submitted_at, id`, [orgId],
    );
    const byId = Object.fromEntries(responses.rows.map((r) => [r.id, r]));
    // Only the organisation's dimensions stay (segment, customer_type); e-mail and the order number go.
    expect(byId[linked]).toMatchObject({ contact_key: null, contact_id: contact.id, hidden: { segment: 'vip', customer_type: 'returning' } });
    expect(byId[byKey]).toMatchObject({ contact_key: null, contact_id: contact.id, hidden: {} });
    expect(byId[other]).toMatchObject({ contact_key: 'someone-else', contact_id: null });
    const answers = await pool.query(
      `select a.response_id, q.key, a.score, a.text from answers a join questions q on q.id = a.question_id where a.org_id = $1 order by q.key`, [orgId],
    );
    const of = (id: string) => answers.rows.filter((a) => a.response_id === id).map((a) => [a.key, a.score, a.text]);
    expect(of(linked)).toEqual([['nps', 3, null], ['why', null, null]]);
    expect(of(byKey)).toEqual([['nps', 9, null], ['why', null, null]]);
    expect(of(other)).toEqual([['nps', 10, null], ['why', null, 'Отлично']]);

    // Erased contacts leave the list, and their old e-mail is free for a new contact.
    expect((await owner.get('/api/v1/contacts')).json.total).toBe(0);
    expect((await owner.post('/api/v1/contacts', { email: 'ivan@example.ru' })).status).toBe(201);
    const audit = await pool.query(`select action, detail from audit_log where org_id = $1 and target_id = $2 order by id`, [orgId, contact.id]);
    expect(audit.rows).toEqual([
      { action: 'contact.create', detail: {} },
      { action: 'contact.export', detail: {} },
      { action: 'contact.erase', detail: { responses: 2 } },
    ]);
  });
});

describe('commands other channels call', () => {
  let server: TestServer;
  let orgId = '';
  let storeId = '';
  let actor: Principal;
  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildAnalyticsOrg(server.pool, 'Integration Org', 'Asia/Tehran');
    orgId = org.orgId;
    storeId = (await buildLocation(server.pool, orgId, org.root, 'store', 'پالادیوم')).id;
    actor = { orgId, userId: await buildUser(server.pool, orgId, 'admin', 'admin@integration.test'), role: 'admin', locationPaths: null };
  });
  afterAll(async () => server.close());

  it('upsertContact creates, then finds by any identifier and updates, keeping the opt-out; two contacts at once is a conflict', async () => {
    const first = await withTransaction(server.pool, (tx) => upsertContact(tx, actor, { phone: '0912 345 6789', name: 'رضا', locationId: storeId }));
    expect(first.created).toBe(true);
    expect(first.contact.phone).toBe('+989123456789'); // Tehran time: Iranian numbers without +98
    await server.pool.query(`update contacts set unsubscribed_at = '2026-01-02T03:04:05Z' where id = $1`, [first.contact.id]);
    const again = await withTransaction(server.pool, (tx) => upsertContact(tx, actor, { phone: '+98 912 345 6789', email: 'Reza@Example.ir', externalId: 'T-1' }));
    expect(again.created).toBe(false);
    expect(again.contact).toMatchObject({ id: first.contact.id, email: 'reza@example.ir', externalId: 'T-1', name: 'رضا', unsubscribedAt: '2026-01-02T03:04:05.000Z' });
    await withTransaction(server.pool, (tx) => upsertContact(tx, actor, { email: 'sara@example.ir' }));
    const both = withTransaction(server.pool, (tx) => upsertContact(tx, actor, { email: 'sara@example.ir', externalId: 'T-1' }));
    await expect(both).rejects.toMatchObject({ code: 'conflict' });
  });

  it('getUnsubscribeTokens + unsubscribeUrl give each contact a working link of their own', async () => {
    const ids = (await server.pool.query(`select id from contacts where org_id = $1 order by email`, [orgId])).rows.map((r) => r.id);
    const tokens = await getUnsubscribeTokens(server.pool, orgId, ids);
    expect(tokens.size).toBe(2);
    expect(new Set(tokens.values()).size).toBe(2);
    const sara = ids[1];
    const url = unsubscribeUrl(`${server.baseUrl}/`, tokens.get(sara)!, 'en');
    expect(url).toBe(`${server.baseUrl}/u/${tokens.get(sara)}?lang=en`);
    const client = new Client(server.baseUrl);
    await client.request('POST', url.slice(server.baseUrl.length), '', { 'content-type': 'application/x-www-form-urlencoded' });
    const states = (await server.pool.query(`select id, unsubscribed_at is not null as out from contacts where org_id = $1`, [orgId])).rows;
    expect(Object.fromEntries(states.map((s) => [s.id, s.out]))).toEqual({ [ids[0]]: true, [sara]: true });
    // Only sara's link was used: reza was opted out before (above), and keeps his own time.
    const reza = (await server.pool.query(`select unsubscribed_at from contacts where id = $1`, [ids[0]])).rows[0].unsubscribed_at;
    expect(reza.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });
});
