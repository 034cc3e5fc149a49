import { describe, expect, it } from 'vitest';
import { expandRecipients, isoWeekKey, nextRunAt, periodKey, zonedHourToInstant, type RecipientUser, type ScheduleRule } from './schedule.ts';

const daily = (hour: number): ScheduleRule => ({ frequency: 'daily', dayOfWeek: null, dayOfMonth: null, hour });
const weekly = (dayOfWeek: number, hour: number): ScheduleRule => ({ frequency: 'weekly', dayOfWeek, dayOfMonth: null, hour });
const monthly = (dayOfMonth: number, hour: number): ScheduleRule => ({ frequency: 'monthly', dayOfWeek: null, dayOfMonth, hour });
const at = (iso: string) => new Date(iso);

describe('next run, Europe/Moscow (UTC+3 all year)', () => {
  it('weekly: the next Monday 09:00 MSK, strictly after the given instant', () => {
    // 2026-12-02 is a Wednesday; Monday 2026-12-07 09:00 MSK is 06:00 UTC.
    expect(nextRunAt(weekly(1, 9), 'Europe/Moscow', at('2026-12-02T10:00:00Z'))).toEqual(at('2026-12-07T06:00:00Z'));
    expect(nextRunAt(weekly(1, 9), 'Europe/Moscow', at('2026-12-07T06:00:00Z'))).toEqual(at('2026-12-14T06:00:00Z'));
    expect(nextRunAt(weekly(1, 9), 'Europe/Moscow', at('2026-12-07T05:59:59Z'))).toEqual(at('2026-12-07T06:00:00Z'));
  });

  it('weekly at 01:00 Monday in Moscow is Sunday 22:00 UTC', () => {
    expect(nextRunAt(weekly(1, 1), 'Europe/Moscow', at('2026-12-06T21:00:00Z'))).toEqual(at('2026-12-06T22:00:00Z'));
  });

  it('daily: today when the hour is still ahead, else tomorrow', () => {
    expect(nextRunAt(daily(8), 'Europe/Moscow', at('2026-12-02T04:59:00Z'))).toEqual(at('2026-12-02T05:00:00Z'));
    expect(nextRunAt(daily(8), 'Europe/Moscow', at('2026-12-02T05:00:00Z'))).toEqual(at('2026-12-03T05:00:00Z'));
  });
});

describe('next run, Asia/Tehran (UTC+3:30, no DST since 2023)', () => {
  it('midnight is 20:30 UTC of the day before', () => {
    expect(nextRunAt(daily(0), 'Asia/Tehran', at('2026-12-01T21:00:00Z'))).toEqual(at('2026-12-02T20:30:00Z'));
  });

  it('monthly on the 31st runs on the last day of shorter months', () => {
    expect(nextRunAt(monthly(31, 9), 'Asia/Tehran', at('2026-02-01T00:00:00Z'))).toEqual(at('2026-02-28T05:30:00Z'));
    expect(nextRunAt(monthly(31, 9), 'Asia/Tehran', at('2026-02-28T05:30:00Z'))).toEqual(at('2026-03-31T05:30:00Z'));
    expect(nextRunAt(monthly(31, 9), 'Asia/Tehran', at('2026-03-31T05:30:00Z'))).toEqual(at('2026-04-30T05:30:00Z'));
    // 2028 is a leap year
    expect(nextRunAt(monthly(30, 9), 'Asia/Tehran', at('2028-02-01T00:00:00Z'))).toEqual(at('2028-02-29T05:30:00Z'));
  });

  it('monthly on the 1st at 02:00 Tehran is the last day of the previous month in UTC', () => {
    expect(nextRunAt(monthly(1, 2), 'Asia/Tehran', at('2026-12-02T00:00:00Z'))).toEqual(at('2026-12-31T22:30:00Z'));
  });
});

