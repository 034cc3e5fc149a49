import { describe, expect, it } from 'vitest';
import { canBeAuditor, dueInWave, progressShare, spreadDueDates } from './waves.ts';

describe('spreadDueDates', () => {
  it('puts one visit mid-period and two at a quarter and three quarters (30 days)', () => {
    expect(spreadDueDates('2026-03-01', '2026-03-30', 1)).toEqual(['2026-03-16']);
    expect(spreadDueDates('2026-03-01', '2026-03-30', 2)).toEqual(['2026-03-08', '2026-03-23']);
  });
  it('keeps every date inside a one-day period, repeating the day', () => {
    expect(spreadDueDates('2026-03-05', '2026-03-05', 3)).toEqual(['2026-03-05', '2026-03-05', '2026-03-05']);
  });
  it('crosses a month end (28 Feb .. 3 Mar 2026 is 4 days)', () => {
    expect(spreadDueDates('2026-02-28', '2026-03-03', 4)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03']);
  });
});

describe('wave rules', () => {
  it('checks due dates against the period, ends included', () => {
    const wave = { startsOn: '2026-03-01', endsOn: '2026-03-31' };
    expect([dueInWave('2026-03-01', wave), dueInWave('2026-03-31', wave), dueInWave('2026-02-28', wave), dueInWave('2026-04-01', wave)]).toEqual([true, true, false, false]);
  });
  it('lets auditors and internal checkers carry out visits, not managers or viewers', () => {
    expect(['auditor', 'owner', 'admin', 'analyst', 'location_manager', 'viewer'].map(canBeAuditor)).toEqual([true, true, true, true, false, false]);
  });
  it('gives progress shares of the assigned visits', () => {
    expect(progressShare({ assigned: 4, submitted: 3, published: 1, cancelled: 2 })).toEqual({ submitted: 75, published: 25 });
    expect(progressShare({ assigned: 0, submitted: 0, published: 0, cancelled: 1 })).toEqual({ submitted: 0, published: 0 });
  });
});
