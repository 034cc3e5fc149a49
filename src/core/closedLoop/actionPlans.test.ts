import { describe, expect, it } from 'vitest';
import { planTrendInterval, planWindows } from './actionPlans.ts';

describe('planWindows', () => {
  it('after runs from the start to today; before is as long, just before the start', () => {
    // 2026-03-01 .. 2026-03-10 is 10 days; the 10 days before: 2026-02-19 .. 2026-02-28
    expect(planWindows('2026-03-01', null, '2026-03-10')).toEqual({
      before: { from: '2026-02-19', to: '2026-02-28' }, after: { from: '2026-03-01', to: '2026-03-10' }, days: 10,
    });
  });
  it('stops at a due date that has passed, not at one still ahead', () => {
    expect(planWindows('2026-03-01', '2026-03-05', '2026-04-01')).toEqual({
      before: { from: '2026-02-24', to: '2026-02-28' }, after: { from: '2026-03-01', to: '2026-03-05' }, days: 5,
    });
    expect(planWindows('2026-03-01', '2026-12-31', '2026-03-02')!.after).toEqual({ from: '2026-03-01', to: '2026-03-02' });
  });
  it('a plan starting today has one day on each side; a future plan none', () => {
    expect(planWindows('2026-03-01', null, '2026-03-01')).toEqual({
      before: { from: '2026-02-28', to: '2026-02-28' }, after: { from: '2026-03-01', to: '2026-03-01' }, days: 1,
    });
    expect(planWindows('2026-03-02', null, '2026-03-01')).toBeNull();
  });
  it('a due date before the start counts as the start day', () => {
    expect(planWindows('2026-03-10', '2026-03-01', '2026-04-01')!.days).toBe(1);
  });
});

describe('planTrendInterval', () => {
  it('weeks up to half a year across both windows, months beyond', () => {
    expect(planTrendInterval(91)).toBe('week');
    expect(planTrendInterval(92)).toBe('month');
  });
});
