/**
 * Report schedules (docs/reports.md "Schedules"): when a schedule runs next in the organisation's time zone,
 * which period a run belongs to (one delivery per recipient and period, ever), and who its recipients are.
 * Pure; the clock and the database rows come from the caller.
 */
import type { Role } from '../access/index.ts';
import { languageOr, type Language } from '../i18n/languages.ts';
import { addDays, todayIn, type CalendarDay } from '../time/orgCalendar.ts';

export const SCHEDULE_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];

export interface ScheduleRule {
  frequency: ScheduleFrequency;
  /** ISO weekday (1 = Monday ... 7 = Sunday); weekly only. */
  dayOfWeek: number | null;
  /** 1-31; monthly only. A month without that day runs on its last day. */
  dayOfMonth: number | null;
  /** The hour (0-23) on the organisation's clock. */
  hour: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Minutes `timeZone` is ahead of UTC at `instant` (Moscow: 180, Tehran: 210, Auckland: 720 or 780). */
export function zoneOffsetMinutes(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant the clocks of `timeZone` show `hour`:00 on `day`. An hour the clocks skip (spring forward)
 * gives the instant an hour later on the wall (02:00 -> 03:00); an hour they show twice (fall back) gives
 * its first occurrence.
 */
export function zonedHourToInstant(day: CalendarDay, hour: number, timeZone: string): Date {
  return zonedWallToInstant(Date.parse(`${day}T00:00:00Z`) + hour * HOUR_MS, timeZone);
}

/**
 * The instant the clocks of `timeZone` show the wall-clock time `wall` (its fields read as UTC), with the rules
 * of zonedHourToInstant: a skipped time moves forward by the jump, a time shown twice is its first occurrence.
 */
export function zonedWallToInstant(wall: number, timeZone: string): Date {
  const before = zoneOffsetMinutes(timeZone, wall - DAY_MS);
  const after = zoneOffsetMinutes(timeZone, wall + DAY_MS);
  const candidates = [wall - before * 60_000, wall - after * 60_000]
    .filter((t) => t + zoneOffsetMinutes(timeZone, t) * 60_000 === wall);
  if (candidates.length === 0) return new Date(wall - before * 60_000); // skipped hour
  return new Date(Math.min(...candidates));
}

function isoWeekday(day: CalendarDay): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

function lastDayOfMonth(day: CalendarDay): number {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when the rule runs on `day`. */
export function runsOn(rule: ScheduleRule, day: CalendarDay): boolean {
  switch (rule.frequency) {
    case 'daily':
      return true;
    case 'weekly':
      return isoWeekday(day) === rule.dayOfWeek;
    case 'monthly':
      return Number(day.slice(8, 10)) === Math.min(rule.dayOfMonth ?? 1, lastDayOfMonth(day));
  }
}

/** The first run of `rule` strictly after `after`, on the clocks of `timeZone`. */
export function nextRunAt(rule: ScheduleRule, timeZone: string, after: Date): Date {
  const today = todayIn(timeZone, after);
  // A monthly rule runs at least once in any 32 days; the day before today covers a skipped-hour edge.
  for (let i = -1; i <= 32; i++) {
    const day = addDays(today, i);
    if (!runsOn(rule, day)) continue;
    const at = zonedHourToInstant(day, rule.hour, timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new RangeError('no run within 32 days');
}

/** ISO 8601 week of `day`: `2026-W10` (the week-numbering year may differ from the calendar year at its ends). */
export function isoWeekKey(day: CalendarDay): string {
  const d = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (4 - isoWeekday(day)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The period a run on the organisation's `day` belongs to: the day (daily), the ISO week (weekly) or the
 * month (monthly). A recipient gets at most one delivery per schedule and period key, so moving a schedule's
 * hour or day within its period does not send the period again.
 */
export function periodKey(frequency: ScheduleFrequency, day: CalendarDay): string {
  switch (frequency) {
    case 'daily':
      return day;
    case 'weekly':
      return isoWeekKey(day);
    case 'monthly':
      return day.slice(0, 7);
  }
}

/** Who a schedule sends to, as saved (src/core/api/reportTemplates.ts validates it). */
export type ScheduleRecipient =
  | { kind: 'user'; userId: string; lang?: Language }
  | { kind: 'role'; role: Role; lang?: Language }
  | { kind: 'email'; email: string; lang: Language };

/** A user of the organisation as recipient expansion needs them. */
export interface RecipientUser {
  id: string;
  email: string;
  role: Role;
  /** The user's interface language (users.locale). */
  locale: string;
  /** The locations granted to the user. */
  locations: Array<{ id: string; path: string }>;
}

/** One addressee of a run: one delivery each. */
export interface Addressee {
  /** Stable across runs: `user:<id>`, `user:<id>@<locationId>`, `email:<address>`. */
  key: string;
  email: string;
  userId: string | null;
  lang: Language;
  /** The location the report is narrowed to (a role's user gets their own location's report); null: as defined. */
  location: { id: string; path: string } | null;
}

/**
 * The addressees of a schedule: named users (in their language unless one is chosen); for a role, every
 * user with that role once per granted location inside the report's location (`reportPath`, null: the whole
 * organisation), each with that location's report; e-mail addresses in the chosen language. Users who no
 * longer exist are left out; a key that comes twice is sent once (the first recipient's language wins).
 */
export function expandRecipients(recipients: ScheduleRecipient[], users: RecipientUser[], reportPath: string | null): Addressee[] {
  const out = new Map<string, Addressee>();
  const add = (a: Addressee) => {
    if (!out.has(a.key)) out.set(a.key, a);
  };
  for (const r of recipients) {
    if (r.kind === 'email') {
      const email = r.email.trim().toLowerCase();
      add({ key: `email:${email}`, email, userId: null, lang: r.lang, location: null });
    } else if (r.kind === 'user') {
      const u = users.find((x) => x.id === r.userId);
      if (u) add({ key: `user:${u.id}`, email: u.email, userId: u.id, lang: r.lang ?? languageOr(u.locale), location: null });
    } else {
      for (const u of users.filter((x) => x.role === r.role)) {
        for (const loc of u.locations) {
          if (reportPath !== null && !loc.path.startsWith(reportPath)) continue;
          add({ key: `user:${u.id}@${loc.id}`, email: u.email, userId: u.id, lang: r.lang ?? languageOr(u.locale), location: loc });
        }
      }
    }
  }
  return [...out.values()];
}
