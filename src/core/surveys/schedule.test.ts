import { describe, expect, it } from 'vitest';
import { formatOpening, instantToZonedLocal, isOpenAt, scheduleIssues, surveyWindow, zonedLocalToInstant } from './schedule.ts';

const at = (iso: string) => new Date(iso);
const live = { status: 'live' as const, opensAt: '2026-03-29T06:00:00.000Z', closesAt: '2026-04-01T21:00:00.000Z' };

describe('surveyWindow', () => {
  it('is "not yet" before opensAt, open from it, closed from closesAt on', () => {
    expect(surveyWindow(live, at('2026-03-29T05:59:59Z'))).toEqual({ state: 'not_yet', opensAt: '2026-03-29T06:00:00.000Z' });
    expect(surveyWindow(live, at('2026-03-29T06:00:00Z'))).toEqual({ state: 'open' });
    expect(surveyWindow(live, at('2026-04-01T20:59:59Z'))).toEqual({ state: 'open' });
    expect(surveyWindow(live, at('2026-04-01T21:00:00Z'))).toEqual({ state: 'closed' });
  });
  it('is closed whatever the schedule when the status is closed or the response limit is reached', () => {
    expect(surveyWindow({ ...live, status: 'closed' }, at('2026-03-30T00:00:00Z'))).toEqual({ state: 'closed' });
    expect(surveyWindow(live, at('2026-03-30T00:00:00Z'), true)).toEqual({ state: 'closed' });
    expect(surveyWindow({ status: 'live' }, at('2026-03-30T00:00:00Z'), true)).toEqual({ state: 'closed' });
  });
  it('is open without a schedule, and with only one end', () => {
    expect(surveyWindow({ status: 'live' }, at('2020-01-01T00:00:00Z'))).toEqual({ state: 'open' });
    expect(surveyWindow({ status: 'live', opensAt: null, closesAt: '2026-04-01T21:00:00Z' }, at('2000-01-01T00:00:00Z'))).toEqual({ state: 'open' });
    expect(surveyWindow({ status: 'live', opensAt: '2026-03-29T06:00:00Z', closesAt: null }, at('2099-01-01T00:00:00Z'))).toEqual({ state: 'open' });
  });
  it('isOpenAt: only a live survey inside its window', () => {
    expect(isOpenAt(live, at('2026-03-30T00:00:00Z'))).toBe(true);
    expect(isOpenAt(live, at('2026-03-29T00:00:00Z'))).toBe(false);
    expect(isOpenAt({ ...live, status: 'draft' }, at('2026-03-30T00:00:00Z'))).toBe(false);
  });
});

describe('organisation-zone wall-clock times', () => {
  it('reads a local time in the organisation zone (Moscow +3, Tehran +3:30, no daylight saving)', () => {
    expect(zonedLocalToInstant('2026-03-29T09:00', 'Europe/Moscow')).toBe('2026-03-29T06:00:00.000Z');
    expect(zonedLocalToInstant('2026-06-01T09:00', 'Asia/Tehran')).toBe('2026-06-01T05:30:00.000Z');
    expect(zonedLocalToInstant('2026-06-01T00:15', 'UTC')).toBe('2026-06-01T00:15:00.000Z');
  });
  it('a time skipped by a spring-forward jump moves forward by the jump', () => {
    // Berlin 2026-03-29: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist; 03:30 CEST is 01:30Z.
    expect(zonedLocalToInstant('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    // Auckland 2026-09-27: 02:00 NZST (+12) becomes 03:00 NZDT (+13); 02:30 is read as 03:30 NZDT = 14:30Z the day before.
    expect(zonedLocalToInstant('2026-09-27T02:30', 'Pacific/Auckland')).toBe('2026-09-26T14:30:00.000Z');
    // Just before the jump: still winter time (+1).
    expect(zonedLocalToInstant('2026-03-29T01:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:00.000Z');
  });
  it('a time shown twice by a fall-back jump is its first occurrence (summer time)', () => {
    // Berlin 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 first happens at +2, i.e. 00:30Z.
    expect(zonedLocalToInstant('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedLocalToInstant('2026-10-25T03:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000Z');
  });
  it('rejects what is not a wall-clock time', () => {
    expect(zonedLocalToInstant('2026-02-30T09:00', 'UTC')).toBeNull();
    expect(zonedLocalToInstant('2026-03-29 09:00', 'UTC')).toBeNull();
    expect(zonedLocalToInstant('2026-03-29T24:00', 'UTC')).toBeNull();
    expect(zonedLocalToInstant('', 'UTC')).toBeNull();
  });
  it('shows an instant as the organisation zone\'s wall-clock time', () => {
    expect(instantToZonedLocal('2026-03-29T06:00:00.000Z', 'Europe/Moscow')).toBe('2026-03-29T09:00');
    expect(instantToZonedLocal('2026-06-01T05:30:00Z', 'Asia/Tehran')).toBe('2026-06-01T09:00');
    expect(instantToZonedLocal('2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T02:30');
    expect(instantToZonedLocal('2026-10-25T01:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T02:30');
  });
  it('the decision follows the zone: 09:00 in Moscow opens at 06:00Z, in Tehran at 05:30Z', () => {
    const moscow = { status: 'live' as const, opensAt: zonedLocalToInstant('2026-03-29T09:00', 'Europe/Moscow') };
    const tehran = { status: 'live' as const, opensAt: zonedLocalToInstant('2026-03-29T09:00', 'Asia/Tehran') };
    expect(surveyWindow(moscow, at('2026-03-29T05:45:00Z')).state).toBe('not_yet');
    expect(surveyWindow(tehran, at('2026-03-29T05:45:00Z')).state).toBe('open');
  });
});

describe('formatOpening', () => {
  it('writes the date and time in the organisation zone and the page language (Persian calendar in fa)', () => {
    expect(formatOpening('2026-03-29T06:00:00Z', 'en', 'Europe/Moscow')).toBe('March 29, 2026 at 9:00 AM');
    expect(formatOpening('2026-03-29T06:00:00Z', 'ru', 'Europe/Moscow')).toBe('29 марта 2026 г. в 09:00');
    // 29 March 2026 is 9 Farvardin 1405.
    expect(formatOpening('2026-03-29T06:00:00Z', 'fa', 'Europe/Moscow')).toBe('۹ فروردین ۱۴۰۵ ساعت ۹:۰۰');
  });
});

describe('scheduleIssues', () => {
  it('wants closesAt after opensAt', () => {
    expect(scheduleIssues({ opensAt: '2026-03-29T06:00:00Z', closesAt: '2026-03-29T06:00:00Z' })).toEqual([{ path: ['closesAt'], message: 'must be after opensAt' }]);
    expect(scheduleIssues({ opensAt: '2026-03-29T06:00:00Z', closesAt: '2026-03-29T06:01:00Z' })).toEqual([]);
    expect(scheduleIssues({ opensAt: null, closesAt: '2026-03-29T06:01:00Z' })).toEqual([]);
  });
});
