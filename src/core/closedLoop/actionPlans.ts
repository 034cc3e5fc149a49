/**
 * @module Action plans (docs/closed-loop.md "Action plans"): the windows an action plan's effect is measured
 * over. The metric after the start date (up to today, or the due date when it has passed) is compared with the
 * same number of days just before the start, so both sides cover equally long stretches. Pure.
 */
import { addDays, daysBetween, type CalendarDay } from '../time/orgCalendar.ts';

export interface DayRange {
  from: CalendarDay;
  to: CalendarDay;
}

export interface PlanWindows {
  /** The days before the start: as many as `after` has. */
  before: DayRange;
  /** start_date .. min(today, due_date). */
  after: DayRange;
  /** Days in each window. */
  days: number;
}

/**
 * The before and after windows of a plan, or null when it has not started yet (start date after today), so
 * there is nothing after it to measure.
 */
export function planWindows(start: CalendarDay, due: CalendarDay | null, today: CalendarDay): PlanWindows | null {
  if (start > today) return null;
  const end = due !== null && due < today ? (due < start ? start : due) : today;
  const days = daysBetween(start, end) + 1;
  return { before: { from: addDays(start, -days), to: addDays(start, -1) }, after: { from: start, to: end }, days };
}

/** The trend's periods across both windows: weeks up to half a year in all, months beyond. */
export function planTrendInterval(days: number): 'week' | 'month' {
  return 2 * days <= 183 ? 'week' : 'month';
}