describe('next run, Pacific/Auckland across DST', () => {
  it('the fall-back hour shown twice (5 April 2026, 02:00-02:59) runs once, at its first occurrence', () => {
    // 02:00 NZDT (UTC+13) = 13:00 UTC on 4 April; the second 02:00 (NZST, UTC+12) would be 14:00 UTC.
    expect(nextRunAt(daily(2), 'Pacific/Auckland', at('2026-04-04T12:00:00Z'))).toEqual(at('2026-04-04T13:00:00Z'));
    // After it, the next run is 6 April 02:00 NZST, not the repeated 02:00.
    expect(nextRunAt(daily(2), 'Pacific/Auckland', at('2026-04-04T13:00:00Z'))).toEqual(at('2026-04-05T14:00:00Z'));
  });

  it('the hour the clocks skip (27 September 2026, 02:00 -> 03:00) runs at 03:00 NZDT', () => {
    expect(nextRunAt(daily(2), 'Pacific/Auckland', at('2026-09-26T12:00:00Z'))).toEqual(at('2026-09-26T14:00:00Z'));
    expect(zonedHourToInstant('2026-09-27', 2, 'Pacific/Auckland')).toEqual(at('2026-09-26T14:00:00Z'));
    expect(zonedHourToInstant('2026-09-27', 3, 'Pacific/Auckland')).toEqual(at('2026-09-26T14:00:00Z'));
    expect(zonedHourToInstant('2026-09-27', 1, 'Pacific/Auckland')).toEqual(at('2026-09-26T13:00:00Z'));
  });

  it('weekly Sunday 09:00 keeps the wall-clock hour when the offset changes', () => {
    // Sunday 29 March 09:00 NZDT = Saturday 20:00 UTC; Sunday 5 April 09:00 NZST = Saturday 21:00 UTC.
    expect(nextRunAt(weekly(7, 9), 'Pacific/Auckland', at('2026-03-25T00:00:00Z'))).toEqual(at('2026-03-28T20:00:00Z'));
    expect(nextRunAt(weekly(7, 9), 'Pacific/Auckland', at('2026-03-28T20:00:00Z'))).toEqual(at('2026-04-04T21:00:00Z'));
  });
});

describe('period keys', () => {
  it('day, ISO week (with its own year at the year ends) and month', () => {
    expect(periodKey('daily', '2026-03-08')).toBe('2026-03-08');
    expect(periodKey('weekly', '2026-12-07')).toBe('2026-W50');
    expect(periodKey('weekly', '2026-12-13')).toBe('2026-W50'); // Sunday: same week
    expect(periodKey('monthly', '2026-02-28')).toBe('2026-02');
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
  });
});

describe('recipients', () => {
  const store1 = { id: 's1', path: '/c/r/s1/' };
  const store2 = { id: 's2', path: '/c/r/s2/' };
  const other = { id: 's9', path: '/c/x/s9/' };
  const users: RecipientUser[] = [
    { id: 'm1', email: 'm1@x.test', role: 'location_manager', locale: 'ru', locations: [store1] },
    { id: 'm2', email: 'm2@x.test', role: 'location_manager', locale: 'fa', locations: [store2, other] },
    { id: 'a1', email: 'a1@x.test', role: 'analyst', locale: 'xx', locations: [] },
  ];

  it('a role becomes one addressee per user and own location inside the report, each in their language', () => {
    expect(expandRecipients([{ kind: 'role', role: 'location_manager' }], users, '/c/r/')).toEqual([
      { key: 'user:m1@s1', email: 'm1@x.test', userId: 'm1', lang: 'ru', location: store1 },
      { key: 'user:m2@s2', email: 'm2@x.test', userId: 'm2', lang: 'fa', location: store2 },
    ]);
    expect(expandRecipients([{ kind: 'role', role: 'location_manager', lang: 'en' }], users, null).map((a) => [a.key, a.lang])).toEqual([
      ['user:m1@s1', 'en'], ['user:m2@s2', 'en'], ['user:m2@s9', 'en'],
    ]);
  });

  it('users in their language (an unknown one is English), addresses as given, each once', () => {
    expect(expandRecipients([
      { kind: 'user', userId: 'a1' },
      { kind: 'user', userId: 'gone' },
      { kind: 'email', email: ' Boss@Example.TEST ', lang: 'fa' },
      { kind: 'email', email: 'boss@example.test', lang: 'ru' },
      { kind: 'user', userId: 'a1', lang: 'ru' },
    ], users, null)).toEqual([
      { key: 'user:a1', email: 'a1@x.test', userId: 'a1', lang: 'en', location: null },
      { key: 'email:boss@example.test', email: 'boss@example.test', userId: null, lang: 'fa', location: null },
    ]);
  });
});
