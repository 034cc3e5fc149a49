/** The funnel page's charts: capture and conversion over time, and conversion by hour against staff on shift. */
import type { EChartsOption } from 'echarts';
import { axisTooltip, escapeHtml, rtlText, type ChartText } from '../../core/charts/options.ts';
import { GROUP_COLORS } from '../../core/charts/shape.ts';

const TEXT_STYLE = { fontFamily: "system-ui, 'Segoe UI', Vazirmatn, Tahoma, sans-serif" };
const grid = (rtl: boolean, right = 16) => ({ top: 40, bottom: 32, left: rtl ? right : 56, right: rtl ? 56 : right, containLabel: false });
// Two legend entries wrap on a phone: room for them above the plot.
const NARROW: EChartsOption['media'] = [{ query: { maxWidth: 480 }, option: { grid: { top: 64 } } }];
const pctAxis = (text: ChartText, position: 'left' | 'right') => ({
  type: 'value' as const, min: 0, position, axisLabel: { formatter: (v: number) => `${text.num(v, 0)}%`, hideOverlap: true },
});

/** Two lines in percent (capture rate, conversion) over the buckets; a null is a gap. */
export function ratesOverTimeOption(buckets: string[], capture: (number | null)[], conversion: (number | null)[], labels: { capture: string; conversion: string }, text: ChartText): EChartsOption {
  const l = { capture: rtlText(labels.capture, text.rtl), conversion: rtlText(labels.conversion, text.rtl) };
  const fmt = (v: number | null | undefined) => (typeof v === 'number' ? `${text.num(v)}%` : '—');
  return {
    animation: false,
    textStyle: TEXT_STYLE,
    grid: grid(text.rtl),
    legend: { top: 0, [text.rtl ? 'right' : 'left']: 0, data: [l.capture, l.conversion] },
    tooltip: axisTooltip((i) => [escapeHtml(buckets[i] ?? ''), `${escapeHtml(labels.capture)}: ${fmt(capture[i])}`, `${escapeHtml(labels.conversion)}: ${fmt(conversion[i])}`], text.rtl),
    xAxis: { type: 'category', data: buckets, inverse: text.rtl, axisLabel: { hideOverlap: true } },
    yAxis: pctAxis(text, text.rtl ? 'right' : 'left'),
    series: [
      { name: l.capture, type: 'line', data: capture, symbolSize: 6, itemStyle: { color: GROUP_COLORS.passive }, connectNulls: false },
      { name: l.conversion, type: 'line', data: conversion, symbolSize: 6, itemStyle: { color: GROUP_COLORS.neutral }, connectNulls: false },
    ],
    media: NARROW,
  };
}

/** Conversion (bars, percent) by hour of day, and the average staff on shift (a line on the second axis) when known. */
export function hoursOption(hours: string[], conversion: (number | null)[], staff: (number | null)[] | null, labels: { conversion: string; staff: string }, text: ChartText): EChartsOption {
  const l = { conversion: rtlText(labels.conversion, text.rtl), staff: rtlText(labels.staff, text.rtl) };
  return {
    animation: false,
    textStyle: TEXT_STYLE,
    grid: grid(text.rtl, staff ? 48 : 16),
    legend: { top: 0, [text.rtl ? 'right' : 'left']: 0, data: staff ? [l.conversion, l.staff] : [l.conversion] },
    tooltip: axisTooltip((i) => [
      escapeHtml(hours[i] ?? ''),
      `${escapeHtml(labels.conversion)}: ${typeof conversion[i] === 'number' ? `${text.num(conversion[i])}%` : '—'}`,
      ...(staff ? [`${escapeHtml(labels.staff)}: ${typeof staff[i] === 'number' ? text.num(staff[i]) : '—'}`] : []),
    ], text.rtl),
    xAxis: { type: 'category', data: hours, inverse: text.rtl, axisLabel: { hideOverlap: true } },
    yAxis: [
      pctAxis(text, text.rtl ? 'right' : 'left'),
      ...(staff ? [{ type: 'value' as const, min: 0, position: text.rtl ? ('left' as const) : ('right' as const), splitLine: { show: false }, axisLabel: { formatter: (v: number) => text.num(v, 1), hideOverlap: true } }] : []),
    ],
    series: [
      { name: l.conversion, type: 'bar', data: conversion, itemStyle: { color: GROUP_COLORS.neutral } },
      ...(staff ? [{ name: l.staff, type: 'line' as const, yAxisIndex: 1, data: staff, symbolSize: 6, itemStyle: { color: GROUP_COLORS.passive }, connectNulls: false }] : []),
    ],
    media: NARROW,
  };
}
