/** Reading the files of POST /api/v1/exports back in tests: our CSV and, with exceljs, the XLSX. */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Client } from '../helpers/app.ts';

/** Parses our CSV (every field quoted, CRLF; fetch's text() has dropped the byte order mark). */
export function parseCsv(text: string): string[][] {
  return text.replace(/^\ufeff/, '').trimEnd().split('\r\n').map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')));
}

/** POSTs `body` and reads the first sheet of the XLSX answer (empty cells: undefined). */
export async function readXlsx(client: Client, path: string, body: unknown): Promise<unknown[][]> {
  const res = await fetch(client.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', cookie: (client as any).cookie }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
