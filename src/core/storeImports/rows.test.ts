import { describe, expect, it } from 'vitest';
import type { CellValue } from '../reviews/importRows.ts';
import { parseAmount, parseCount, storeRowReader } from './rows.ts';
import { missingFields, resolveColumns, suggestMapping } from './fields.ts';

const cells = (o: Record<string, CellValue>) => (f: string) => o[f];

describe('parseAmount', () => {
  it('reads dots, commas, thousands separators, refunds, and rounds to cents', () => {
    expect(parseAmount('12.5')).toBe('12.50');
    expect(parseAmount('12,5')).toBe('12.50');
    expect(parseAmount('1 234,56')).toBe('1234.56');
    expect(parseAmount('1.234,56')).toBe('1234.56');
    expect(parseAmount('1,234.56')).toBe('1234.56');
    expect(parseAmount('-3.10')).toBe('-3.10');
    expect(parseAmount(7)).toBe('7.00');
    expect(parseAmount(0.005)).toBe('0.01');
    expect(parseAmount('-0.001')).toBe('0.00');
    expect(parseAmount('.5')).toBe('0.50');
  });
  it('refuses what is not an amount', () => {
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('12.3.4,5,6')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(parseAmount(true)).toBeNull();
    expect(parseAmount('1e5')).toBeNull();
    expect(parseAmount(1e13)).toBeNull();
  });
});

describe('parseCount', () => {
  it('reads whole counts >= 0', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount('1 200')).toBe(1200);
    expect(parseCount(5)).toBe(5);
    expect(parseCount('3.0')).toBe(3);
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('2.5')).toBeNull();
    expect(parseCount('x')).toBeNull();
  });
});

describe('mapping', () => {
  it('suggests columns by name and synonyms, case-insensitively, one column per field', () => {
    expect(suggestMapping('transactions', ['Store', 'Order ID', 'Date', 'Total', 'Customer', 'Qty'])).toEqual({
      location: 'Store', receipt_id: 'Order ID', at: 'Date', amount: 'Total', customer_id: 'Customer', items: 'Qty',
    });
    // "date" is a field of footfall files: not taken as the hour.
    expect(suggestMapping('footfall', ['location', 'date', 'hour', 'In', 'Passers-by'])).toEqual({
      location: 'location', date: 'date', hour: 'hour', visitors: 'In', passers_by: 'Passers-by',
    });
  });
  it('resolves explicit mappings over the suggestion, and reports unknown fields and absent columns', () => {
    const cols = resolveColumns('transactions', ['shop', 'when', 'sum', 'total'], { at: 'When', amount: 'sum' });
    expect(cols).toEqual(new Map([['at', 'when'], ['amount', 'sum'], ['location', 'shop']]));
    expect(resolveColumns('transactions', ['a'], { colour: 'a' })).toMatch(/^mapping: "colour" is not a field/);
    expect(resolveColumns('transactions', ['a'], { at: 'b' })).toBe('mapping: the file has no column "b" (for at)');
  });
  it('names the missing required fields', () => {
    expect(missingFields('transactions', new Set(['at']), false)).toBe('the file has no column for location, amount');
    expect(missingFields('transactions', new Set(['at', 'amount']), true)).toBeNull();
    expect(missingFields('shifts', new Set(['location', 'date', 'start', 'end']), false)).toBeNull();
    expect(missingFields('shifts', new Set(['location', 'date', 'start']), false)).toMatch(/starts_at and ends_at/);
    expect(missingFields('footfall', new Set(['location', 'hour']), false)).toBe('the file has no column for visitors');
  });
});

describe('transactions', () => {
  const read = storeRowReader('transactions', { timeZone: 'Europe/Moscow' });
  it('reads times with and without an offset (the zone of the import), and YYYYMMDD', () => {
    expect(read(cells({ location: 'S1', at: '2024-03-01 10:15', amount: '10' }))).toEqual({
      location: 'S1', receiptId: null, at: new Date('2024-03-01T07:15:00Z'), amount: '10.00', customerKey: null, items: null, referralCode: null,
    });
    expect((read(cells({ location: 'S1', at: '2024-03-01T10:15:00+01:00', amount: '10' })) as { at: Date }).at).toEqual(new Date('2024-03-01T09:15:00Z'));
    // Midnight in Moscow (UTC+3) is 21:00 UTC the day before.
    expect((read(cells({ location: 'S1', at: '20240301', amount: '10' })) as { at: Date }).at).toEqual(new Date('2024-02-29T21:00:00Z'));
    expect((read(cells({ location: 'S1', at: 20240301, amount: '10' })) as { at: Date }).at).toEqual(new Date('2024-02-29T21:00:00Z'));
  });
  it('keeps receipt, customer, items and the referral code (upper case)', () => {
    expect(read(cells({ receipt_id: ' R-1 ', location: 'S1', at: '2024-03-01T00:00:00Z', amount: '-4,5', customer_id: 'C9', items: '3', referral_code: 'ab12cd' }))).toEqual({
      location: 'S1', receiptId: 'R-1', at: new Date('2024-03-01T00:00:00Z'), amount: '-4.50', customerKey: 'C9', items: 3, referralCode: 'AB12CD',
    });
  });
  it('takes the whole-file location when the row has none', () => {
    const r = storeRowReader('transactions', { timeZone: 'UTC', fileLocation: 'L-ID' });
    expect((r(cells({ at: '2024-03-01', amount: '1' })) as { location: string }).location).toBe('L-ID');
    expect(read(cells({ at: '2024-03-01', amount: '1' }))).toBe('location: needed');
  });
  it('refuses bad rows with the field and the reason', () => {
    expect(read(cells({ location: 'S1', at: '01/03/2024', amount: '1' }))).toBe('at: "01/03/2024" is not a date in the format ISO 8601');
    expect(read(cells({ location: 'S1', at: '2024-03-01', amount: 'ten' }))).toBe('amount: "ten" is not an amount');
    expect(read(cells({ location: 'S1', at: '2024-03-01' }))).toBe('amount: needed');
    expect(read(cells({ location: 'S1', amount: '1' }))).toBe('at: needed');
    expect(read(cells({ location: 'S1', at: '2024-03-01', amount: '1', items: '-2' }))).toBe('items: not a whole number >= 0');
    expect(read(cells({ location: 'S1', at: '2024-03-01', amount: '1', referral_code: 'a b' }))).toBe('referral_code: 4-16 letters A-Z and digits');
  });
  it('reads a declared date format', () => {
    const r = storeRowReader('transactions', { timeZone: 'UTC', dateFormat: 'dd.mm.yyyy HH:MM' });
    expect((r(cells({ location: 'S', at: '05.03.2024 18:40', amount: '1' })) as { at: Date }).at).toEqual(new Date('2024-03-05T18:40:00Z'));
  });
  it('refuses an unknown zone for the whole file', () => {
    expect(() => storeRowReader('transactions', { timeZone: 'Mars/Base' })).toThrow(/unknown time zone/);
  });
});

