/**
 * Review files to records (docs/reviews.md "Formats"): CSV (comma, semicolon or tab, found from the
 * header line; RFC 4180 quotes, multi-line texts; a UTF-8 byte order mark), XLSX (the first sheet;
 * exceljs) and JSON lines (one object per line). Rows are numbered as a spreadsheet shows them: the
 * header is row 1 (CSV, XLSX); in JSON lines a row is its line.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { CellValue, ReviewRecord, RowError } from '../../core/reviews/importRows.ts';
import { invalid } from '../../http/errors.ts';
import { cleanHeaders, csvDelimiter, excelCell, loadExcelJS } from '../files/tabular.ts';

/** Rows one import may hold. */
export const MAX_IMPORT_ROWS = 50_000;

export interface ReviewFile {
  headers: string[];
  records: ReviewRecord[];
  /** Lines that are not rows at all (JSON lines that do not parse). */
  errors: RowError[];
}

function tooMany(rows: number): void {
  if (rows > MAX_IMPORT_ROWS) throw invalid(`content: the file has more than ${MAX_IMPORT_ROWS} rows; split it`, { field: 'content' });
}

function readCsv(text: string): ReviewFile {
  const body = text.replace(/^\uFEFF/, '');
  let out: { record: string[]; info: { records: number } }[];
  try {
    out = parseCsv(body, { info: true, relax_column_count: true, delimiter: csvDelimiter(body) }) as unknown as typeof out;
  } catch (err) {
    const e = err as { records?: number; message?: string };
    const row = (e.records ?? 0) + 1;
    throw invalid(`row ${row}: ${String(e.message ?? 'invalid CSV').replace(/ at line \d+.*$/, '')}`, { field: 'content', row });
  }
  if (out.length === 0) throw invalid('content: the file is empty', { field: 'content' });
  tooMany(out.length - 1);
  const headers = cleanHeaders(out[0].record);
  const records: ReviewRecord[] = [];
  for (const { record, info } of out.slice(1)) {
    if (record.every((c) => c.trim() === '')) continue;
    records.push({ row: info.records, cells: Object.fromEntries(headers.map((h, i) => [h, record[i] ?? null])) });
  }
  return { headers, records, errors: [] };
}

async function readXlsx(base64: string): Promise<ReviewFile> {
  const excel = await loadExcelJS();
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw invalid('content: not an XLSX file (save the sheet as .xlsx, or export it as CSV)', { field: 'content' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw invalid('content: the file is empty', { field: 'content' });
  tooMany(sheet.rowCount - 1);
  const width = sheet.columnCount;
  const headerRow = sheet.getRow(1);
  const headers = cleanHeaders(Array.from({ length: width }, (_, i) => excelCell(headerRow.getCell(i + 1).value)));
  const records: ReviewRecord[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = headers.map((_, i) => excelCell(row.getCell(i + 1).value));
    if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
    records.push({ row: r, cells: Object.fromEntries(headers.map((h, i) => [h, cells[i]])) });
  }
  return { headers, records, errors: [] };
}

function readJsonLines(text: string): ReviewFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  tooMany(lines.filter((l) => l.trim() !== '').length);
  const headers: string[] = [];
  const known = new Set<string>();
  const records: ReviewRecord[] = [];
  const errors: RowError[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      errors.push({ row: i + 1, field: null, message: 'not a JSON object' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ row: i + 1, field: null, message: 'not a JSON object' });
      return;
    }
    const cells: Record<string, CellValue> = {};
    for (const [k, v] of Object.entries(value).slice(0, 100)) {
      const key = k.trim().slice(0, 200);
      if (!key) continue;
      if (!known.has(key)) {
        known.add(key);
        headers.push(key);
      }
      cells[key] = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
    }
    records.push({ row: i + 1, cells });
  });
  if (records.length === 0 && errors.length === 0) throw invalid('content: the file is empty', { field: 'content' });
  return { headers, records, errors };
}

/**
 * Reads an uploaded file.
 * @throws validation when the file cannot be read at all (bad CSV quoting names its row), is empty or too long
 */
export async function readReviewFile(format: 'csv' | 'xlsx' | 'jsonl', content: string): Promise<ReviewFile> {
  if (format === 'csv') return readCsv(content);
  if (format === 'xlsx') return readXlsx(content);
  return readJsonLines(content);
}
