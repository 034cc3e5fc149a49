/**
 * @module Store import files (footfall, transactions, shifts; CSV, XLSX, JSON lines) to rows, streamed through
 * the shared reader (../files/readRows.ts): the file's columns mapped to the canonical fields
 * (src/core/storeImports/fields.ts), each row read by src/core/storeImports/rows.ts.
 *
 * Exports: `readStoreFile`, `StoreFileOptions`, `StoreFileRow`, `previewStoreFile`.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { fieldKey, missingFields, resolveColumns, STORE_FIELDS, suggestMapping, type StoreImportKind } from '../../core/storeImports/fields.ts';
import { storeRowReader, type StoreRow } from '../../core/storeImports/rows.ts';
import { readRows, TabularFileError, type TabularFormat } from '../files/readRows.ts';
import { cleanHeaders, csvDelimiter } from '../files/tabular.ts';

export interface StoreFileOptions {
  kind: StoreImportKind;
  format: TabularFormat;
  /** {field: column}; fields it leaves out take the default columns (names and synonyms). */
  mapping: Readonly<Record<string, string>>;
  timeZone: string;
  dateFormat?: string | null;
  /** The location (id, code or name) of rows without one. */
  fileLocation?: string | null;
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
}

export type StoreFileRow = { line: number; row: StoreRow } | { line: number; error: string };

/**
 * Reads the file at `path` row by row.
 * @throws TabularFileError (on the first `next()`) when the file cannot be used at all (mapping, missing columns, date format, zone)
 */
export async function* readStoreFile(path: string, options: StoreFileOptions): AsyncGenerator<StoreFileRow> {
  let read: ReturnType<typeof storeRowReader>;
  try {
    read = storeRowReader(options.kind, options);
  } catch (err) {
    throw new TabularFileError((err as Error).message);
  }
  const fileLocation = Boolean(options.fileLocation);
  const columnsOf = (keys: readonly string[]): Map<string, string> | string => {
    const columns = resolveColumns(options.kind, keys, options.mapping);
    if (typeof columns === 'string') return columns;
    return missingFields(options.kind, new Set(columns.keys()), fileLocation) ?? columns;
  };
  let header: Map<string, string> | null = null;
  // JSON lines have no header: the columns of each distinct set of keys.
  const byKeys = new Map<string, Map<string, string> | string>();
  const rows = readRows(path, {
    format: options.format,
    keyOf: fieldKey,
    onHeader: (keys) => {
      const columns = columnsOf(keys);
      if (typeof columns === 'string') throw new TabularFileError(columns);
      header = columns;
    },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  for await (const r of rows) {
    if ('error' in r) {
      yield r;
      continue;
    }
    let columns = header as Map<string, string> | string | null;
    if (!columns) {
      const keys = [...r.cells.keys()];
      const id = keys.join('\u001f');
      columns = byKeys.get(id) ?? columnsOf(keys);
      if (byKeys.size < 1000) byKeys.set(id, columns);
    }
    if (typeof columns === 'string') {
      yield { line: r.line, error: columns };
      continue;
    }
    const cols = columns;
    const out = read((field) => {
      const key = cols.get(field);
      return key === undefined ? undefined : r.cells.get(key);
    });
    yield typeof out === 'string' ? { line: r.line, error: out } : { line: r.line, row: out };
  }
}

/**
 * The columns of a file's beginning (CSV: the header line; JSON lines: the keys of the first objects) and the
 * mapping the default rules suggest; null columns for XLSX (its columns are read on upload).
 */
export function previewStoreFile(kind: StoreImportKind, format: TabularFormat, head: string): { columns: string[] | null; suggested: Record<string, string>; fields: string[] } {
  const fields = STORE_FIELDS[kind].map((f) => f.name);
  let columns: string[] | null = null;
  const text = head.replace(/^\uFEFF/, '');
  if (format === 'csv') {
    const firstRecord = text.split(/\r?\n/)[0] ?? '';
    try {
      const records = parseCsv(firstRecord, { delimiter: csvDelimiter(firstRecord), relax_quotes: true, relax_column_count: true, to_line: 1 }) as string[][];
      columns = cleanHeaders(records[0] ?? []);
    } catch {
      columns = [];
    }
  } else if (format === 'jsonl') {
    const seen = new Set<string>();
    // The last line may be cut off by the 64 kB limit: a line that is not whole JSON is passed over.
    for (const line of text.split(/\r?\n/).slice(0, 50)) {
      try {
        const v: unknown = JSON.parse(line);
        if (v && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) seen.add(k);
      } catch {
        // not an object: the import reports the line
      }
    }
    columns = [...seen];
  }
  return { columns, suggested: columns ? suggestMapping(kind, columns) : {}, fields };
}
