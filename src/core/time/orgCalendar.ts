/**
 * The organisation's calendar: the one home of "today", day and month arithmetic, week starts,
 * period bounds, range presets and the previous period (docs/analytics.md, "One clock").
 *
 * Days are org-local calendar dates as `YYYY-MM-DD` strings. Only `todayIn` involves a time zone: it
 * turns an instant (`now`, always passed in, never read here) into the organisation's date. Everything
 * else is plain calendar arithmetic (done on UTC midnights, where no day is ever 23 or 25 hours long),
 * so server, dashboard and tests agree whatever zone their own machine is in. Pure: uses only Intl.
 */

/** An org-local calendar day, `YYYY-MM-DD`. */
export type CalendarDay = string;

/** Trend periods; weeks start on Monday (ISO 8601, like PostgreSQL's date_trunc('week')). */
export const CALENDAR_PERIODS = ['day', 'week', 'month', 'quarter'] as const;
export type CalendarPeriod = (typeof CALENDAR_PERIODS)[number];

/** ISO weekday number weeks start on (1 = Monday); trend weeks in SQL use the same (date_trunc). */
export const WEEK_STARTS_ON = 1;

/** Rolling windows ending today, inclusive. */
export const RANGE_PRESET_LENGTHS = { '30d': { days: 30 }, '90d': { days: 90 }, '12m': { months: 12 } } as const;
export type RollingPreset = keyof typeof RANGE_PRESET_LENGTHS;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter giving the Gregorian date in `timeZone` with Latin digits (the default locale's calendar is not assumed). */
function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar day it is in `timeZone` at the instant `now` (e.g. 2026-11-29T12:30Z is already
 * 2026-11-30 in Pacific/Auckland). Throws a RangeError for an unknown time zone.
 */
export function todayIn(timeZone: string, now: Date): CalendarDay {
  const parts = dateFormatter(timeZone).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/**
 * The organisation's today: the calendar day in its time zone (`orgs.timezone`, GET /me `org.timezone`)
 * at `now`, never the browser's or the server's own date. A zone this runtime's Intl does not know (or
 * none yet) gives UTC's day rather than breaking a page.
 */
export function orgToday(timeZone: string | null | undefined, now: Date): CalendarDay {
  try {
    return todayIn(timeZone || 'UTC', now);
  } catch {
    return todayIn('UTC', now);
  }
}

/** True for a real calendar day written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isCalendarDay(s: unknown): s is CalendarDay {
  if (typeof s !== 'string' || !DAY_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** UTC midnight of a day: a stand-in instant on which calendar arithmetic has no DST. */
function utc(day: CalendarDay): Date {
  return new Date(`${day}T00:00:00Z`);
}

function dayOf(d: Date): CalendarDay {
  return d.toISOString().slice(0, 10);
}

/** `day` moved by `n` calendar days. */
export function addDays(day: CalendarDay, n: number): CalendarDay {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

/** Days from `a` to `b` (b - a; 0 for the same day). */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((utc(b).getTime() - utc(a).getTime()) / DAY_MS);
}

/** `day` moved by `n` months; a day past the target month's end becomes its last day (31 Mar - 1 month = 28/29 Feb). */
export function addMonths(day: CalendarDay, n: number): CalendarDay {
  const d = utc(day);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d.getUTCDate(), last));
  return dayOf(first);
}

/** The first day of the month of `day`. */
export function monthStart(day: CalendarDay): CalendarDay {
  return `${day.slice(0, 7)}-01`;
}

/** The Monday on or before `day`. */
export function weekStart(day: CalendarDay): CalendarDay {
  const isoWeekday = utc(day).getUTCDay() || 7; // Sunday is 7 in ISO
  return addDays(day, -((isoWeekday - WEEK_STARTS_ON + 7) % 7));
}

/** The first day of the quarter of `day` (1 Jan, 1 Apr, 1 Jul, 1 Oct). */
export function quarterStart(day: CalendarDay): CalendarDay {
  const month = Number(day.slice(5, 7));
  const first = month - ((month - 1) % 3);
  return `${day.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

/** The first day of the period of `period` kind that contains `day`. */
export function periodStart(day: CalendarDay, period: CalendarPeriod): CalendarDay {
  switch (period) {
    case 'day':
      return day;
    case 'week':
      return weekStart(day);
    case 'month':
      return monthStart(day);
    case 'quarter':
      return quarterStart(day);
  }
}

/** The last day of the period of `period` kind that contains `day`. */
export function periodEnd(day: CalendarDay, period: CalendarPeriod): CalendarDay {
  switch (period) {
    case 'day':
      return day;
    case 'week':
      return addDays(weekStart(day), 6);
    case 'month':
      return addDays(addMonths(monthStart(day), 1), -1);
    case 'quarter':
      return addDays(addMonths(quarterStart(day), 3), -1);
  }
}

/** The inclusive window of a rolling preset ending `today` (30 days: today and the 29 before it). */
export function presetRange(preset: RollingPreset, today: CalendarDay): { from: CalendarDay; to: CalendarDay } {
  const length: { days?: number; months?: number } = RANGE_PRESET_LENGTHS[preset];
  const from = length.days !== undefined ? addDays(today, -(length.days - 1)) : addDays(addMonths(today, -length.months!), 1);
  return { from, to: today };
}

/** The window of equal length (in days) just before [from, to]: the default "previous period". */
export function previousPeriod(from: CalendarDay, to: CalendarDay): { from: CalendarDay; to: CalendarDay } {
  const days = daysBetween(from, to) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

/**
 * Whether the period starting `start` is only partly covered: it begins before the window's `from`,
 * ends after its `to`, or has not ended yet (it contains `today`, which is itself still running).
 * Open window ends cut nothing.
 */
export function isPartialPeriod(start: CalendarDay, period: CalendarPeriod, window: { from?: CalendarDay; to?: CalendarDay }, today: CalendarDay): boolean {
  const end = periodEnd(start, period);
  return (window.from !== undefined && start < window.from) || (window.to !== undefined && end > window.to) || end >= today;
}
