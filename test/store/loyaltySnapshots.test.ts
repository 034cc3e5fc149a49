/**
 * Stored loyalty answers (docs/store-economics.md "Loyalty economics"): a second equal request reads the snapshot
 * (same answer, same computedAt); another transactions import, a time-zone change, another caller's location scope
 * or a new NPS answer each get a freshly computed answer. Transactions come in through the real import runner.
 * The figures are worked out by hand in the comments.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreImport } from '../../src/db/storeImports/imports.ts';
import { runStoreImport } from '../../src/server/store/importStoreFile.ts';
import { loyaltyRefreshJob } from '../../src/server/loyalty/loyaltyRefreshJob.ts';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';

let server: TestServer;
let owner: Client;
let manager: Client;
let orgId: string;
let work: string;
let imports = 0;

/** Imports CSV lines (receipt_id,location,at,amount,customer_id) through the runner the upload job uses. */
async function importTransactions(lines: string[]): Promise<void> {
  imports += 1;
  const file = path.join(work, `t${imports}.csv`);
  fs.writeFileSync(file, `receipt_id,location,at,amount,customer_id\n${lines.join('\n')}\n`);
  const started = await startStoreImport(server.pool, orgId, {
    kind: 'transactions', fileName: `t${imports}.csv`, fileSha256: `sha-${imports}`, format: 'csv', mapping: {}, timeZone: 'UTC', dateFormat: null,
    locationId: null, skipBadRows: false, locationPaths: null, uploadPath: null, bytesTotal: fs.statSync(file).size, createdBy: null,
  });
  const done = await runStoreImport(server.pool, started.row, file);
  expect(done.status).toBe('done');
}

const storedSnapshots = async () => Number((await server.pool.query(`select count(*) from loyalty_snapshots where org_id = $1`, [orgId])).rows[0].count);

