/**
 * @module Renders a built report (src/core/reports/model.ts) as one self-contained HTML document (inline SVG
 * charts, no external resources; the HTML e-mail and the PDF's source) and as a PDF through Chromium
 * (docs/reports.md). Every user-written text (survey, location, theme names, comments) is escaped; Persian
 * documents are right to left with Persian digits and the Persian calendar.
 */
import type { Browser } from 'playwright-core';
import type { EChartsOption } from 'echarts';
import { barOption, escapeHtml, trendOption } from '../../core/charts/options.ts';
import { bandAxisRange, toBandData } from '../../core/charts/shape.ts';
import { DomainError } from '../../core/errors.ts';
import { formatDate, formatNumber, formatPercent } from '../../core/i18n/format.ts';
import { directionOf, type Language } from '../../core/i18n/languages.ts';
import type { ReportFigure, ReportModel, ReportSectionData } from '../../core/reports/model.ts';
import type { MetricResult } from '../../core/stats/result.ts';
import { localize } from '../../core/surveys/localize.ts';
import { REPORT_FONTS, renderChartSvg } from './charts.ts';
import { reportCatalogue, type ReportMessageKey } from './messages.ts';

export interface RenderOptions {
  /** Charts drawn on the server as SVG inside the document (no scripts, no images to fetch). */
  charts: 'inline-svg';
}

type Vars = Record<string, string | number>;

/** The language's helpers for one rendering. */
interface Text {
  lang: Language;
  rtl: boolean;
  t(key: ReportMessageKey, vars?: Vars): string;
  num(v: number | null | undefined, digits?: number): string;
  day(d: string, style?: 'medium' | 'short'): string;
  local(text: Parameters<typeof localize>[0]): string;
}

function textOf(lang: Language): Text {
  return {
    lang,
    rtl: directionOf(lang) === 'rtl',
    t: (key, vars) => reportCatalogue.formatMessage(lang, key, vars),
    num: (v, digits = 1) => formatNumber(lang, v, digits),
    // Days are calendar days: read and written in UTC so no time zone moves them.
    day: (d, style = 'medium') => formatDate(lang, `${d}T00:00:00Z`, { dateStyle: style, timeZone: 'UTC' }),
    local: (text) => localize(text, lang, 'en'),
  };
}

const e = escapeHtml;

/** Decimals of a metric's figures, as the dashboard shows them (means two, percentages and NPS one). */
function digitsOf(metric: string): number {
  return metric === 'mean' || metric === 'ces' || metric === 'csi' ? 2 : 1;
}

function figureValue(r: MetricResult, x: number, text: Text): string {
  const d = digitsOf(r.metric);
  return r.metric === 'csat' || r.metric === 'share' ? formatPercent(text.lang, x, d) : text.num(x, d);
}

/** A figure as "value · n answers · 95% interval", or why it is not shown. */
function figureHtml(f: ReportFigure, text: Text): string {
  const r = f.result;
  if (!r) return `<span class="muted">${e(text.t('empty'))}</span>`;
  const n = `<span class="n">${e(text.t('answers', { n: r.n }))}</span>`;
  if (f.hidden) return `<span class="hidden-figure">${e(text.t('hidden'))}</span> ${n}`;
  if (r.value === null) return `<span class="muted">${e(text.t('empty'))}</span> ${n}`;
  const ci = r.ci95 ? ` <span class="ci">${e(text.t('interval', { low: figureValue(r, r.ci95[0], text), high: figureValue(r, r.ci95[1], text) }))}</span>` : '';
  const small = r.smallSample ? ` <span class="badge">${e(text.t('smallSample'))}</span>` : '';
  return `<span class="value">${e(figureValue(r, r.value, text))}</span> ${n}${ci}${small}`;
}

function metricName(metric: string, text: Text): string {
  const key = `metric.${metric}` as ReportMessageKey;
  return reportCatalogue.has(key) ? text.t(key) : metric;
}

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function emptyNote(text: Text, key: ReportMessageKey = 'empty'): string {
  return `<p class="muted empty">${e(text.t(key))}</p>`;
}

