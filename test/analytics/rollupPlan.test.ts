/** Which rollup levels answer which request, and how a date window splits into whole months and edge days. */
import { describe, expect, it } from 'vitest';
import { rollupPlan, splitWholeMonths, type AnalyticsFilter, type SourceContext } from '../../src/db/queries/analyticsSource.ts';

const ctx = (filter: AnalyticsFilter, locationPaths: string[] | null = null): SourceContext => ({
  scope: { orgId: 'o', locationPaths },
  timezone: 'Asia/Tehran',
  dimensions: ['segment'],
  filter,
});
const plan = (c: SourceContext, opts = {}) => rollupPlan(c, 'scores', opts).map((p) => [p.level.table, p.from ?? null, p.to ?? null]);

describe('splitWholeMonths', () => {
  it('splits a window into whole months and the days at its edges', () => {
    expect(splitWholeMonths('2026-01-31', '2026-03-01')).toEqual({ months: { from: '2026-02-01', to: '2026-02-01' }, days: [{ from: '2026-01-31', to: '2026-01-31' }, { from: '2026-03-01', to: '2026-03-01' }] });
    expect(splitWholeMonths('2026-02-01', '2026-03-31')).toEqual({ months: { from: '2026-02-01', to: '2026-03-01' }, days: [] });
    expect(splitWholeMonths('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, days: [] });
    expect(splitWholeMonths('2026-02-03', '2026-02-27')).toEqual({ months: null, days: [{ from: '2026-02-03', to: '2026-02-27' }] });
    expect(splitWholeMonths('2026-02-03', '2026-03-27')).toEqual({ months: null, days: [{ from: '2026-02-03', to: '2026-03-27' }] });
    expect(splitWholeMonths('2025-12-15', '2026-01-31')).toEqual({ months: { from: '2026-01-01', to: '2026-01-01' }, days: [{ from: '2025-12-15', to: '2025-12-31' }] });
  });

  it('treats an open end as covering every month on that side', () => {
    expect(splitWholeMonths()).toEqual({ months: { from: undefined, to: undefined }, days: [] });
    expect(splitWholeMonths('2026-02-14')).toEqual({ months: { from: '2026-03-01', to: undefined }, days: [{ from: '2026-02-14', to: '2026-02-28' }] });
    expect(splitWholeMonths(undefined, '2026-02-14')).toEqual({ months: { from: undefined, to: '2026-01-01' }, days: [{ from: '2026-02-01', to: '2026-02-14' }] });
  });
});

describe('rollupPlan', () => {
  it('uses the compact or channel day level when no location is involved', () => {
    expect(plan(ctx({ from: '2026-01-10' }))).toEqual([['rollup_scores_compact', '2026-01-10', null]]);
    expect(plan(ctx({}), { groupsChannel: true })).toEqual([['rollup_scores_channel', null, null]]);
    expect(plan(ctx({ language: 'fa' }))).toEqual([['rollup_scores_channel', null, null]]);
  });

  it('reads whole months from a month level and the edges from the matching day level', () => {
    expect(plan(ctx({}), { groupsLocation: true })).toEqual([['rollup_scores_location_month', null, null]]);
    expect(plan(ctx({ from: '2026-01-10' }, ['/r/a/']))).toEqual([
      ['rollup_scores_location_month', '2026-02-01', null],
      ['rollup_scores_location', '2026-01-10', '2026-01-31'],
    ]);
    expect(plan(ctx({ locationPath: '/r/', channel: 'email', to: '2026-03-31' }))).toEqual([['rollup_scores_month', null, '2026-03-01']]);
    expect(plan(ctx({ locationPath: '/r/', from: '2026-01-02', to: '2026-01-30' }))).toEqual([['rollup_scores_location', '2026-01-02', '2026-01-30']]);
  });

  it('keeps exact days for daily and weekly trends', () => {
    expect(plan(ctx({}, ['/r/a/']), { needsDay: true })).toEqual([['rollup_scores_location', null, null]]);
    expect(plan(ctx({ channel: 'email' }, ['/r/a/']), { needsDay: true })).toEqual([['rollup_scores', null, null]]);
  });
});
