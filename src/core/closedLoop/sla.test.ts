import { describe, expect, it } from 'vitest';
import { caseDueAt, isOverdue } from './sla.ts';

describe('caseDueAt', () => {
  it('counts the priority hours round the clock when no business hours are set', () => {
    // normal: 16 h
    expect(caseDueAt(new Date('2026-12-04T13:00:00Z'), 'normal', null, 'Europe/Moscow').toISOString()).toBe('2026-12-05T05:00:00.000Z');
  });

  it('counts working hours of the location when set', () => {
    // urgent: 4 working hours from Fri 16:00 Moscow -> Mon 11:00 Moscow
    expect(caseDueAt(new Date('2026-12-04T13:00:00Z'), 'urgent', 'Mon-Fri 09:00-18:00', 'Europe/Moscow').toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // Tehran works Sat-Wed; high: 8 working hours from Wed 2026-12-02 15:00 (11:30Z), 08:00-16:00: 1 h Wed, 7 h Sat -> Sat 15:00 (11:30Z)
    expect(caseDueAt(new Date('2026-12-02T11:30:00Z'), 'high', 'Sat-Wed 08:00-16:00', 'Asia/Tehran').toISOString()).toBe('2026-12-05T11:30:00.000Z');
  });

  it('falls back to round the clock when the hours cannot be read', () => {
    expect(caseDueAt(new Date('2026-12-04T00:00:00Z'), 'urgent', 'whenever', 'UTC').toISOString()).toBe('2026-12-04T04:00:00.000Z');
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('is open and past due', () => {
    expect(isOverdue({ dueAt: new Date('2026-12-01T11:59:59Z'), open: true }, now)).toBe(true);
    expect(isOverdue({ dueAt: new Date('2026-12-01T11:59:59Z'), open: false }, now)).toBe(false);
    expect(isOverdue({ dueAt: new Date('2026-12-01T12:00:01Z'), open: true }, now)).toBe(false);
    expect(isOverdue({ dueAt: null, open: true }, now)).toBe(false);
  });
});
