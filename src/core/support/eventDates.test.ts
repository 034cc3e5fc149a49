import { describe, expect, it } from 'vitest';
import { dateReader } from './eventDates.ts';

const iso = (s: string) => new Date(s);

describe('dateReader', () => {
  it('ISO 8601 with an offset, Z or UTC, whatever the declared zone', () => {
    const read = dateReader('iso', 'Asia/Tehran');
    expect(read('2024-03-01T09:15:00+03:00')).toEqual(iso('2024-03-01T06:15:00Z'));
    expect(read('2024-03-01 09:15:30Z')).toEqual(iso('2024-03-01T09:15:30Z'));
    expect(read('2024-03-01 09:15:00 +0100')).toEqual(iso('2024-03-01T08:15:00Z'));
    expect(read('2024-03-01 09:15:00 UTC')).toEqual(iso('2024-03-01T09:15:00Z'));
    expect(read('2024-03-01T09:15:00.250-05:30')).toEqual(iso('2024-03-01T14:45:00Z'));
  });

  it('ISO 8601 without an offset is a wall-clock time in the declared zone', () => {
    // Tehran is UTC+03:30 (no daylight saving since 2022)
    expect(dateReader('iso', 'Asia/Tehran')('2024-03-01 09:15')).toEqual(iso('2024-03-01T05:45:00Z'));
    expect(dateReader('iso', 'Europe/Moscow')('2024-03-01')).toEqual(iso('2024-02-29T21:00:00Z'));
  });

  it('a declared pattern: day-first, month-first, with seconds', () => {
    expect(dateReader('dd-mm-yyyy HH:MM', 'UTC')('29-02-2016 01:16')).toEqual(iso('2016-02-29T01:16:00Z'));
    expect(dateReader('mm/dd/yyyy HH:MM', 'UTC')('02/29/2016 1:16')).toEqual(iso('2016-02-29T01:16:00Z'));
    expect(dateReader('yyyy-mm-dd HH:MM:SS', 'Europe/Berlin')('2024-07-01 12:00:05')).toEqual(iso('2024-07-01T10:00:05Z'));
    expect(dateReader('dd.mm.yyyy', 'UTC')('1.3.2024')).toEqual(iso('2024-03-01T00:00:00Z'));
  });

  it('no guessing: values that do not fit the declared format are errors with the value and the format', () => {
    const read = dateReader('dd-mm-yyyy HH:MM', 'UTC');
    expect(read('2016-02-29 01:16')).toBe('"2016-02-29 01:16" is not a date in the format dd-mm-yyyy HH:MM');
    expect(read('30-02-2016 01:16')).toMatch(/not a date/);
    expect(read('29-02-2016 24:00')).toMatch(/not a date/);
    expect(read('29-13-2016 10:00')).toMatch(/not a date/);
    expect(read('29-02-2016 01:16:00')).toMatch(/not a date/);
    expect(dateReader('iso', 'UTC')('03/01/2024')).toBe('"03/01/2024" is not a date in the format ISO 8601');
    expect(dateReader('iso', 'UTC')('2024-03-01T09:15+3')).toMatch(/not a date/);
  });

  it('a spreadsheet date cell is its wall-clock time in the declared zone', () => {
    expect(dateReader('dd-mm-yyyy HH:MM', 'Europe/Moscow')(new Date(Date.UTC(2024, 2, 1, 9, 0)))).toEqual(iso('2024-03-01T06:00:00Z'));
  });

  it('refuses an unknown zone or a format without a day, month and year', () => {
    expect(() => dateReader('iso', 'Mars/Olympus')).toThrow(/unknown time zone/);
    expect(() => dateReader('HH:MM', 'UTC')).toThrow(/needs yyyy, mm and dd/);
    expect(() => dateReader('dd-mm-yyyy dd', 'UTC')).toThrow(/appears twice/);
  });
});
