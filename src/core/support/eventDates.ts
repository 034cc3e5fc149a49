/**
 * @module Dates of support event files (docs/import-formats.md "Dates and zones"), read in a DECLARED
 * format and zone; nothing is guessed: a value that does not fit the declared format is an error.
 *
 * Exports: `DateReader` (what `dateReader` returns), `dateReader(format, timeZone)`, `ISO_8601`.
 *
 * - `iso` (the default): ISO 8601, `2024-03-01T09:15:00+03:00`, `2024-03-01 09:15`, `...Z`,
 *   `... +0300`, `... UTC`; without an offset the time is a wall-clock time in the declared zone.
 * - a pattern of `yyyy` (4-digit year), `mm` (month), `dd` (day), `HH` (hour 0-23), `MM` (minute),
 *   `SS` (second); every other character is literal: `dd-mm-yyyy HH:MM`, `mm/dd/yyyy HH:MM`,
 *   `yyyy-mm-dd HH:MM:SS`, `dd.mm.yyyy`. Month, day and hour may have one digit. The time is a
 *   wall-clock time in the declared IANA zone.
 * - A spreadsheet date cell (a Date whose UTC fields are the wall-clock time, as exceljs gives them)
 *   is read as a wall-clock time in the declared zone whatever the format.
 */
import { toInstant, type WrittenDateTime } from '../reviews/dates.ts';
import { isTimeZone } from '../time/timeZone.ts';

export const ISO_8601 = 'iso';

/** Reads one cell: the instant, or why the value is not a date of the declared format. */
export type DateReader = (value: string | number | boolean | Date) => Date | string;

const TOKENS: Record<string, { re: string; field: keyof WrittenDateTime }> = {
  yyyy: { re: '(\\d{4})', field: 'year' },
  mm: { re: '(\\d{1,2})', field: 'month' },
  dd: { re: '(\\d{1,2})', field: 'day' },
  HH: { re: '(\\d{1,2})', field: 'hour' },
  MM: { re: '(\\d{2})', field: 'minute' },
  SS: { re: '(\\d{2})', field: 'second' },
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(d: WrittenDateTime): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month) && d.hour <= 23 && d.minute <= 59 && d.second <= 59;
}

function offsetMinutes(text: string | undefined): number | null {
  if (!text) return null;
  if (/^(z|utc)$/i.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function compile(format: string): (s: string) => WrittenDateTime | null {
  if (format === ISO_8601) {
    return (s) => {
      const m = ISO.exec(s);
      if (!m) return null;
      const n = (i: number) => Number(m[i] ?? 0);
      return { year: n(1), month: n(2), day: n(3), hour: n(4), minute: n(5), second: n(6), offsetMinutes: offsetMinutes(m[7]) };
    };
  }
  const fields: (keyof WrittenDateTime)[] = [];
  let re = '';
  for (let i = 0; i < format.length; ) {
    const token = ['yyyy', 'mm', 'dd', 'HH', 'MM', 'SS'].find((t) => format.startsWith(t, i));
    if (token) {
      if (fields.includes(TOKENS[token].field)) throw new Error(`date format "${format}": ${token} appears twice`);
      fields.push(TOKENS[token].field);
      re += TOKENS[token].re;
      i += token.length;
    } else {
      re += format[i] === ' ' ? '\\s+' : format[i].replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      i += 1;
    }
  }
  for (const needed of ['year', 'month', 'day'] as const) {
    if (!fields.includes(needed)) throw new Error(`date format "${format}": needs yyyy, mm and dd (and may have HH, MM, SS)`);
  }
  const pattern = new RegExp(`^${re}$`);
  return (s) => {
    const m = pattern.exec(s);
    if (!m) return null;
    const d: WrittenDateTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, offsetMinutes: null };
    fields.forEach((f, i) => ((d as unknown as Record<string, number>)[f] = Number(m[i + 1])));
    return d;
  };
}

/**
 * A reader of dates written in `format` (`iso` or a pattern, see the module comment), wall-clock times
 * in `timeZone`.
 * @throws Error when the format or the zone is unusable (the whole file cannot be read)
 */
export function dateReader(format: string, timeZone: string): DateReader {
  if (!isTimeZone(timeZone)) throw new Error(`unknown time zone "${timeZone}" (an IANA name such as Europe/Moscow or UTC)`);
  const parse = compile(format);
  return (value) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return 'not a date';
      const d = value;
      const written = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), offsetMinutes: null };
      return toInstant(written, timeZone);
    }
    const text = String(value).trim();
    const written = parse(text);
    if (!written || !valid(written)) return `"${text.slice(0, 40)}" is not a date in the format ${format === ISO_8601 ? 'ISO 8601' : format}`;
    return toInstant(written, timeZone);
  };
}