describe('footfall', () => {
  const read = storeRowReader('footfall', { timeZone: 'Asia/Tehran' });
  it('puts a time in its UTC hour, and reads date + hour 0-23 in the zone', () => {
    // 10:45 in Tehran (UTC+3:30) is 07:15 UTC: hour 07:00 UTC.
    expect(read(cells({ location: 'S1', hour: '2024-03-01 10:45', visitors: '12', passers_by: '300' }))).toEqual({
      location: 'S1', hour: new Date('2024-03-01T07:00:00Z'), visitors: 12, passersBy: 300,
    });
    // 2024-03-01 14:00 in Tehran is 10:30 UTC: hour 10:00 UTC; passers-by blank = not measured.
    expect(read(cells({ location: 'S1', date: '2024-03-01', hour: '14', visitors: 5, passers_by: '' }))).toEqual({
      location: 'S1', hour: new Date('2024-03-01T10:00:00Z'), visitors: 5, passersBy: null,
    });
    expect((read(cells({ location: 'S1', date: '2024-03-01', hour: '09:00-10:00', visitors: 1 })) as { hour: Date }).hour).toEqual(new Date('2024-03-01T05:00:00Z'));
  });
  it('refuses bad rows', () => {
    expect(read(cells({ location: 'S1', date: '2024-03-01', hour: '24', visitors: 1 }))).toBe('hour: 24 is not an hour of the day (0-23)');
    expect(read(cells({ location: 'S1', hour: '2024-03-01 10:00', visitors: '' }))).toBe('visitors: needed');
    expect(read(cells({ location: 'S1', hour: '2024-03-01 10:00', visitors: '1.5' }))).toBe('visitors: not a whole number >= 0');
    expect(read(cells({ location: 'S1', hour: '2024-03-01 10:00', visitors: '1', passers_by: '-3' }))).toBe('passers_by: not a whole number >= 0');
  });
});

describe('shifts', () => {
  const read = storeRowReader('shifts', { timeZone: 'UTC' });
  it('reads starts_at/ends_at, keyed by the shift id, else employee and start', () => {
    expect(read(cells({ location: 'S1', shift_id: 'X1', starts_at: '2024-03-01 09:00', ends_at: '2024-03-01 17:00' }))).toEqual({
      location: 'S1', shiftKey: 'X1', employee: null, startsAt: new Date('2024-03-01T09:00:00Z'), endsAt: new Date('2024-03-01T17:00:00Z'),
    });
    expect((read(cells({ location: 'S1', employee: 'E7', starts_at: '2024-03-01 09:00', ends_at: '2024-03-01 17:00' })) as { shiftKey: string }).shiftKey)
      .toBe('E7@2024-03-01T09:00:00.000Z');
  });
  it('reads date + start + end; an end before the start is past midnight', () => {
    expect(read(cells({ location: 'S1', employee: 'E7', date: '2024-03-01', start: '22:00', end: '06:30' }))).toEqual({
      location: 'S1', shiftKey: 'E7@2024-03-01T22:00:00.000Z', employee: 'E7', startsAt: new Date('2024-03-01T22:00:00Z'), endsAt: new Date('2024-03-02T06:30:00Z'),
    });
  });
  it('refuses bad rows', () => {
    expect(read(cells({ location: 'S1', starts_at: '2024-03-01 17:00', ends_at: '2024-03-01 09:00' }))).toBe('ends_at: not after starts_at');
    expect(read(cells({ location: 'S1', date: '2024-03-01', start: '9', end: '9:00' }))).toBe('end: the same as start');
    expect(read(cells({ location: 'S1', date: '2024-03-01', start: 'noon', end: '13:00' }))).toBe('start: not a time of day (HH:MM)');
  });
});
