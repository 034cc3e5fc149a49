/** Which rollup levels answer which request (the window's split: src/core/time/window.test.ts). */
import { describe, expect, it } from 'vitest';
import { rollupPlanWithRawDays, type AnalyticsFilter, type SourceContext } from '../../src/db/queries/analyticsSource.ts';

const ctx = (filter: AnalyticsFilter, locationPaths: string[] | null = null): SourceContext => ({
  scope: { orgId: 'o', locationPaths },
  timezone: 'Asia/Tehran',
  dimensions: ['segment'],
  filter,
});
/** [table or 'raw answers', from, to] per part. */
const plan = (c: SourceContext, opts = {}, kind: 'scores' | 'drivers' = 'scores') =>
  rollupPlanWithRawDays(c, kind, opts).map((p) => [p.level?.table ?? 'raw answers', p.from ?? null, p.to ?? null]);

describe('rollupPlanWithRawDays', () => {
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
    // Location and channel together: a block level of base rows (135) and no day level (134), so the
    // days left at the edges come from raw answers; with a dimension, the whole edge months do.
    expect(plan(ctx({ locationPath: '/r/', channel: 'email', from: '2026-01-10', to: '2026-03-31' }))).toEqual([
      ['rollup_scores_month', '2026-02-01', '2026-03-01'],
      ['rollup_scores_block', '2026-01-15', '2026-01-29'],
      ['raw answers', '2026-01-10', '2026-01-14'],
    ]);
    expect(plan(ctx({ locationPath: '/r/', channel: 'email', dim: { key: 'segment', value: 'gold' }, from: '2026-01-10', to: '2026-03-31' }))).toEqual([
      ['rollup_scores_month', '2026-02-01', '2026-03-01'],
      ['raw answers', '2026-01-10', '2026-01-31'],
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
    expect(plan(ctx({ channel: 'email' }, ['/r/a/']), { needsDay: true })).toEqual([['raw answers', null, null]]);
  });

  it('reads the edge days of drivers by location from their day level of base rows, with a dimension from raw answers', () => {
    expect(plan(ctx({ locationPath: '/r/', from: '2026-01-02', to: '2026-01-30' }), {}, 'drivers')).toEqual([
      ['rollup_drivers_location_block', '2026-01-08', '2026-01-22'],
      ['rollup_drivers_location', '2026-01-02', '2026-01-07'],
      ['rollup_drivers_location', '2026-01-29', '2026-01-30'],
    ]);
    expect(plan(ctx({ locationPath: '/r/', dim: { key: 'segment', value: 'gold' }, from: '2026-01-02', to: '2026-01-30' }), {}, 'drivers')).toEqual([
      ['rollup_drivers_location_block', '2026-01-08', '2026-01-22'],
      ['raw answers', '2026-01-02', '2026-01-07'],
      ['raw answers', '2026-01-29', '2026-01-30'],
    ]);
  });
});
