import { describe, expect, it } from 'vitest';
import { bandAxisRange, heatColor, heatPosition, splitPartialLine, toBandData } from '../../src/core/charts/shape.ts';
import { barOption, distributionOption, escapeHtml, trendOption } from '../../src/core/charts/options.ts';
import { changeArrow, compareParams } from '../../src/web/analytics/compare.ts';
import { locationChain, locationTree, pickQuestion } from '../../src/web/analytics/dashboard.ts';
import type { Location, SummaryQuestion } from '../../src/web/analytics/types.ts';

const text = { num: (v: number | null | undefined) => String(v ?? '—'), rtl: false };

describe('confidence band shaping', () => {
  const points = [
    { period: '2026-01-05', value: 10, ci95: [-20, 40] as [number, number], n: 12 },
    { period: '2026-01-12', value: null, ci95: null, n: 0 },
    { period: '2026-01-19', value: 30, ci95: [35, 25] as [number, number], n: 40 },
  ];

  it('stacks an invisible lower edge and a band of width hi - lo, with gaps where there is no data', () => {
    const d = toBandData(points);
    expect(d.categories).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    expect(d.values).toEqual([10, null, 30]);
    expect(d.lower).toEqual([-20, null, 25]);
    expect(d.band).toEqual([60, null, 10]);
    expect(d.upper).toEqual([40, null, 35]);
    d.lower.forEach((lo, i) => {
      if (lo !== null) expect(lo + d.band[i]!).toBe(d.upper[i]);
    });
  });

  it('keeps the whole band on the axis, within the metric limits', () => {
    const r = bandAxisRange(toBandData(points), { min: -100, max: 100 });
    expect(r.min).toBeLessThanOrEqual(-20);
    expect(r.max).toBeGreaterThanOrEqual(40);
    expect(r.min).toBeGreaterThanOrEqual(-100);
    expect(Math.abs(r.min % 10)).toBe(0);
    expect(r.max % 10).toBe(0);
    expect(bandAxisRange(toBandData([]), { min: 0, max: 100 })).toEqual({ min: 0, max: 100, interval: 20 });
  });

  it('stacks band series across zero (NPS bands may be negative)', () => {
    const opt = trendOption(toBandData(points), { value: 'NPS', band: 'CI', partial: 'P', partialNote: 'PN' }, { min: -100, max: 100 }, text);
    const series = opt.series as { stack?: string; stackStrategy?: string; data: unknown[] }[];
    const stacked = series.filter((s) => s.stack === 'ci');
    expect(stacked).toHaveLength(2);
    for (const s of stacked) expect(s.stackStrategy).toBe('all');
  });

  it('mirrors axes in right-to-left layouts', () => {
    const ltr = trendOption(toBandData(points), { value: 'v', band: 'b', partial: 'p', partialNote: 'pn' }, { min: 0, max: 1 }, text);
    const rtl = trendOption(toBandData(points), { value: 'v', band: 'b', partial: 'p', partialNote: 'pn' }, { min: 0, max: 1 }, { ...text, rtl: true });
    expect((ltr.xAxis as { inverse: boolean }).inverse).toBe(false);
    expect((rtl.xAxis as { inverse: boolean }).inverse).toBe(true);
    expect((rtl.yAxis as { position: string }).position).toBe('right');
    expect((barOption(['a'], [1], { ...text, rtl: true }).xAxis as { inverse: boolean }).inverse).toBe(true);
  });
});

