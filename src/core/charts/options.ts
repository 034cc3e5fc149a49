/**
 * ECharts option builders for the dashboard's charts. Pure functions of data, labels and
 * direction, so the same options can be rendered in the browser (SVG) or on the server (SSR).
 * In right-to-left layouts the category axis runs from the right and value axes sit on the right.
 */
import type { EChartsOption } from 'echarts';
import { npsGroup } from '../stats/nps.ts';
import { GROUP_COLORS, paddedRange, splitPartialLine, type BandData } from './shape.ts';

export interface ChartText {
  /** Formats a number for the interface language (Persian digits in fa). */
  num(v: number | null | undefined, digits?: number): string;
  rtl: boolean;
}

const TEXT_STYLE = { fontFamily: "system-ui, 'Segoe UI', Vazirmatn, Tahoma, sans-serif" };

/**
 * The chart's drawing is laid out left to right (see Chart.tsx), so a Persian label with digits or
 * a percent sign ("بازهٔ ۹۵٪") came out in the wrong order; an embedding makes it read right to left.
 */
export function rtlText(s: string, rtl: boolean): string {
  return rtl ? `\u202B${s}\u202C` : s;
}

function baseGrid(rtl: boolean) {
  return { top: 36, bottom: 32, left: rtl ? 16 : 56, right: rtl ? 56 : 16, containLabel: false };
}

/**
 * Line of values with a shaded 95% interval band (two stacked areas: invisible lower + band).
 * Partial periods (cut by the window or still running) get hollow markers on dashed segments, their
 * own legend entry `labels.partial`, and `labels.partialNote` in their tooltip.
 */
export function trendOption(
  data: BandData,
  labels: { value: string; band: string; partial: string; partialNote: string },
  axis: { min: number; max: number; interval?: number },
  text: ChartText,
): EChartsOption {
  const plain = labels;
  labels = { ...labels, value: rtlText(labels.value, text.rtl), band: rtlText(labels.band, text.rtl), partial: rtlText(labels.partial, text.rtl) };
  const line = splitPartialLine(data.values, data.partial);
  const anyPartial = data.partial.some((p, i) => p && data.values[i] !== null);
  return {
    animation: false,
    textStyle: TEXT_STYLE,
    grid: baseGrid(text.rtl),
    legend: {
      top: 0, [text.rtl ? 'right' : 'left']: 0, align: text.rtl ? 'right' : 'left',
      // The band's legend mark is drawn like the band (a pale square), not in the palette's next colour.
      data: [
        labels.value,
        ...(anyPartial ? [{ name: labels.partial, icon: 'emptyCircle' }] : []),
        { name: labels.band, icon: 'rect', itemStyle: { color: GROUP_COLORS.neutral, opacity: 0.25 } },
      ],
    },
    // One line per period whichever line (solid or dashed) the pointer is on, with the partial note.
    tooltip: axisTooltip((i) => {
      const v = data.values[i];
      const rows = [escapeHtml(data.categories[i] ?? ''), `${escapeHtml(plain.value)}: ${typeof v === 'number' ? text.num(v) : '—'}`];
      if (data.partial[i]) rows.push(`<i>${escapeHtml(plain.partialNote)}</i>`);
      return rows;
    }, text.rtl),
    // Many periods on a phone: ECharts skips labels that would overlap instead of drawing them on top of each other.
    xAxis: { type: 'category', data: data.categories, inverse: text.rtl, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: {
      // A step the bounds fall on (bandAxisRange): otherwise the top bound's label sat on the tick below it ("100" over "90").
      type: 'value', min: axis.min, max: axis.max, interval: axis.interval, position: text.rtl ? 'right' : 'left',
      axisLabel: { formatter: (v: number) => text.num(v, 0), hideOverlap: true },
    },
    series: [
      // stackStrategy 'all': NPS bands may cross zero, and the default stacks only same-sign values.
      { name: 'lower', type: 'line', data: data.lower, stack: 'ci', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { opacity: 0 }, tooltip: { show: false }, silent: true, connectNulls: false },
      { name: labels.band, type: 'line', data: data.band, stack: 'ci', stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: GROUP_COLORS.neutral, opacity: 0.15 }, tooltip: { show: false }, silent: true, connectNulls: false },
      { name: labels.value, type: 'line', data: line.whole, symbol: 'circle', symbolSize: 6, itemStyle: { color: GROUP_COLORS.neutral }, connectNulls: false },
      ...(anyPartial
        ? [{ name: labels.partial, type: 'line' as const, data: line.partial, symbol: 'emptyCircle', symbolSize: 8, lineStyle: { type: 'dashed' as const }, itemStyle: { color: GROUP_COLORS.neutral }, connectNulls: false }]
        : []),
    ],
    // Three legend entries wrap on a phone (ru: "Неполный период"): make room so they do not cover the axis.
    ...(anyPartial ? { media: [{ query: { maxWidth: 480 }, option: { grid: { top: 60 } } }] } : {}),
  };
}

/** Width of a bar chart's category labels; longer names wrap onto more lines (BreakdownPanel makes rows tall enough for three). */
export const BAR_LABEL_WIDTH = 130;

