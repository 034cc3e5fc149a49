/**
 * @module One row of a store import file to a footfall hour, a transaction or a shift (docs/store-economics.md
 * "Imports: footfall, transactions, shifts"), or why it is refused ("field: reason"). Dates are read in the
 * declared format (ISO 8601 by default, also YYYYMMDD) and zone; hours are the UTC hour a time falls in.
 *
 * Exports: `storeRowReader`, `StoreRow`, `FootfallRow`, `TransactionRow`, `ShiftRow`, `StoreRowOptions`,
 * `parseAmount`, `parseCount`, `STORE_TEXT_LIMITS`.
 */
import type { CellValue } from '../reviews/importRows.ts';
import { toInstant } from '../reviews/dates.ts';
import { dateReader, ISO_8601, type DateReader } from '../support/eventDates.ts';
import type { StoreImportKind } from './fields.ts';

export interface FootfallRow {
  location: string;
  /** The start of the UTC hour. */
  hour: Date;
  visitors: number;
  /** null: not measured. */
  passersBy: number | null;
}

export interface TransactionRow {
  location: string;
  /** null: derived when stored (location, time, amount, customer and the occurrence number). */
  receiptId: string | null;
  at: Date;
  /** Decimal text with two decimals, e.g. "-12.50". */
  amount: string;
  customerKey: string | null;
  items: number | null;
  referralCode: string | null;
}

export interface ShiftRow {
  location: string;
  shiftKey: string;
  employee: string | null;
  startsAt: Date;
  endsAt: Date;
}

export type StoreRow = FootfallRow | TransactionRow | ShiftRow;

export interface StoreRowOptions {
  /** IANA zone of times written without an offset. */
  timeZone: string;
  /** Declared format of dates that are not ISO 8601 (a pattern of yyyy mm dd HH MM SS), or null. */
  dateFormat?: string | null;
  /** The location of rows without one (the import's whole-file location), or null. */
  fileLocation?: string | null;
}

/** Longest text values kept. */
export const STORE_TEXT_LIMITS = { location: 200, receiptId: 100, customerKey: 200, employee: 100, shiftKey: 200 } as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MAX_AMOUNT = 1e12;

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v).trim());

/**
 * A money amount: a number, or text with `.` or `,` as the decimal separator (the last one of them when both
 * appear; the other one groups thousands, as do spaces); rounded to cents. Negative amounts are refunds.
 * @returns two-decimal text, or null when the value is not an amount
 */
