import { describe, expect, it } from 'vitest';
import { isPeriodRule, reportWindow } from './period.ts';

// 2026-12-02 is a Wednesday; weeks start on Monday (orgCalendar WEEK_STARTS_ON).
describe('report period rules', () => {
  it('yesterday and rolling windows end yesterday, compared with the equal window before', () => {
    expect(reportWindow('yesterday', '2026-12-02')).toEqual({ from: '2026-12-01', to: '2026-12-01', previous: { from: '2026-11-30', to: '2026-11-30' } });
    expect(reportWindow('last_7_days', '2026-12-02')).toEqual({ from: '2026-11-25', to: '2026-12-01', previous: { from: '2026-11-18', to: '2026-11-24' } });
    expect(reportWindow('last_30_days', '2026-03-01')).toEqual({ from: '2026-01-30', to: '2026-02-28', previous: { from: '2025-12-31', to: '2026-01-29' } });
  });

  it('last week is the previous Monday..Sunday, whatever weekday the run is on', () => {
    const expected = { from: '2026-11-23', to: '2026-11-29', previous: { from: '2026-11-16', to: '2026-11-22' } };
    expect(reportWindow('last_week', '2026-11-30')).toEqual(expected); // Monday
    expect(reportWindow('last_week', '2026-12-02')).toEqual(expected); // Wednesday
    expect(reportWindow('last_week', '2026-12-06')).toEqual(expected); // Sunday
  });

  it('last month and last quarter are whole calendar periods against the one before', () => {
    expect(reportWindow('last_month', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28', previous: { from: '2026-01-01', to: '2026-01-31' } });
    expect(reportWindow('last_month', '2026-01-01')).toEqual({ from: '2025-12-01', to: '2025-12-31', previous: { from: '2025-11-01', to: '2025-11-30' } });
    expect(reportWindow('last_quarter', '2026-05-20')).toEqual({ from: '2026-01-01', to: '2026-03-31', previous: { from: '2025-10-01', to: '2025-12-31' } });
  });

  it('to-date rules include today and compare with as many days from the previous period start', () => {
    expect(reportWindow('month_to_date', '2026-12-02')).toEqual({ from: '2026-12-01', to: '2026-12-02', previous: { from: '2026-11-01', to: '2026-11-02' } });
    // 31 March: February has no 31st day, the previous window stops at its end.
    expect(reportWindow('month_to_date', '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31', previous: { from: '2026-02-01', to: '2026-02-28' } });
    expect(reportWindow('quarter_to_date', '2026-11-10')).toEqual({ from: '2026-10-01', to: '2026-11-10', previous: { from: '2026-07-01', to: '2026-08-10' } });
  });

  it('knows its rules', () => {
    expect(isPeriodRule('last_week')).toBe(true);
    expect(isPeriodRule('last_year')).toBe(false);
    expect(isPeriodRule(7)).toBe(false);
  });
});
