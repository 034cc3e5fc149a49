import { describe, expect, it } from 'vitest';
import { addBusinessSeconds, businessSeconds, parseBusinessHours, type BusinessCalendar } from './businessHours.ts';

function cal(text: string, tz = 'UTC'): BusinessCalendar {
  const c = parseBusinessHours(text, tz);
  if (typeof c === 'string') throw new Error(c);
  return c;
}
const d = (s: string) => new Date(s);

describe('parseBusinessHours', () => {
  it('reads day ranges (wrapping past Sunday), lists and hours', () => {
    const week = cal('Mon-Fri 09:00-18:00');
    expect([...week.days].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([week.startMinute, week.endMinute]).toEqual([540, 1080]);
    expect(week.label).toBe('Mon-Fri 09:00-18:00 UTC');
    expect([...cal('Sat-Tue 8:30-17:00').days].sort()).toEqual([0, 1, 2, 6]);
    expect([...cal('mon, Wed,FRI 10:00-14:00').days].sort()).toEqual([1, 3, 5]);
    expect(cal('Sun 00:00-24:00').endMinute).toBe(1440);
  });

  it('refuses what it cannot read', () => {
    expect(parseBusinessHours('Mon-Fri 18:00-09:00', 'UTC')).toMatch(/^business hours "Mon-Fri 18:00-09:00": write days and hours/);
    expect(parseBusinessHours('weekdays 9-5', 'UTC')).toMatch(/write days and hours/);
    expect(parseBusinessHours('Mon-Fri 09:00-25:00', 'UTC')).toMatch(/write days and hours/);
    expect(parseBusinessHours('Mon-Fry 09:00-18:00', 'UTC')).toMatch(/write days and hours/);
    expect(parseBusinessHours('Mon-Fri 09:00-18:00', 'Atlantis/City')).toBe('unknown time zone "Atlantis/City"');
  });
});

describe('businessSeconds', () => {
  const week = cal('Mon-Fri 09:00-18:00');

  it('counts working hours only: inside one window, across a weekend, nothing when reversed', () => {
    // Tue 2024-03-05 10:00 -> 11:30
    expect(businessSeconds(d('2024-03-05T10:00:00Z'), d('2024-03-05T11:30:00Z'), week)).toBe(5400);
    // Fri 2024-03-01 17:00 -> Mon 2024-03-04 10:00: Fri 17-18 and Mon 9-10
    expect(businessSeconds(d('2024-03-01T17:00:00Z'), d('2024-03-04T10:00:00Z'), week)).toBe(7200);
    // Sat -> Sun: nothing; before opening -> after closing on one day: the whole 9 h
    expect(businessSeconds(d('2024-03-02T10:00:00Z'), d('2024-03-03T10:00:00Z'), week)).toBe(0);
    expect(businessSeconds(d('2024-03-05T07:00:00Z'), d('2024-03-05T20:00:00Z'), week)).toBe(9 * 3600);
    // two full weeks Mon 00:00 -> Mon 00:00: 10 days of 9 h
    expect(businessSeconds(d('2024-03-04T00:00:00Z'), d('2024-03-18T00:00:00Z'), week)).toBe(90 * 3600);
    expect(businessSeconds(d('2024-03-05T11:00:00Z'), d('2024-03-05T10:00:00Z'), week)).toBe(0);
  });

  it('hours are wall-clock hours of the zone', () => {
    // Moscow is UTC+3: Fri 17:00 local = 14:00Z, Mon 10:00 local = 07:00Z
    expect(businessSeconds(d('2024-03-01T14:00:00Z'), d('2024-03-04T07:00:00Z'), cal('Mon-Fri 09:00-18:00', 'Europe/Moscow'))).toBe(7200);
  });

  it('follows a daylight-saving change: Berlin 31 March 2024 has 23 hours', () => {
    const sunday = cal('Sun 00:00-24:00', 'Europe/Berlin');
    // Sun 00:00 CET (Sat 23:00Z) -> Mon 00:00 CEST (Sun 22:00Z)
    expect(businessSeconds(d('2024-03-30T23:00:00Z'), d('2024-03-31T22:00:00Z'), sunday)).toBe(23 * 3600);
  });
});

describe('addBusinessSeconds', () => {
  const moscow = parseBusinessHours('Mon-Fri 09:00-18:00', 'Europe/Moscow') as BusinessCalendar;
  const hours = (h: number) => h * 3600;

  it('stays inside one working day when the time fits', () => {
    // Tue 2026-12-01 10:00 Moscow (07:00Z) + 4 h -> 14:00 Moscow
    expect(addBusinessSeconds(new Date('2026-12-01T07:00:00Z'), hours(4), moscow)?.toISOString()).toBe('2026-12-01T11:00:00.000Z');
  });

  it('carries the rest over the evening and the weekend', () => {
    // Fri 2026-12-04 16:00 Moscow + 4 h: 2 h on Friday, 2 h from Monday 09:00 -> Mon 11:00 Moscow (08:00Z)
    expect(addBusinessSeconds(new Date('2026-12-04T13:00:00Z'), hours(4), moscow)?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('starts at the next opening when given outside working hours', () => {
    // Sat 2026-12-05 12:00 Moscow + 1 h -> Mon 10:00 Moscow
    expect(addBusinessSeconds(new Date('2026-12-05T09:00:00Z'), hours(1), moscow)?.toISOString()).toBe('2026-12-07T07:00:00.000Z');
    // 16 working hours from Mon 08:00 Moscow: 9 h on Monday (09-18), 7 h on Tuesday -> Tue 16:00 Moscow
    expect(addBusinessSeconds(new Date('2026-12-07T05:00:00Z'), hours(16), moscow)?.toISOString()).toBe('2026-12-08T13:00:00.000Z');
  });

  it('is the inverse of businessSeconds', () => {
    const from = new Date('2026-12-03T14:25:00Z');
    const due = addBusinessSeconds(from, hours(13), moscow)!;
    expect(businessSeconds(from, due, moscow)).toBe(hours(13));
  });
});
