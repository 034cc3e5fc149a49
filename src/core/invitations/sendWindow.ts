/**
 * Send windows: no invitation at night in the contact's time zone. A window is [start, end) in minutes
 * after local midnight (09:00-20:00 is 540-1200); start > end crosses midnight (22:00-06:00).
 * Pure: time-zone offsets come from Intl (the ICU data of the runtime), no I/O.
 */

export interface SendWindow {
  startMinute: number;
  endMinute: number;
}

const MINUTE_MS = 60_000;
const DAY_MIN = 1440;

/** The window's start and end as "HH:MM". */
export function formatMinute(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "HH:MM" (00:00-24:00) as minutes, or null. */
export function parseMinute(s: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock parts of `at` in `timeZone`. */
function localParts(at: Date, timeZone: string) {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year, month: p.month, day: p.day, minute: p.hour * 60 + p.minute, second: p.second };
}

/** Offset of `timeZone` from UTC at `at`, in minutes (Tehran in winter: +210). */
function offsetMinutes(at: Date, timeZone: string): number {
  const l = localParts(at, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, 0, l.minute, l.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / MINUTE_MS);
}

/**
 * The instant at which the wall clock of `timeZone` shows `minute` on the given local date. A time
 * skipped by a clock change (02:30 on a spring-forward night) is moved later by the gap (03:30).
 */
function localToInstant(year: number, month: number, day: number, minute: number, timeZone: string): Date {
  const wallAsUtc = Date.UTC(year, month - 1, day, 0, minute);
  let guess = wallAsUtc - offsetMinutes(new Date(wallAsUtc), timeZone) * MINUTE_MS;
  // Once more with the offset at the guess (it differs near a clock change).
  guess = wallAsUtc - offsetMinutes(new Date(guess), timeZone) * MINUTE_MS;
  const back = localParts(new Date(guess), timeZone);
  if (back.minute !== minute % DAY_MIN) {
    // In a gap: the wall time does not exist; read it with the offset from before the change, which
    // moves it later by the gap's length (Temporal's "compatible": 02:30 becomes 03:30).
    return new Date(wallAsUtc - offsetMinutes(new Date(wallAsUtc - 86_400_000), timeZone) * MINUTE_MS);
  }
  return new Date(guess);
}

/** True when local minute `m` is inside the window. */
export function inWindow(m: number, w: SendWindow): boolean {
  if (w.startMinute === w.endMinute || (w.startMinute === 0 && w.endMinute >= DAY_MIN)) return true;
  return w.startMinute < w.endMinute ? m >= w.startMinute && m < w.endMinute : m >= w.startMinute || m < w.endMinute;
}

/**
 * The first instant at or after `at` inside the window in `timeZone`: `at` itself when it is inside,
 * else the next opening (today's when it is still ahead, else tomorrow's).
 */
export function nextSendTime(at: Date, w: SendWindow, timeZone: string): Date {
  const l = localParts(at, timeZone);
  if (inWindow(l.minute, w)) return at;
  const dayOffset = l.minute < w.startMinute ? 0 : 1;
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + dayOffset));
  return localToInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), w.startMinute, timeZone);
}

/** When reminder `k` (1-based) of a message first sent at `firstSentAt` is due: `days[k-1]` days later, inside the window. */
export function reminderTime(firstSentAt: Date, days: readonly number[], k: number, w: SendWindow, timeZone: string): Date | null {
  if (k < 1 || k > days.length) return null;
  return nextSendTime(new Date(firstSentAt.getTime() + days[k - 1] * 86_400_000), w, timeZone);
}
