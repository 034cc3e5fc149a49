/**
 * The organisation's calendar, every expected value worked out by hand from the zones' rules:
 * Pacific/Auckland is UTC+13 (NZDT) until 2026-04-05 03:00 local (= 2026-04-04T14:00Z), then UTC+12
 * (NZST) until 2026-09-27 02:00 local (= 2026-09-26T14:00Z), then UTC+13 again; Europe/Moscow is UTC+3
 * all year; Asia/Tehran UTC+3:30 all year (Iran dropped DST in 2022); America/Los_Angeles UTC-8 in winter.
 * Weekdays: 2026-01-01 is a Thursday, so 2026-11-30 (day 334: 333 days later, 333 mod 7 = 4) is a Monday,
 * 2026-04-05 (day 95: 94 mod 7 = 3) and 2026-09-27 (day 270: 269 mod 7 = 3) are Sundays.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, daysBetween, isCalendarDay, isPartialPeriod, monthStart, periodEnd, periodStart, presetRange,
  orgToday, previousPeriod, quarterStart, todayIn, weekStart,
} from './orgCalendar.ts';

const at = (iso: string) => new Date(iso);

describe('todayIn: the organisation\'s date at an instant', () => {
  it('is already tomorrow in Auckland while it is today in UTC', () => {
    // 12:30Z + 13 h = 01:30 on the 30th.
    expect(todayIn('Pacific/Auckland', at('2026-11-29T12:30:00Z'))).toBe('2026-11-30');
    expect(todayIn('UTC', at('2026-11-29T12:30:00Z'))).toBe('2026-11-29');
    // 10:59Z + 13 h = 23:59 on the 29th; 11:00Z + 13 h = midnight of the 30th.
    expect(todayIn('Pacific/Auckland', at('2026-11-29T10:59:59Z'))).toBe('2026-11-29');
    expect(todayIn('Pacific/Auckland', at('2026-11-29T11:00:00Z'))).toBe('2026-11-30');
  });

  it('follows Auckland across the end of daylight saving (5 April 2026 is 25 hours long)', () => {
    // Still NZDT (+13): 10:59Z = 23:59 on 4 April, 11:00Z = midnight of 5 April.
    expect(todayIn('Pacific/Auckland', at('2026-04-04T10:59:59Z'))).toBe('2026-04-04');
    expect(todayIn('Pacific/Auckland', at('2026-04-04T11:00:00Z'))).toBe('2026-04-05');
    // 13:59Z = 02:59 NZDT; 14:00Z = 02:00 NZST, still 5 April.
    expect(todayIn('Pacific/Auckland', at('2026-04-04T14:30:00Z'))).toBe('2026-04-05');
    // NZST (+12) afterwards: 5 April ends at 12:00Z, not 11:00Z.
    expect(todayIn('Pacific/Auckland', at('2026-04-05T11:30:00Z'))).toBe('2026-04-05');
    expect(todayIn('Pacific/Auckland', at('2026-04-05T11:59:59Z'))).toBe('2026-04-05');
    expect(todayIn('Pacific/Auckland', at('2026-04-05T12:00:00Z'))).toBe('2026-04-06');
  });

  it('follows Auckland across the start of daylight saving (27 September 2026 is 23 hours long)', () => {
    // NZST (+12): 11:59Z = 23:59 on 26 September, 12:00Z = midnight of the 27th.
    expect(todayIn('Pacific/Auckland', at('2026-09-26T11:59:59Z'))).toBe('2026-09-26');
    expect(todayIn('Pacific/Auckland', at('2026-09-26T12:00:00Z'))).toBe('2026-09-27');
    // NZDT (+13) from 14:00Z: the 27th ends at 11:00Z.
    expect(todayIn('Pacific/Auckland', at('2026-09-27T10:59:59Z'))).toBe('2026-09-27');
    expect(todayIn('Pacific/Auckland', at('2026-09-27T11:00:00Z'))).toBe('2026-09-28');
  });

  it('uses a fixed offset where there is no daylight saving (Moscow +3, Tehran +3:30)', () => {
    expect(todayIn('Europe/Moscow', at('2026-06-30T20:59:59Z'))).toBe('2026-06-30');
    expect(todayIn('Europe/Moscow', at('2026-06-30T21:00:00Z'))).toBe('2026-07-01');
    expect(todayIn('Europe/Moscow', at('2026-01-31T21:00:00Z'))).toBe('2026-02-01');
    expect(todayIn('Europe/Moscow', at('2026-12-31T21:00:00Z'))).toBe('2027-01-01');
    // Nowruz 2026: 20:29Z + 3:30 = 23:59 on 20 March; 20:30Z = midnight of the 21st (Gregorian, Latin digits).
    expect(todayIn('Asia/Tehran', at('2026-03-20T20:29:59Z'))).toBe('2026-03-20');
    expect(todayIn('Asia/Tehran', at('2026-03-20T20:30:00Z'))).toBe('2026-03-21');
    // Summer: still +3:30 (it was +4:30 before 2022).
    expect(todayIn('Asia/Tehran', at('2026-07-15T20:15:00Z'))).toBe('2026-07-15');
    expect(todayIn('Asia/Tehran', at('2026-07-15T20:30:00Z'))).toBe('2026-07-16');
  });

  it('is still yesterday west of UTC', () => {
    // 07:59Z - 8 h = 23:59 on the 28th.
    expect(todayIn('America/Los_Angeles', at('2026-11-29T07:59:59Z'))).toBe('2026-11-28');
    expect(todayIn('America/Los_Angeles', at('2026-11-29T08:00:00Z'))).toBe('2026-11-29');
  });

  it('refuses an unknown zone', () => {
    expect(() => todayIn('Mars/Olympus_Mons', at('2026-11-29T12:30:00Z'))).toThrow(RangeError);
  });
});

describe("orgToday: the organisation's today for server and dashboard", () => {
  it('is the date in the organisation\'s zone, not the machine\'s', () => {
    expect(orgToday('Pacific/Auckland', at('2026-11-29T12:30:00Z'))).toBe('2026-11-30');
    expect(orgToday('America/Los_Angeles', at('2026-11-29T07:59:59Z'))).toBe('2026-11-28');
  });

  it('takes UTC for a zone this runtime does not know, or none yet', () => {
    expect(orgToday('Mars/Olympus_Mons', at('2026-11-29T23:30:00Z'))).toBe('2026-11-29');
    expect(orgToday(undefined, at('2026-11-29T23:30:00Z'))).toBe('2026-11-29');
    expect(orgToday('', at('2026-11-30T00:00:00Z'))).toBe('2026-11-30');
  });
});

describe('calendar arithmetic', () => {
  it('recognises real days only', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('2026-1-01')).toBe(false);
    expect(isCalendarDay(20260101)).toBe(false);
  });

  it('adds days across months, years, leap days and daylight-saving days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    // Auckland's 25- and 23-hour days are still one calendar day each.
    expect(addDays('2026-04-05', 1)).toBe('2026-04-06');
    expect(addDays('2026-09-26', 2)).toBe('2026-09-28');
    expect(daysBetween('2026-09-26', '2026-09-28')).toBe(2);
    expect(daysBetween('2026-11-30', '2026-11-01')).toBe(-29);
  });

  it('adds months, keeping the day or the month\'s last day', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', -12)).toBe('2027-02-28');
    expect(addMonths('2026-11-30', -12)).toBe('2025-11-30');
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-30')).toBe('2026-11-30'); // a Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday: six days back
    expect(weekStart('2026-12-06')).toBe('2026-11-30');
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // Friday (Thursday + 365 days)
    expect(weekStart('2026-04-05')).toBe('2026-03-30'); // the Sunday Auckland's DST ends
    expect(weekStart('2026-09-27')).toBe('2026-09-21'); // the Sunday it starts
  });

  it('bounds months and quarters', () => {
    expect(monthStart('2026-11-30')).toBe('2026-11-01');
    expect(quarterStart('2026-11-30')).toBe('2026-10-01');
    expect(quarterStart('2026-03-31')).toBe('2026-01-01');
    expect(quarterStart('2026-04-01')).toBe('2026-04-01');
    expect(quarterStart('2026-09-30')).toBe('2026-07-01');
    expect(periodStart('2026-11-29', 'day')).toBe('2026-11-29');
    expect(periodStart('2026-11-29', 'week')).toBe('2026-11-23');
    expect(periodStart('2026-11-29', 'month')).toBe('2026-11-01');
    expect(periodStart('2026-11-29', 'quarter')).toBe('2026-10-01');
    expect(periodEnd('2026-11-29', 'day')).toBe('2026-11-29');
    expect(periodEnd('2026-11-23', 'week')).toBe('2026-11-29');
    expect(periodEnd('2026-12-28', 'week')).toBe('2027-01-03');
    expect(periodEnd('2026-02-10', 'month')).toBe('2026-02-28');
    expect(periodEnd('2028-02-10', 'month')).toBe('2028-02-29');
    expect(periodEnd('2026-01-15', 'quarter')).toBe('2026-03-31');
    expect(periodEnd('2026-11-30', 'quarter')).toBe('2026-12-31');
  });
});

describe('presets and the previous period', () => {
  it('end on the organisation\'s today: Auckland at 2026-11-29T12:30Z', () => {
    const today = todayIn('Pacific/Auckland', at('2026-11-29T12:30:00Z')); // 2026-11-30
    // 30 days: 30 Nov and the 29 before it, back to 1 Nov.
    expect(presetRange('30d', today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    // 90 days: 29 back to 1 Nov, 31 more to 1 Oct (60), 29 more to 2 Sep (89).
    expect(presetRange('90d', today)).toEqual({ from: '2026-09-02', to: '2026-11-30' });
    // 12 months: the day after 30 Nov 2025; 1 Dec 2025 .. 30 Nov 2026 is 365 days.
    expect(presetRange('12m', today)).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    // The same instant in UTC is still the 29th: every window ends a day earlier.
    expect(presetRange('30d', todayIn('UTC', at('2026-11-29T12:30:00Z')))).toEqual({ from: '2026-10-31', to: '2026-11-29' });
  });

  it('handle leap years and mid-March', () => {
    // 29 Feb 2028 minus 12 months = 28 Feb 2027, plus one day.
    expect(presetRange('12m', '2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(presetRange('30d', '2026-03-15')).toEqual({ from: '2026-02-14', to: '2026-03-15' }); // 15 Mar - 29: 15 back to 28 Feb, 14 more to 14 Feb
    expect(presetRange('90d', '2026-03-15')).toEqual({ from: '2025-12-16', to: '2026-03-15' }); // 15 back to 28 Feb, 28 to 31 Jan (43), 31 to 31 Dec (74), 15 to 16 Dec (89)
    expect(presetRange('12m', '2026-03-15')).toEqual({ from: '2025-03-16', to: '2026-03-15' });
  });

  it('give the previous period of the same number of days', () => {
    // 1..30 Nov is 30 days; the 30 before: 2..31 Oct.
    expect(previousPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    // February 2026 has 28 days: 4..31 Jan.
    expect(previousPeriod('2026-02-01', '2026-02-28')).toEqual({ from: '2026-01-04', to: '2026-01-31' });
    expect(previousPeriod('2026-04-05', '2026-04-05')).toEqual({ from: '2026-04-04', to: '2026-04-04' });
    // Across Auckland's DST start: 27 Sep .. 3 Oct is 7 days, the week before is 20..26 Sep.
    expect(previousPeriod('2026-09-27', '2026-10-03')).toEqual({ from: '2026-09-20', to: '2026-09-26' });
  });
});

describe('partial periods', () => {
  const today = '2026-11-30';
  const w = { from: '2026-11-04', to: '2026-11-30' }; // Wednesday .. Monday (today)

  it('marks weeks cut by the window or still running', () => {
    expect(isPartialPeriod('2026-11-02', 'week', w, today)).toBe(true); // 2..8 Nov starts before the 4th
    expect(isPartialPeriod('2026-11-09', 'week', w, today)).toBe(false); // 9..15 Nov
    expect(isPartialPeriod('2026-11-23', 'week', w, today)).toBe(false); // 23..29 Nov, ended yesterday
    expect(isPartialPeriod('2026-11-30', 'week', w, today)).toBe(true); // 30 Nov..6 Dec: past `to`, still running
  });

  it('marks the running day, month and quarter', () => {
    expect(isPartialPeriod('2026-11-29', 'day', w, today)).toBe(false);
    expect(isPartialPeriod('2026-11-30', 'day', w, today)).toBe(true); // today is not over
    expect(isPartialPeriod('2026-11-01', 'month', { from: '2026-10-01', to: '2026-11-30' }, today)).toBe(true); // ends today
    expect(isPartialPeriod('2026-10-01', 'month', { from: '2026-10-01', to: '2026-11-30' }, today)).toBe(false);
    expect(isPartialPeriod('2026-10-01', 'quarter', { from: '2026-10-01' }, today)).toBe(true); // runs to 31 Dec
  });

  it('marks quarters cut by the window, and nothing at an open end', () => {
    expect(isPartialPeriod('2026-01-01', 'quarter', { from: '2026-01-01', to: '2026-03-31' }, today)).toBe(false);
    expect(isPartialPeriod('2026-01-01', 'quarter', { from: '2026-01-01', to: '2026-03-30' }, today)).toBe(true);
    expect(isPartialPeriod('2026-01-01', 'quarter', { from: '2026-01-02', to: '2026-03-31' }, today)).toBe(true);
    expect(isPartialPeriod('2026-01-05', 'week', {}, today)).toBe(false);
    expect(isPartialPeriod('2026-04-01', 'quarter', {}, today)).toBe(false);
  });
});
