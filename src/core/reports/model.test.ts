import { describe, expect, it } from 'vitest';
import { buildResult, type MetricResult } from '../stats/result.ts';
import { figureOf, hideSmallGroups, type ReportModel } from './model.ts';

const nps = (value: number, n: number): MetricResult =>
  buildResult({ metric: 'nps', definition: 'nps.v1', value, n, ci95: [value - 20, value + 20], se: 10, ci95Method: 'adjusted_wald', details: { skipped: 0 } });

const model = (): ReportModel => ({
  title: 'T', surveyName: 'S', builtOn: '2026-12-02', audience: 'internal', filters: {},
  window: { from: '2026-11-01', to: '2026-11-30', previous: { from: '2026-10-02', to: '2026-10-31' } },
  sections: [
    { kind: 'kpis', empty: false, items: [
      { questionId: 'a', key: 'a', metric: 'nps', text: {}, current: figureOf(nps(40, 5)), previous: figureOf(nps(10, 4)), change: { diff: 30, p: 0.2, significant: false } },
      { questionId: 'b', key: 'b', metric: 'nps', text: {}, current: figureOf(nps(50, 30)), previous: figureOf(nps(20, 31)), change: { diff: 30, p: 0.01, significant: true } },
    ] },
    { kind: 'breakdown', empty: false, questionText: {}, metric: 'nps', rows: [
      { key: 's1', label: 'S1', figure: figureOf(nps(40, 5)) },
      { key: 's2', label: 'S2', figure: figureOf(nps(-25, 4)) },
      { key: 's3', label: 'S3', figure: figureOf(null) },
    ] },
    { kind: 'trend', empty: false, questionText: {}, metric: 'nps', interval: 'week', limits: { min: -100, max: 100 }, points: [
      { period: '2026-11-02', partial: false, figure: figureOf(nps(0, 1)) },
    ] },
    { kind: 'themes', empty: false, themes: [{ theme: 'price', n: 5, hidden: false }, { theme: 'queue', n: 3, hidden: false }] },
    { kind: 'drivers', empty: false, n: 4, drivers: [{ key: 'x', text: {}, importance: 0.5, performance: 4, performanceN: 4 }] },
  ],
});

describe('hideSmallGroups', () => {
  it('blanks figures with n < 5 (value, interval, SE, details), keeps n and marks them hidden; n = 5 stays', () => {
    const shared = hideSmallGroups(model());
    expect(shared.audience).toBe('shared');
    const rows = (shared.sections[1] as Extract<ReportModel['sections'][number], { kind: 'breakdown' }>).rows;
    expect(rows[0].figure).toEqual({ result: nps(40, 5), hidden: false });
    expect(rows[1].figure.hidden).toBe(true);
    expect(rows[1].figure.result).toMatchObject({ value: null, ci95: null, se: null, n: 4, hiddenInSharedReports: true });
    expect(rows[1].figure.result).not.toHaveProperty('details');
    expect(rows[2].figure).toEqual({ result: null, hidden: false });
    const trend = shared.sections[2] as Extract<ReportModel['sections'][number], { kind: 'trend' }>;
    expect(trend.points[0].figure.result).toMatchObject({ value: null, n: 1 });
  });

  it('drops a KPI change when either period is hidden', () => {
    const kpis = hideSmallGroups(model()).sections[0] as Extract<ReportModel['sections'][number], { kind: 'kpis' }>;
    expect(kpis.items[0].current.hidden).toBe(false);
    expect(kpis.items[0].previous.hidden).toBe(true);
    expect(kpis.items[0].change).toBeNull();
    expect(kpis.items[1].change).toEqual({ diff: 30, p: 0.01, significant: true });
  });

  it('hides theme counts under 5 and drivers from fewer than 5 responses; is idempotent', () => {
    const once = hideSmallGroups(model());
    expect((once.sections[3] as Extract<ReportModel['sections'][number], { kind: 'themes' }>).themes).toEqual([
      { theme: 'price', n: 5, hidden: false }, { theme: 'queue', n: 0, hidden: true },
    ]);
    expect(once.sections[4]).toMatchObject({ empty: true, drivers: [] });
    expect(hideSmallGroups(once)).toEqual(once);
  });
});
