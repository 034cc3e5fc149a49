/**
 * Support event files (CSV, XLSX, JSON lines; docs/import-formats.md) to canonical events, streamed:
 * memory stays bounded whatever the file size (a preset that reads state changes keeps one small
 * record per ticket). A preset maps a helpdesk's export (one row per ticket, or one row per state
 * change) to events; dates are read in the declared format and zone.
 *
 * Exports: `readEventFile`, `EventFileOptions`, `EventFileFormat`, `EventFileRow`, `EventFileError`,
 * `eventFileFormat`.
 *
 * Line numbers: CSV, the physical line (LF-counted) where the record starts (the header is line 1;
 * a quoted multi-line field makes a record span lines); XLSX, the sheet's row number; JSON lines, the line.
 */
import fs from 'node:fs';
import { extname } from 'node:path';
import readline from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import type { SupportEvent } from '../../core/support/contactEvents.ts';
import type { CellValue } from '../../core/reviews/importRows.ts';
import { columnKey, createPreset, isPresetName, PRESET_NAMES, type EventPreset, type RowCells } from '../../core/support/presets.ts';
import { cleanHeaders, csvDelimiter, excelCell, loadExcelJS } from '../files/tabular.ts';

export type EventFileFormat = 'csv' | 'xlsx' | 'jsonl';

export interface EventFileOptions {
  format: EventFileFormat;
  /** 'canonical' (the documented columns), 'zendesk', 'servicenow'. */
  preset: string;
  /** IANA zone of dates written without an offset. */
  timeZone: string;
  /** Declared date format of the file's dates when not the preset's default (e.g. 'dd-mm-yyyy HH:MM'; 'iso'). */
  dateFormat?: string;
  /** Called now and then with bytes read so far and the file size (for progress bars). */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
}

/** One row of the file: the events it gave, or why it was refused. `line` is the file's line (row for XLSX). */
export type EventFileRow = { line: number; events: SupportEvent[] } | { line: number; error: string };

/** The file cannot be used at all (unknown preset, missing required columns, broken CSV quoting, not an XLSX file). */
export class EventFileError extends Error {}

/** The format of a file by its extension (.csv/.txt/.tsv, .xlsx, .jsonl/.ndjson/.json); null when unknown. */
export function eventFileFormat(file: string): EventFileFormat | null {
  const ext = extname(file).toLowerCase();
  if (['.csv', '.tsv', '.txt'].includes(ext)) return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (['.jsonl', '.ndjson', '.json'].includes(ext)) return 'jsonl';
  return null;
}

/** The file as a stream that reports the bytes read (counted as they pass: nothing flows before it is read). */
function readStream(file: string, onProgress: EventFileOptions['onProgress']): Readable {
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

function checkColumns(preset: EventPreset, keys: readonly string[]): void {
  const missing = preset.required.filter((k) => !keys.includes(k));
  if (missing.length) throw new EventFileError(`the file has no column ${missing.join(', ')} (the preset needs ${preset.required.join(', ')})`);
}

function rowOf(preset: EventPreset, line: number, cells: RowCells): EventFileRow {
  const out = preset.row(cells);
  return typeof out === 'string' ? { line, error: out } : { line, events: out };
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

async function firstLine(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

async function* csvRows(file: string, preset: EventPreset, options: EventFileOptions): AsyncGenerator<EventFileRow> {
  const delimiter = csvDelimiter(await firstLine(file));
  const parser = readStream(file, options.onProgress).pipe(parseCsv({ raw: true, bom: true, relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n'], delimiter }));
  let keys: string[] | null = null;
  let line = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      // raw holds the record and (part of) its line break: LFs inside it are lines the record spans.
      line += 1 + (raw.replace(/\r?\n$|\r$/, '').match(/\n/g)?.length ?? 0);
      if (!keys) {
        keys = cleanHeaders(record).map(columnKey);
        checkColumns(preset, keys);
        continue;
      }
      if (record.every((c) => blank(c))) continue;
      yield rowOf(preset, start, new Map(keys.map((k, i) => [k, record[i] ?? null])));
    }
  } catch (err) {
    if (err instanceof EventFileError) throw err;
    const e = err as { lines?: number; message?: string };
    throw new EventFileError(`line ${e.lines ?? line}: ${String(e.message ?? 'invalid CSV').replace(/ at line \d+.*$/, '')}`);
  }
  if (!keys) throw new EventFileError('the file is empty');
}

async function* xlsxRows(file: string, preset: EventPreset, options: EventFileOptions): AsyncGenerator<EventFileRow> {
  const excel = await loadExcelJS();
  const reader = new excel.stream.xlsx.WorkbookReader(readStream(file, options.onProgress), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let keys: string[] | null = null;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1).map((v) => excelCell(v as Parameters<typeof excelCell>[0]));
        if (!keys) {
          keys = cleanHeaders(values).map(columnKey);
          checkColumns(preset, keys);
          continue;
        }
        if (values.every((v) => blank(v))) continue;
        yield rowOf(preset, row.number, new Map(keys.map((k, i) => [k, values[i] ?? null])));
      }
      break; // the first sheet only
    }
  } catch (err) {
    if (err instanceof EventFileError) throw err;
    throw new EventFileError(`not a readable XLSX file (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!keys) throw new EventFileError('the file is empty');
}

async function* jsonLines(file: string, preset: EventPreset, options: EventFileOptions): AsyncGenerator<EventFileRow> {
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
      cells.set(columnKey(k), v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v));
    }
    const missing = preset.required.filter((k) => !cells.has(k));
    yield missing.length ? { line: n, error: `no ${missing.join(', ')}` } : rowOf(preset, n, cells);
  }
}

/**
 * Reads the file at `path` row by row (blank rows skipped).
 * @throws EventFileError (on the first `next()`) when the file cannot be used at all
 */
export async function* readEventFile(path: string, options: EventFileOptions): AsyncGenerator<EventFileRow> {
  if (!isPresetName(options.preset)) throw new EventFileError(`unknown preset "${options.preset}" (one of ${PRESET_NAMES.join(', ')})`);
  try {
    if (!(await fs.promises.stat(path)).isFile()) throw new Error('not a file');
  } catch {
    throw new EventFileError(`cannot read ${path}: no such file`);
  }
  let preset: EventPreset;
  try {
    preset = createPreset(options.preset, { timeZone: options.timeZone, dateFormat: options.dateFormat });
  } catch (err) {
    throw new EventFileError((err as Error).message);
  }
  if (options.format === 'csv') yield* csvRows(path, preset, options);
  else if (options.format === 'xlsx') yield* xlsxRows(path, preset, options);
  else yield* jsonLines(path, preset, options);
}
