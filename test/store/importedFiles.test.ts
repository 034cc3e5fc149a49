/**
 * Done-when of issue 15: the funnel and loyalty figures from files imported through the dashboard's upload
 * (docs/store-economics.md), and the same loyalty numbers from `npx sarafan loyalty` on the same file.
 * Every expected value is worked out by hand in the comments.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithOwner, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { runCommand } from '../helpers/cli.ts';
import { importFile } from '../store-imports/upload.ts';

let server: TestServer;
let owner: Client;
let storeId: string;
let dir: string;

// Store S1, hours in UTC (the organisation's zone here). Passers-by measured on 2 March 10:00 and 3 March 10:00 only.
const FOOTFALL = ['location,hour,visitors,passers_by', 'S1,2026-03-02 10:00,10,100', 'S1,2026-03-02 11:00,20,', 'S1,2026-03-03 10:00,5,50'].join('\n');
// The canonical loyalty file (customer_id, at, amount; location and order_id optional).
const TRANSACTIONS = [
  'customer_id,at,amount,location,order_id',
  'A,2026-03-02T10:15:00Z,100,S1,R1',
  'B,2026-03-02T11:30:00Z,50,S1,R2',
  'A,20260303,30,S1,R3',
  'C,2026-04-01T12:00:00Z,20,S1,R4',
].join('\n');

beforeAll(async () => {
  server = await startTestServer();
  const built = await buildOrgWithOwner(server, 'Imported Files Org', 'owner@imported-files.test');
  owner = built.owner;
  storeId = built.store.id;
  await server.pool.query(`update orgs set timezone = 'UTC' where id = $1`, [built.org.orgId]);
  await server.pool.query(`update locations set code = 'S1' where org_id = $1 and id = $2`, [built.org.orgId, storeId]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-imported-'));
  fs.writeFileSync(path.join(dir, 'till.csv'), TRANSACTIONS);
  expect(await importFile(owner, FOOTFALL, 'kind=footfall&fileName=door.csv&timeZone=UTC')).toMatchObject({ status: 'done', rowsStored: 3 });
  expect(await importFile(owner, TRANSACTIONS, 'kind=transactions&fileName=till.csv&timeZone=UTC')).toMatchObject({ status: 'done', rowsStored: 4 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('figures from imported files', () => {
  it('the funnel of 2-3 March', async () => {
    const res = await owner.get(`/api/v1/store/funnel?from=2026-03-02&to=2026-03-03&location=${storeId}`);
    expect(res.status, res.text).toBe(200);
    // visitors 10 + 20 + 5 = 35; capture over the measured hours only: (10 + 5) / (100 + 50) = 0.1;
    // transactions R1, R2, R3 = 3, revenue 180, average check 60. Conversion pairs hours the counter counted with their
    // sales: R3 is dated 3 March without a time (midnight, an hour without footfall), so it is left out: 2 / 35.
    expect(res.json.totals).toMatchObject({ visitors: 35, passersBy: 150, transactions: 3, revenue: 180, averageCheck: 60 });
    expect(res.json.totals.captureRate).toBeCloseTo(0.1, 12);
    expect(res.json.totals.conversion).toBeCloseTo(2 / 35, 12);
  });

  const expected = {
    customers: 3,
    transactions: 4,
    revenue: 200,
    // the top ceil(20% of 3) = 1 customer: A with 100 + 30 = 130 of 200
    top20_revenue_share: 0.65,
    // A bought on 2 and 3 March; B and C on one day each
    repeat_customer_rate: 1 / 3,
    // March: A and B, neither buys in April; April is the last period, so it is not listed
    retention: [{ period: '2026-03', active: 2, retained: 0, rate: 0 }],
  };

  it('the dashboard\'s loyalty summary', async () => {
    const res = await owner.get('/api/v1/loyalty/summary?from=2026-03-01&to=2026-04-30&period=month');
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ ...expected, top20_revenue_share: expect.closeTo(0.65, 12), repeat_customer_rate: expect.closeTo(1 / 3, 12) });
  });

  it('`npx sarafan loyalty` on the same file says the same', async () => {
    const run = await runCommand(['loyalty', path.join(dir, 'till.csv'), '--period', 'month', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ ...expected, top20_revenue_share: expect.closeTo(0.65, 12), repeat_customer_rate: expect.closeTo(1 / 3, 12) });
  });
});
