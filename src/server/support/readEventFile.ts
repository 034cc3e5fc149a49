/**
 * Support event files (CSV, XLSX, JSON lines; docs/import-formats.md) to canonical events, streamed:
 * memory stays bounded whatever the file size. A preset maps a helpdesk's export (one row per ticket,
 * or one row per state change) to events; dates are read in the declared format and zone.
 */
import type { SupportEvent } from '../../core/support/contactEvents.ts';

export type EventFileFormat = 'csv' | 'xlsx' | 'jsonl';

export interface EventFileOptions {
  format: EventFileFormat;
  /** 'canonical' (the documented columns), 'zendesk', 'servicenow'. */
  preset: string;
  /** IANA zone of dates written without an offset. */
  timeZone: string;
  /** Declared date format of the file's dates when not ISO 8601 (e.g. 'dd-mm-yyyy HH:MM'). */
  dateFormat?: string;
  /** Called now and then with bytes read so far and the file size (for progress bars). */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
}

/** One row of the file: the events it gave, or why it was refused. `line` is the file's line (row for XLSX). */
export type EventFileRow = { line: number; events: SupportEvent[] } | { line: number; error: string };

/** Reads the file at `path` row by row. Not built yet: issue 12 "Data in". */
export function readEventFile(path: string, options: EventFileOptions): AsyncGenerator<EventFileRow> {
  void path;
  void options;
  throw new Error('readEventFile: not built yet');
}
