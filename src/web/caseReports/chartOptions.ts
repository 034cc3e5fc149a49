/**
 * ECharts options of the closed-loop report (the Pareto chart) and of an action plan's trend (the metric by
 * period with a marker at the start date). Pure; in right-to-left layouts the category axis runs from the right.
 */
import type { EChartsOption } from 'echarts';
import { axisTooltip, escapeHtml, rtlText, type ChartText } from '../../core/charts/options.ts';
import { GROUP_COLORS } from '../../core/charts/shape.ts';

const TEXT_STYLE = { fontFamily: "system-ui, 'Segoe UI', Vazirmatn, Tahoma, sans-serif" };

/** Bars of cases per cause (most first) with the cumulative share as a line on a 0..100% axis. */
export function paretoOption(causes: string[], counts: number[], cumulative: number[], labels: { cases: string; cumulative: string }, text: ChartText & { pct(v: number): string }): EChartsOption {
  const l = { cases: rtlText(labels.cases, text.rtl), cumulative: rtlText(labels.cumulative, text.rtl) };
  return {
    animation: false,
    textStyle: TEXT_STYLE,
    grid: { top: 40, bottom: 8, left: 8, right: 8, containLabel: true },
    legend: { top: 0, [text.rtl ? 'right' : 'left']: 0, data: [l.cases, l.cumulative] },
    tooltip: axisTooltip((i) => [escapeHtml(causes[i] ?? ''), `${escapeHtml(labels.cases)}: ${text.num(counts[i], 0)}`, `${escapeHtml(labels.cumulative)}: ${text.pct(cumulative[i] * 100)}`], text.rtl),
    xAxis: {
      type: 'category', data: causes.map((c) => rtlText(c, text.rtl)), inverse: text.rtl,
      // Every cause named (a hidden label cannot be told from its bar); many causes lean so that they fit a phone.
      axisLabel: { interval: 0, width: causes.length > 4 ? 110 : 70, overflow: causes.length > 4 ? 'truncate' : 'break', lineHeight: 13, rotate: causes.length > 4 ? (text.rtl ? -35 : 35) : 0 },
    },
    yAxis: [
      { type: 'value', minInterval: 1, position: text.rtl ? 'right' : 'left', axisLabel: { formatter: (v: number) => text.num(v, 0) } },
      { type: 'value', min: 0, max: 100, interval: 20, position: text.rtl ? 'left' : 'right', splitLine: { show: false }, axisLabel: { formatter: (v: number) => text.pct(v) } },
    ],
    series: [
      { name: l.cases, type: 'bar', data: counts, itemStyle: { color: GROUP_COLORS.neutral }, barMaxWidth: 48 },
      {
        name: l.cumulative, type: 'line', yAxisIndex: 1, data: cumulative.map((c) => Math.round(c * 1000) / 10), symbol: 'circle', symbolSize: 6,
        itemStyle: { color: GROUP_COLORS.detractor },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#8a94a6' }, label: { show: false }, data: [{ yAxis: 80 }] },
      },
    ],
  };
}

/**
 * The plan's metric by period: a line (empty periods are gaps), a dashed vertical marker at the period holding
 * the start date, and the target as a dotted horizontal line when the plan has one.
 */
export function planTrendOption(
  periods: string[],
  values: (number | null)[],
  startIndex: number,
  target: number | null,
  labels: { value: string; start: string; target: string },
  text: ChartText,
): EChartsOption {
  const markData: any[] = [];
  if (startIndex >= 0) markData.push({ xAxis: startIndex, label: { show: true, formatter: rtlText(labels.start, text.rtl), position: 'end' } });
  if (target !== null) markData.push({ yAxis: target, lineStyle: { type: 'dotted', color: GROUP_COLORS.promoter }, label: { show: true, formatter: rtlText(labels.target, text.rtl), position: 'insideEndTop' } });
  return {
    animation: false,
    textStyle: TEXT_STYLE,
    grid: { top: 28, bottom: 28, left: text.rtl ? 16 : 48, right: text.rtl ? 48 : 16, containLabel: false },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (v) => (typeof v === 'number' ? text.num(v) : '—') },
    xAxis: { type: 'category', data: periods, inverse: text.rtl, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', scale: true, position: text.rtl ? 'right' : 'left', axisLabel: { formatter: (v: number) => text.num(v, 0), hideOverlap: true } },
    series: [{
      name: rtlText(labels.value, text.rtl), type: 'line', data: values, connectNulls: false, symbol: 'circle', symbolSize: 7, itemStyle: { color: GROUP_COLORS.neutral },
      markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#444' }, data: markData },
    }],
  };
}
