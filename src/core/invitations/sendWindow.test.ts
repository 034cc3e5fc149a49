import { describe, expect, it } from 'vitest';
import { formatMinute, inWindow, nextSendTime, parseMinute, reminderTime } from './sendWindow.ts';

const at = (s: string) => new Date(s);
const day = { startMinute: 9 * 60, endMinute: 20 * 60 }; // 09:00-20:00

describe('parseMinute / formatMinute', () => {
  it('reads and writes HH:MM', () => {
    expect(parseMinute('09:00')).toBe(540);
    expect(parseMinute('20:30')).toBe(1230);
    expect(parseMinute('24:00')).toBe(1440);
    expect(parseMinute('24:01')).toBeNull();
    expect(parseMinute('9:00')).toBeNull();
    expect(parseMinute('12:60')).toBeNull();
    expect(formatMinute(540)).toBe('09:00');
    expect(formatMinute(1230)).toBe('20:30');
  });
});

describe('inWindow', () => {
  it('is [start, end)', () => {
    expect(inWindow(539, day)).toBe(false);
    expect(inWindow(540, day)).toBe(true);
    expect(inWindow(1199, day)).toBe(true);
    expect(inWindow(1200, day)).toBe(false);
  });
  it('crosses midnight when start > end', () => {
    const night = { startMinute: 22 * 60, endMinute: 6 * 60 };
    expect(inWindow(23 * 60, night)).toBe(true);
    expect(inWindow(5 * 60, night)).toBe(true);
    expect(inWindow(12 * 60, night)).toBe(false);
  });
  it('is always open for 00:00-24:00', () => {
    expect(inWindow(0, { startMinute: 0, endMinute: 1440 })).toBe(true);
    expect(inWindow(1439, { startMinute: 0, endMinute: 1440 })).toBe(true);
  });
});

describe('nextSendTime', () => {
  it('keeps an instant inside the window', () => {
    // 10:00 UTC = 13:00 in Moscow (UTC+3)
    expect(nextSendTime(at('2026-03-10T10:00:00Z'), day, 'Europe/Moscow')).toEqual(at('2026-03-10T10:00:00Z'));
  });
  it('moves an early-morning instant to the opening of the same local day', () => {
    // 03:00 UTC = 06:00 Moscow -> 09:00 Moscow = 06:00 UTC
    expect(nextSendTime(at('2026-03-10T03:00:00Z'), day, 'Europe/Moscow')).toEqual(at('2026-03-10T06:00:00Z'));
  });
  it('moves an evening instant to the next local morning', () => {
    // 18:00 UTC = 21:30 in Tehran (UTC+3:30) -> 09:00 Tehran on the 11th = 05:30 UTC
    expect(nextSendTime(at('2026-03-10T18:00:00Z'), day, 'Asia/Tehran')).toEqual(at('2026-03-11T05:30:00Z'));
  });
  it('uses the local date, not the UTC one', () => {
    // 22:00 UTC on the 10th = 01:00 Moscow on the 11th -> 09:00 Moscow on the 11th = 06:00 UTC on the 11th
    expect(nextSendTime(at('2026-03-10T22:00:00Z'), day, 'Europe/Moscow')).toEqual(at('2026-03-11T06:00:00Z'));
    // 02:00 UTC on the 11th = 21:00 in New York (EST, UTC-5) on the 10th -> 09:00 EST on the 11th = 14:00 UTC
    expect(nextSendTime(at('2026-03-11T02:00:00Z'), day, 'America/New_York')).toEqual(at('2026-03-11T13:00:00Z'));
  });
  it('one instant, three contacts in three zones', () => {
    const t = at('2026-03-10T05:00:00Z'); // 08:00 Moscow, 08:30 Tehran, 00:00 New York (EDT after 8 March)
    expect(nextSendTime(t, day, 'Europe/Moscow')).toEqual(at('2026-03-10T06:00:00Z'));
    expect(nextSendTime(t, day, 'Asia/Tehran')).toEqual(at('2026-03-10T05:30:00Z'));
    expect(nextSendTime(t, day, 'America/New_York')).toEqual(at('2026-03-10T13:00:00Z'));
  });
  it('follows a clock change: the opening after New York springs forward (8 March 2026) is 13:00 UTC, before it 14:00', () => {
    // 21:00 EST on 7 March (02:00 UTC on the 8th) -> 09:00 EDT on the 8th = 13:00 UTC
    expect(nextSendTime(at('2026-03-08T02:00:00Z'), day, 'America/New_York')).toEqual(at('2026-03-08T13:00:00Z'));
    // 21:00 EST on 6 March -> 09:00 EST on 7 March = 14:00 UTC
    expect(nextSendTime(at('2026-03-07T02:00:00Z'), day, 'America/New_York')).toEqual(at('2026-03-07T14:00:00Z'));
  });
  it('a window opening inside the spring-forward gap opens as late as the gap is long', () => {
    // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT; a 02:30 opening is 03:30 EDT = 07:30 UTC
    const w = { startMinute: 150, endMinute: 1200 };
    expect(nextSendTime(at('2026-03-08T06:00:00Z'), w, 'America/New_York')).toEqual(at('2026-03-08T07:30:00Z'));
  });
  it('a window crossing midnight opens the same evening', () => {
    // 12:00 UTC = 15:00 Moscow, window 22:00-06:00 -> 22:00 Moscow = 19:00 UTC
    expect(nextSendTime(at('2026-03-10T12:00:00Z'), { startMinute: 1320, endMinute: 360 }, 'Europe/Moscow')).toEqual(at('2026-03-10T19:00:00Z'));
  });
  it('UTC is UTC', () => {
    expect(nextSendTime(at('2026-03-10T20:00:00Z'), day, 'UTC')).toEqual(at('2026-03-11T09:00:00Z'));
  });
});

describe('reminderTime', () => {
  it('is N days after the first message, inside the window', () => {
    const sent = at('2026-03-10T16:00:00Z'); // 19:00 Moscow
    // +3 days = 13 March 16:00 UTC = 19:00 Moscow: inside
    expect(reminderTime(sent, [3, 7], 1, day, 'Europe/Moscow')).toEqual(at('2026-03-13T16:00:00Z'));
    // +7 days in Tehran: 17 March 16:00 UTC = 19:30 Tehran: inside
    expect(reminderTime(sent, [3, 7], 2, day, 'Asia/Tehran')).toEqual(at('2026-03-17T16:00:00Z'));
    // +3 days, window 09:00-18:00 Moscow: 19:00 is closed -> 14 March 09:00 Moscow = 06:00 UTC
    expect(reminderTime(sent, [3, 7], 1, { startMinute: 540, endMinute: 1080 }, 'Europe/Moscow')).toEqual(at('2026-03-14T06:00:00Z'));
  });
  it('has no reminder beyond the list', () => {
    expect(reminderTime(at('2026-03-10T16:00:00Z'), [3], 2, day, 'UTC')).toBeNull();
    expect(reminderTime(at('2026-03-10T16:00:00Z'), [], 1, day, 'UTC')).toBeNull();
  });
});
