/** `sarafan import events FILE --preset NAME [--org] [--skip-bad-rows]` against DATABASE_URL: imports, refuses, and says so on a second run. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg } from '../helpers/app.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { countEvents, EVENTS_CSV, HEADER, storedContacts, tempDir } from './fixtures.ts';

let db: TestDatabase;
let orgId: string;
const files = tempDir();
const env = () => ({ ...process.env, DATABASE_URL: db.url, LANG: 'C.UTF-8', LC_ALL: '' });

beforeAll(async () => {
  db = await createTestDatabase();
  orgId = (await buildOrg(db.pool, 'Cli Support Org')).orgId;
  await buildOrg(db.pool, 'Another Org');
});
afterAll(async () => {
  files.remove();
  await db?.drop();
});

describe('sarafan import events', () => {
  it('needs --org when there are several organisations', async () => {
    const { code, output } = await runCli(['import', 'events', files.write('a.csv', EVENTS_CSV)], env());
    expect(code).toBe(1);
    expect(output).toMatch(/several organisations.*--org/);
    expect(await countEvents(db.pool, orgId)).toBe(0);
  });

  it('imports a file into the organisation named, then says a second run changed nothing', async () => {
    const file = files.write('tickets.csv', EVENTS_CSV);
    const first = await runCli(['import', 'events', file, '--preset', 'canonical', '--org', 'Cli Support Org'], env());
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('Imported tickets.csv: 11 rows read, 11 new events, 2 contacts updated, no rows refused');
    expect(await countEvents(db.pool, orgId)).toBe(11);
    expect((await storedContacts(db.pool, orgId)).T1).toMatchObject({ reopens: 1, solved_by: 'Ivan' });
    const second = await runCli(['import', 'events', file, '--org', orgId], env());
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/tickets\.csv was imported already \(done, .*\); nothing changed/);
    expect(await countEvents(db.pool, orgId)).toBe(11);
  });

  it('refuses a file with bad rows (exit 1, lines listed), and imports the rest with --skip-bad-rows', async () => {
    const file = files.write('bad.csv', `${HEADER}\nC1,,2026-03-02T09:00:00Z,created,,,,,,,,\nC1,,02/03/2026,solved,,,,,,,,\n`);
    const refused = await runCli(['import', 'events', file, '--org', orgId], env());
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('line 3:');
    expect(refused.output).toContain('Nothing was imported: 1 row was refused');
    expect(await countEvents(db.pool, orgId)).toBe(11);
    const skipped = await runCli(['import', 'events', file, '--org', orgId, '--skip-bad-rows'], env());
    expect(skipped.code, skipped.output).toBe(0);
    expect(skipped.output).toContain('1 new event, 1 contact updated, 1 row refused');
    expect(await countEvents(db.pool, orgId)).toBe(12);
  });
  it('refuses a file it cannot use at all (a required column missing, the wrong preset) with exit 2 and writes nothing', async () => {
    const imports = async () => Number((await db.pool.query('select count(*) from support_imports where org_id = $1', [orgId])).rows[0].count);
    const before = { events: await countEvents(db.pool, orgId), imports: await imports() };
    const noEvent = files.write('no-event.csv', 'ticket_id,at\nT9,2026-03-02T09:00:00Z\n');
    const missing = await runCli(['import', 'events', noEvent, '--org', orgId], env());
    expect(missing.code, missing.output).toBe(2);
    expect(missing.output).toContain('Nothing was imported: the file has no column event');
    const wrongPreset = await runCli(['import', 'events', files.write('canonical.csv', EVENTS_CSV), '--org', orgId, '--preset', 'servicenow'], env());
    expect(wrongPreset.code, wrongPreset.output).toBe(2);
    expect(wrongPreset.output).toMatch(/the file has no column number, incident_state, opened_at, sys_updated_at/);
    expect({ events: await countEvents(db.pool, orgId), imports: await imports() }).toEqual(before);
  });
});
