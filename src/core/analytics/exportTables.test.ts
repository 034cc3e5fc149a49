import { describe, expect, it } from 'vitest';
import {
  breakdownTable, chartExportFileName, commentsTable, compareTable, distributionTable, driversTable, heatmapTable, kpiTable,
  themesByLocationTable, themesByMonthTable, trendTable,
} from './exportTables.ts';

const result = (value: number | null, n: number, ci: [number, number] | null) => ({
  metric: 'nps' as const, definition: 'nps@1', value, n, ci95: ci, se: null, smallSample: false, details: {},
});

describe('chart export tables', () => {
  it('writes the trend as one row per period with the API figures, in Russian', () => {
    const t = trendTable({
      interval: 'month', questionId: 'q', source: 'raw',
      points: [{ period: '2026-10-01', partial: false, result: result(50, 4, [-10, 90]) }, { period: '2026-11-01', partial: true, result: null }],
    } as never, 'ru');
    expect(t.header).toEqual(['Начало периода', 'Неполный период', 'Значение', 'Ответов (n)', '95% интервал, нижняя граница', '95% интервал, верхняя граница', 'Определение']);
    expect(t.rows).toEqual([['2026-10-01', 'нет', 50, 4, -10, 90, 'nps@1'], ['2026-11-01', 'да', null, 0, null, null, null]]);
    expect(t.title).toBe('Динамика');
  });

  it('neutralises a group label that starts a formula', () => {
    const t = breakdownTable({ by: 'dim:shop', questionId: 'q', parent: null, source: 'raw', rows: [{ key: 'x', label: '=HYPERLINK("x")', result: result(-5, 2, null) }] } as never, 'en');
    expect(t.header[0]).toBe('Group');
    expect(t.rows).toEqual([["'=HYPERLINK(\"x\")", -5, 2, null, null, 'nps@1']]);
  });

  it('names files after the metric, the kind and the day', () => {
    expect(chartExportFileName('nps', 'trend', '2026-11-30', 'csv')).toBe('nps-trend-2026-11-30.csv');
    expect(chartExportFileName('CSI satisfaction/../', 'breakdown', '2026-11-30', 'xlsx')).toBe('csi-satisfaction-breakdown-2026-11-30.xlsx');
  });

  it('writes the key metrics: one row per rated question (an archived one without answers left out), then the CSI', () => {
    const q = (key: string, type: string, metric: string, r: ReturnType<typeof result> | null, archived = false) => ({
      questionId: key, key, type, metric, text: { en: `${key}?`, ru: `${key} (ru)?` }, scale: null, archived, result: r, distribution: [],
    });
    const t = kpiTable({
      responses: 4, source: 'raw',
      questions: [q('nps', 'nps', 'nps', result(25, 4, [-40, 90])), q('old', 'rating', 'csat', null, true), q('why', 'text', 'none', null), q('=cmd', 'rating', 'ces', null)],
      csi: { ...result(71.5, 3, null), metric: 'csi', definition: 'csi.v1' },
    } as never, 'ru');
    expect(t.header).toEqual(['Вопрос', 'Метрика', 'Значение', 'Ответов (n)', '95% интервал, нижняя граница', '95% интервал, верхняя граница', 'Определение']);
    expect(t.rows).toEqual([
      ['nps (ru)?', 'NPS', 25, 4, -40, 90, 'nps@1'],
      ["'=cmd (ru)?", 'CES', null, 0, null, null, null],
      [null, 'ИУП', 71.5, 3, null, null, 'csi.v1'],
    ]);
  });

  it('writes the heat table long: one row per location and question, a formula-like location name neutralised', () => {
    const t = heatmapTable({
      source: 'rollup',
      columns: [{ questionId: 'q1', key: 'nps', metric: 'nps', text: { en: 'Recommend?' } }, { questionId: 'q2', key: 'sat', metric: 'csat', text: {} }],
      rows: [
        { locationId: 'l1', name: '+7 Shop', hasChildren: false, cells: { q1: result(-20, 5, [-70, 30]), q2: null } },
      ],
    } as never, 'en');
    expect(t.header).toEqual(['Location', 'Question', 'Metric', 'Value', 'Answers (n)', '95% interval, low', '95% interval, high', 'Definition']);
    expect(t.rows).toEqual([
      ["'+7 Shop", 'Recommend?', 'NPS', -20, 5, -70, 30, 'nps@1'],
      ["'+7 Shop", 'sat', 'CSAT', null, 0, null, null, null],
    ]);
  });

  it('writes the distribution with shares of each question\'s answers and choices labelled in the export language', () => {
    const t = distributionTable({
      responses: 8, source: 'raw',
      questions: [
        { questionId: 'q1', key: 'nps', type: 'nps', metric: 'nps', text: { en: 'Recommend?' }, scale: null, archived: false, result: null, distribution: [{ score: 0, n: 1 }, { score: 1, n: 0 }, { score: 2, n: 3 }] },
        { questionId: 'q2', key: 'pick', type: 'single', metric: 'none', text: { en: 'Pick', fa: 'انتخاب' }, scale: null, archived: false, result: null, distribution: [], choices: [{ value: 'a', n: 3 }, { value: 'b', n: 1 }, { value: 'gone', n: 0 }] },
      ],
    } as never, new Map([['q2', [{ value: 'a', label: { en: 'Apples', fa: 'سیب' } }, { value: 'b', label: { en: '@b' } }]]]), 'fa');
    expect(t.header).toEqual(['پرسش', 'امتیاز / پاسخ', 'تعداد پاسخ (n)', 'سهم، ٪']);
    // 1 + 0 + 3 = 4 answers: 25 %, 0 %, 75 %; the choices 3 + 1 + 0 = 4: 75 %, 25 %, 0 %.
    expect(t.rows).toEqual([
      ['Recommend?', 0, 1, 25], ['Recommend?', 1, 0, 0], ['Recommend?', 2, 3, 75],
      ['انتخاب', 'سیب', 3, 75], ['انتخاب', "'@b", 1, 25], ['انتخاب', 'gone', 0, 0],
    ]);
  });

  it('writes a comparison as side A, side B and the difference with its test', () => {
    const side = (kind: string, location: { id: string; name: string } | null, without: { id: string; name: string } | null, from: string | null, to: string | null, segments: Array<{ key: string; value: string }> = []) =>
      ({ kind, location, without, from, to, segments });
    const t = compareTable({
      questionId: 'q', source: 'raw',
      a: result(40, 10, [10, 70]), b: result(-10, 20, [-40, 20]),
      sides: { a: side('location', { id: 'l', name: '=Shop' }, null, '2026-10-01', '2026-10-31', [{ key: 'segment', value: 'vip' }]), b: side('rest_of_company', null, null, null, null) },
      change: { diff: 50, se: 20, ci95: [10.8, 89.2], ci95Method: 'adjusted_wald', pValue: 0.012, test: 'adjusted_wald_z', significant: true, definition: 'nps@1' },
    } as never, 'en');
    expect(t.header).toEqual(['Side', 'Who', 'From', 'To', 'Segments', 'Value', 'Answers (n)', '95% interval, low', '95% interval, high', 'p-value', 'Test', 'Significant', 'Definition']);
    expect(t.rows).toEqual([
      ['A', "'=Shop", '2026-10-01', '2026-10-31', 'segment: vip', 40, 10, 10, 70, null, null, null, 'nps@1'],
      ['B', 'Rest of the company', null, null, '', -10, 20, -40, 20, null, null, null, 'nps@1'],
      ['Difference A − B', null, null, null, null, 50, null, 10.8, 89.2, 0.012, 'adjusted_wald_z', 'yes', 'nps@1'],
    ]);
    // An untested difference leaves the test and the verdict empty; a rest-of side names what it leaves out.
    const untested = compareTable({
      questionId: 'q', source: 'raw', a: result(null, 0, null), b: result(10, 3, null),
      sides: { a: side('all', null, null, null, null), b: side('rest_of_location', { id: 'r', name: 'North' }, { id: 's', name: 'S1' }, null, null) },
      change: { diff: null, se: null, ci95: null, ci95Method: 'adjusted_wald', pValue: null, test: 'adjusted_wald_z', significant: false, definition: 'nps@1' },
    } as never, 'ru');
    expect(untested.rows.map((r) => r[1])).toEqual(['Все точки', 'Остальные точки North (без S1)', null]);
    expect(untested.rows[2].slice(5)).toEqual([null, null, null, null, null, null, null, 'nps@1']);
  });

  it('writes the key drivers with localized quadrants', () => {
    const t = driversTable({
      definition: 'drivers.v1', outcome: { questionId: 'o', key: 'nps' }, n: 40, r2: 0.5, sampled: false, source: 'raw', meanImportance: 0.25, meanPerformance: 3.5,
      drivers: [
        { questionId: 'a', key: 'speed', name: 'speed', text: { en: 'Speed', ru: 'Скорость' }, importance: 0.3, pctOfR2: 60, performance: 3, performanceN: 38, quadrant: 'key_weakness' },
        { questionId: 'b', key: 'staff', name: 'staff', text: {}, importance: 0.2, pctOfR2: 40, performance: 4, performanceN: 40, quadrant: 'secondary_strength' },
      ],
    } as never, 'ru');
    expect(t.header).toEqual(['Атрибут', 'Важность, % от R²', 'Сырой вес', 'Исполнение (среднее)', 'Ответов (n)', 'Квадрант', 'Определение']);
    expect(t.rows).toEqual([
      ['Скорость', 60, 0.3, 3, 38, 'Ключевая слабость', 'drivers.v1'],
      ['staff', 40, 0.2, 4, 40, 'Второстепенная сильная сторона', 'drivers.v1'],
    ]);
  });

  const themes = [{ id: 'price', names: { en: 'Price', ru: 'Цена' } }, { id: 'evil', names: { en: '=HYPERLINK("x")' } }];

  it('writes the theme tables with counts, negative counts and the negative share', () => {
    const byMonth = themesByMonthTable({ rows: [{ month: '2026-10-01', theme: 'price', n: 8, negative: 2 }, { month: '2026-10-01', theme: 'evil', n: 0, negative: 0 }] }, themes, 'ru');
    expect(byMonth.header).toEqual(['Тема', 'Месяц', 'Комментариев (n)', 'Негативных комментариев', 'Негатив, %']);
    // The Russian name where there is one, else the English one (neutralised); 2 of 8 = 25 %.
    expect(byMonth.rows).toEqual([['Цена', '2026-10-01', 8, 2, 25], ["'=HYPERLINK(\"x\")", '2026-10-01', 0, 0, null]]);
    const byLocation = themesByLocationTable({ rows: [{ locationId: null, locationName: null, theme: 'unknown', n: 3, negative: 3 }, { locationId: 'l', locationName: '-Shop', theme: 'price', n: 4, negative: 1 }] }, themes, 'en');
    expect(byLocation.header).toEqual(['Theme', 'Location', 'Comments (n)', 'Negative comments', 'Negative, %']);
    expect(byLocation.rows).toEqual([['unknown', 'No location', 3, 3, 100], ['Price', "'-Shop", 4, 1, 25]]);
  });

  it('writes analysed comments with the comment text formula-safe', () => {
    const t = commentsTable([
      { responseId: 'r', questionId: 'q', questionKey: 'why', text: '=1+1; @SUM(A1)', score: 3, submittedAt: '2026-10-02T10:00:00.000000Z', locationId: 'l', locationName: 'Shop', language: 'en',
        analysis: { lang: 'en', sentiment: 'negative', p: 0.9, source: 'model', themes: ['price', 'evil'] } },
      { responseId: 's', questionId: 'q', questionKey: 'why', text: 'fine', score: null, submittedAt: '2026-10-01T10:00:00.000000Z', locationId: null, locationName: null, language: 'en', analysis: null },
    ], themes, 'en');
    expect(t.header).toEqual(['Submitted at', 'Location', 'Score', 'Sentiment', 'Themes', 'Comment']);
    expect(t.rows).toEqual([
      ['2026-10-02T10:00:00.000000Z', 'Shop', 3, 'Negative', "Price; '=HYPERLINK(\"x\")", "'=1+1; '@SUM(A1)"],
      ['2026-10-01T10:00:00.000000Z', null, null, 'Not analysed yet', null, 'fine'],
    ]);
  });
});
