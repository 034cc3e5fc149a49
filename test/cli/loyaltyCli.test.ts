/**
 * `sarafan loyalty FILE` end to end: the real command in a child process on files written here, compared
 * with figures worked out by hand in the comments (not by calling the code under test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../helpers/cli.ts';

const sarafan = (args: string[], locale = 'C') => runCommand(['loyalty', ...args], { locale });

vi.setConfig({ testTimeout: 180_000 });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-loyalty-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

/*
 * By hand. c1: 100 + 20 (same day, Jan 5) + 40 (Feb 1 as written; 00:30 at +05:00 is Jan 31 in UTC, which
 * must not count) = 160 on 2 days; c2: 30.5 (Jan 31) + 9.5 (Mar 1) = 40 on 2 days; c3: 10; c4: 0; c5: 60.
 * 5 customers, 8 transactions, revenue 270; top ceil(5 × 20%) = 1 customer: c1, 160 / 270; repeat 2 / 5.
 * Months: Jan c1 c2; Feb c1 c3; Mar c2 c4; Apr c5 (the last: not listed).
 * Jan -> Feb: c1 (1 of 2); Feb -> Mar: nobody (0 of 2); Mar -> Apr: nobody (0 of 2).
 */
const MAIN = `\uFEFF${[
  'customer_id,at,amount,location,order_id,quantity',
  'c1,2026-01-05T10:00:00+03:00,100,Main,"o-1, first",1',
  'c1,2026-01-05T18:00:00Z,20,Main,o-2,1',
  'c2,20260131,30.5,Main,o-3,2',
  'c1,2026-02-01T00:30:00+05:00,40,Main,o-4,1',
  'c3,2026-02-14,10,North,o-5,1',
  '"c2",2026-03-01,9.5,North,o-6,1',
  'c4,2026-03-02,0,North,o-7,1',
  'c5,2026-04-10,60,North,o-8,3',
].join('\r\n')}\r\n`;

