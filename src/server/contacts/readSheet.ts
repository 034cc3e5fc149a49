/** Reads an uploaded contact file (CSV / TSV in UTF-8, or the first sheet of an XLSX workbook) into header texts and rows. */
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import type { ImportSheet } from '../../core/contacts/importPlan.ts';
import { DomainError } from '../../core/errors.ts';
import { csvDelimiter } from '../files/tabular.ts';

/** More rows than this are refused (split the file): one import is one transaction. */
export const MAX_IMPORT_ROWS = 50_000;

const invalid = (message: string) => new DomainError('validation', message, { field: 'data' });

// Empty lines stay records (skipped later), so a record's index is its row number. The separator of the first line:
// the most frequent of , ; and tab outside quotes (Excel writes ; in Russian locales).
function fromCsv(text: string): string[][] {
  try {
    return parseCsv(text, { bom: true, delimiter: csvDelimiter(text.replace(/^\uFEFF/, '')), relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    throw invalid(`row ${e.lines ?? 1}: ${String(e.message ?? 'invalid CSV').replace(/ at line \d+.*$/, '')}`);
  }
}

// A cell of exceljs as text: dates as YYYY-MM-DD, rich text, hyperlinks and formula results by their text.
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function fromXlsx(bytes: Buffer): Promise<string[][]> {
  // exceljs takes 0.3-0.5 s to load: loaded by the first XLSX import, not at every start (as responses/export.ts does).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('not a readable .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('the workbook has no sheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * The file as an ImportSheet: the first row holds the headers, data rows keep their row number in the file
 * (the header is row 1, as a spreadsheet numbers them); empty rows are skipped.
 */
export async function readContactSheet(fileName: string, base64: string): Promise<ImportSheet> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid('the file is empty');
  const isXlsx = /\.xlsx$/i.test(fileName) || bytes.subarray(0, 2).toString('latin1') === 'PK';
  const table = isXlsx ? await fromXlsx(bytes) : fromCsv(bytes.toString('utf8'));
  const headerIndex = table.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw invalid('the file has no header row');
  const headers = table[headerIndex].map((h, i) => h.trim() || `#${i + 1}`);
  const rows: ImportSheet['rows'] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i];
    if (!cells.some((c) => c.trim() !== '')) continue;
    rows.push({ row: i + 1, cells: headers.map((_, c) => cells[c] ?? '') });
  }
  if (rows.length > MAX_IMPORT_ROWS) throw invalid(`the file has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`);
  return { headers, rows };
}
