/**
 * The store imports API (docs/store-economics.md "Imports: footfall, transactions, shifts") on real PostgreSQL
 * through the upload route and the import-store-file job: CSV / XLSX / JSON lines, column mapping, idempotency
 * (same file; same rows in another file), per-row errors (all or nothing, skipBadRows), a location manager's
 * scope, and store_hour_sales equal to the sum over sales_transactions. Expected values are worked out by hand
 * in the comments.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreImportPreviewAnswerSchema, StoreImportsAnswerSchema } from '../../src/core/api/storeImports.ts';
import { buildLocation, buildOrgWithOwner, buildUser, signIn, type Client, type TestServer, startTestServer } from '../helpers/app.ts';
import { importFile, upload } from './upload.ts';

let server: TestServer;
let owner: Client;
let orgId: string;
let n1: string; // "North store" (code N1) in region North
let s1: string; // "Store 1" (code S1) under the root

beforeAll(async () => {
  server = await startTestServer();
  const built = await buildOrgWithOwner(server, 'Store Imports Org', 'owner@store-imports.test');
  orgId = built.org.orgId;
  owner = built.owner;
  const region = await buildLocation(server.pool, orgId, { id: built.org.rootLocationId, path: built.org.rootPath }, 'region', 'North');
  n1 = (await buildLocation(server.pool, orgId, region, 'store', 'North store')).id;
  s1 = built.store.id;
  await server.pool.query(`update locations set code = 'N1' where org_id = $1 and id = $2`, [orgId, n1]);
  await server.pool.query(`update locations set code = 'S1' where org_id = $1 and id = $2`, [orgId, s1]);
  await buildUser(server.pool, orgId, 'location_manager', 'lm@store-imports.test', [region.id]);
});
afterAll(() => server?.close());

async function hourSales(): Promise<Record<string, { transactions: number; revenue: string; items: number | null }>> {
  const { rows } = await server.pool.query(
    `select l.code, h.hour, h.transactions, h.revenue::text, h.items from store_hour_sales h join locations l on l.id = h.location_id
      where h.org_id = $1 order by 1, 2`, [orgId]);
  return Object.fromEntries(rows.map((r) => [`${r.code} ${r.hour.toISOString()}`, { transactions: r.transactions, revenue: r.revenue, items: r.items }]));
}

const count = async (table: string) => Number((await server.pool.query(`select count(*) from ${table} where org_id = $1`, [orgId])).rows[0].count);

const TX_CSV = [
  'Store;Order ID;Date;Total;Customer;Qty',
  'N1;R1;2026-03-02 10:15;12,50;C1;2',
  'N1;R2;2026-03-02 10:40;7,50;C2;1',
  'S1;R1;2026-03-02 11:05;100;C1;5',
  'North store;;2026-03-02T08:20:00Z;3,00;;',
  'N1;;20260303;-2,50;C2;',
].join('\n');

describe('transactions', () => {
  it('imports a CSV with synonyms, a zone and derived receipt ids, and rolls up the touched hours', async () => {
    const done = await importFile(owner, TX_CSV, 'kind=transactions&fileName=till.csv&timeZone=Europe/Moscow');
    expect(done).toMatchObject({ status: 'done', rowsRead: 5, rowsRefused: 0, rowsStored: 5, problems: [], bytesRead: Buffer.byteLength(TX_CSV) });
    // Moscow is UTC+3: 10:15 and 10:40 fall in 07:00Z; 11:05 in 08:00Z; 20260303 is midnight Moscow = 21:00Z the day before.
    expect(await hourSales()).toEqual({
      'N1 2026-03-02T07:00:00.000Z': { transactions: 2, revenue: '20.00', items: 3 },
      'N1 2026-03-02T08:00:00.000Z': { transactions: 1, revenue: '3.00', items: null },
      'N1 2026-03-02T21:00:00.000Z': { transactions: 1, revenue: '-2.50', items: null },
      'S1 2026-03-02T08:00:00.000Z': { transactions: 1, revenue: '100.00', items: 5 },
    });
    const { rows } = await server.pool.query(`select receipt_id, customer_key from sales_transactions where org_id = $1 and location_id = $2 and receipt_id like '~%'`, [orgId, n1]);
    expect(rows).toHaveLength(2);
  });

  it('the same file again answers the first import; the same rows in another file store nothing new', async () => {
    const again = await upload(owner, TX_CSV, 'kind=transactions&fileName=renamed.csv&timeZone=Europe/Moscow');
    expect(again.status).toBe(200);
    expect(again.json.alreadyImported).toBe(true);
    const before = await hourSales();
    const lines = TX_CSV.split('\n');
    const shuffled = [lines[0], lines[5], lines[3], lines[1], lines[4], lines[2]].join('\r\n') + '\r\n';
    const done = await importFile(owner, shuffled, 'kind=transactions&fileName=till-copy.csv&timeZone=Europe/Moscow');
    expect(done).toMatchObject({ status: 'done', rowsRead: 5, rowsStored: 0 });
    expect(await count('sales_transactions')).toBe(5);
    expect(await hourSales()).toEqual(before);
  });

  it('a corrected receipt moves to its new hour; the old hour is recomputed (explicit mapping)', async () => {
    const done = await importFile(owner, 'Kasse,Beleg,Zeit,Betrag\nN1,R1,2026-03-02T09:30:00Z,13.00\n',
      `kind=transactions&fileName=fix.csv&mapping=${encodeURIComponent(JSON.stringify({ location: 'Kasse', receipt_id: 'Beleg', at: 'Zeit', amount: 'Betrag' }))}`);
    expect(done).toMatchObject({ status: 'done', rowsStored: 1 });
    const h = await hourSales();
    // 07:00Z keeps R2 only (7.50, 1 item); R1 is now alone at 09:00Z.
    expect(h['N1 2026-03-02T07:00:00.000Z']).toEqual({ transactions: 1, revenue: '7.50', items: 1 });
    expect(h['N1 2026-03-02T09:00:00.000Z']).toEqual({ transactions: 1, revenue: '13.00', items: null });
  });

  it('a file with bad rows stores nothing; with skipBadRows the good rows are stored and the bad ones listed', async () => {
    const bad = 'receipt_id,location,at,amount\nB1,N1,2026-03-04T10:00:00Z,5\nB2,N1,not a date,5\nB3,Nowhere,2026-03-04T10:00:00Z,5\n';
    const failed = await importFile(owner, bad, 'kind=transactions&fileName=bad.csv');
    expect(failed.status).toBe('failed');
    expect(failed.problems).toEqual([
      { line: 3, reason: 'at: "not a date" is not a date in the format ISO 8601' },
      { line: 4, reason: 'location: no location has this id, code or name' },
    ]);
    expect(await count('sales_transactions')).toBe(5);
    const skipped = await importFile(owner, bad, 'kind=transactions&fileName=bad.csv&skipBadRows=true');
    expect(skipped).toMatchObject({ status: 'done', rowsRead: 3, rowsRefused: 2, rowsStored: 1 });
    expect(await count('sales_transactions')).toBe(6);
  });

  it('a missing required column fails the whole file naming it', async () => {
    const failed = await importFile(owner, 'location,at\nN1,2026-03-04T10:00:00Z\n', 'kind=transactions&fileName=noamount.csv');
    expect(failed).toMatchObject({ status: 'failed', problems: [{ line: 0, reason: 'the file has no column for amount' }] });
  });

  it('the whole-file location serves rows without one', async () => {
    const done = await importFile(owner, 'receipt,at,amount\nW1,2026-03-05T10:00:00Z,4\n', `kind=transactions&fileName=one-store.csv&location=${s1}`);
    expect(done).toMatchObject({ status: 'done', rowsStored: 1, locationId: s1 });
    const { rows } = await server.pool.query(`select location_id from sales_transactions where org_id = $1 and receipt_id = 'W1'`, [orgId]);
    expect(rows).toEqual([{ location_id: s1 }]);
  });

  it('store_hour_sales equals the sum over sales_transactions for every hour', async () => {
    const { rows: expected } = await server.pool.query(
      `select location_id, date_trunc('hour', at, 'UTC') as hour, count(*)::int as transactions, sum(amount)::text as revenue, sum(items)::int as items
         from sales_transactions where org_id = $1 group by 1, 2 order by 1, 2`, [orgId]);
    const { rows: actual } = await server.pool.query(
      `select location_id, hour, transactions, revenue::text, items from store_hour_sales where org_id = $1 order by 1, 2`, [orgId]);
    expect(actual).toEqual(expected);
    // N1: 07, 08, 09, 21 on 03-02 and 10 on 03-04 (B1); S1: 08 on 03-02 and 10 on 03-05 (W1).
    expect(actual.length).toBe(7);
  });

  it('a location manager stores only rows of their locations and sees only their imports', async () => {
    const manager = await signIn(server.baseUrl, 'lm@store-imports.test');
    const done = await importFile(manager, 'receipt_id,location,at,amount\nM1,N1,2026-03-06T10:00:00Z,1\nM2,S1,2026-03-06T10:00:00Z,1\n',
      'kind=transactions&fileName=lm.csv&skipBadRows=true');
    expect(done).toMatchObject({ status: 'done', rowsStored: 1, rowsRefused: 1, problems: [{ line: 3, reason: 'location: not one of your locations' }] });
    const list = await manager.get('/api/v1/store-imports');
    expect(StoreImportsAnswerSchema.safeParse(list.json).success).toBe(true);
    expect(list.json.imports.map((i: { id: string }) => i.id)).toEqual([done.id]);
    const ownerImport = (await owner.get('/api/v1/store-imports')).json.imports.find((i: { fileName: string }) => i.fileName === 'till.csv');
    expect((await manager.get(`/api/v1/store-imports/${ownerImport.id}`)).status).toBe(404);
    // A whole-file location outside the manager's locations is refused before the upload.
    const refused = await upload(manager, 'at,amount\n2026-03-06T10:00:00Z,1\n', `kind=transactions&fileName=x.csv&location=${s1}`);
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/location/);
  });
});

describe('footfall and shifts', () => {
  it('sums an XLSX footfall file per location and hour; a re-import replaces the hour', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Counts');
    ws.addRow(['Location', 'Date', 'Hour', 'In', 'Passers-by']);
    ws.addRow(['N1', '2026-03-02', 10, 5, 40]);
    ws.addRow(['N1', '2026-03-02', 10, 3, null]);
    ws.addRow(['S1', '2026-03-02', 11, 7, 90]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const done = await importFile(owner, xlsx, 'kind=footfall&fileName=counts.xlsx');
    expect(done).toMatchObject({ status: 'done', rowsRead: 3, rowsStored: 2 });
    const read = async () => (await server.pool.query(
      `select l.code, f.hour, f.visitors, f.passers_by from footfall_hours f join locations l on l.id = f.location_id where f.org_id = $1 order by 1, 2`, [orgId])).rows;
    // N1 10:00: 5 + 3 visitors, passers-by 40 (the blank one is not measured).
    expect(await read()).toEqual([
      { code: 'N1', hour: new Date('2026-03-02T10:00:00Z'), visitors: 8, passers_by: 40 },
      { code: 'S1', hour: new Date('2026-03-02T11:00:00Z'), visitors: 7, passers_by: 90 },
    ]);
    const again = await importFile(owner, '{"store":"N1","hour":"2026-03-02T10:20:00Z","visitors":4}\n', 'kind=footfall&fileName=fix.jsonl');
    expect(again).toMatchObject({ status: 'done', rowsStored: 1 });
    expect((await read())[0]).toEqual({ code: 'N1', hour: new Date('2026-03-02T10:00:00Z'), visitors: 4, passers_by: null });
  });

  it('imports JSON-lines shifts: date + start + end past midnight, and starts_at / ends_at; upserted', async () => {
    const file = [
      JSON.stringify({ location: 'N1', employee: 'E1', date: '2026-03-02', start: '22:00', end: '06:00' }),
      JSON.stringify({ location: 'N1', shift_id: 'X', starts_at: '2026-03-02T09:00:00Z', ends_at: '2026-03-02T17:00:00Z' }),
      'not json',
    ].join('\n');
    const done = await importFile(owner, file, 'kind=shifts&fileName=shifts.jsonl&skipBadRows=true');
    expect(done).toMatchObject({ status: 'done', rowsRead: 3, rowsStored: 2, problems: [{ line: 3, reason: 'not a JSON object' }] });
    const { rows } = await server.pool.query(`select shift_key, employee_code, starts_at, ends_at from staff_shifts where org_id = $1 order by shift_key`, [orgId]);
    expect(rows).toEqual([
      { shift_key: 'E1@2026-03-02T22:00:00.000Z', employee_code: 'E1', starts_at: new Date('2026-03-02T22:00:00Z'), ends_at: new Date('2026-03-03T06:00:00Z') },
      { shift_key: 'X', employee_code: null, starts_at: new Date('2026-03-02T09:00:00Z'), ends_at: new Date('2026-03-02T17:00:00Z') },
    ]);
    const moved = await importFile(owner, '{"location":"N1","shift_id":"X","starts_at":"2026-03-02T10:00:00Z","ends_at":"2026-03-02T18:00:00Z"}', 'kind=shifts&fileName=x.jsonl');
    expect(moved.rowsStored).toBe(1);
    expect(await count('staff_shifts')).toBe(2);
  });
});

describe('validation and preview', () => {
  it('refuses a bad kind, mapping, zone or empty file naming the field, and viewers', async () => {
    const bad = async (query: string, field: string) => {
      const res = await upload(owner, 'a\n1\n', query);
      expect(res.status, query).toBe(400);
      expect(res.text).toMatch(field);
    };
    await bad('kind=sales&fileName=a.csv', 'kind');
    await bad('kind=transactions&fileName=a.csv&mapping=%7B%22colour%22%3A%22a%22%7D', 'mapping');
    await bad('kind=transactions&fileName=a.csv&mapping=notjson', 'mapping');
    await bad('kind=transactions&fileName=a.csv&timeZone=Mars/Base', 'timeZone');
    expect((await upload(owner, '', 'kind=transactions&fileName=a.csv')).status).toBe(400);
    await buildUser(server.pool, orgId, 'viewer', 'viewer@store-imports.test');
    const viewer = await signIn(server.baseUrl, 'viewer@store-imports.test');
    expect((await upload(viewer, 'a\n1\n', 'kind=transactions&fileName=a.csv')).status).toBe(403);
  });

  it('previews the columns of a CSV and a JSON-lines beginning with the suggested mapping', async () => {
    const post = (body: string, query: string) => owner.request('POST', `/api/v1/store-imports/preview?${query}`, body, { 'content-type': 'application/octet-stream' });
    const csv = await post('Shop;Receipt No.;Sold at;Sum;Card\nN1;1;2026-03-02;1;C\n', 'kind=transactions&fileName=a.csv');
    expect(csv.status, csv.text).toBe(200);
    expect(StoreImportPreviewAnswerSchema.safeParse(csv.json).success).toBe(true);
    expect(csv.json).toEqual({
      columns: ['Shop', 'Receipt No.', 'Sold at', 'Sum', 'Card'],
      fields: ['receipt_id', 'location', 'at', 'amount', 'customer_id', 'items', 'referral_code'],
      suggested: { location: 'Shop', receipt_id: 'Receipt No.', at: 'Sold at', amount: 'Sum', customer_id: 'Card' },
    });
    const jsonl = await post('{"store":"N1","visitors":3,"hour":"2026-03-02T10:00:00Z"}\n', 'kind=footfall&fileName=a.jsonl');
    expect(jsonl.json).toMatchObject({ columns: ['store', 'visitors', 'hour'], suggested: { location: 'store', visitors: 'visitors', hour: 'hour' } });
    expect((await post('x', 'kind=footfall&fileName=a.xlsx')).json.columns).toBeNull();
  });
});
