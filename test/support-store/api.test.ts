/**
 * POST /api/v1/events with an `events` array (support contact events: batch, idempotent, per-item
 * validation, the key's locations), the dashboard's upload route (streamed file, job, progress row,
 * re-upload of the same file), and the settings route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { tableFingerprints } from '../helpers/tableFingerprints.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { buildIntegrationOrg, makeKey, withKey, type IntegrationFixture } from '../integrations/fixture.ts';
import { countEvents, EVENTS_CSV, HEADER, storedContacts } from './fixtures.ts';

let server: TestServer;
let f: IntegrationFixture;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  f = await buildIntegrationOrg(server, 'Support API Org', 'owner@support-api.test');
  await server.pool.query(`update locations set code = 'NS' where org_id = $1 and id = $2`, [f.orgId, f.storeInRegion]);
  ({ key } = await makeKey(f.owner, 'ingest'));
});
afterAll(() => server?.close());

const batch = [
  { ticket_id: 'A1', customer_id: 'c-1', at: '2026-03-02T09:00:00+03:00', event: 'created', channel: 'chat', location: 'NS', priority: 'high' },
  { ticket_id: 'A1', at: '2026-03-02T09:12:00+03:00', event: 'agent_reply', agent: 'Olga', team: 'Chat' },
  { ticket_id: 'A1', at: '2026-03-02T09:30:00+03:00', event: 'solved', agent: 'Olga' },
  { ticket_id: 'A2', customer_id: 'c-2', at: '2026-03-02T10:00:00Z', event: 'created', channel: 'email', location: 'Store 1' },
];

describe('POST /api/v1/events with support contact events', () => {
  it('stores a batch, and the same batch again changes nothing and gets the same answer', async () => {
    const first = await withKey(server, key, 'POST', '/api/v1/events', { events: batch });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toEqual({ accepted: 4, rejected: 0, contacts: 2, errors: [] });
    const c = await storedContacts(server.pool, f.orgId);
    // 09:00+03:00 = 06:00Z; first reply 12 minutes later; solved by Olga at 06:30Z.
    expect(c.A1).toMatchObject({
      created_at: '2026-03-02T06:00:00.000Z', first_response_at: '2026-03-02T06:12:00.000Z', last_solved_at: '2026-03-02T06:30:00.000Z',
      solved_by: 'Olga', team: 'Chat', location_id: f.storeInRegion, agent_replies: 1,
    });
    expect(c.A2).toMatchObject({ location_id: f.otherStore, first_response_at: null });
    const before = await tableFingerprints(server.pool);
    const again = await withKey(server, key, 'POST', '/api/v1/events', { events: batch });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await tableFingerprints(server.pool)).toEqual(before);
  });

  it('refuses invalid items one by one, by index and field, and stores the valid ones', async () => {
    const res = await withKey(server, key, 'POST', '/api/v1/events', {
      events: [
        { ticket_id: 'V1', at: '2026-03-05T10:00:00Z', event: 'created' },
        { ticket_id: 'V1', at: '2026-03-05 10:05', event: 'agent_reply' },
        { ticket_id: 'V1', at: '2026-03-05T10:06:00Z', event: 'answered' },
        { at: '2026-03-05T10:07:00Z', event: 'solved' },
        'not an object',
        { ticket_id: 'V1', at: '2026-03-05T10:08:00Z', event: 'solved', agent: 'x'.repeat(201) },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(1);
    expect(res.json.rejected).toBe(5);
    expect(res.json.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([[1, 'at'], [2, 'event'], [3, 'ticket_id'], [4, ''], [5, 'agent']]);
    expect((await storedContacts(server.pool, f.orgId)).V1).toMatchObject({ agent_replies: 0, first_solved_at: null });
  });

  it('answers 400 for a batch that is not one (empty, too long), and keeps the survey trigger for other bodies', async () => {
    expect((await withKey(server, key, 'POST', '/api/v1/events', { events: [] })).status).toBe(400);
    expect((await withKey(server, key, 'POST', '/api/v1/events', { events: Array.from({ length: 1001 }, () => batch[0]) })).status).toBe(400);
    expect((await withKey(server, key, 'POST', '/api/v1/events', { events: batch, extra: 1 })).status).toBe(400);
    const trigger = await withKey(server, key, 'POST', '/api/v1/events', {
      event: 'ticket solved', contact: { email: 'c1@example.com' }, surveyId: f.survey.id, delaySeconds: 60, ticketId: 'A1',
    });
    expect(trigger.status, trigger.text).toBe(201);
    const { rows } = await server.pool.query(
      `select sc.external_id from survey_invitations i join support_contacts sc on sc.org_id = i.org_id and sc.id = i.support_contact_id where i.org_id = $1 and i.id = $2`,
      [f.orgId, trigger.json.invitation.id],
    );
    expect(rows).toEqual([{ external_id: 'A1' }]);
  });

  it('a read key may not write events', async () => {
    const read = (await makeKey(f.owner, 'read')).key;
    const before = await countEvents(server.pool, f.orgId);
    expect((await withKey(server, read, 'POST', '/api/v1/events', { events: batch.map((e) => ({ ...e, ticket_id: `R-${e.ticket_id}` })) })).status).toBe(403);
    expect(await countEvents(server.pool, f.orgId)).toBe(before);
  });

  it('a key limited to a region writes only contacts of its locations', async () => {
    const regional = (await makeKey(f.owner, 'ingest', f.regionId)).key;
    const res = await withKey(server, regional, 'POST', '/api/v1/events', {
      events: [
        { ticket_id: 'K1', at: '2026-03-06T10:00:00Z', event: 'created', location: 'NS' },
        { ticket_id: 'K2', at: '2026-03-06T10:00:00Z', event: 'created', location: 'Store 1' },
        { ticket_id: 'K3', at: '2026-03-06T10:00:00Z', event: 'created' },
        // A2 is a contact of Store 1, stored above.
        { ticket_id: 'A2', at: '2026-03-06T11:00:00Z', event: 'agent_reply', agent: 'Mallory', location: 'NS' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ accepted: 1, rejected: 3, contacts: 1 });
    expect(res.json.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([[1, 'location'], [2, 'location'], [3, 'ticket_id']]);
    const c = await storedContacts(server.pool, f.orgId);
    expect(c.K1).toBeDefined();
    expect(c.K2).toBeUndefined();
    expect(c.A2).toMatchObject({ agent_replies: 0, location_id: f.otherStore });
  });
});

async function waitForImport(client: Client, id: string) {
  let imp: any;
  await waitFor(async () => {
    imp = (await client.get(`/api/v1/support/imports/${id}`)).json?.import;
    return imp?.status !== 'running';
  }, `import ${id} to finish`);
  return imp;
}

const upload = (client: Client, body: string, query: string) =>
  client.request('POST', `/api/v1/support/imports?${query}`, body, { 'content-type': 'application/octet-stream' });

describe('POST /api/v1/support/imports (the dashboard upload)', () => {
  it('streams the file to the import job; the same file again is answered with the first import', async () => {
    const started = await upload(f.owner, EVENTS_CSV, 'fileName=tickets.csv&preset=canonical&timeZone=UTC');
    expect(started.status, started.text).toBe(202);
    expect(started.json.alreadyImported).toBe(false);
    const done = await waitForImport(f.owner, started.json.import.id);
    expect(done).toMatchObject({ status: 'done', rowsRead: 11, eventsAdded: 11, contactsTouched: 2, bytesRead: Buffer.byteLength(EVENTS_CSV) });
    const again = await upload(f.owner, EVENTS_CSV, 'fileName=tickets-renamed.csv&preset=canonical');
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ alreadyImported: true, import: { id: started.json.import.id, status: 'done' } });
    const list = await f.owner.get('/api/v1/support/imports');
    expect(list.json.imports.map((i: { id: string }) => i.id)).toContain(started.json.import.id);
  });

  it('a bad file is refused with its lines and nothing is stored', async () => {
    const before = await countEvents(server.pool, f.orgId);
    const started = await upload(f.owner, `${HEADER}\nZ1,,2026-03-02T09:00:00Z,created,,,,,,,,\nZ1,,2026-13-02T09:00:00Z,solved,,,,,,,,\n`, 'fileName=bad.csv');
    expect(started.status).toBe(202);
    const done = await waitForImport(f.owner, started.json.import.id);
    expect(done.status).toBe('failed');
    expect(done.problems.map((p: { line: number }) => p.line)).toEqual([3]);
    expect(await countEvents(server.pool, f.orgId)).toBe(before);
  });

  it('validates the query, refuses viewers, and hides other users\' imports from a location manager', async () => {
    expect((await upload(f.owner, EVENTS_CSV, 'fileName=x.csv&preset=freshdesk')).status).toBe(400);
    expect((await upload(f.owner, EVENTS_CSV, 'fileName=x.csv&timeZone=Mars/Olympus')).status).toBe(400);
    expect((await upload(f.owner, '', 'fileName=empty.csv')).status).toBe(400);
    await buildUser(server.pool, f.orgId, 'viewer', 'viewer@support-api.test');
    const viewer = await signIn(server.baseUrl, 'viewer@support-api.test');
    expect((await upload(viewer, EVENTS_CSV, 'fileName=x.csv')).status).toBe(403);
    await buildUser(server.pool, f.orgId, 'location_manager', 'lm@support-api.test', [f.regionId]);
    const manager = await signIn(server.baseUrl, 'lm@support-api.test');
    expect((await manager.get('/api/v1/support/imports')).json.imports).toEqual([]);
    const { rows } = await server.pool.query(`select id from support_imports where org_id = $1 and kind = 'file' limit 1`, [f.orgId]);
    expect((await manager.get(`/api/v1/support/imports/${rows[0].id}`)).status).toBe(404);
  });

  it('a location manager\'s upload stores only the contacts of the manager\'s locations', async () => {
    const sub = await buildLocation(server.pool, f.orgId, { id: f.regionId, path: (await server.pool.query('select path from locations where id = $1', [f.regionId])).rows[0].path }, 'store', 'Region Kiosk');
    const manager = await signIn(server.baseUrl, 'lm@support-api.test');
    const file = `${HEADER}\nLM1,,2026-03-07T09:00:00Z,created,,,,Region Kiosk,,,,\nLM2,,2026-03-07T09:00:00Z,created,,,,Store 1,,,,\n`;
    const started = await upload(manager, file, 'fileName=lm.csv&skipBadRows=true');
    const done = await waitForImport(manager, started.json.import.id);
    expect(done).toMatchObject({ status: 'done', eventsAdded: 1, rowsRefused: 1 });
    expect(done.problems).toEqual([{ line: 3, reason: expect.stringMatching(/not one of your locations/) }]);
    const c = await storedContacts(server.pool, f.orgId);
    expect(c.LM1.location_id).toBe(sub.id);
    expect(c.LM2).toBeUndefined();
  });
});

describe('/api/v1/support/settings', () => {
  it('owners set the credit rule and SLA targets; others read them', async () => {
    const put = await f.owner.put('/api/v1/support/settings', { credit: 'last_agent', slaTargets: [{ priority: 'high', firstResponseS: 3600, resolutionS: 86_400 }] });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toEqual({ credit: 'last_agent', slaTargets: [{ priority: 'high', firstResponseS: 3600, resolutionS: 86_400 }] });
    expect((await f.owner.put('/api/v1/support/settings', { credit: 'first_agent' })).status).toBe(400);
    const viewer = await signIn(server.baseUrl, 'viewer@support-api.test');
    expect((await viewer.get('/api/v1/support/settings')).json.credit).toBe('last_agent');
    expect((await viewer.put('/api/v1/support/settings', { credit: 'solved_by' })).status).toBe(403);
  });
});