/** Horizontal bars (one per category), e.g. a breakdown by location or channel. */
export function barOption(categories: string[], values: (number | null)[], text: ChartText, range?: { min?: number; max?: number }): EChartsOption {
  return {
    animation: false,
    textStyle: TEXT_STYLE,
    // The labels' own room (containLabel), plus room past the longest bar for its value label ("3,334" was cut off at 16px).
    grid: { top: 8, bottom: 24, left: text.rtl ? 56 : 8, right: text.rtl ? 8 : 56, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? text.num(v) : '—') },
    xAxis: {
      type: 'value', inverse: text.rtl, min: range?.min, max: range?.max, splitNumber: 4,
      axisLabel: { formatter: (v: number) => text.num(v, 0), hideOverlap: true },
    },
    // Whole names, wrapped: a truncated "ТЦ «Европ…" could not be told from its neighbour.
    yAxis: { type: 'category', data: categories, inverse: true, position: text.rtl ? 'right' : 'left', axisLabel: { width: BAR_LABEL_WIDTH, overflow: 'break', lineHeight: 13, interval: 0 } },
    series: [{ type: 'bar', data: values, itemStyle: { color: GROUP_COLORS.neutral }, label: { show: true, position: text.rtl ? 'left' : 'right', formatter: (p) => (typeof p.value === 'number' ? text.num(p.value) : '') } }],
  };
}

/** Score distribution: one bar per score; NPS questions are coloured detractor / passive / promoter. */
export function distributionOption(distribution: { score: number; n: number }[], isNps: boolean, text: ChartText): EChartsOption {
  return {
    animation: false,
    textStyle: TEXT_STYLE,
    grid: baseGrid(text.rtl),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: distribution.map((d) => text.num(d.score, 0)), inverse: text.rtl },
    yAxis: { type: 'value', minInterval: 1, position: text.rtl ? 'right' : 'left', axisLabel: { formatter: (v: number) => text.num(v, 0) } },
    series: [
      {
        type: 'bar',
        data: distribution.map((d) => ({
          value: d.n,
          itemStyle: { color: isNps ? GROUP_COLORS[npsGroup(d.score)] : GROUP_COLORS.neutral },
        })),
      },
    ],
  };
}

export interface QuadrantPoint {
  name: string;
  /** Short mark drawn beside the point (e.g. its row number in the table); the tooltip has the name. */
  label?: string;
  importance: number;
  performance: number;
}

/** Importance × performance scatter with dividing lines at the averages (key-driver quadrants). */
export function quadrantOption(points: QuadrantPoint[], labels: { importance: string; performance: string }, text: ChartText): EChartsOption {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const mi = mean(points.map((p) => p.importance));
  const mp = mean(points.map((p) => p.performance));
  // Padded ranges keep the dots and their numbers inside the plot (`scale: true` put them on its edges).
  const xRange = paddedRange(points.map((p) => p.importance));
  const yRange = paddedRange(points.map((p) => p.performance));
  return {
    animation: false,
    textStyle: TEXT_STYLE,
    grid: { top: 24, bottom: 48, left: text.rtl ? 24 : 64, right: text.rtl ? 64 : 24 },
    tooltip: { trigger: 'item', formatter: (p) => {
      const d = (p as unknown as { data: [number, number, string] }).data;
      return `${escapeHtml(d[2])}: ${text.num(d[0])} / ${text.num(d[1])}`;
    } },
    xAxis: { type: 'value', name: rtlText(labels.importance, text.rtl), nameLocation: 'middle', nameGap: 28, inverse: text.rtl, scale: true, ...xRange, axisLabel: { formatter: (v: number) => text.num(v, 0), hideOverlap: true } },
    // Two digits: performance often spans a few tenths, and one digit printed "4.3" on three ticks in a row.
    yAxis: { type: 'value', name: rtlText(labels.performance, text.rtl), nameLocation: 'middle', nameGap: 44, scale: true, ...yRange, position: text.rtl ? 'right' : 'left', axisLabel: { formatter: (v: number) => text.num(v, 2), hideOverlap: true } },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        data: points.map((p) => [p.importance, p.performance, p.name, p.label ?? p.name]),
        itemStyle: { color: GROUP_COLORS.neutral },
        label: { show: true, position: 'top', width: 160, overflow: 'truncate', formatter: (p) => rtlText(String((p.data as unknown[])[3]), text.rtl) },
        markLine: {
          silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#8a94a6' }, label: { show: false },
          data: [{ xAxis: mi }, { yAxis: mp }],
        },
      },
    ],
  };
}

/**
 * An axis tooltip of the lines `rowsOf(dataIndex)` gives (escaped HTML), in the page's direction, kept inside the
 * chart and wrapped: a long note must not widen a phone's page (fa at 390 px did).
 */
export function axisTooltip(rowsOf: (dataIndex: number) => string[], rtl: boolean): EChartsOption['tooltip'] {
  return {
    trigger: 'axis',
    confine: true,
    formatter: (params) => {
      const first = Array.isArray(params) ? params[0] : params;
      if (!first) return '';
      return `<div dir="${rtl ? 'rtl' : 'ltr'}" style="white-space:normal;max-width:min(26em,70vw)">${rowsOf(first.dataIndex).join('<br/>')}</div>`;
    },
  };
}

/** Tooltips are HTML in ECharts: names from user data are escaped before they get there. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