/** The KPI tiles: each metric with its n, interval, and the change against the previous period (an arrow only when significant). */
function kpisHtml(s: Extract<ReportSectionData, { kind: 'kpis' }>, text: Text): string {
  if (s.empty) return emptyNote(text);
  return `<div class="kpis">${s.items.map((k) => {
    const c = k.change;
    let change = text.t('change.unknown');
    let arrow = '';
    if (c && c.diff !== null) {
      const digits = digitsOf(k.current.result?.metric ?? k.metric);
      const diff = text.num(Math.abs(c.diff), digits);
      if (c.significant && c.diff !== 0) {
        arrow = c.diff > 0 ? '<span class="arrow up" aria-hidden="true">▲</span> ' : '<span class="arrow down" aria-hidden="true">▼</span> ';
        change = text.t(c.diff > 0 ? 'change.up' : 'change.down', { diff });
      } else {
        change = text.t('change.none', { diff: text.num(c.diff, digits) });
      }
    }
    const question = text.local(k.text);
    return `<div class="kpi" data-kpi="${e(k.key)}"><div class="kpi-name">${e(metricName(k.metric, text))}${question ? ` <span class="muted">${e(question)}</span>` : ''}</div>`
      + `<div class="kpi-figure">${figureHtml(k.current, text)}</div><div class="kpi-change">${arrow}${e(change)}</div></div>`;
  }).join('')}</div>`;
}

/** The trend chart's ECharts option: the dashboard's trendOption over the report's points (hidden points have no value). */
export function reportTrendOption(s: Extract<ReportSectionData, { kind: 'trend' }>, lang: Language): EChartsOption {
  const text = textOf(lang);
  const points = s.points.map((p) => ({
    period: p.period, partial: p.partial, value: p.figure.result?.value ?? null, ci95: p.figure.result?.ci95 ?? null, n: p.figure.result?.n ?? 0,
  }));
  const data = toBandData(points);
  const shown = { ...data, categories: data.categories.map((c) => text.day(c, 'short')) };
  const labels = { value: text.t('trend.value'), band: text.t('trend.band'), partial: text.t('trend.partial'), partialNote: text.t('trend.partialNote') };
  return trendOption(shown, labels, bandAxisRange(data, s.limits), { num: text.num, rtl: text.rtl });
}

function trendHtml(s: Extract<ReportSectionData, { kind: 'trend' }>, text: Text): string {
  if (s.empty) return emptyNote(text);
  const svg = renderChartSvg(reportTrendOption(s, text.lang), 680, 280);
  const caption = text.t('trend.caption', { question: text.local(s.questionText), interval: s.interval });
  const rows = s.points.map((p) => [e(text.day(p.period)), figureHtml(p.figure, text)]);
  return `<figure class="chart">${svg}<figcaption>${e(caption)}</figcaption></figure>${table([text.t('col.period'), text.t('col.value')], rows)}`;
}

function breakdownHtml(s: Extract<ReportSectionData, { kind: 'breakdown' }>, text: Text): string {
  if (s.empty) return emptyNote(text);
  const shown = s.rows.filter((r) => !r.figure.hidden && r.figure.result?.value !== null);
  const svg = shown.length > 0
    ? renderChartSvg(barOption(shown.map((r) => r.label), shown.map((r) => r.figure.result?.value ?? null), { num: text.num, rtl: text.rtl }), 680, Math.max(120, 40 + shown.length * 32))
    : '';
  const rows = s.rows.map((r) => [e(r.label), figureHtml(r.figure, text)]);
  return `${svg ? `<figure class="chart">${svg}</figure>` : ''}${table([text.t('col.location'), text.t('col.value')], rows)}`;
}

function driversHtml(s: Extract<ReportSectionData, { kind: 'drivers' }>, text: Text): string {
  if (s.empty) return emptyNote(text);
  const rows = s.drivers.map((d) => [e(text.local(d.text) || d.key), e(text.num(d.importance, 3)), `${e(text.num(d.performance, 2))} <span class="n">${e(text.t('answers', { n: d.performanceN }))}</span>`]);
  return `<p>${e(text.t('drivers.n', { n: s.n }))}</p>${table([text.t('col.driver'), text.t('col.importance'), text.t('col.performance')], rows)}`;
}

