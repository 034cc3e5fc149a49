/**
 * @module Dates as review files write them: ISO 8601 (with or without a time and offset), day-first
 * `dd.mm.yyyy`, `dd-mm-yyyy HH:MM`, `dd/mm/yyyy` (month-first only when the day-first reading is
 * impossible), day and month names in English and Russian ("12 марта 2024", "Mar 12, 2024"),
 * spreadsheet dates and serial numbers, Persian and Arabic digits. A time without an offset is the
 * organisation's wall-clock time (toInstant).
 */

/** A moment as written in the file: a wall-clock time, with its UTC offset when the file gave one. */
export interface WrittenDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC; null when the file gave none (the organisation's zone applies). */
  offsetMinutes: number | null;
}

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Russian month stems; `мар` before `ма` (май, мая).
const RU_MONTHS: ReadonlyArray<[string, number]> = [
  ['янв', 1], ['фев', 2], ['мар', 3], ['апр', 4], ['ма', 5], ['июн', 6], ['июл', 7], ['авг', 8], ['сен', 9], ['окт', 10], ['ноя', 11], ['дек', 12],
];

function monthByName(name: string): number | null {
  const n = name.toLowerCase().replace(/ё/g, 'е');
  const en = EN_MONTHS.findIndex((m) => n.startsWith(m));
  if (en >= 0) return en + 1;
  const ru = RU_MONTHS.find(([stem]) => n.startsWith(stem));
  return ru ? ru[1] : null;
}

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits as ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, offsetMinutes: number | null = null): WrittenDateTime | null {
  if (year < 100) year += 2000;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second, offsetMinutes };
}

function fromUtcMillis(ms: number, offsetMinutes: number | null): WrittenDateTime | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), offsetMinutes);
}

const TIME = String.raw`(?:[T\s,]+(?:в\s+)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}\s*(Z|[+-]\d{2}(?::?\d{2})?)?$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const DAY_NAME = new RegExp(String.raw`^(\d{1,2})\s+([a-zа-яё]+)\.?,?\s+(\d{4})(?:\s*(?:г\.?|года))?${TIME}$`, 'i');
const NAME_DAY = new RegExp(String.raw`^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`, 'i');

function offsetOf(text: string | undefined): number | null {
  if (!text) return null;
  if (text.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

const num = (s: string | undefined) => (s === undefined ? 0 : Number(s));

/**
 * Reads a date cell. Numbers are spreadsheet serial days (1900 system) below 100,000, else Unix
 * seconds (below 10^11) or milliseconds; a Date (as spreadsheet libraries give date cells) is the wall
 * time of its UTC fields.
 * @returns null when the value is no date this module reads
 */
export function parseReviewDate(value: string | number | Date): WrittenDateTime | null {
  if (value instanceof Date) return fromUtcMillis(value.getTime(), null);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    if (value < 100_000) return fromUtcMillis(Math.round((value - 25_569) * 86_400) * 1000, null);
    return fromUtcMillis(value < 1e11 ? value * 1000 : value, 0);
  }
  const s = asciiDigits(value).trim().replace(/\s+/g, ' ');
  let m = ISO.exec(s);
  if (m) return build(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), offsetOf(m[7]));
  m = DAY_FIRST.exec(s);
  if (m) {
    let day = num(m[1]);
    let month = num(m[3]);
    // 03/25/2024 cannot be day-first: read it month-first.
    if (m[2] === '/' && month > 12 && day <= 12) [day, month] = [month, day];
    return build(num(m[4]), month, day, num(m[5]), num(m[6]), num(m[7]));
  }
  m = DAY_NAME.exec(s);
  if (m) {
    const month = monthByName(m[2]);
    return month === null ? null : build(num(m[3]), month, num(m[1]), num(m[4]), num(m[5]), num(m[6]));
  }
  m = NAME_DAY.exec(s);
  if (m) {
    const month = monthByName(m[1]);
    return month === null ? null : build(num(m[3]), month, num(m[2]), num(m[4]), num(m[5]), num(m[6]));
  }
  return null;
}

/** The calendar day as written (YYYY-MM-DD), whatever the zone: part of the de-duplication key. */
export function writtenDay(d: WrittenDateTime): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

// Building a formatter costs far more than using one (an import converts every row's date).
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes `timeZone` is ahead of UTC at the instant `ms`. */
function zoneOffsetMinutes(timeZone: string, ms: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant of a written time: with its own offset when it has one, else as a wall-clock time in
 * `timeZone` (a time skipped by a daylight-saving jump moves forward by the jump).
 */
export function toInstant(d: WrittenDateTime, timeZone: string): Date {
  const wall = Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second);
  if (d.offsetMinutes !== null) return new Date(wall - d.offsetMinutes * 60_000);
  const first = zoneOffsetMinutes(timeZone, wall);
  const guess = wall - first * 60_000;
  const second = zoneOffsetMinutes(timeZone, guess);
  if (second === first) return new Date(guess);
  const candidate = wall - second * 60_000;
  // In a spring-forward gap neither offset gives the wall time back: the first guess lies past the jump.
  return new Date(zoneOffsetMinutes(timeZone, candidate) === second ? candidate : guess);
}
