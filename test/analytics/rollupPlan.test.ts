/** Which rollup levels answer which request, and how a date window splits into whole months and edge days. */
import { describe, expect, it } from 'vitest';
import { rollupPlan, splitWholeMonths, splitWindow, type AnalyticsFilter, type SourceContext } from '../../src/db/queries/analyticsSource.ts';

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

describe('splitWindow', () => {
  it('reads partial months as whole blocks (1-7, 8-14, 15-21, 22-28, 29-end) and single days', () => {
    // Last 90 days ending on 2026-11-23: 2026-08-26 .. 2026-11-23.
    expect(splitWindow('2026-08-26', '2026-11-23', true)).toEqual({
      months: { from: '2026-09-01', to: '2026-10-01' },
      blocks: [{ from: '2026-08-29', to: '2026-08-29' }, { from: '2026-11-01', to: '2026-11-15' }],
      days: [{ from: '2026-08-26', to: '2026-08-28' }, { from: '2026-11-22', to: '2026-11-23' }],
    });
    // No whole month, two partial months; February 2024 has a one-day block 29.
    expect(splitWindow('2024-02-20', '2024-03-09', true)).toEqual({
      months: null,
      blocks: [{ from: '2024-02-22', to: '2024-02-29' }, { from: '2024-03-01', to: '2024-03-01' }],
      days: [{ from: '2024-02-20', to: '2024-02-21' }, { from: '2024-03-08', to: '2024-03-09' }],
    });
    expect(splitWindow('2026-02-22', '2026-02-28', true)).toEqual({ months: null, blocks: [{ from: '2026-02-22', to: '2026-02-22' }], days: [] });
    expect(splitWindow('2026-01-31', '2026-03-01', false)).toEqual({
      months: { from: '2026-02-01', to: '2026-02-01' },
      blocks: [],
      days: [{ from: '2026-01-31', to: '2026-01-31' }, { from: '2026-03-01', to: '2026-03-01' }],
    });
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
      ['rollup_scores_location_block', '2026-01-15', '2026-01-29'],
      ['rollup_scores_location', '2026-01-10', '2026-01-14'],
    ]);
    expect(plan(ctx({ locationPath: '/r/', channel: 'email', to: '2026-03-31' }))).toEqual([['rollup_scores_month', null, '2026-03-01']]);
    // Location and channel together: no block level, edge days from rollup_scores.
    expect(plan(ctx({ locationPath: '/r/', channel: 'email', from: '2026-01-10', to: '2026-03-31' }))).toEqual([
      ['rollup_scores_month', '2026-02-01', '2026-03-01'],
      ['rollup_scores', '2026-01-10', '2026-01-31'],
    ]);
    expect(plan(ctx({ locationPath: '/r/', from: '2026-01-02', to: '2026-01-30' }))).toEqual([
      ['rollup_scores_location_block', '2026-01-08', '2026-01-22'],
      ['rollup_scores_location', '2026-01-02', '2026-01-07'],
      ['rollup_scores_location', '2026-01-29', '2026-01-30'],
    ]);
    expect(plan(ctx({ locationPath: '/r/', from: '2026-01-03', to: '2026-01-06' }))).toEqual([['rollup_scores_location', '2026-01-03', '2026-01-06']]);
  });

  it('keeps exact days for daily and weekly trends', () => {
    expect(plan(ctx({}, ['/r/a/']), { needsDay: true })).toEqual([['rollup_scores_location', null, null]]);
    expect(plan(ctx({ channel: 'email' }, ['/r/a/']), { needsDay: true })).toEqual([['rollup_scores', null, null]]);
  });
});
