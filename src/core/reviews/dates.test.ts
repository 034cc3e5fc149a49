import { describe, expect, it } from 'vitest';
import { parseReviewDate, toInstant, writtenDay } from './dates.ts';

const w = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, offsetMinutes: number | null = null) =>
  ({ year, month, day, hour, minute, second, offsetMinutes });

describe('parseReviewDate', () => {
  it.each([
    ['2024-03-12', w(2024, 3, 12)],
    ['2024-03-12T14:30', w(2024, 3, 12, 14, 30)],
    ['2024-03-12 14:30:05', w(2024, 3, 12, 14, 30, 5)],
    ['2024-03-12T14:30:05.123Z', w(2024, 3, 12, 14, 30, 5, 0)],
    ['2024-03-12T14:30:05+03:00', w(2024, 3, 12, 14, 30, 5, 180)],
    ['2024-03-12T14:30:05-0530', w(2024, 3, 12, 14, 30, 5, -330)],
    ['2024/3/9', w(2024, 3, 9)],
    ['12.03.2024', w(2024, 3, 12)],
    ['12.03.24', w(2024, 3, 12)],
    ['12.03.2024 9:05', w(2024, 3, 12, 9, 5)],
    ['12-03-2024 14:30', w(2024, 3, 12, 14, 30)],
    ['12/03/2024', w(2024, 3, 12)],
    ['03/25/2024', w(2024, 3, 25)], // cannot be day-first
    ['12/13/2024', w(2024, 12, 13)],
    ['12 марта 2024', w(2024, 3, 12)],
    ['1 мая 2024 г. в 18:40', w(2024, 5, 1, 18, 40)],
    ['5 Январь 2025', w(2025, 1, 5)],
    ['12 Mar 2024', w(2024, 3, 12)],
    ['March 12, 2024', w(2024, 3, 12)],
    ['۱۲.۰۳.۲۰۲۴', w(2024, 3, 12)],
    ['  2024-03-12  ', w(2024, 3, 12)],
  ])('%s', (text, expected) => {
    expect(parseReviewDate(text)).toEqual(expected);
  });

  it.each(['', 'yesterday', '31.02.2024', '2024-13-01', '12.03.2024 25:00', '32 марта 2024', '12 Foo 2024', '13/13/2024'])('refuses %j', (text) => {
    expect(parseReviewDate(text)).toBeNull();
  });

  it('reads spreadsheet dates and serial numbers, Unix seconds and milliseconds', () => {
    expect(parseReviewDate(new Date(Date.UTC(2024, 2, 12, 14, 30)))).toEqual(w(2024, 3, 12, 14, 30));
    expect(parseReviewDate(45363)).toEqual(w(2024, 3, 12)); // 45363 days after 1899-12-30
    expect(parseReviewDate(45363.75)).toEqual(w(2024, 3, 12, 18));
    expect(parseReviewDate(1710253800)).toEqual(w(2024, 3, 12, 14, 30, 0, 0));
    expect(parseReviewDate(1710253800000)).toEqual(w(2024, 3, 12, 14, 30, 0, 0));
    expect(parseReviewDate(-1)).toBeNull();
  });

  it('writes the day as written', () => {
    expect(writtenDay(w(2024, 3, 2, 23, 59))).toBe('2024-03-02');
  });
});

describe('toInstant', () => {
  it('keeps a written offset', () => {
    expect(toInstant(w(2024, 3, 12, 14, 30, 0, 180), 'America/New_York').toISOString()).toBe('2024-03-12T11:30:00.000Z');
  });
  it('reads a time without offset in the organisation zone', () => {
    expect(toInstant(w(2024, 3, 12, 14, 30), 'Europe/Moscow').toISOString()).toBe('2024-03-12T11:30:00.000Z'); // UTC+3
    expect(toInstant(w(2024, 3, 12), 'Asia/Tehran').toISOString()).toBe('2024-03-11T20:30:00.000Z'); // UTC+3:30
    expect(toInstant(w(2024, 7, 1, 12), 'America/New_York').toISOString()).toBe('2024-07-01T16:00:00.000Z'); // EDT
    expect(toInstant(w(2024, 1, 1, 12), 'America/New_York').toISOString()).toBe('2024-01-01T17:00:00.000Z'); // EST
  });
  it('moves a time skipped by daylight saving forward by the jump', () => {
    // 2024-03-10 02:30 does not exist in New York (02:00 -> 03:00): 03:30 EDT = 07:30Z.
    expect(toInstant(w(2024, 3, 10, 2, 30), 'America/New_York').toISOString()).toBe('2024-03-10T07:30:00.000Z');
  });
});
