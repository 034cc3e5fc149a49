/**
 * Report period rules (docs/reports.md): a saved report names a rule ("last week"), not dates, so each run
 * reads the window that rule gives on the run's day in the organisation's time zone. Each window comes with
 * the previous window it is compared against. Pure.
 */
import {
  addDays, addMonths, monthStart, periodEnd, previousPeriod, quarterStart, weekStart, type CalendarDay,
} from '../time/orgCalendar.ts';

export const PERIOD_RULES = ['yesterday', 'last_7_days', 'last_week', 'last_30_days', 'last_month', 'month_to_date', 'quarter_to_date', 'last_quarter'] as const;
export type PeriodRule = (typeof PERIOD_RULES)[number];

export interface ReportWindow {
  from: CalendarDay;
  to: CalendarDay;
  /** What the window is compared against: the period before it (a calendar period for calendar rules, else equal length). */
  previous: { from: CalendarDay; to: CalendarDay };
}

export function isPeriodRule(v: unknown): v is PeriodRule {
  return typeof v === 'string' && (PERIOD_RULES as readonly string[]).includes(v);
}

/**
 * The window a rule gives on `today` (the organisation's calendar day of the run). Completed periods end
 * yesterday at the latest; "to date" rules include today. A to-date period is compared with the same number of
 * days at the start of the previous period (quarter to date on day 10 against the previous quarter's first 10 days).
 */
export function reportWindow(rule: PeriodRule, today: CalendarDay): ReportWindow {
  const yesterday = addDays(today, -1);
  switch (rule) {
    case 'yesterday':
      return withEqualPrevious(yesterday, yesterday);
    case 'last_7_days':
      return withEqualPrevious(addDays(today, -7), yesterday);
    case 'last_30_days':
      return withEqualPrevious(addDays(today, -30), yesterday);
    case 'last_week': {
      const from = addDays(weekStart(today), -7);
      return { from, to: addDays(from, 6), previous: { from: addDays(from, -7), to: addDays(from, -1) } };
    }
    case 'last_month': {
      const from = addMonths(monthStart(today), -1);
      const prev = addMonths(from, -1);
      return { from, to: periodEnd(from, 'month'), previous: { from: prev, to: periodEnd(prev, 'month') } };
    }
    case 'last_quarter': {
      const from = addMonths(quarterStart(today), -3);
      const prev = addMonths(from, -3);
      return { from, to: periodEnd(from, 'quarter'), previous: { from: prev, to: periodEnd(prev, 'quarter') } };
    }
    case 'month_to_date':
      return toDate(monthStart(today), addMonths(monthStart(today), -1), today, 'month');
    case 'quarter_to_date':
      return toDate(quarterStart(today), addMonths(quarterStart(today), -3), today, 'quarter');
  }
}

function withEqualPrevious(from: CalendarDay, to: CalendarDay): ReportWindow {
  return { from, to, previous: previousPeriod(from, to) };
}

/** [start, today] against the same count of days from the previous period's start, never past that period's end. */
function toDate(start: CalendarDay, previousStart: CalendarDay, today: CalendarDay, period: 'month' | 'quarter'): ReportWindow {
  const elapsed = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
  const end = addDays(previousStart, elapsed);
  const previousEnd = periodEnd(previousStart, period);
  return { from: start, to: today, previous: { from: previousStart, to: end < previousEnd ? end : previousEnd } };
}
