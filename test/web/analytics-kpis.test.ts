/**
 * The KPI tiles' and overview cards' detail lines (NPS skipped, CSAT mean, CES % agree and direction)
 * in en, ru and fa, with the real messages and formatters; plural forms and the Persian percent sign.
 * Expected strings are written out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, translate, loadLanguage } from '../../src/web/i18n.tsx';
import type { Language } from '../../src/core/i18n/languages.ts';
import { metricDetailTexts, metricFigure, metricInterval, type DetailFormatters } from '../../src/web/analytics/metricDetails.ts';
import type { MetricResult } from '../../src/web/analytics/types.ts';

// The app loads ru and fa on demand; these tests format in both.
beforeAll(() => Promise.all([loadLanguage('ru'), loadLanguage('fa')]));

const FSI = '\u2068';
const PDI = '\u2069';

function formatters(lang: Language): DetailFormatters {
  return {
    t: (key, vars) => translate(lang, key, vars),
    num: (v, digits, fixed) => formatNumber(lang, v, digits, fixed),
    pct: (v, digits, fixed) => formatPercent(lang, v, digits, fixed),
  };
}

function result(metric: MetricResult['metric'], details: MetricResult['details']): MetricResult {
  return { metric, definition: `${metric}.v1`, value: 1, n: 3, ci95: null, ci95Method: null, se: null, smallSample: true, hiddenInSharedReports: true, details };
}

const texts = (lang: Language, r: MetricResult) => metricDetailTexts(r, formatters(lang)).map((l) => `${l.kind}: ${l.text}`);
const skipped = (lang: Language, n: number) => texts(lang, result('nps', { skipped: n }));

describe('KPI detail lines', () => {
  it('counts NPS skips with the plural form of each language', () => {
    expect(skipped('en', 1)).toEqual(['skipped: 1 skipped']);
    expect(skipped('en', 12)).toEqual(['skipped: 12 skipped']);
    // Russian: 1, 21 -> one; 2-4, 22 -> few; 5-20, 12 -> many.
    expect(skipped('ru', 1)).toEqual(['skipped: 1 человек пропустил']);
    expect(skipped('ru', 21)).toEqual(['skipped: 21 человек пропустил']);
    expect(skipped('ru', 2)).toEqual(['skipped: 2 человека пропустили']);
    expect(skipped('ru', 22)).toEqual(['skipped: 22 человека пропустили']);
    expect(skipped('ru', 5)).toEqual(['skipped: 5 человек пропустили']);
    expect(skipped('ru', 12)).toEqual(['skipped: 12 человек пропустили']);
    // Persian digits, each number its own left-to-right island.
    expect(skipped('fa', 1)).toEqual([`skipped: ${FSI}۱${PDI} نفر پاسخ نداد`]);
    expect(skipped('fa', 12)).toEqual([`skipped: ${FSI}۱۲${PDI} نفر پاسخ ندادند`]);
    expect(skipped('ru', 1234)).toEqual(['skipped: 1\u00a0234 человека пропустили']);
  });

  it('shows no skipped line for zero or an unknown count', () => {
    expect(texts('en', result('nps', { skipped: 0 }))).toEqual([]);
    expect(texts('en', result('nps', { skipped: null }))).toEqual([]);
    expect(texts('en', result('nps', {}))).toEqual([]);
  });

  it('shows the CSAT mean with two decimals', () => {
    const csat = result('csat', { satisfied: 30, box: 4, mean: 3.5 });
    expect(texts('en', csat)).toEqual(['mean: mean 3.50']);
    expect(texts('ru', csat)).toEqual(['mean: среднее 3,50']);
    expect(texts('fa', csat)).toEqual([`mean: میانگین ${FSI}۳٫۵۰${PDI}`]);
  });

  it('shows the CES share of easy answers and the direction of the scale', () => {
    // 6 of 10 answers in 5..7 on a 1..7 agreement scale.
    const agree = result('ces', { direction: 'higher_is_easier', pctAgree: 60, agree: 6, agreeFrom: 5, agreeTo: 7 });
    expect(texts('en', agree)).toEqual(['agree: 60% agree (5–7)', 'direction: higher is easier']);
    expect(texts('ru', agree)).toEqual(['agree: 60% согласны (5–7)', 'direction: чем выше, тем проще']);
    expect(texts('fa', agree)).toEqual([`agree: ${FSI}۶۰٪${PDI} موافق (${FSI}۵${PDI}–${FSI}۷${PDI})`, 'direction: بالاتر یعنی آسان‌تر']);
    // Legacy effort scale 1..5: 1-2 are "low effort".
    const effort = result('ces', { direction: 'lower_is_easier', pctAgree: 37.5, agree: 3, agreeFrom: 1, agreeTo: 2 });
    expect(texts('en', effort)).toEqual(['agree: 37.5% low effort (1–2)', 'direction: lower is easier']);
    expect(texts('ru', effort)).toEqual(['agree: 37,5% — мало усилий (1–2)', 'direction: чем ниже, тем проще']);
    // No answers: no share, the direction still says how to read the scale.
    expect(texts('en', result('ces', { direction: 'higher_is_easier', pctAgree: null, agreeFrom: 5, agreeTo: 7 }))).toEqual(['direction: higher is easier']);
  });

  it('adds nothing to other metrics', () => {
    expect(texts('en', result('mean', { mean: 4, variance: 1 }))).toEqual([]);
    expect(metricDetailTexts(null, formatters('en'))).toEqual([]);
  });
});

describe('a metric value and its interval follow one rule', () => {
  // The acceptance check saw "-100" beside "95% CI -100,0 … -87,4": the interval had a fixed decimal, the value not.
  const nps = result('nps', {});
  const ces = result('ces', {});
  it('shows the interval with the decimals of the value, in en, ru and fa', () => {
    expect(metricFigure(nps, -100, formatters('ru'))).toBe('-100');
    expect(metricInterval(nps, [-100, -87.4], formatters('ru'))).toBe('95% ДИ -100 … -87,4');
    expect(metricInterval(nps, [-100, -87.4], formatters('en'))).toBe('95% CI -100 … -87.4');
    expect(metricInterval(nps, [12, 40], formatters('en'))).toBe('95% CI 12 … 40');
    expect(metricInterval(nps, [-100, -87.4], formatters('fa'))).toBe(`بازهٔ اطمینان ۹۵٪: ${FSI}\u200e−۱۰۰${PDI} … ${FSI}\u200e−۸۷٫۴${PDI}`);
    // Means (CES) keep two decimals, trailing zeros dropped like the value's.
    expect(metricFigure(ces, 5.5, formatters('en'))).toBe('5.5');
    expect(metricInterval(ces, [5.25, 5.8], formatters('en'))).toBe('95% CI 5.25 … 5.8');
  });
});

describe('numbers and plurals of the interface', () => {
  it('writes percentages with the Persian percent sign in fa', () => {
    expect(formatPercent('en', 60)).toBe('60%');
    expect(formatPercent('ru', 12.5)).toBe('12,5%');
    expect(formatPercent('fa', 60)).toBe(`${FSI}۶۰٪${PDI}`);
    expect(formatPercent('fa', 12.5)).toBe(`${FSI}۱۲٫۵٪${PDI}`);
    expect(formatPercent('en', null)).toBe('—');
  });

  it('picks the CLDR plural category (ru few, many and other for fractions)', () => {
    expect([3, 11, 1.5].map((n) => translate('ru', 'an.kpi.skipped', { n }))).toEqual(['3 человека пропустили', '11 человек пропустили', '1,5 человека пропустили']);
    expect([1, 2].map((n) => translate('en', 'an.overview.responses', { n }))).toEqual(['1 response', '2 responses']);
    expect(translate('ru', 'an.dash.responses', { n: 3 })).toBe('3 ответа в этой выборке');
  });
});
