/**
 * @module The streaming row reader every tabular import shares (support events: src/server/support/readEventFile.ts;
 * store imports: src/server/store/readStoreFile.ts): CSV (delimiter from the header line), XLSX (first sheet)
 * and JSON lines, read row by row with bounded memory, each row as its cells by column key.
 *
 * Exports: `readRows`, `tabularFormat`, `TabularFormat`, `TabularRow`, `TabularFileError`, `firstBytes`.
 *
 * Line numbers: CSV, the physical line (LF-counted) where the record starts (the header is line 1;
 * a quoted multi-line field makes a record span lines); XLSX, the sheet's row number; JSON lines, the line.
 */
import fs from 'node:fs';
import { extname } from 'node:path';
import readline from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import type { CellValue } from '../../core/reviews/importRows.ts';
import { cleanHeaders, csvDelimiter, excelCell, loadExcelJS } from './tabular.ts';

export type TabularFormat = 'csv' | 'xlsx' | 'jsonl';

/** One row: its cells by column key, or why it is not a row at all (a JSON line that is not an object). */
export type TabularRow = { line: number; cells: Map<string, CellValue> } | { line: number; error: string };

/** The file cannot be used at all (missing required columns, broken CSV quoting, not an XLSX file, no such file). */
export class TabularFileError extends Error {}

export interface ReadRowsOptions {
  format: TabularFormat;
  /** A header (or JSON) name as a column key. */
  keyOf: (header: string) => string;
  /** Called with the header's column keys (CSV, XLSX) before the first row; throws TabularFileError to refuse the file. */
  onHeader?: (keys: readonly string[]) => void;
  /** Called now and then with bytes read so far and the file size (for progress bars). */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
}

/** The format of a file by its extension (.csv/.txt/.tsv, .xlsx, .jsonl/.ndjson/.json); null when unknown. */
export function tabularFormat(file: string): TabularFormat | null {
  const ext = extname(file).toLowerCase();
  if (['.csv', '.tsv', '.txt'].includes(ext)) return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (['.jsonl', '.ndjson', '.json'].includes(ext)) return 'jsonl';
  return null;
}

/** The file as a stream that reports the bytes read (counted as they pass: nothing flows before it is read). */
function readStream(file: string, onProgress: ReadRowsOptions['onProgress']): Readable {
  const stream = fs.createReadStream(file);
  if (!onProgress) return stream;
  const total = fs.statSync(file).size;
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      onProgress(read, total);
      done(null, chunk);
    },
  });
  stream.on('error', (err) => counter.destroy(err));
  return stream.pipe(counter);
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The first `size` bytes of a file as UTF-8 text, without a byte-order mark. */
export async function firstBytes(file: string, size = 64 * 1024): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

async function* csvRows(file: string, options: ReadRowsOptions): AsyncGenerator<TabularRow> {
  const delimiter = csvDelimiter(await firstBytes(file));
  const parser = readStream(file, options.onProgress).pipe(parseCsv({ raw: true, bom: true, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n'], delimiter }));
  let keys: string[] | null = null;
  let line = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      // raw holds the record and (part of) its line break: LFs inside it are lines the record spans.
      line += 1 + (raw.replace(/\r?\n$|\r$/, '').match(/\n/g)?.length ?? 0);
      if (!keys) {
        keys = cleanHeaders(record).map(options.keyOf);
        options.onHeader?.(keys);
        continue;
      }
      if (record.every((c) => blank(c))) continue;
      const cells = new Map<string, CellValue>();
      for (let i = 0; i < keys.length; i++) cells.set(keys[i], record[i] ?? null);
      yield { line: start, cells };
    }
  } catch (err) {
    if (err instanceof TabularFileError) throw err;
    const e = err as { lines?: number; message?: string };
    throw new TabularFileError(`line ${e.lines ?? line}: ${String(e.message ?? 'invalid CSV').replace(/ at line \d+.*$/, '')}`);
  }
  if (!keys) throw new TabularFileError('the file is empty');
}

async function* xlsxRows(file: string, options: ReadRowsOptions): AsyncGenerator<TabularRow> {
  const excel = await loadExcelJS();
  const reader = new excel.stream.xlsx.WorkbookReader(readStream(file, options.onProgress), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let keys: string[] | null = null;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1).map((v) => excelCell(v as Parameters<typeof excelCell>[0]));
        if (!keys) {
          keys = cleanHeaders(values).map(options.keyOf);
          options.onHeader?.(keys);
          continue;
        }
        if (values.every((v) => blank(v))) continue;
        yield { line: row.number, cells: new Map(keys.map((k, i) => [k, values[i] ?? null])) };
      }
      break; // the first sheet only
    }
  } catch (err) {
    if (err instanceof TabularFileError) throw err;
    throw new TabularFileError(`not a readable XLSX file (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!keys) throw new TabularFileError('the file is empty');
}

async function* jsonLines(file: string, options: ReadRowsOptions): AsyncGenerator<TabularRow> {
  const lines = readline.createInterface({ input: readStream(file, options.onProgress), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n += 1;
    const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line: n, error: 'not a JSON object' };
      continue;
    }
    const cells = new Map<string, CellValue>();
    for (const [k, v] of Object.entries(value)) {
      cells.set(options.keyOf(k), v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v));
    }
    yield { line: n, cells };
  }
}

/**
 * Reads the file at `path` row by row (blank rows skipped).
 * @throws TabularFileError (on the first `next()`) when the file cannot be used at all
 */
export async function* readRows(path: string, options: ReadRowsOptions): AsyncGenerator<TabularRow> {
  try {
    if (!(await fs.promises.stat(path)).isFile()) throw new Error('not a file');
  } catch {
    throw new TabularFileError(`cannot read ${path}: no such file`);
  }
  if (options.format === 'csv') yield* csvRows(path, options);
  else if (options.format === 'xlsx') yield* xlsxRows(path, options);
  else yield* jsonLines(path, options);
}