beforeAll(async () => {
  server = await startTestServer();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'loyalty-snapshots-'));
  const org = await buildOrg(server.pool, 'Snapshot Org');
  orgId = org.orgId;
  await server.pool.query(`update orgs set timezone = 'UTC' where id = $1`, [orgId]);
  const root = { id: org.rootLocationId, path: org.rootPath };
  const storeA = await buildLocation(server.pool, orgId, root, 'store', 'Snap A');
  await buildLocation(server.pool, orgId, root, 'store', 'Snap B');
  await buildUser(server.pool, orgId, 'owner', 'owner@snapshots.test');
  await buildUser(server.pool, orgId, 'location_manager', 'manager@snapshots.test', [storeA.id]);
  await importTransactions([
    'R1,Snap A,2026-01-10T10:00:00Z,100,c1',
    // 22:30 UTC on Jan 31: January in UTC, February 1 in Moscow
    'R2,Snap A,2026-01-31T22:30:00Z,40,c1',
    'R3,Snap B,2026-02-05T12:00:00Z,60,c2',
  ]);
  owner = await signIn(server.baseUrl, 'owner@snapshots.test');
  manager = await signIn(server.baseUrl, 'manager@snapshots.test');
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('loyalty snapshots', () => {
  let first: { computedAt: string };

  it('a second equal request reads the stored answer: same figures, same computedAt', async () => {
    const a = await owner.get('/api/v1/loyalty/summary');
    expect(a.status).toBe(200);
    // c1 100 + 40 on two January days (UTC), c2 60 in February: 2 customers, 3 transactions, 200; repeat 1 / 2.
    // January: c1 active, not in February: retained 0.
    expect(a.json).toMatchObject({ customers: 2, transactions: 3, revenue: 200, repeat_customer_rate: 0.5, timeZone: 'UTC' });
    expect(a.json.retention).toEqual([{ period: '2026-01', active: 1, retained: 0, rate: 0 }]);
    const b = await owner.get('/api/v1/loyalty/summary?period=month');
    expect(b.json).toEqual(a.json);
    expect(await storedSnapshots()).toBe(1);
    first = a.json;
  });

  it('another location scope is computed for that scope, not read from the owner\'s answer', async () => {
    const res = await manager.get('/api/v1/loyalty/summary');
    // Store Snap A only: c1's 100 + 40.
    expect(res.json).toMatchObject({ customers: 1, transactions: 2, revenue: 140 });
    expect(await storedSnapshots()).toBe(2);
    const again = await owner.get('/api/v1/loyalty/summary');
    expect(again.json).toEqual(first);
  });

  it('another period or window is its own snapshot', async () => {
    const res = await owner.get('/api/v1/loyalty/summary?from=2026-02-01');
    // Only R3: c2 60.
    expect(res.json).toMatchObject({ customers: 1, transactions: 1, revenue: 60 });
    expect(await storedSnapshots()).toBe(3);
  });

  it('a time-zone change computes again with the new calendar days', async () => {
    await server.pool.query(`update orgs set timezone = 'Europe/Moscow' where id = $1`, [orgId]);
    const res = await owner.get('/api/v1/loyalty/summary');
    // Moscow: c1 on Jan 10 and Feb 1: active in January and February, so January retains 1 of 1.
    expect(res.json).toMatchObject({ customers: 2, transactions: 3, revenue: 200, timeZone: 'Europe/Moscow' });
    expect(res.json.retention).toEqual([{ period: '2026-01', active: 1, retained: 1, rate: 1 }]);
    expect(res.json.computedAt).not.toBe(first.computedAt);
    const again = await owner.get('/api/v1/loyalty/summary');
    expect(again.json).toEqual(res.json);
  });

  it('nps-value and what-if read one stored answer until a new NPS answer arrives', async () => {
    const a = await owner.get('/api/v1/loyalty/nps-value');
    const w = await owner.get('/api/v1/loyalty/what-if');
    expect(w.json.computedAt).toBe(a.json.computedAt);
    // nobody has an NPS answer yet: 2 unknown customers, 200
    expect(a.json.groups.find((g: { group: string }) => g.group === 'unknown')).toMatchObject({ customers: 2, revenue: 200, revenuePerCustomer: 100 });
    const { rows: [s] } = await server.pool.query(`insert into surveys(org_id, slug, name, audience) values ($1, 'snap-nps', 'NPS', 'customers') returning id`, [orgId]);
    const { rows: [q] } = await server.pool.query(`insert into questions(org_id, survey_id, key, position, type, metric) values ($1, $2, 'nps', 0, 'nps', 'nps') returning id`, [orgId, s.id]);
    const { rows: [c] } = await server.pool.query(`insert into contacts(org_id, external_id) values ($1, 'c1') returning id`, [orgId]);
    const { rows: [loc] } = await server.pool.query(`select id from locations where org_id = $1 and name = 'Snap A'`, [orgId]);
    const { rows: [r] } = await server.pool.query(
      `insert into responses(org_id, survey_id, location_id, language, idempotency_key, survey_version, submitted_at, contact_id) values ($1, $2, $3, 'en', 'snap-1', 1, now(), $4) returning id`,
      [orgId, s.id, loc.id, c.id],
    );
    await server.pool.query(
      `insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score) values ($1, $2, $3, $4, $5, 'link', 'en', now(), 10)`,
      [orgId, r.id, q.id, s.id, loc.id],
    );
    const b = await owner.get('/api/v1/loyalty/nps-value');
    // c1 (140) is now a promoter; c2 (60) unknown
    expect(b.json.groups.find((g: { group: string }) => g.group === 'promoter')).toMatchObject({ customers: 1, revenue: 140 });
    expect(b.json.groups.find((g: { group: string }) => g.group === 'unknown')).toMatchObject({ customers: 1, revenue: 60 });
    expect(b.json.computedAt).not.toBe(a.json.computedAt);
  });

  it('another import computes again, and loyalty-refresh stores the default view ahead of the visit', async () => {
    const before = await owner.get('/api/v1/loyalty/summary');
    await importTransactions(['R4,Snap B,2026-03-01T12:00:00Z,25,c3']);
    expect(await storedSnapshots()).toBe(0);
    await loyaltyRefreshJob.handler({ orgId }, { pool: server.pool } as Parameters<typeof loyaltyRefreshJob.handler>[1]);
    // all time and the last 12 months, each a summary and the NPS groups
    expect(await storedSnapshots()).toBe(4);
    const { rows: [stored] } = await server.pool.query(`select computed_at from loyalty_snapshots where org_id = $1 and kind = 'summary' and params = 'period=month'`, [orgId]);
    const after = await owner.get('/api/v1/loyalty/summary');
    // + c3 25: 3 customers, 4 transactions, 225
    expect(after.json).toMatchObject({ customers: 3, transactions: 4, revenue: 225 });
    expect(after.json.computedAt).not.toBe(before.json.computedAt);
    expect(after.json.computedAt).toBe(stored.computed_at.toISOString());
  });
});