function themesHtml(s: Extract<ReportSectionData, { kind: 'themes' }>, text: Text): string {
  if (s.empty) return emptyNote(text);
  const rows = s.themes.map((t) => [e(t.theme), t.hidden ? `<span class="hidden-figure">${e(text.t('hidden'))}</span>` : e(text.num(t.n, 0))]);
  return table([text.t('col.theme'), text.t('col.count')], rows);
}

function commentsHtml(s: Extract<ReportSectionData, { kind: 'comments' }>, text: Text, included: boolean): string {
  if (!included) return emptyNote(text, 'comments.notIncluded');
  if (s.empty) return emptyNote(text);
  const rows = s.comments.map((c) => [e(text.day(c.day)), e(text.num(c.score, 0)), `<span dir="auto">${e(c.text)}</span>`]);
  return table([text.t('col.day'), text.t('col.score'), text.t('col.comment')], rows);
}

function casesHtml(s: Extract<ReportSectionData, { kind: 'cases' }>, text: Text): string {
  if (s.empty) return emptyNote(text);
  const counts = `<p>${e(text.t('cases.open', { n: text.num(s.open, 0) }))} · ${e(text.t('cases.overdue', { n: text.num(s.overdue, 0) }))}</p>`;
  const rows = s.rootCauses.map((r) => [e(text.local(r.name)), e(text.num(r.n, 0))]);
  return counts + (rows.length ? table([text.t('col.rootCause'), text.t('col.cases')], rows) : '');
}

function auditsHtml(s: Extract<ReportSectionData, { kind: 'audits' }>, text: Text): string {
  if (s.empty) return emptyNote(text);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(text.lang, v, 1));
  const rows = s.worstItems.map((i) => [e(text.local(i.text) || i.key), e(pct(i.failRate)), `${e(pct(i.score))} <span class="n">${e(text.t('answers', { n: i.n }))}</span>`]);
  return table([text.t('col.item'), text.t('col.failRate'), text.t('col.score')], rows);
}

function supportHtml(s: Extract<ReportSectionData, { kind: 'support' }>, text: Text): string {
  if (s.empty) return emptyNote(text);
  const value = (k: (typeof s.kpis)[number]) => {
    if (k.value === null) return k.n > 0 ? `<span class="hidden-figure">${e(text.t('hidden'))}</span>` : '—';
    return e(k.unit === 'percent' ? formatPercent(text.lang, k.value, 1) : text.num(k.value, k.unit === 'count' ? 0 : 1));
  };
  const rows = s.kpis.map((k) => [e(text.t(`support.${k.key}`)), value(k), e(text.num(k.n, 0))]);
  return table([text.t('col.kpi'), text.t('col.value'), text.t('col.n')], rows);
}

