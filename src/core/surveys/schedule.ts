/**
 * @module Survey schedules (docs/api.md "Schedule"): whether a survey takes answers at an instant (status,
 * `opensAt`, `closesAt`, a reached response limit), and the organisation-zone wall-clock times the builder
 * edits them as. Pure: the clock, the zone and the counters come from the caller.
 */
import { zonedWallToInstant } from '../reports/schedule.ts';
import { formatDate } from '../i18n/format.ts';
import { isLanguage } from '../i18n/languages.ts';
import type { SurveyDef } from './types.ts';

/** What a respondent gets at an instant: the form, a "opens on" page, or the closed page. */
export type SurveyWindow = { state: 'open' } | { state: 'not_yet'; opensAt: string } | { state: 'closed' };

type Scheduled = Pick<SurveyDef, 'status' | 'opensAt' | 'closesAt'>;

/**
 * The survey's window at `now`: closed when its status is closed, `closesAt` has come (the end is
 * exclusive) or the response limit is reached; "not yet" before `opensAt` (inclusive start); else open.
 * A draft is neither: callers never show drafts (they are "not found").
 */
export function surveyWindow(survey: Scheduled, now: Date, limitReached = false): SurveyWindow {
  if (survey.status === 'closed' || limitReached) return { state: 'closed' };
  if (survey.closesAt && now.getTime() >= Date.parse(survey.closesAt)) return { state: 'closed' };
  if (survey.opensAt && now.getTime() < Date.parse(survey.opensAt)) return { state: 'not_yet', opensAt: survey.opensAt };
  return { state: 'open' };
}

/** True when a live survey takes answers at `now` (inside its schedule). */
export function isOpenAt(survey: Scheduled, now: Date): boolean {
  return survey.status === 'live' && surveyWindow(survey, now).state === 'open';
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant (ISO, UTC) the clocks of `timeZone` show the wall-clock time `local` (`YYYY-MM-DDTHH:MM`, as
 * an `<input type="datetime-local">` gives it); null when `local` is not such a time. A time skipped by a
 * daylight-saving jump moves forward by the jump; a time shown twice is its first occurrence.
 */
export function zonedLocalToInstant(local: string, timeZone: string): string | null {
  const m = LOCAL_RE.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return zonedWallToInstant(check.getTime(), timeZone).toISOString();
}

/** The wall-clock time (`YYYY-MM-DDTHH:MM`) of the instant `iso` in `timeZone`: what the builder's field shows. */
export function instantToZonedLocal(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The opening time as respondents read it: date and time in the organisation's zone, in the page language. */
export function formatOpening(opensAt: string, lang: string, timeZone: string): string {
  return formatDate(isLanguage(lang) ? lang : 'en', opensAt, { dateStyle: 'long', timeStyle: 'short', timeZone });
}

/** Schedule rules of a survey definition: `closesAt` after `opensAt` (both ISO instants). */
export function scheduleIssues(s: { opensAt?: string | null; closesAt?: string | null }): Array<{ path: string[]; message: string }> {
  if (s.opensAt && s.closesAt && Date.parse(s.closesAt) <= Date.parse(s.opensAt)) {
    return [{ path: ['closesAt'], message: 'must be after opensAt' }];
  }
  return [];
}
