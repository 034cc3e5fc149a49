/** How a date window splits into whole months, whole blocks and edge days (the rollup levels read them). */
import { describe, expect, it } from 'vitest';
import { splitWholeMonths, splitWindow } from './window.ts';

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
