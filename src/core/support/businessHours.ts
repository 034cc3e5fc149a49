/**
 * @module A business-hours calendar for support times (docs/support.md "Business hours"): the seconds
 * between two instants that fall on working days within working hours, in the calendar's zone.
 *
 * Exports: `BusinessCalendar`, `parseBusinessHours`, `businessSeconds`, `addBusinessSeconds`.
 *
 * Written as `Mon-Fri 09:00-18:00`, `Sun-Thu 08:30-17:00`, `Mon,Wed,Fri 10:00-14:00` or `Sat-Tue ...`
 * (a range may wrap past Sunday). Holidays are not known. Daylight-saving changes are followed: the hours
 * are wall-clock hours of each day.
 */
import { toInstant } from '../reviews/dates.ts';
import { isTimeZone } from '../time/timeZone.ts';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface BusinessCalendar {
  /** Working weekdays, 0 = Sunday. */
  days: ReadonlySet<number>;
  /** Minutes after midnight; start < end. */
  startMinute: number;
  endMinute: number;
  timeZone: string;
  /** The calendar as given (for labels). */
  label: string;
  /** Working window of each local day seen so far (`yyyy-mm-dd` -> [start, end] ms), so each day's zone offset is found once. */
  windows: Map<string, [number, number] | null>;
}

const dayIndex = (name: string) => DAY_NAMES.indexOf(name.toLowerCase().slice(0, 3));

/** @returns the calendar, or what is wrong with the text */
export function parseBusinessHours(text: string, timeZone: string): BusinessCalendar | string {
  if (!isTimeZone(timeZone)) return `unknown time zone "${timeZone}"`;
  const m = /^\s*([a-z]{3}(?:\s*[-,]\s*[a-z]{3})*)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/i.exec(text);
  const wrong = `business hours "${text}": write days and hours, e.g. "Mon-Fri 09:00-18:00" or "Sun-Thu 08:30-17:00"`;
  if (!m) return wrong;
  const days = new Set<number>();
  for (const part of m[1].split(',')) {
    const [a, b] = part.split('-').map((s) => dayIndex(s.trim()));
    if (a < 0 || (b !== undefined && b < 0)) return wrong;
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (b === undefined || d === b) break;
    }
  }
  const startMinute = Number(m[2]) * 60 + Number(m[3]);
  const endMinute = Number(m[4]) * 60 + Number(m[5]);
  if (Number(m[3]) > 59 || Number(m[5]) > 59 || endMinute > 24 * 60 || startMinute >= endMinute) return wrong;
  return { days, startMinute, endMinute, timeZone, label: `${text.trim()} ${timeZone}`, windows: new Map() };
}

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of an instant in a zone, as UTC midnight of that date (ms). */
function localDate(ms: number, timeZone: string): number {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', calendar: 'gregory', numberingSystem: 'latn' });
    formats.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'));
}

function windowOf(cal: BusinessCalendar, dateMs: number): [number, number] | null {
  const d = new Date(dateMs);
  const key = d.toISOString().slice(0, 10);
  let w = cal.windows.get(key);
  if (w === undefined) {
    const at = (minute: number) => toInstant({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: Math.floor(minute / 60), minute: minute % 60, second: 0, offsetMinutes: null }, cal.timeZone).getTime();
    // 24:00 is the next day's midnight
    const end = cal.endMinute === 24 * 60 ? windowStart(cal, dateMs + DAY_MS) : at(cal.endMinute);
    w = cal.days.has(d.getUTCDay()) ? [at(cal.startMinute), end] : null;
    cal.windows.set(key, w);
  }
  return w;
}

function windowStart(cal: BusinessCalendar, dateMs: number): number {
  const d = new Date(dateMs);
  return toInstant({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0, offsetMinutes: null }, cal.timeZone).getTime();
}

/** Seconds from `from` to `to` inside the calendar's working hours (0 when `to` is not after `from`). */
export function businessSeconds(from: Date, to: Date, cal: BusinessCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  const last = localDate(b, cal.timeZone);
  for (let date = localDate(a, cal.timeZone); date <= last; date += DAY_MS) {
    const w = windowOf(cal, date);
    if (w) total += Math.max(0, Math.min(b, w[1]) - Math.max(a, w[0]));
  }
  return total / 1000;
}

/**
 * The instant `seconds` of working time after `from` (a case's SLA due time). With no working day in
 * the calendar it cannot be reached: null.
 */
export function addBusinessSeconds(from: Date, seconds: number, cal: BusinessCalendar): Date | null {
  if (cal.days.size === 0) return null;
  let left = seconds * 1000;
  let at = from.getTime();
  for (let date = localDate(at, cal.timeZone); ; date += DAY_MS) {
    const w = windowOf(cal, date);
    if (!w || w[1] <= at) continue;
    const start = Math.max(at, w[0]);
    if (start + left <= w[1]) return new Date(start + left);
    left -= w[1] - start;
    at = w[1];
  }
}
