import { describe, expect, it } from 'vitest';
import { checkContactGap, decideReminder, decideSend, effectiveGapDays } from './frequency.ts';

const at = (s: string) => new Date(s);

describe('effectiveGapDays', () => {
  it('takes the survey override when set, including 0 (no limit), else the organisation', () => {
    expect(effectiveGapDays(30, null)).toBe(30);
    expect(effectiveGapDays(30, undefined)).toBe(30);
    expect(effectiveGapDays(30, 7)).toBe(7);
    expect(effectiveGapDays(30, 0)).toBe(0);
  });
});

describe('checkContactGap', () => {
  it('allows a contact never surveyed, and any contact with a gap of 0', () => {
    expect(checkContactGap(30, null, at('2026-03-01T10:00:00Z'))).toEqual({ allowed: true });
    expect(checkContactGap(0, at('2026-03-01T09:59:00Z'), at('2026-03-01T10:00:00Z'))).toEqual({ allowed: true });
  });
  it('refuses inside the gap with the next allowed instant, 30 x 24 h later', () => {
    // 2026-03-01 10:00 + 30 days = 2026-03-31 10:00
    expect(checkContactGap(30, at('2026-03-01T10:00:00Z'), at('2026-03-15T00:00:00Z'))).toEqual({
      allowed: false, reason: 'contact_gap', nextAllowedAt: at('2026-03-31T10:00:00Z'),
    });
    expect(checkContactGap(30, at('2026-03-01T10:00:00Z'), at('2026-03-31T09:59:59.999Z')).allowed).toBe(false);
  });
  it('allows from the exact end of the gap', () => {
    expect(checkContactGap(30, at('2026-03-01T10:00:00Z'), at('2026-03-31T10:00:00Z'))).toEqual({ allowed: true });
    expect(checkContactGap(1, at('2026-03-01T10:00:00Z'), at('2026-03-02T10:00:00Z'))).toEqual({ allowed: true });
  });
});

describe('decideSend', () => {
  const now = at('2026-03-10T12:00:00Z');
  const ok = { unsubscribedAt: null, erasedAt: null, address: 'a@example.com', lastSurveyedAt: null };
  it('sends to a reachable contact outside the gap', () => {
    expect(decideSend(ok, 30, now)).toEqual({ send: true });
    expect(decideSend({ ...ok, lastSurveyedAt: at('2026-02-08T12:00:00Z') }, 30, now)).toEqual({ send: true });
  });
  it('never sends to an erased or opted-out contact, whatever the gap', () => {
    expect(decideSend({ ...ok, erasedAt: now, unsubscribedAt: now }, 0, now)).toEqual({ send: false, reason: 'erased' });
    expect(decideSend({ ...ok, unsubscribedAt: at('2025-01-01T00:00:00Z') }, 0, now)).toEqual({ send: false, reason: 'unsubscribed' });
  });
  it('skips a contact without an address for the channel', () => {
    expect(decideSend({ ...ok, address: null }, 0, now)).toEqual({ send: false, reason: 'no_address' });
  });
  it('skips inside the gap and says until when', () => {
    expect(decideSend({ ...ok, lastSurveyedAt: at('2026-03-01T12:00:00Z') }, 30, now)).toEqual({
      send: false, reason: 'contact_gap', nextAllowedAt: at('2026-03-31T12:00:00Z'),
    });
  });
});

describe('decideReminder', () => {
  const ok = { unsubscribedAt: null, erasedAt: null, address: 'a@example.com' };
  it('reminds only non-responders who can still be written to', () => {
    expect(decideReminder(ok, null)).toEqual({ send: true });
    expect(decideReminder(ok, at('2026-03-02T00:00:00Z'))).toEqual({ send: false, reason: 'responded' });
    expect(decideReminder({ ...ok, unsubscribedAt: at('2026-03-02T00:00:00Z') }, null)).toEqual({ send: false, reason: 'unsubscribed' });
    expect(decideReminder({ ...ok, erasedAt: at('2026-03-02T00:00:00Z') }, null)).toEqual({ send: false, reason: 'erased' });
    expect(decideReminder({ ...ok, address: null }, null)).toEqual({ send: false, reason: 'no_address' });
  });
});
