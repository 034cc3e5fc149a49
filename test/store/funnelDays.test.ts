/**
 * The funnel's day rollup (src/db/store/funnelDays.ts) against an independent aggregation of the hourly tables,
 * computed here in JavaScript from footfall_hours and store_hour_sales by the pairing rules of docs/store-economics.md
 * "The funnel": after a footfall and a transaction import through the real runner, after a second import that
 * corrects rows (a receipt moved to another day, a footfall hour replaced), and after the organisation's time zone
 * changes. One day is also checked against figures worked out by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreImport } from '../../src/db/storeImports/imports.ts';
import { ensureFunnelDays } from '../../src/db/store/funnelDays.ts';
import { fileDigest } from '../../src/server/files/upload.ts';
import { runStoreImport } from '../../src/server/store/importStoreFile.ts';
import { buildLocation, buildOrg, startTestServer, type TestServer } from '../helpers/app.ts';

let server: TestServer;
let orgId: string;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-days-'));

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Funnel Days Org');
  orgId = org.orgId;
  await server.pool.query(`update orgs set timezone = 'Europe/Moscow' where id = $1`, [orgId]);
  for (const code of ['N1', 'S1']) {
    const { id } = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', `Store ${code}`);
    await server.pool.query(`update locations set code = $3 where org_id = $1 and id = $2`, [orgId, id, code]);
  }
});
afterAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  await server?.close();
});

async function importLines(kind: 'footfall' | 'transactions', lines: object[]) {
  const file = path.join(work, `${kind}-${Date.now()}-${Math.random()}.jsonl`);
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const { sha256, bytes } = await fileDigest(file);
  const started = await startStoreImport(server.pool, orgId, {
    kind, fileName: path.basename(file), fileSha256: sha256, format: 'jsonl', mapping: {}, timeZone: 'UTC', dateFormat: null,
    locationId: null, skipBadRows: false, locationPaths: null, uploadPath: null, bytesTotal: bytes, createdBy: null,
  });
  const done = await runStoreImport(server.pool, started.row, file);
  expect(done.status, JSON.stringify(done.problems)).toBe('done');
}

interface Day {
  footfall_hours: number; passers_by_hours: number; passers_by: number; captured_visitors: number; visitors: number; sales_hours: number;
  transactions: number; revenue: number; items: number | null; converted_visitors: number; converted_transactions: number;
}

/** The rollup as stored: "<code> <day>" -> sums, and the zones its rows were computed in. */
async function rollup(): Promise<{ days: Record<string, Day>; zones: string[] }> {
  const { rows } = await server.pool.query(
    `select l.code, to_char(d.day, 'YYYY-MM-DD') as day, d.time_zone, d.footfall_hours, d.passers_by_hours, d.passers_by::float8, d.captured_visitors::float8,
            d.visitors::float8, d.sales_hours, d.transactions::float8, d.revenue::float8, d.items::float8, d.converted_visitors::float8, d.converted_transactions::float8
       from store_funnel_days d join locations l on l.org_id = d.org_id and l.id = d.location_id where d.org_id = $1`, [orgId]);
  const days: Record<string, Day> = {};
  for (const { code, day, time_zone: _tz, ...sums } of rows) days[`${code} ${day}`] = sums;
  return { days, zones: [...new Set(rows.map((r) => r.time_zone as string))] };
}

/** The same sums computed here from the hourly rows: local day by Intl, pairing rules applied per (store, day). */
async function independent(timeZone: string): Promise<Record<string, Day>> {
  const q = (table: string, cols: string) => server.pool.query(
    `select l.code, h.hour, ${cols} from ${table} h join locations l on l.org_id = h.org_id and l.id = h.location_id where h.org_id = $1`, [orgId]);
  const foot = (await q('footfall_hours', 'h.visitors, h.passers_by')).rows;
  const sales = (await q('store_hour_sales', 'h.transactions, h.revenue::float8, h.items')).rows;
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const cells = new Map<string, { code: string; hour: Date; f?: { visitors: number; passers_by: number | null }; s?: { transactions: number; revenue: number; items: number | null } }>();
  const cell = (code: string, hour: Date) => {
    const k = `${code} ${hour.toISOString()}`;
    if (!cells.has(k)) cells.set(k, { code, hour });
    return cells.get(k)!;
  };
  for (const r of foot) cell(r.code, r.hour).f = { visitors: r.visitors, passers_by: r.passers_by };
  for (const r of sales) cell(r.code, r.hour).s = { transactions: r.transactions, revenue: r.revenue, items: r.items };
  const byDay = new Map<string, (typeof cells extends Map<string, infer V> ? V : never)[]>();
  for (const c of cells.values()) {
    const k = `${c.code} ${dayOf.format(c.hour)}`;
    byDay.set(k, [...(byDay.get(k) ?? []), c]);
  }
  const out: Record<string, Day> = {};
  for (const [k, cs] of byDay) {
    const salesDay = cs.some((c) => c.s);
    const sum = (f: (c: (typeof cs)[number]) => number) => cs.reduce((a, c) => a + f(c), 0);
    const items = cs.filter((c) => c.s && c.s.items !== null);
    out[k] = {
      footfall_hours: cs.filter((c) => c.f).length,
      passers_by_hours: cs.filter((c) => c.f && c.f.passers_by !== null).length,
      passers_by: sum((c) => c.f?.passers_by ?? 0),
      captured_visitors: sum((c) => (c.f && c.f.passers_by !== null ? c.f.visitors : 0)),
      visitors: sum((c) => c.f?.visitors ?? 0),
      sales_hours: cs.filter((c) => c.s).length,
      transactions: sum((c) => c.s?.transactions ?? 0),
      revenue: Math.round(sum((c) => c.s?.revenue ?? 0) * 100) / 100,
      items: items.length ? items.reduce((a, c) => a + c.s!.items!, 0) : null,
      converted_visitors: salesDay ? sum((c) => c.f?.visitors ?? 0) : 0,
      converted_transactions: salesDay ? sum((c) => (c.f ? (c.s?.transactions ?? 0) : 0)) : 0,
    };
  }
  return out;
}

