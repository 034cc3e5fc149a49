/**
 * File imports into the server (docs/support.md "Importing contact events"): summaries stored against
 * hand-computed values, location and contact matching, the same event stored once, the same file
 * imported once, all or nothing on a file with bad rows (line + reason), --skip-bad-rows, and the
 * location limit of the importing user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, type OrgFixture } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { tableFingerprints } from '../helpers/tableFingerprints.ts';
import { startFileImport, type NewFileImport } from '../../src/db/support/imports.ts';
import { fileDigest, runFileImport } from '../../src/server/support/importEventFile.ts';
import { countEvents, EVENTS_CSV, HEADER, storedContacts, tempDir } from './fixtures.ts';

let db: TestDatabase;
const files = tempDir();

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  files.remove();
  await db?.drop();
});

async function importFile(orgId: string, file: string, opts: Partial<NewFileImport> = {}) {
  const { sha256, bytes } = await fileDigest(file);
  const started = await startFileImport(db.pool, orgId, {
    fileName: file.split('/').pop()!, fileSha256: sha256, preset: 'canonical', format: 'csv', timeZone: 'UTC', dateFormat: null,
    skipBadRows: false, locationPaths: null, uploadPath: null, bytesTotal: bytes, createdBy: null, ...opts,
  });
  if (!started.created) return { again: true as const, row: started.row };
  return { again: false as const, row: await runFileImport(db.pool, started.row, file) };
}

interface Org extends OrgFixture {
  s1: { id: string; path: string };
  s2: { id: string; path: string };
}

async function orgWithStores(name: string): Promise<Org> {
  const org = await buildOrg(db.pool, name);
  const root = { id: org.rootLocationId, path: org.rootPath };
  const s1 = await buildLocation(db.pool, org.orgId, root, 'store', 'Store One');
  await db.pool.query(`update locations set code = 'S1' where org_id = $1 and id = $2`, [org.orgId, s1.id]);
  const s2 = await buildLocation(db.pool, org.orgId, root, 'store', 'Store Two');
  return { ...org, s1, s2 };
}

describe('importing a canonical file', () => {
  let org: Org;
  let annaId: string;
  let bobId: string;
  beforeAll(async () => {
    org = await orgWithStores('Import Org');
    annaId = (await db.pool.query(`insert into contacts (org_id, email, name) values ($1, 'anna@example.com', 'Anna') returning id`, [org.orgId])).rows[0].id;
    bobId = (await db.pool.query(`insert into contacts (org_id, external_id, name) values ($1, 'bob', 'Bob') returning id`, [org.orgId])).rows[0].id;
  });

  it('stores one summary per contact, equal to the values worked out by hand', async () => {
    const out = await importFile(org.orgId, files.write('events.csv', EVENTS_CSV));
    expect(out.row).toMatchObject({ status: 'done', rowsRead: 11, rowsRefused: 0, eventsAdded: 11, contactsTouched: 2, problems: [] });
    const c = await storedContacts(db.pool, org.orgId);
    expect(c.T1).toEqual({
      external_id: 'T1', customer_key: 'Anna@Example.com', contact_id: annaId, channel: 'email',
      // the last agent named on it (Petr closed it), the team of the last reply, its location by code
      agent: 'Petr', team: 'Billing', location_label: 'S1', location_id: org.s1.id, priority: 'high', category: 'billing',
      subject: 'Wrong charge, twice', is_complaint: true,
      created_at: '2026-03-02T09:00:00.000Z', first_response_at: '2026-03-02T09:30:00.000Z', first_solved_at: '2026-03-02T10:00:00.000Z',
      last_solved_at: '2026-03-03T12:00:00.000Z', closed_at: '2026-03-03T13:00:00.000Z', agent_replies: 2, reopens: 1, solved_by: 'Ivan',
    });
    expect(c.T2).toEqual({
      external_id: 'T2', customer_key: 'bob', contact_id: bobId, channel: 'phone', agent: 'Olga', team: 'Support',
      // matched by name, case-insensitively
      location_label: 'store two', location_id: org.s2.id, priority: 'low', category: null, subject: null, is_complaint: null, // the file leaves is_complaint empty on all its rows
      // the automatic reply at 11:05 is no response; nobody on the solving event: the last agent who replied
      created_at: '2026-03-02T11:00:00.000Z', first_response_at: '2026-03-02T11:20:00.000Z', first_solved_at: '2026-03-02T11:30:00.000Z',
      last_solved_at: '2026-03-02T11:30:00.000Z', closed_at: null, agent_replies: 1, reopens: 0, solved_by: 'Olga',
    });
  });

  it('importing the same file again changes nothing and says so', async () => {
    const before = await tableFingerprints(db.pool);
    const again = await importFile(org.orgId, files.write('events-copy.csv', EVENTS_CSV));
    expect(again.again).toBe(true);
    expect(again.row.status).toBe('done');
    expect(await tableFingerprints(db.pool)).toEqual(before);
  });

  it('stores an event given again in another file once, and recomputes the contact from all its events', async () => {
    // Two events already stored (in another order and with other quoting) and one new: T2 reopened and solved again by Anna K.
    const file = files.write('more.csv', [
      HEADER,
      'T2,,2026-03-02T11:30:00Z,solved,,,,,,,,',
      'T1,,2026-03-02T09:30:00Z,agent_reply,,"Olga",Billing,,,,,',
      'T2,,2026-03-04T10:00:00Z,reopened,,,,,,,,',
      'T2,,2026-03-04T15:00:00Z,solved,,Anna K,,,,,,',
    ].join('\n'));
    const out = await importFile(org.orgId, file);
    expect(out.row).toMatchObject({ status: 'done', rowsRead: 4, eventsAdded: 2, contactsTouched: 1 });
    expect(await countEvents(db.pool, org.orgId)).toBe(13);
    const c = await storedContacts(db.pool, org.orgId);
    expect(c.T2).toMatchObject({ reopens: 1, first_solved_at: '2026-03-02T11:30:00.000Z', last_solved_at: '2026-03-04T15:00:00.000Z', solved_by: 'Anna K', agent: 'Anna K' });
    expect(c.T1.agent_replies).toBe(2);
  });
});

describe('identical events of one file', () => {
  // A ServiceNow incident moved to Active and then to Awaiting User Info in the same minute by the same
  // resolver: the preset gives two agent replies at 16:28 (as `sarafan kpi` counts them), not one.
  const SN_HEADER = 'number,incident_state,reopen_count,caller_id,opened_at,sys_updated_at,assigned_to,location,closed_at';
  const SN = [
    SN_HEADER,
    'INC1,New,0,Caller 1,29-02-2016 16:00,29-02-2016 16:00,?,Store One,?',
    'INC1,Active,0,Caller 1,29-02-2016 16:00,29-02-2016 16:28,Resolver 182,Store One,?',
    'INC1,Awaiting User Info,0,Caller 1,29-02-2016 16:00,29-02-2016 16:28,Resolver 182,Store One,?',
    'INC1,Resolved,0,Caller 1,29-02-2016 16:00,29-02-2016 17:00,Resolver 182,Store One,?',
  ].join('\n') + '\n';

  it('stores both, and the same file again adds nothing', async () => {
    const org = await orgWithStores('Same Minute Org');
    const out = await importFile(org.orgId, files.write('sn.csv', SN), { preset: 'servicenow' });
    // created, assigned, agent_reply (Active), agent_reply (Awaiting User Info), solved
    expect(out.row).toMatchObject({ status: 'done', rowsRead: 4, eventsAdded: 5, contactsTouched: 1 });
    expect((await storedContacts(db.pool, org.orgId)).INC1).toMatchObject({ agent_replies: 2, first_response_at: '2016-02-29T16:28:00.000Z' });
    // Another file (other bytes) with the same rows: every event is already stored.
    const again = await importFile(org.orgId, files.write('sn-with-a-header-space.csv', SN.replace('closed_at', 'closed_at ')), { preset: 'servicenow' });
    expect(again.row).toMatchObject({ status: 'done', eventsAdded: 0 });
    expect((await storedContacts(db.pool, org.orgId)).INC1.agent_replies).toBe(2);
  });
});

describe('a file with bad rows', () => {
  const BAD = [
    HEADER,
    'B1,c1,2026-03-02T09:00:00Z,created,chat,,,S1,,,,',
    'B1,c1,2026-03-02T09:10:00Z,answered,chat,Olga,,,,,,', // line 3: not a canonical kind
    'B1,c1,2026-03-02T09:20:00Z,agent_reply,chat,Olga,,,,,,',
    'B1,c1,yesterday,solved,chat,Olga,,,,,,', // line 5: not a time
    'B2,c2,2026-03-02T10:00:00Z,created,chat,,,S1,,,,',
  ].join('\n') + '\n';

  it('imports nothing, and lists each refused row with its line and reason', async () => {
    const org = await orgWithStores('Bad File Org');
    const before = await tableFingerprints(db.pool);
    const out = await importFile(org.orgId, files.write('bad.csv', BAD));
    expect(out.row.status).toBe('failed');
    expect(out.row.rowsRefused).toBe(2);
    expect(out.row.problems.map((p) => p.line)).toEqual([3, 5]);
    expect(out.row.problems[0].reason).toMatch(/answered/);
    expect(out.row.problems[1].reason).toMatch(/yesterday|at|date|time/i);
    expect(await countEvents(db.pool, org.orgId)).toBe(0);
    const { rows } = await db.pool.query('select count(*)::int as n from support_contacts where org_id = $1', [org.orgId]);
    expect(rows[0].n).toBe(0);
    // Nothing but the import's own row changed.
    const after = await tableFingerprints(db.pool);
    const changed = Object.keys(after).filter((t) => JSON.stringify(after[t]) !== JSON.stringify(before[t]));
    expect(changed).toEqual(['support_imports']);
  });

  it('with skipBadRows, stores the good rows and still lists the bad ones; the refused file may then be imported that way', async () => {
    const org = await orgWithStores('Skip Org');
    const file = files.write('bad-again.csv', BAD);
    expect((await importFile(org.orgId, file)).row.status).toBe('failed');
    const out = await importFile(org.orgId, file, { skipBadRows: true });
    expect(out.again).toBe(false);
    expect(out.row).toMatchObject({ status: 'done', rowsRead: 5, rowsRefused: 2, eventsAdded: 3, contactsTouched: 2 });
    expect(out.row.problems.map((p) => p.line)).toEqual([3, 5]);
    const c = await storedContacts(db.pool, org.orgId);
    expect(c.B1).toMatchObject({ first_response_at: '2026-03-02T09:20:00.000Z', first_solved_at: null, agent_replies: 1 });
  });
});

describe('the importing user\'s locations', () => {
  it('refuses rows of other locations (and of tickets stored elsewhere), all or nothing', async () => {
    const org = await orgWithStores('Scope Org');
    // A ticket of Store Two already stored by someone who sees everything.
    await importFile(org.orgId, files.write('s2.csv', `${HEADER}\nX9,z,2026-03-01T08:00:00Z,created,chat,,,Store Two,,,,\n`));
    const file = files.write('mixed.csv', [
      HEADER,
      'M1,a,2026-03-02T09:00:00Z,created,chat,,,S1,,,,',
      'M2,b,2026-03-02T09:00:00Z,created,chat,,,Store Two,,,,', // line 3: another store
      'M3,c,2026-03-02T09:00:00Z,created,chat,,,,,,,', // line 4: no location
      'X9,z,2026-03-01T09:00:00Z,agent_reply,chat,Olga,,S1,,,,', // line 5: a ticket of Store Two, relabelled
    ].join('\n'));
    const limited = { locationPaths: [org.s1.path] };
    const refused = await importFile(org.orgId, file, limited);
    expect(refused.row.status).toBe('failed');
    expect(refused.row.problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(refused.row.problems[0].reason).toMatch(/not one of your locations/);
    const skipped = await importFile(org.orgId, file, { ...limited, skipBadRows: true });
    expect(skipped.row).toMatchObject({ status: 'done', eventsAdded: 1, rowsRefused: 3 });
    const c = await storedContacts(db.pool, org.orgId);
    expect(Object.keys(c).sort()).toEqual(['M1', 'X9']);
    expect(c.X9).toMatchObject({ location_id: org.s2.id, agent_replies: 0 });
  });
});

describe('a file of new and stored tickets', () => {
  let org: Org;
  beforeAll(async () => {
    org = await orgWithStores('Mixed Org');
    await importFile(org.orgId, files.write('first.csv', EVENTS_CSV));
  });

  it('counts an event given twice in one file twice (as sarafan kpi does), for a new ticket as for a stored one', async () => {
    const file = files.write('mixed.csv', [
      HEADER,
      'N1,carol,2026-03-05T09:00:00Z,created,chat,,,S1,low,,,false',
      'N1,,2026-03-05T09:10:00Z,agent_reply,,Olga,Support,,,,,',
      'T2,,2026-03-05T10:00:00Z,reopened,,,,,,,,',
      'N1,,2026-03-05T09:10:00Z,agent_reply,,Olga,Support,,,,,', // a second reply in the same minute: a second event
      'N1,,2026-03-05T09:40:00Z,solved,,Ivan,,,,,,',
      'T2,,2026-03-05T10:00:00Z,reopened,,,,,,,,',
    ].join('\n') + '\n');
    const out = await importFile(org.orgId, file);
    expect(out.row).toMatchObject({ status: 'done', rowsRead: 6, eventsAdded: 6, contactsTouched: 2 });
    expect(await countEvents(db.pool, org.orgId)).toBe(17);
    const c = await storedContacts(db.pool, org.orgId);
    expect(c.N1).toEqual({
      external_id: 'N1', customer_key: 'carol', contact_id: null, channel: 'chat', agent: 'Ivan', team: 'Support', location_label: 'S1',
      location_id: org.s1.id, priority: 'low', category: null, subject: null, is_complaint: false,
      created_at: '2026-03-05T09:00:00.000Z', first_response_at: '2026-03-05T09:10:00.000Z', first_solved_at: '2026-03-05T09:40:00.000Z',
      last_solved_at: '2026-03-05T09:40:00.000Z', closed_at: null, agent_replies: 2, reopens: 0, solved_by: 'Ivan',
    });
    // T2 (solved 03-02 11:30) reopened (twice, at the same instant: the second reopens nothing): no longer solved
    expect(c.T2).toMatchObject({ reopens: 1, first_solved_at: '2026-03-02T11:30:00.000Z', last_solved_at: null, agent_replies: 1 });
  });
});
