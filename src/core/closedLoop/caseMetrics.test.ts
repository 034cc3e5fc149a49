import { describe, expect, it } from 'vitest';
import {
  durationStats, isLowScoreCase, isRecovered, metSla, paretoOf, recoveryRate, slaAttainment, vitalFew,
} from './caseMetrics.ts';

describe('durationStats', () => {
  it('median and p90 by linear interpolation (percentile_cont)', () => {
    // sorted 60, 120, 300, 600, 3600: median the 3rd = 300; p90 at position 0.9*4 = 3.6: 600 + 0.6*(3600-600) = 2400
    expect(durationStats([600, 60, 3600, 300, 120])).toEqual({ n: 5, median_s: 300, p90_s: 2400 });
  });
  it('an even count interpolates the median', () => {
    // 10, 20, 30, 40: median at 1.5 = 25; p90 at 2.7 = 30 + 0.7*10 = 37
    expect(durationStats([40, 10, 30, 20])).toEqual({ n: 4, median_s: 25, p90_s: 37 });
  });
  it('one value is its own median and p90; none gives nulls; negative durations are dropped', () => {
    expect(durationStats([90])).toEqual({ n: 1, median_s: 90, p90_s: 90 });
    expect(durationStats([])).toEqual({ n: 0, median_s: null, p90_s: null });
    expect(durationStats([-5, 100])).toEqual({ n: 1, median_s: 100, p90_s: 100 });
  });
});

describe('SLA', () => {
  const at = (s: string) => new Date(s);
  it('met when resolved at or before the due time; not judged without one', () => {
    expect(metSla({ resolvedAt: at('2026-03-02T10:00:00Z'), dueAt: at('2026-03-02T10:00:00Z') })).toBe(true);
    expect(metSla({ resolvedAt: at('2026-03-02T10:00:01Z'), dueAt: at('2026-03-02T10:00:00Z') })).toBe(false);
    expect(metSla({ resolvedAt: at('2026-03-02T10:00:01Z'), dueAt: null })).toBeNull();
  });
  it('attainment is a share with its Wilson interval (3 of 4: 75%, 30.06..95.44)', () => {
    const r = slaAttainment(3, 4);
    expect(r.definition).toBe('case_sla.v1');
    expect(r.value).toBe(75);
    expect(r.n).toBe(4);
    expect(r.ci95Method).toBe('wilson');
    expect(r.ci95![0]).toBeCloseTo(30.064, 2);
    expect(r.ci95![1]).toBeCloseTo(95.441, 2);
    expect(r.smallSample).toBe(true);
  });
  it('no judged case: no value', () => {
    const r = slaAttainment(0, 0);
    expect(r.value).toBeNull();
    expect(r.n).toBe(0);
    expect(r.ci95).toBeNull();
  });
});

describe('recovery', () => {
  it('a low-score case: an NPS detractor, or any score of another metric that opened a case', () => {
    expect(isLowScoreCase('nps', 6)).toBe(true);
    expect(isLowScoreCase('nps', 7)).toBe(false);
    expect(isLowScoreCase('csat', 2)).toBe(true);
    expect(isLowScoreCase('nps', null)).toBe(false);
    expect(isLowScoreCase(null, null)).toBe(false);
  });
  it('an NPS detractor recovers by answering 7 or more; other metrics by answering better', () => {
    expect(isRecovered('nps', 3, 7)).toBe(true);
    expect(isRecovered('nps', 3, 6)).toBe(false);
    expect(isRecovered('csat', 2, 3)).toBe(true);
    expect(isRecovered('csat', 2, 2)).toBe(false);
    expect(isRecovered('ces', 3, 1)).toBe(false);
  });
  it('the rate is recovered / answered among low-score cases', () => {
    const r = recoveryRate([
      { triggerMetric: 'nps', triggerScore: 2, recoveryScore: 9, n: 1 }, // recovered
      { triggerMetric: 'nps', triggerScore: 5, recoveryScore: 7, n: 1 }, // recovered
      { triggerMetric: 'nps', triggerScore: 4, recoveryScore: 5, n: 1 }, // still a detractor
      { triggerMetric: 'nps', triggerScore: 6, recoveryScore: null, n: 2 }, // not answered: out of n
      { triggerMetric: 'nps', triggerScore: 8, recoveryScore: 10, n: 1 }, // a passive: not a low-score case
      { triggerMetric: null, triggerScore: null, recoveryScore: null, n: 4 }, // opened by hand
    ]);
    // 2 recovered of 3 answered: 66.67%, Wilson 20.77..93.85; 5 low-score cases in all
    expect(r.definition).toBe('case_recovery.v1');
    expect(r.n).toBe(3);
    expect(r.value).toBeCloseTo(66.667, 2);
    expect(r.ci95![0]).toBeCloseTo(20.765, 2);
    expect(r.ci95![1]).toBeCloseTo(93.851, 2);
    expect(r.details).toMatchObject({ recovered: 2, low_score_cases: 5 });
  });
  it('no answers: no value, n 0', () => {
    const r = recoveryRate([{ triggerMetric: 'nps', triggerScore: 1, recoveryScore: null, n: 3 }]);
    expect(r.value).toBeNull();
    expect(r.n).toBe(0);
    expect(r.details).toMatchObject({ recovered: 0, low_score_cases: 3 });
  });
});

describe('paretoOf', () => {
  const c = (id: string, position: number, count: number) => ({ id, position, count });
  it('orders by count, with shares and the running total', () => {
    const rows = paretoOf([c('price', 6, 2), c('staff', 0, 5), c('delivery', 5, 3)]);
    expect(rows.map((r) => r.id)).toEqual(['staff', 'delivery', 'price']);
    expect(rows.map((r) => r.share)).toEqual([0.5, 0.3, 0.2]);
    expect(rows[0].cumulative_share).toBe(0.5);
    expect(rows[1].cumulative_share).toBeCloseTo(0.8, 12);
    expect(rows[2].cumulative_share).toBe(1);
  });
  it('ties keep the taxonomy order (position, then id); empty causes are left out', () => {
    const rows = paretoOf([c('b', 3, 2), c('a', 1, 2), c('z', 0, 1), c('y', 2, 2), c('none', 4, 0)]);
    expect(rows.map((r) => r.id)).toEqual(['a', 'y', 'b', 'z']);
    // 2/7, 4/7, 6/7, 1
    expect(rows.map((r) => r.cumulative_share)).toEqual([2 / 7, 4 / 7, 6 / 7, 1]);
    expect(paretoOf([c('x', 0, 1), c('w', 0, 1)]).map((r) => r.id)).toEqual(['w', 'x']);
  });
  it('no cases: no rows', () => {
    expect(paretoOf([c('a', 0, 0)])).toEqual([]);
  });
  it('the vital few reach 80%', () => {
    const rows = paretoOf([c('price', 6, 2), c('staff', 0, 5), c('delivery', 5, 3)]);
    expect(vitalFew(rows).map((r) => r.id)).toEqual(['staff', 'delivery']);
    expect(vitalFew(paretoOf([c('a', 0, 1), c('b', 1, 1), c('c', 2, 1)])).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