describe('funnel day rollup', () => {
  it('equals the hourly tables after an import, a correcting import and a time-zone change', async () => {
    await importLines('footfall', [
      { location: 'N1', hour: '2026-03-01T20:00:00Z', visitors: 10, passers_by: 50 }, // 23:00 Moscow, 1 March
      { location: 'N1', hour: '2026-03-01T21:00:00Z', visitors: 8 }, // 00:00 Moscow, 2 March
      { location: 'N1', hour: '2026-03-02T09:00:00Z', visitors: 20, passers_by: 100 },
      { location: 'S1', hour: '2026-03-02T09:00:00Z', visitors: 5 },
    ]);
    await importLines('transactions', [
      { receipt_id: 'R1', location: 'N1', at: '2026-03-01T21:30:00Z', amount: '10.00', items: 1 },
      { receipt_id: 'R2', location: 'N1', at: '2026-03-02T09:10:00Z', amount: '20.00', items: 2 },
      { receipt_id: 'R3', location: 'S1', at: '2026-03-03T10:00:00Z', amount: '7.50' },
    ]);
    let r = await rollup();
    expect(r.zones).toEqual(['Europe/Moscow']);
    expect(r.days).toEqual(await independent('Europe/Moscow'));
    // By hand, N1 on 2 March (Moscow): footfall hours 21:00Z (8, no passers-by) and 09:00Z (20 of 100 passers-by),
    // sales R1 (10.00, 1 item) and R2 (20.00, 2 items) in those hours; a sales day, so both hours pair.
    expect(r.days['N1 2026-03-02']).toEqual({
      footfall_hours: 2, passers_by_hours: 1, passers_by: 100, captured_visitors: 20, visitors: 28, sales_hours: 2,
      transactions: 2, revenue: 30, items: 3, converted_visitors: 28, converted_transactions: 2,
    });
    // N1 on 1 March has footfall but no sale: nothing pairs for conversion. S1's 2 March: footfall, no sale.
    expect(r.days['N1 2026-03-01']).toMatchObject({ visitors: 10, sales_hours: 0, converted_visitors: 0, converted_transactions: 0 });
    expect(r.days['S1 2026-03-02']).toMatchObject({ visitors: 5, converted_visitors: 0 });
    expect(r.days['S1 2026-03-03']).toMatchObject({ footfall_hours: 0, transactions: 1, revenue: 7.5, items: null });

    // Corrections: R1 moves to 23:15 Moscow on 1 March at 12.00; N1's 09:00Z hour is counted again as 25.
    await importLines('transactions', [{ receipt_id: 'R1', location: 'N1', at: '2026-03-01T20:15:00Z', amount: '12.00', items: 1 }]);
    await importLines('footfall', [{ location: 'N1', hour: '2026-03-02T09:00:00Z', visitors: 25, passers_by: 100 }]);
    r = await rollup();
    expect(r.days).toEqual(await independent('Europe/Moscow'));
    // By hand: 1 March now a sales day (R1 in the 20:00Z hour with 10 visitors); 2 March keeps R2 only, 8 + 25 visitors.
    expect(r.days['N1 2026-03-01']).toMatchObject({ transactions: 1, revenue: 12, converted_visitors: 10, converted_transactions: 1 });
    expect(r.days['N1 2026-03-02']).toMatchObject({ visitors: 33, transactions: 1, revenue: 20, converted_visitors: 33, converted_transactions: 1 });

    // The organisation moves to Tehran (UTC+3:30): the next read rebuilds the rollup in the new zone.
    await server.pool.query(`update orgs set timezone = 'Asia/Tehran' where id = $1`, [orgId]);
    await ensureFunnelDays(server.pool, orgId, 'Asia/Tehran');
    r = await rollup();
    expect(r.zones).toEqual(['Asia/Tehran']);
    expect(r.days).toEqual(await independent('Asia/Tehran'));
    // 20:00Z and 21:00Z are 23:30 and 00:30 in Tehran: the same split into 1 and 2 March as in Moscow.
    expect(r.days['N1 2026-03-01']).toMatchObject({ visitors: 10, transactions: 1 });

    // An import after a zone change it has not seen yet rebuilds the whole organisation in the new zone.
    await server.pool.query(`update orgs set timezone = 'UTC' where id = $1`, [orgId]);
    await importLines('footfall', [{ location: 'S1', hour: '2026-03-03T10:00:00Z', visitors: 4 }]);
    r = await rollup();
    expect(r.zones).toEqual(['UTC']);
    expect(r.days).toEqual(await independent('UTC'));
    // S1 on 3 March (UTC): 4 visitors in R3's hour, a sales day: conversion pairs 1 of 4.
    expect(r.days['S1 2026-03-03']).toMatchObject({ visitors: 4, converted_visitors: 4, converted_transactions: 1 });
  });
});