describe('partial trend periods', () => {
  // A week cut by `from`, two whole weeks around an empty one, and the running week.
  const points = [
    { period: '2026-11-02', value: 0, ci95: [-90, 90] as [number, number], n: 2, partial: true },
    { period: '2026-11-09', value: 100, ci95: [40, 100] as [number, number], n: 2, partial: false },
    { period: '2026-11-16', value: null, ci95: null, n: 0, partial: false },
    { period: '2026-11-23', value: -50, ci95: [-100, 30] as [number, number], n: 2, partial: false },
    { period: '2026-11-30', value: 100, ci95: [10, 100] as [number, number], n: 1, partial: true },
  ];
  const labels = { value: 'NPS', band: 'CI', partial: 'Partial period', partialNote: 'Partial: <not over>' };
  type Series = { name: string; data: unknown[]; symbol?: string; lineStyle?: { type?: string } };

  it('keeps whole periods on the solid line and partial ones (with the segments reaching them) on the dashed line', () => {
    const d = toBandData(points);
    expect(d.partial).toEqual([true, false, false, false, true]);
    // Solid: whole periods only. Dashed: the partial points, plus their whole neighbours without a marker
    // so the segments 2 Nov - 9 Nov and 23 Nov - 30 Nov are dashed; the empty 16 Nov breaks both lines.
    expect(splitPartialLine(d.values, d.partial)).toEqual({
      whole: [null, 100, null, -50, null],
      partial: [0, { value: 100, symbol: 'none' }, null, { value: -50, symbol: 'none' }, 100],
    });
    // Two partial periods in a row share one dashed segment; with none, the dashed line is empty.
    expect(splitPartialLine([10, 20, 30], [false, true, true])).toEqual({ whole: [10, null, null], partial: [{ value: 10, symbol: 'none' }, 20, 30] });
    expect(splitPartialLine([10, 20], [false, false])).toEqual({ whole: [10, 20], partial: [null, null] });
  });

  it('draws partial points hollow on a dashed line, with a legend entry and a tooltip note', () => {
    const opt = trendOption(toBandData(points), labels, { min: -100, max: 100 }, text);
    const series = opt.series as Series[];
    const solid = series.find((s) => s.name === 'NPS')!;
    const dashed = series.find((s) => s.name === 'Partial period')!;
    expect(solid.data).toEqual([null, 100, null, -50, null]);
    expect(solid.symbol).toBe('circle');
    expect(dashed.symbol).toBe('emptyCircle');
    expect(dashed.lineStyle?.type).toBe('dashed');
    expect((opt.legend as { data: unknown[] }).data).toContainEqual({ name: 'Partial period', icon: 'emptyCircle' });
    const tooltip = (opt.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(tooltip([{ dataIndex: 4 }])).toBe('<div dir="ltr" style="white-space:normal;max-width:min(26em,70vw)">2026-11-30<br/>NPS: 100<br/><i>Partial: &lt;not over&gt;</i></div>');
    expect(tooltip([{ dataIndex: 1 }])).toBe('<div dir="ltr" style="white-space:normal;max-width:min(26em,70vw)">2026-11-09<br/>NPS: 100</div>');
    expect(tooltip([])).toBe('');
  });

  it('adds no partial series or legend entry when every period is whole', () => {
    const opt = trendOption(toBandData(points.map((p) => ({ ...p, partial: false }))), labels, { min: -100, max: 100 }, { ...text, rtl: true });
    expect((opt.series as Series[]).map((s) => s.name)).toEqual(['lower', '\u202BCI\u202C', '\u202BNPS\u202C']);
    expect(JSON.stringify((opt.legend as { data: unknown[] }).data)).not.toContain('Partial');
  });
});

describe('colours and groups', () => {
  it('colours distribution bars by NPS group', () => {
    const opt = distributionOption([{ score: 3, n: 1 }, { score: 8, n: 2 }, { score: 10, n: 3 }], true, text);
    const data = (opt.series as { data: { itemStyle: { color: string } }[] }[])[0].data.map((d) => d.itemStyle.color);
    expect(new Set(data).size).toBe(3);
  });

  it('places heat values on 0..1 by metric and direction', () => {
    expect(heatPosition(0, 'nps')).toBe(0.5);
    expect(heatPosition(75, 'csat')).toBe(0.75);
    expect(heatPosition(7, 'ces', { min: 1, max: 7 })).toBe(1);
    expect(heatPosition(1, 'ces', { min: 1, max: 5 }, true)).toBe(1);
    expect(heatPosition(null, 'nps')).toBeNull();
    expect(heatColor(null)).toBe('transparent');
    expect(heatColor(0)).not.toBe(heatColor(1));
  });

  it('escapes names before they reach HTML tooltips', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('comparison', () => {
  it('asks for both sides before calling the API', () => {
    expect(compareParams({ mode: 'periods', aFrom: '2026-01-01', aTo: '2026-01-31' })).toBeNull();
    expect(compareParams({ mode: 'periods', aFrom: '2026-02-01', aTo: '2026-02-28', bFrom: '2026-01-01', bTo: '2026-01-31' }))
      .toEqual({ aFrom: '2026-02-01', aTo: '2026-02-28', bFrom: '2026-01-01', bTo: '2026-01-31' });
    expect(compareParams({ mode: 'segments', aDim: 'tier:vip', bDim: 'tier:basic' })).toEqual({ aDim: 'tier:vip', bDim: 'tier:basic' });
  });

  it('shows an arrow only for a significant change', () => {
    const c = { se: 1, ci95: [1, 3] as [number, number], ci95Method: 'adjusted_wald' as const, pValue: 0.01, test: 'adjusted_wald_z' as const, definition: 'nps.v1.diff' };
    expect(changeArrow({ ...c, diff: 5, significant: true })).toBe('↑');
    expect(changeArrow({ ...c, diff: -5, significant: true })).toBe('↓');
    expect(changeArrow({ ...c, diff: 5, significant: false })).toBeNull();
  });
});

describe('location tree and question choice', () => {
  const loc = (id: string, parentId: string | null, name: string): Location => ({ id, parentId, kind: 'store', name, code: null, path: '', depth: 9 });
  const locations = [loc('s2', 'r1', 'Store B'), loc('r1', 'c', 'North'), loc('c', null, 'Company'), loc('s1', 'r1', 'Store A')];

  it('orders locations parents first with relative depth', () => {
    expect(locationTree(locations).map((l) => `${l.depth}:${l.name}`)).toEqual(['0:Company', '1:North', '2:Store A', '2:Store B']);
  });

  it('builds the breadcrumb chain from the top down', () => {
    expect(locationChain(locations, 's1').map((l) => l.id)).toEqual(['c', 'r1', 's1']);
    expect(locationChain(locations, undefined)).toEqual([]);
  });

  it('prefers the requested question, then NPS, CSAT, CES', () => {
    const q = (questionId: string, metric: SummaryQuestion['metric'], type: SummaryQuestion['type'] = metric === 'nps' ? 'nps' : 'rating'): SummaryQuestion =>
      ({ questionId, key: questionId, type, metric, text: {}, scale: null, archived: false, result: null, distribution: [] });
    const rated = [q('a', 'none'), q('b', 'csat'), q('c', 'nps')];
    expect(pickQuestion(rated, undefined)?.questionId).toBe('c');
    expect(pickQuestion(rated, 'b')?.questionId).toBe('b');
    expect(pickQuestion(rated, 'zzz')?.questionId).toBe('c');
    expect(pickQuestion([], undefined)).toBeNull();
    // The server's choice (comments, default question): an NPS question counts even with metric none.
    expect(pickQuestion([q('b', 'csat'), q('d', 'none', 'nps')], undefined)?.questionId).toBe('d');
  });
});