describe('sarafan loyalty', () => {
  const main = write('main.csv', MAIN);

  it('--json: one object with the figures worked by hand', async () => {
    const r = await sarafan([main, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      customers: 5, transactions: 8, revenue: 270, top20_revenue_share: 160 / 270, repeat_customer_rate: 0.4,
      retention: [
        { period: '2026-01', active: 2, retained: 1, rate: 0.5 },
        { period: '2026-02', active: 2, retained: 0, rate: 0 },
        { period: '2026-03', active: 2, retained: 0, rate: 0 },
      ],
    });
  });

  it('a readable table in the operator language', async () => {
    const r = await sarafan([main], 'ru_RU.UTF-8');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Экономика лояльности по файлу main.csv (по месяцам)');
    expect(r.stdout).toMatch(/Клиенты\s+5\n/);
    expect(r.stdout).toMatch(/2026-01\s+2\s+1\s+50,0\s?%/);
    const en = await sarafan([main, '--period', 'quarter']);
    // quarters: Q1 c1 c2 c3 c4, Q2 c5 (last): Q1 -> Q2 nobody
    expect(en.stdout).toMatch(/2026-Q1\s+4\s+0\s+0\.0%/);
    expect(en.stdout).toMatch(/Revenue share of the top 20% of customers\s+59\.3%/); // 160 / 270 = 59.26%
  });

  it('semicolons, quoted fields, decimal commas and YYYYMMDD, by day', async () => {
    // "x;1": 1.5 + 3 = 4.5 on Mar 1, 2; y: 2 + 4 = 6 on Mar 1, 4. Revenue 10.5; top 1: y 6 / 10.5; both repeat.
    // Mar 1: x y -> Mar 2: x (1 of 2); Mar 2: x -> Mar 3: nobody (0 of 1); Mar 3 nobody (not listed); Mar 4 last.
    const file = write('semi.csv', 'customer_id;at;amount\n"x;1";20260301;1,5\ny;20260301;2\n"x;1";20260302;3\ny;20260304;4\n');
    const out = JSON.parse((await sarafan([file, '--json', '--period', 'day'])).stdout);
    expect(out).toMatchObject({
      customers: 2, transactions: 4, revenue: 10.5, top20_revenue_share: 6 / 10.5, repeat_customer_rate: 1,
      retention: [{ period: '2026-03-01', active: 2, retained: 1, rate: 0.5 }, { period: '2026-03-02', active: 1, retained: 0, rate: 0 }],
    });
  });

  it('ISO weeks', async () => {
    // Sun 2026-01-04 is in 2026-W01 (Mon Dec 29 .. Sun Jan 4), Mon Jan 5 in W02, Thu 2026-01-01 in W01, Sun 2025-12-28 in 2025-W52
    const file = write('weeks.tsv', 'customer_id\tat\tamount\nk\t2025-12-28\t1\nk\t2026-01-01\t1\nm\t2026-01-04\t1\nm\t2026-01-05\t1\n');
    const out = JSON.parse((await sarafan([file, '--json', '--period', 'week'])).stdout);
    // 2025-W52: k -> W01: k (1 of 1); W01: k m -> W02: m (1 of 2); W02 last
    expect(out.retention).toEqual([{ period: '2025-W52', active: 1, retained: 1, rate: 1 }, { period: '2026-W01', active: 2, retained: 1, rate: 0.5 }]);
  });

  it('a bad row stops with its line (exit 1) unless --skip-bad-rows', async () => {
    const file = write('events.jsonl', [
      '{"customer_id":"a","at":"2026-05-01","amount":5}',
      'not json',
      '{"customer_id":"b","at":"2026-05-40","amount":5}',
      '{"customer_id":"b","at":"2026-06-01","amount":"7.25"}',
    ].join('\n'));
    const failed = await sarafan([file, '--json']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain('line 2: not a JSON object');
    const skipped = await sarafan([file, '--json', '--skip-bad-rows']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('line 3: at: "2026-05-40" is not an ISO 8601 date or YYYYMMDD');
    // a 5 (May), b 7.25 (June): 12.25; top 1: 7.25; nobody on two days; May -> June: nobody
    expect(JSON.parse(skipped.stdout)).toMatchObject({
      customers: 2, transactions: 2, revenue: 12.25, top20_revenue_share: 7.25 / 12.25, repeat_customer_rate: 0, skipped_rows: 2,
      retention: [{ period: '2026-05', active: 1, retained: 0, rate: 0 }],
    });
  });

  it('an amount that is not a number names its line in a CSV', async () => {
    const file = write('amount.csv', 'customer_id,at,amount\na,2026-01-01,5\na,2026-01-02,five\n');
    const r = await sarafan([file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 3: amount: "five" is not a number');
  });

  it('XLSX: date cells, numbers, by year', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('sales');
    ws.addRow(['Customer ID', 'At', 'Amount']);
    ws.addRow(['p', new Date(Date.UTC(2025, 11, 31)), 10]);
    ws.addRow(['p', '2026-01-01', 5]);
    ws.addRow(['q', 20260101, 5]);
    const file = path.join(dir, 'sales.xlsx');
    await wb.xlsx.writeFile(file);
    // p 15 (2 days), q 5: 20; top 1: 15 / 20; repeat 1 of 2; 2025: p -> 2026: p (1 of 1); 2026 last
    const out = JSON.parse((await sarafan([file, '--json', '--period', 'year'])).stdout);
    expect(out).toMatchObject({ customers: 2, transactions: 3, revenue: 20, top20_revenue_share: 0.75, repeat_customer_rate: 0.5, retention: [{ period: '2025', active: 1, retained: 1, rate: 1 }] });
  });

  it('a file without a required column cannot be used (exit 2)', async () => {
    const r = await sarafan([write('nocol.csv', 'customer_id,at,total\na,2026-01-01,5\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file has no column amount');
  });
});
