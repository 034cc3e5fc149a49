/** `sarafan import-store FILE --kind ... [--org] [--mapping] [--time-zone] [--skip-bad-rows]` against DATABASE_URL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg } from '../helpers/app.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { tempDir } from '../support-store/fixtures.ts';

let db: TestDatabase;
let orgId: string;
const files = tempDir();
const env = () => ({ ...process.env, DATABASE_URL: db.url, LANG: 'C.UTF-8', LC_ALL: '' });

beforeAll(async () => {
  db = await createTestDatabase();
  const org = await buildOrg(db.pool, 'Cli Store Org');
  orgId = org.orgId;
  const store = await buildLocation(db.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Arbat');
  await db.pool.query(`update locations set code = 'ARB' where id = $1`, [store.id]);
  await buildOrg(db.pool, 'Another Org');
});
afterAll(async () => {
  files.remove();
  await db?.drop();
});

const sales = async () => (await db.pool.query(`select receipt_id, amount::text, at from sales_transactions where org_id = $1 order by receipt_id`, [orgId])).rows;

// Each case starts the CLI several times: slow on a busy machine.
describe('sarafan import-store', { timeout: 240_000 }, () => {
  it('imports a transaction file with a mapping and a zone, then says a second run changed nothing', async () => {
    const file = files.write('till.csv', 'Check no,Shop,Time,Sum\n1,ARB,2026-03-02 10:00,10.5\n2,Arbat,2026-03-02 11:00,"4,25"\n');
    const args = ['import-store', file, '--kind', 'transactions', '--org', 'Cli Store Org', '--mapping', '{"receipt_id":"Check no","at":"Time"}', '--time-zone', 'Europe/Moscow'];
    const first = await runCli(args, env());
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('Imported till.csv (transactions): 2 rows read, 2 rows stored, no rows refused');
    // 10:00 and 11:00 in Moscow (UTC+3) are 07:00Z and 08:00Z.
    expect(await sales()).toEqual([
      { receipt_id: '1', amount: '10.50', at: new Date('2026-03-02T07:00:00Z') },
      { receipt_id: '2', amount: '4.25', at: new Date('2026-03-02T08:00:00Z') },
    ]);
    const second = await runCli(args, env());
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/till\.csv was imported already \(done, .*\); nothing changed/);
  });

  it('refuses a file with a bad row (exit 1) unless --skip-bad-rows, and an unusable file (exit 2)', async () => {
    const file = files.write('bad.csv', 'receipt_id,location,at,amount\n3,ARB,2026-03-03T10:00:00Z,1\n4,ARB,yesterday,1\n');
    const refused = await runCli(['import-store', file, '--kind', 'transactions', '--org', orgId], env());
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('line 3: at: "yesterday" is not a date in the format ISO 8601');
    expect(await sales()).toHaveLength(2);
    const skipped = await runCli(['import-store', file, '--kind', 'transactions', '--org', orgId, '--skip-bad-rows'], env());
    expect(skipped.code, skipped.output).toBe(0);
    expect(skipped.output).toContain('2 rows read, 1 row stored, 1 row refused');
    const unusable = await runCli(['import-store', files.write('x.csv', 'a,b\n1,2\n'), '--kind', 'footfall', '--org', orgId], env());
    expect(unusable.code).toBe(2);
    expect(unusable.output).toContain('the file has no column for location, hour');
  });
});