export function parseAmount(v: CellValue): string | null {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    let s = v.trim().replace(/[\s\u00a0\u202f']/g, '');
    const comma = s.lastIndexOf(',');
    const dot = s.lastIndexOf('.');
    if (comma > dot) s = s.replace(/\./g, '').replace(',', '.');
    else s = s.replace(/,/g, '');
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
    n = Number(s);
  } else return null;
  if (!Number.isFinite(n) || Math.abs(n) >= MAX_AMOUNT) return null;
  const cents = Math.round(Math.abs(n) * 100);
  const sign = n < 0 && cents > 0 ? '-' : '';
  return `${sign}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** A whole count >= 0 (spaces as thousands separators allowed), or null when the value is not one. */
export function parseCount(v: CellValue): number | null {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/[\s\u00a0\u202f]/g, '') : '';
  if (!/^\d{1,9}(\.0+)?$/.test(s)) return null;
  return Math.trunc(Number(s));
}

const blank = (v: CellValue | undefined) => text(v) === '';

type Get = (field: string) => CellValue | undefined;

/** Dates of the declared format; 8 digits (YYYYMMDD) are a date too when the format is ISO 8601. */
function dateOf(format: string, timeZone: string): DateReader {
  const read = dateReader(format, timeZone);
  return (v) => {
    const s = typeof v === 'number' ? String(v) : v;
    if (format === ISO_8601 && typeof s === 'string' && /^\s*\d{8}\s*$/.test(s)) {
      const t = s.trim();
      return read(`${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`);
    }
    return read(s);
  };
}

/** A time of day (HH, HH:MM, HH:MM:SS; a spreadsheet time cell) as seconds after midnight, or null. */
function timeOfDay(v: CellValue | undefined): number | null {
  if (v instanceof Date) return v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds();
  const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$/.exec(text(v));
  if (!m) return null;
  const [h, min, s] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  if (h > 24 || min > 59 || s > 59 || (h === 24 && (min > 0 || s > 0))) return null;
  return h * 3600 + min * 60 + s;
}

/** The wall-clock date of a date cell (read in UTC), plus `seconds`, as an instant in `timeZone`. */
function wallInstant(dateUtc: Date, seconds: number, timeZone: string): Date {
  const base = dateUtc.getTime() + seconds * 1000;
  const d = new Date(base);
  return toInstant({
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), offsetMinutes: null,
  }, timeZone);
}

/**
 * The reader of one kind's rows: `row(get)` takes a row's cell by field name (see fields.ts) and gives the row,
 * or why it is refused.
 * @throws Error when the date format or the zone is unusable (the whole file cannot be read)
 */
export function storeRowReader(kind: StoreImportKind, options: StoreRowOptions): (get: Get) => StoreRow | string {
  const format = options.dateFormat?.trim() || ISO_8601;
  const readDate = dateOf(format, options.timeZone);
  const readWallDate = dateOf(format, 'UTC');
  const fileLocation = options.fileLocation ?? null;

  const location = (get: Get): string | null => {
    const s = text(get('location'));
    return s ? s.slice(0, STORE_TEXT_LIMITS.location) : fileLocation;
  };
  const instant = (field: string, v: CellValue | undefined): Date | string => {
    if (blank(v)) return `${field}: needed`;
    const d = readDate(v as Exclude<CellValue, null>);
    return typeof d === 'string' ? `${field}: ${d}` : d;
  };
  const wallDate = (field: string, v: CellValue | undefined): Date | string => {
    if (blank(v)) return `${field}: needed`;
    const d = readWallDate(v as Exclude<CellValue, null>);
    return typeof d === 'string' ? `${field}: ${d}` : d;
  };

  if (kind === 'footfall') {
    return (get) => {
      const loc = location(get);
      if (!loc) return 'location: needed';
      let at: Date | string;
      const hourCell = get('hour');
      const hourOnly = /^(\d{1,2})(?::00)?(?::00)?(?:\s*-.*)?$/.exec(text(hourCell));
      if (!blank(get('date')) && hourOnly) {
        const h = Number(hourOnly[1]);
        if (h > 23) return `hour: ${h} is not an hour of the day (0-23)`;
        const day = wallDate('date', get('date'));
        if (typeof day === 'string') return day;
        at = wallInstant(day, h * 3600, options.timeZone);
      } else {
        at = instant('hour', hourCell);
      }
      if (typeof at === 'string') return at;
      const visitors = parseCount(get('visitors') ?? null);
      if (visitors === null) return blank(get('visitors')) ? 'visitors: needed' : 'visitors: not a whole number >= 0';
      let passersBy: number | null = null;
      if (!blank(get('passers_by'))) {
        passersBy = parseCount(get('passers_by') ?? null);
        if (passersBy === null) return 'passers_by: not a whole number >= 0';
      }
      return { location: loc, hour: new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS), visitors, passersBy };
    };
  }

  if (kind === 'transactions') {
    return (get) => {
      const loc = location(get);
      if (!loc) return 'location: needed';
      const at = instant('at', get('at'));
      if (typeof at === 'string') return at;
      if (blank(get('amount'))) return 'amount: needed';
      const amount = parseAmount(get('amount') ?? null);
      if (amount === null) return `amount: "${text(get('amount')).slice(0, 40)}" is not an amount`;
      let items: number | null = null;
      if (!blank(get('items'))) {
        items = parseCount(get('items') ?? null);
        if (items === null) return 'items: not a whole number >= 0';
      }
      const receipt = text(get('receipt_id'));
      if (receipt.length > STORE_TEXT_LIMITS.receiptId) return `receipt_id: longer than ${STORE_TEXT_LIMITS.receiptId} characters`;
      const customer = text(get('customer_id'));
      if (customer.length > STORE_TEXT_LIMITS.customerKey) return `customer_id: longer than ${STORE_TEXT_LIMITS.customerKey} characters`;
      const code = text(get('referral_code')).toUpperCase();
      if (code && !/^[A-Z0-9]{4,16}$/.test(code)) return 'referral_code: 4-16 letters A-Z and digits';
      return { location: loc, receiptId: receipt || null, at, amount, customerKey: customer || null, items, referralCode: code || null };
    };
  }

  return (get) => {
    const loc = location(get);
    if (!loc) return 'location: needed';
    let startsAt: Date | string;
    let endsAt: Date | string;
    if (!blank(get('starts_at')) || !blank(get('ends_at'))) {
      startsAt = instant('starts_at', get('starts_at'));
      if (typeof startsAt === 'string') return startsAt;
      endsAt = instant('ends_at', get('ends_at'));
      if (typeof endsAt === 'string') return endsAt;
      if (endsAt.getTime() <= startsAt.getTime()) return 'ends_at: not after starts_at';
    } else {
      const day = wallDate('date', get('date'));
      if (typeof day === 'string') return blank(get('date')) ? 'starts_at: needed (or date, start and end)' : day;
      const start = timeOfDay(get('start'));
      if (start === null) return blank(get('start')) ? 'start: needed' : 'start: not a time of day (HH:MM)';
      let end = timeOfDay(get('end'));
      if (end === null) return blank(get('end')) ? 'end: needed' : 'end: not a time of day (HH:MM)';
      if (end === start) return 'end: the same as start';
      // An end before the start is past midnight.
      if (end < start) end += DAY_MS / 1000;
      startsAt = wallInstant(day, start, options.timeZone);
      endsAt = wallInstant(day, end, options.timeZone);
    }
    const employee = text(get('employee'));
    if (employee.length > STORE_TEXT_LIMITS.employee) return `employee: longer than ${STORE_TEXT_LIMITS.employee} characters`;
    const id = text(get('shift_id'));
    if (id.length > STORE_TEXT_LIMITS.shiftKey) return `shift_id: longer than ${STORE_TEXT_LIMITS.shiftKey} characters`;
    // Without a shift id: the employee and the start (a shift without an employee: its start and end).
    const shiftKey = id || (employee ? `${employee}@${startsAt.toISOString()}` : `${startsAt.toISOString()}/${endsAt.toISOString()}`);
    return { location: loc, shiftKey, employee: employee || null, startsAt, endsAt };
  };
}
