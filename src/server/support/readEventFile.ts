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
import type { SupportEvent } from '../../core/support/contactEvents.ts';
import { columnKey, createPreset, isPresetName, PRESET_NAMES, type EventPreset } from '../../core/support/presets.ts';
import { readRows, tabularFormat, TabularFileError, type TabularFormat } from '../files/readRows.ts';

export type EventFileFormat = TabularFormat;

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
export const EventFileError = TabularFileError;

/** The format of a file by its extension (.csv/.txt/.tsv, .xlsx, .jsonl/.ndjson/.json); null when unknown. */
export const eventFileFormat = tabularFormat;

function checkColumns(preset: EventPreset, keys: readonly string[]): void {
  const missing = preset.required.filter((k) => !keys.includes(k));
  if (missing.length) throw new EventFileError(`the file has no column ${missing.join(', ')} (the preset needs ${preset.required.join(', ')})`);
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
  const rows = readRows(path, {
    format: options.format, keyOf: columnKey, onHeader: (keys) => checkColumns(preset, keys),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  for await (const row of rows) {
    if ('error' in row) {
      yield row;
      continue;
    }
    // JSON lines have no header: each line must have the preset's columns.
    const missing = options.format === 'jsonl' ? preset.required.filter((k) => !row.cells.has(k)) : [];
    if (missing.length) {
      yield { line: row.line, error: `no ${missing.join(', ')}` };
      continue;
    }
    const out = preset.row(row.cells);
    yield typeof out === 'string' ? { line: row.line, error: out } : { line: row.line, events: out };
  }
}
