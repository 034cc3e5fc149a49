/**
 * @module The tables of the dashboard's chart and table exports (docs/analytics.md "Exports"): every panel
 * (key metrics, trend, breakdown, heat table, distribution, compare, key drivers, theme tables, analysed
 * comments) as rows of the API's own figures (value, n, 95% interval, definition where the panel has them),
 * headed in the interface language. Text cells (periods, labels, location and theme names, question texts,
 * comments) are formula-safe (neutraliseFormulas); figures stay numbers. Pure.
 */
import { createCatalogue } from '../i18n/catalogue.ts';
import { defineMessages } from '../i18n/messages.ts';
import type { Language } from '../i18n/languages.ts';
import { neutraliseFormulas, type CsvCell } from '../text/csv.ts';
import { localize } from '../surveys/localize.ts';
import type { LocalizedText } from '../surveys/types.ts';
import type { BreakdownAnswer, CompareAnswer, CompareSide, DriversAnswer, HeatmapAnswer, SummaryAnswer, TrendAnswer } from '../api/analytics.ts';
import type { AnalysedComment, ThemeLocationsAnswer, ThemeTrendAnswer } from '../api/comments.ts';
import { ratedQuestions } from './metrics.ts';

export const EXPORT_KINDS = ['trend', 'breakdown', 'kpis', 'heatmap', 'distribution', 'compare', 'drivers', 'themes_by_month', 'themes_by_location', 'comments'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportTable {
  /** The sheet's name (XLSX) in the export language. */
  title: string;
  header: string[];
  rows: CsvCell[][];
}

/** Headers and words the exports write themselves. */
export const chartExportCatalogue = createCatalogue('chart exports', defineMessages({
  en: {
    trend: 'Trend', breakdown: 'Breakdown', period: 'Period start', partial: 'Partial period', group: 'Group', value: 'Value',
    n: 'Answers (n)', ciLow: '95% interval, low', ciHigh: '95% interval, high', definition: 'Definition', yes: 'yes', no: 'no',
    kpis: 'Key metrics', heatmap: 'Locations × metrics', distribution: 'Distribution', compare: 'Compare', drivers: 'Key drivers',
    themesByMonth: 'Themes by month', themesByLocation: 'Themes by location', comments: 'Comments',
    question: 'Question', metric: 'Metric', location: 'Location', score: 'Score', choice: 'Answer', share: 'Share, %',
    side: 'Side', sideA: 'A', sideB: 'B', difference: 'Difference A − B', who: 'Who', from: 'From', to: 'To', segments: 'Segments',
    pValue: 'p-value', test: 'Test', significant: 'Significant',
    attribute: 'Attribute', importance: 'Importance, % of R²', weight: 'Raw weight', performance: 'Performance (mean)', quadrant: 'Quadrant',
    theme: 'Theme', month: 'Month', commentCount: 'Comments (n)', negative: 'Negative comments', negativeShare: 'Negative, %',
    submitted: 'Submitted at', sentiment: 'Sentiment', themes: 'Themes', comment: 'Comment', noLocation: 'No location', pending: 'Not analysed yet',
    'metric.nps': 'NPS', 'metric.csat': 'CSAT', 'metric.ces': 'CES', 'metric.csi': 'CSI', 'metric.mean': 'Mean', 'metric.share': 'Share',
    'metric.response_rate': 'Response rate', 'metric.csi_satisfaction': 'Satisfaction', 'metric.csi_importance': 'Importance', 'metric.none': 'Rating',
    'side.all': 'All locations', 'side.scope': 'Your locations', 'side.restOf': 'Rest of {name} (without {without})',
    'side.restOfScope': 'Your other locations (without {without})', 'side.restOfAll': 'All locations except {without}', 'side.restOfCompany': 'Rest of the company',
    'quadrant.key_strength': 'Key strength', 'quadrant.key_weakness': 'Key weakness', 'quadrant.secondary_strength': 'Secondary strength',
    'quadrant.secondary_weakness': 'Secondary weakness',
    'sentiment.negative': 'Negative', 'sentiment.neutral': 'Neutral', 'sentiment.positive': 'Positive',
  },
  ru: {
    trend: 'Динамика', breakdown: 'Разбивка', period: 'Начало периода', partial: 'Неполный период', group: 'Группа', value: 'Значение',
    n: 'Ответов (n)', ciLow: '95% интервал, нижняя граница', ciHigh: '95% интервал, верхняя граница', definition: 'Определение', yes: 'да', no: 'нет',
    kpis: 'Ключевые метрики', heatmap: 'Точки × метрики', distribution: 'Распределение', compare: 'Сравнение', drivers: 'Ключевые факторы',
    themesByMonth: 'Темы по месяцам', themesByLocation: 'Темы по точкам', comments: 'Комментарии',
    question: 'Вопрос', metric: 'Метрика', location: 'Точка', score: 'Оценка', choice: 'Ответ', share: 'Доля, %',
    side: 'Сторона', sideA: 'A', sideB: 'B', difference: 'Разница A − B', who: 'Кто', from: 'С', to: 'По', segments: 'Сегменты',
    pValue: 'p-значение', test: 'Критерий', significant: 'Значимо',
    attribute: 'Атрибут', importance: 'Важность, % от R²', weight: 'Сырой вес', performance: 'Исполнение (среднее)', quadrant: 'Квадрант',
    theme: 'Тема', month: 'Месяц', commentCount: 'Комментариев (n)', negative: 'Негативных комментариев', negativeShare: 'Негатив, %',
    submitted: 'Отправлено', sentiment: 'Тональность', themes: 'Темы', comment: 'Комментарий', noLocation: 'Без точки', pending: 'Ещё не проанализирован',
    'metric.nps': 'NPS', 'metric.csat': 'CSAT', 'metric.ces': 'CES', 'metric.csi': 'ИУП', 'metric.mean': 'Среднее', 'metric.share': 'Доля',
    'metric.response_rate': 'Доля ответивших', 'metric.csi_satisfaction': 'Удовлетворённость', 'metric.csi_importance': 'Важность', 'metric.none': 'Оценка',
    'side.all': 'Все точки', 'side.scope': 'Ваши точки', 'side.restOf': 'Остальные точки {name} (без {without})',
    'side.restOfScope': 'Ваши остальные точки (без {without})', 'side.restOfAll': 'Все точки, кроме {without}', 'side.restOfCompany': 'Остальная компания',
    'quadrant.key_strength': 'Ключевая сильная сторона', 'quadrant.key_weakness': 'Ключевая слабость', 'quadrant.secondary_strength': 'Второстепенная сильная сторона',
    'quadrant.secondary_weakness': 'Второстепенная слабость',
    'sentiment.negative': 'Негатив', 'sentiment.neutral': 'Нейтрально', 'sentiment.positive': 'Позитив',
  },
  fa: {
    trend: 'روند', breakdown: 'تفکیک', period: 'آغاز دوره', partial: 'دوره ناقص', group: 'گروه', value: 'مقدار',
    n: 'تعداد پاسخ (n)', ciLow: 'بازه ۹۵٪، کران پایین', ciHigh: 'بازه ۹۵٪، کران بالا', definition: 'تعریف', yes: 'بله', no: 'خیر',
    kpis: 'شاخص‌های اصلی', heatmap: 'شعبه‌ها × شاخص‌ها', distribution: 'توزیع پاسخ‌ها', compare: 'مقایسه', drivers: 'عوامل کلیدی',
    themesByMonth: 'موضوع‌ها به تفکیک ماه', themesByLocation: 'موضوع‌ها به تفکیک شعبه', comments: 'نظرها',
    question: 'پرسش', metric: 'شاخص', location: 'شعبه', score: 'امتیاز', choice: 'پاسخ', share: 'سهم، ٪',
    side: 'طرف', sideA: 'A', sideB: 'B', difference: 'تفاوت A − B', who: 'چه کسانی', from: 'از', to: 'تا', segments: 'بخش‌ها',
    pValue: 'مقدار p', test: 'آزمون', significant: 'معنادار',
    attribute: 'ویژگی', importance: 'اهمیت، ٪ از R²', weight: 'وزن خام', performance: 'عملکرد (میانگین)', quadrant: 'ربع',
    theme: 'موضوع', month: 'ماه', commentCount: 'تعداد نظر (n)', negative: 'نظرهای منفی', negativeShare: 'منفی، ٪',
    submitted: 'زمان ارسال', sentiment: 'احساس', themes: 'موضوع‌ها', comment: 'نظر', noLocation: 'بدون شعبه', pending: 'هنوز تحلیل نشده',
    'metric.nps': 'NPS', 'metric.csat': 'CSAT', 'metric.ces': 'CES', 'metric.csi': 'شاخص رضایت', 'metric.mean': 'میانگین', 'metric.share': 'سهم',
    'metric.response_rate': 'نرخ پاسخ', 'metric.csi_satisfaction': 'رضایت', 'metric.csi_importance': 'اهمیت', 'metric.none': 'امتیاز',
    'side.all': 'همهٔ شعبه‌ها', 'side.scope': 'شعبه‌های شما', 'side.restOf': 'بقیهٔ {name} (بدون {without})',
    'side.restOfScope': 'دیگر شعبه‌های شما (بدون {without})', 'side.restOfAll': 'همهٔ شعبه‌ها به جز {without}', 'side.restOfCompany': 'بقیهٔ شرکت',
    'quadrant.key_strength': 'نقطهٔ قوت کلیدی', 'quadrant.key_weakness': 'ضعف کلیدی', 'quadrant.secondary_strength': 'نقطهٔ قوت فرعی',
    'quadrant.secondary_weakness': 'ضعف فرعی',
    'sentiment.negative': 'منفی', 'sentiment.neutral': 'خنثی', 'sentiment.positive': 'مثبت',
  },
}));

type Key = Parameters<typeof chartExportCatalogue.formatMessage>[1];

type Result = TrendAnswer['points'][number]['result'];

/** Value, n, interval and definition of a result (missing figures are empty cells). */
function figures(r: Result): CsvCell[] {
  return [r?.value ?? null, r?.n ?? 0, r?.ci95?.[0] ?? null, r?.ci95?.[1] ?? null, r ? neutraliseFormulas(r.definition) : null];
}

function figureHeaders(l: (k: Key) => string): string[] {
  return [l('value'), l('n'), l('ciLow'), l('ciHigh'), l('definition')];
}

/** One row per period of GET /surveys/:id/analytics/trend. */
export function trendTable(answer: TrendAnswer, lang: Language): ExportTable {
  const l = (k: Key) => chartExportCatalogue.formatMessage(lang, k);
  return {
    title: l('trend'),
    header: [l('period'), l('partial'), ...figureHeaders(l)],
    rows: answer.points.map((p) => [neutraliseFormulas(p.period), l(p.partial ? 'yes' : 'no'), ...figures(p.result)]),
  };
}

/** One row per group of GET /surveys/:id/analytics/breakdown. */
export function breakdownTable(answer: BreakdownAnswer, lang: Language): ExportTable {
  const l = (k: Key) => chartExportCatalogue.formatMessage(lang, k);
  return {
    title: l('breakdown'),
    header: [l('group'), ...figureHeaders(l)],
    rows: answer.rows.map((r) => [neutraliseFormulas(r.label), ...figures(r.result)]),
  };
}

/** Text in the export: neutralised, so a name or a comment never starts a spreadsheet formula. */
const text = (s: string | null | undefined): string | null => (s == null ? null : neutraliseFormulas(s));

/** A question's text in the export language (English, then its key, when it has none). */
const questionText = (t: LocalizedText, key: string, lang: Language) => text(localize(t, lang, 'en') || key);

/** The metric's name (NPS, CSAT, ...); an unknown one as it is. */
function metricName(metric: string, lang: Language): string {
  const key = `metric.${metric}`;
  return chartExportCatalogue.has(key) ? chartExportCatalogue.formatMessage(lang, key) : metric;
}

/** One row per rated question of GET /surveys/:id/analytics/summary (the dashboard's tiles), then the CSI when the survey has one. */
export function kpiTable(answer: SummaryAnswer, lang: Language): ExportTable {
  const l = (k: Key) => chartExportCatalogue.formatMessage(lang, k);
  const rows = ratedQuestions(answer.questions).map((q): CsvCell[] => [questionText(q.text, q.key, lang), metricName(q.result?.metric ?? q.metric, lang), ...figures(q.result)]);
  if (answer.csi) rows.push([null, metricName('csi', lang), ...figures(answer.csi)]);
  return { title: l('kpis'), header: [l('question'), l('metric'), ...figureHeaders(l)], rows };
}

/** One row per location and scored question of GET /surveys/:id/analytics/heatmap (a long table: easy to pivot). */
export function heatmapTable(answer: HeatmapAnswer, lang: Language): ExportTable {
  const l = (k: Key) => chartExportCatalogue.formatMessage(lang, k);
  return {
    title: l('heatmap'),
    header: [l('location'), l('question'), l('metric'), ...figureHeaders(l)],
    rows: answer.rows.flatMap((r) => answer.columns.map((c): CsvCell[] => [text(r.name), questionText(c.text, c.key, lang), metricName(c.metric, lang), ...figures(r.cells[c.questionId] ?? null)])),
  };
}

/**
 * One row per score (rated questions, every scale value) or per option (choice questions, labelled in the
 * export language) of GET /surveys/:id/analytics/summary; the share is of the question's answers, in %.
 */
export function distributionTable(answer: SummaryAnswer, options: ReadonlyMap<string, ReadonlyArray<{ value: string; label: LocalizedText }>>, lang: Language): ExportTable {
  const l = (k: Key) => chartExportCatalogue.formatMessage(lang, k);
  const rows: CsvCell[][] = [];
  for (const q of answer.questions) {
    const title = questionText(q.text, q.key, lang);
    const bars = q.distribution.length > 0
      ? q.distribution.map((d) => ({ label: d.score as CsvCell, n: d.n }))
      : (q.choices ?? []).map((c) => ({ label: text(localize(options.get(q.questionId)?.find((o) => o.value === c.value)?.label, lang, 'en') || c.value) as CsvCell, n: c.n }));
    const total = bars.reduce((a, b) => a + b.n, 0);
    for (const b of bars) rows.push([title, b.label, b.n, total > 0 ? (100 * b.n) / total : null]);
  }
  return { title: l('distribution'), header: [l('question'), `${l('score')} / ${l('choice')}`, l('n'), l('share')], rows };
}

/** What a side of a comparison is, in words (as the dashboard names it). */
function sideWho(side: CompareSide, lang: Language): string {
  const f = (k: Key, vars?: Record<string, string>) => chartExportCatalogue.formatMessage(lang, k, vars);
  const name = side.location?.name ?? '';
  const without = side.without?.name ?? '';
  switch (side.kind) {
    case 'all': return f('side.all');
    case 'scope': return side.location ? name : f('side.scope');
    case 'location': return name;
    case 'rest_of_location': return f('side.restOf', { name, without });
    case 'rest_of_scope': return f('side.restOfScope', { without });
    case 'rest_of_all': return f('side.restOfAll', { without });
    case 'rest_of_company': return f('side.restOfCompany');
  }
}

/**
 * GET /surveys/:id/analytics/compare as three rows: side A and side B (who, period, segments and their
 * figures), then the difference A − B with its interval, p-value and test (empty when it cannot be tested).
 */
export function compareTable(answer: CompareAnswer, lang: Language): ExportTable {
  const l = (k: Key) => chartExportCatalogue.formatMessage(lang, k);
  const side = (name: 'sideA' | 'sideB', s: CompareSide, r: CompareAnswer['a']): CsvCell[] => [
    l(name), text(sideWho(s, lang)), s.from, s.to, text(s.segments.map((x) => `${x.key}: ${x.value}`).join('; ')),
    r.value, r.n, r.ci95?.[0] ?? null, r.ci95?.[1] ?? null, null, null, null, text(r.definition),
  ];
  const c = answer.change;
  return {
    title: l('compare'),
    header: [l('side'), l('who'), l('from'), l('to'), l('segments'), l('value'), l('n'), l('ciLow'), l('ciHigh'), l('pValue'), l('test'), l('significant'), l('definition')],
    rows: [
      side('sideA', answer.sides.a, answer.a),
      side('sideB', answer.sides.b, answer.b),
      [l('difference'), null, null, null, null, c.diff, null, c.ci95?.[0] ?? null, c.ci95?.[1] ?? null, c.pValue, c.diff === null ? null : c.test,
        c.diff === null ? null : l(c.significant ? 'yes' : 'no'), text(c.definition)],
    ],
  };
}

/** One row per attribute of GET /surveys/:id/analytics/drivers, in the API's order; n is the attribute's answers. */
export function driversTable(answer: DriversAnswer, lang: Language): ExportTable {
  const l = (k: Key) => chartExportCatalogue.formatMessage(lang, k);
  return {
    title: l('drivers'),
    header: [l('attribute'), l('importance'), l('weight'), l('performance'), l('n'), l('quadrant'), l('definition')],
    rows: answer.drivers.map((d) => [
      text(localize(d.text, lang, 'en') || d.name || d.key), d.pctOfR2, d.importance, d.performance, d.performanceN, l(`quadrant.${d.quadrant}`), answer.definition,
    ]),
  };
}

/** A theme's name in the export language (English, then its id, when it has none). */
type ThemeNames = ReadonlyArray<{ id: string; names: Partial<Record<string, string>> }>;
function themeLabel(themes: ThemeNames, id: string, lang: Language): string | null {
  const th = themes.find((x) => x.id === id);
  return text(th?.names[lang] || th?.names.en || id);
}

/** Comments, negative ones and their share of the row's comments (%). */
const themeCounts = (n: number, negative: number): CsvCell[] => [n, negative, n > 0 ? (100 * negative) / n : null];

/** One row per theme and month of GET /surveys/:id/text/themes/trend. */
export function themesByMonthTable(answer: ThemeTrendAnswer, themes: ThemeNames, lang: Language): ExportTable {
  const l = (k: Key) => chartExportCatalogue.formatMessage(lang, k);
  return {
    title: l('themesByMonth'),
    header: [l('theme'), l('month'), l('commentCount'), l('negative'), l('negativeShare')],
    rows: answer.rows.map((r) => [themeLabel(themes, r.theme, lang), text(r.month), ...themeCounts(r.n, r.negative)]),
  };
}

/** One row per theme and location of GET /surveys/:id/text/themes/locations. */
export function themesByLocationTable(answer: ThemeLocationsAnswer, themes: ThemeNames, lang: Language): ExportTable {
  const l = (k: Key) => chartExportCatalogue.formatMessage(lang, k);
  return {
    title: l('themesByLocation'),
    header: [l('theme'), l('location'), l('commentCount'), l('negative'), l('negativeShare')],
    rows: answer.rows.map((r) => [themeLabel(themes, r.theme, lang), text(r.locationName) ?? l('noLocation'), ...themeCounts(r.n, r.negative)]),
  };
}

/** The analysed comments of GET /surveys/:id/text/comments (the page the panel lists), newest first. */
export function commentsTable(comments: readonly AnalysedComment[], themes: ThemeNames, lang: Language): ExportTable {
  const l = (k: Key) => chartExportCatalogue.formatMessage(lang, k);
  return {
    title: l('comments'),
    header: [l('submitted'), l('location'), l('score'), l('sentiment'), l('themes'), l('comment')],
    rows: comments.map((c) => [
      c.submittedAt, text(c.locationName), c.score, c.analysis ? l(`sentiment.${c.analysis.sentiment}`) : l('pending'),
      c.analysis ? c.analysis.themes.map((id) => themeLabel(themes, id, lang)).join('; ') : null, text(c.text),
    ]),
  };
}

/** `nps-trend-2026-11-30.csv`: the metric, the kind and the organisation's day; only a-z, 0-9 and "-". */
export function chartExportFileName(metric: string, kind: ExportKind, day: string, extension: 'csv' | 'xlsx'): string {
  const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${[safe(metric), kind, safe(day)].filter(Boolean).join('-')}.${extension}`;
}