function sectionHtml(s: ReportSectionData, text: Text, model: ReportModel, includeComments: boolean): string {
  const title = text.t(`section.${s.kind}` as ReportMessageKey);
  let body: string;
  switch (s.kind) {
    case 'kpis': body = kpisHtml(s, text); break;
    case 'trend': body = trendHtml(s, text); break;
    case 'breakdown': body = breakdownHtml(s, text); break;
    case 'drivers': body = driversHtml(s, text); break;
    case 'themes': body = themesHtml(s, text); break;
    case 'comments': body = commentsHtml(s, text, includeComments || s.comments.length > 0); break;
    case 'cases': body = casesHtml(s, text); break;
    case 'audits': body = auditsHtml(s, text); break;
    case 'support': body = supportHtml(s, text); break;
  }
  void model;
  return `<section class="section" data-section="${s.kind}"><h2>${e(title)}</h2>${body}</section>`;
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: ${REPORT_FONTS}; color: #1d2433; font-size: 11pt; line-height: 1.45; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 0 0 6pt; border-bottom: 1px solid #d5dae3; padding-bottom: 3pt; }
.meta { color: #4a5468; margin: 0 0 12pt; padding: 0; list-style: none; }
.section { margin: 0 0 14pt; break-inside: avoid; }
.kpis { display: flex; flex-wrap: wrap; gap: 8pt; }
.kpi { border: 1px solid #d5dae3; border-radius: 6px; padding: 6pt 8pt; flex: 1 1 30%; min-width: 150pt; }
.kpi-name { font-weight: bold; }
.value { font-size: 15pt; font-weight: bold; }
.n, .ci, .muted { color: #5b6478; font-size: 9pt; }
.badge { font-size: 8pt; border: 1px solid #b8860b; color: #7a5a00; border-radius: 4px; padding: 0 3pt; }
.hidden-figure { color: #5b6478; font-style: italic; }
.arrow.up { color: #1b7f3b; } .arrow.down { color: #c0392b; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #e3e7ee; padding: 3pt 5pt; text-align: start; vertical-align: top; }
figure.chart { margin: 0 0 6pt; } figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: #5b6478; font-size: 9pt; }
footer { color: #5b6478; font-size: 8.5pt; margin-top: 12pt; }
@media screen { body { max-width: 60rem; margin: 0 auto; padding: 12px 16px; } }
`;

/** The report as one complete HTML document in `lang` (dir="rtl" for fa), charts as inline SVG. */
export function renderReportHtml(model: ReportModel, lang: Language, _options: RenderOptions = { charts: 'inline-svg' }): string {
  const text = textOf(lang);
  const dir = text.rtl ? 'rtl' : 'ltr';
  const w = model.window;
  const meta = [
    text.t('meta.survey', { name: model.surveyName }),
    text.t('meta.period', { from: text.day(w.from), to: text.day(w.to) }),
    text.t('meta.previous', { from: text.day(w.previous.from), to: text.day(w.previous.to) }),
    ...(model.filters.locationName ? [text.t('meta.location', { name: model.filters.locationName })] : []),
    ...(['channel', 'language', 'dim'] as const).flatMap((f) => (model.filters[f] ? [text.t('meta.filter', { name: f, value: String(model.filters[f]) })] : [])),
    ...(model.audience === 'shared' ? [text.t('meta.shared')] : []),
    text.t('meta.built', { day: text.day(model.builtOn) }),
  ];
  const title = text.t('doc.title', { title: model.title, from: text.day(w.from), to: text.day(w.to) });
  const includeComments = model.sections.some((s) => s.kind === 'comments' && !s.empty);
  return `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head>
<body><header><h1>${e(model.title)}</h1><ul class="meta">${meta.map((m) => `<li>${e(m)}</li>`).join('')}</ul></header>
${model.sections.map((s) => sectionHtml(s, text, model, includeComments)).join('\n')}
<footer>${e(text.t('footer'))}</footer></body></html>`;
}

let browser: Promise<Browser> | null = null;

/** One Chromium per process, started on first use. @throws pdf_unavailable when Chromium cannot start */
async function reportBrowser(): Promise<Browser> {
  if (!browser) {
    browser = (async () => {
      const { chromium } = await import('playwright-core');
      return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? 'chromium', args: ['--no-sandbox', '--font-render-hinting=none'] });
    })();
    browser.catch(() => { browser = null; });
  }
  try {
    const b = await browser;
    if (!b.isConnected()) {
      browser = null;
      return reportBrowser();
    }
    return b;
  } catch (err) {
    throw new DomainError('pdf_unavailable', `PDF reports need Chromium (CHROMIUM_PATH=${process.env.CHROMIUM_PATH ?? 'chromium'}): ${(err as Error).message.split('\n')[0]}`);
  }
}

/** The report as an A4 PDF in `lang`: the HTML document printed by Chromium. @throws pdf_unavailable */
export async function renderReportPdf(model: ReportModel, lang: Language): Promise<Buffer> {
  const html = renderReportHtml(model, lang, { charts: 'inline-svg' });
  const b = await reportBrowser();
  const context = await b.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
  }
}

/** Closes the report browser (the server's shutdown calls it). */
export async function closeReportBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b.catch(() => null))?.close();
}
