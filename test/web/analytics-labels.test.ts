/** Pure label helpers of the dashboard (src/web/analytics/labels.ts) and the plural forms of counts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { dimensionLabel, foldText, locationLabel, matchKnownValue } from '../../src/web/analytics/labels.ts';
import { translate, loadLanguage } from '../../src/web/i18n.tsx';
import { axisInterval, paddedRange } from '../../src/core/charts/shape.ts';
import { barOption, quadrantOption } from '../../src/core/charts/options.ts';

// The app loads ru and fa on demand; these tests format in both.
beforeAll(() => Promise.all([loadLanguage('ru'), loadLanguage('fa')]));

describe('dimensionLabel', () => {
  it('turns a hidden-field key into words with a capital first letter', () => {
    expect(dimensionLabel('customer_type')).toBe('Customer type');
    expect(dimensionLabel('age_band')).toBe('Age band');
    expect(dimensionLabel('segment')).toBe('Segment');
    expect(dimensionLabel('utm__source_')).toBe('Utm source');
    expect(dimensionLabel('_')).toBe('_');
  });
});

describe('locationLabel', () => {
  it('puts the code beside the name, or the name alone', () => {
    expect(locationLabel('Невский, 48', 'SPB-01')).toBe('Невский, 48 · SPB-01');
    expect(locationLabel('North', null)).toBe('North');
    expect(locationLabel('North', '')).toBe('North');
  });
});

describe('matchKnownValue', () => {
  it('takes the stored spelling of a value typed in another case', () => {
    expect(matchKnownValue(' gold ', ['Silver', 'Gold'])).toBe('Gold');
    expect(matchKnownValue('GOLD', ['gold', 'Gold'])).toBe('gold');
    expect(matchKnownValue('Gold', ['gold', 'Gold'])).toBe('Gold');
    expect(matchKnownValue('Bronze ', ['Gold'])).toBe('Bronze');
  });
});

describe('foldText', () => {
  it('keeps a short text whole', () => {
    expect(foldText('Great coffee', 12)).toEqual({ head: 'Great coffee', folded: false });
  });
  it('cuts a long text after its last whole word', () => {
    expect(foldText('The queue was long and the staff were slow', 20)).toEqual({ head: 'The queue was long', folded: true });
  });
  it('cuts inside a word that has no space in the second half', () => {
    expect(foldText('Superlongwordwithoutanyspaces here', 10)).toEqual({ head: 'Superlongw', folded: true });
  });
  it('counts characters, not UTF-16 units', () => {
    expect(foldText('😀😀😀😀', 3)).toEqual({ head: '😀😀😀', folded: true });
  });
});

describe('English plurals of counts on the dashboard', () => {
  it('says 1 response and 2 responses', () => {
    expect(translate('en', 'an.dash.responses', { n: 1 })).toBe('1 response in this view');
    expect(translate('en', 'an.overview.responses', { n: 2 })).toBe('2 responses');
    expect(translate('en', 'an.trend.summary', { q: 'NPS', n: 1, last: '5', period: 'May 1' })).toBe('Trend of “NPS” over 1 period; latest value 5 (May 1).');
    expect(translate('en', 'an.breakdown.summary', { q: 'NPS', n: 1, list: 'North 5' })).toBe('“NPS” across 1 group: North 5.');
    expect(translate('en', 'an.dist.summary', { q: 'NPS', n: 1 })).toBe('Distribution of 1 answer to “NPS”.');
    expect(translate('ru', 'an.dist.summary', { q: 'NPS', n: 3 })).toBe('Распределение 3 ответов на «NPS».');
    expect(translate('en', 'an.quality.caption', { n: 1 })).toBe('1 flagged response');
    expect(translate('ru', 'an.quality.caption', { n: 21 })).toBe('21 отмеченный ответ');
    expect(translate('ru', 'an.quality.caption', { n: 5 })).toBe('5 отмеченных ответов');
  });
  it('says 1 location and 1 question in the admin pages', () => {
    expect(translate('en', 'csv.import', { n: 1 })).toBe('Import 1 location');
    expect(translate('en', 'csv.import', { n: 3 })).toBe('Import 3 locations');
    expect(translate('en', 'csv.preview', { n: 1 })).toBe('1 location to import.');
    expect(translate('en', 'new.questionCount', { n: 1 })).toBe('1 question');
    expect(translate('en', 'settings.seenIn', { n: 1 })).toBe('in 1 recent response');
    expect(translate('ru', 'csv.import', { n: 3 })).toBe('Импортировать (3)');
  });
});

describe('paddedRange', () => {
  it('leaves a tenth of the spread on each side, rounded outwards', () => {
    // Spread 0.18, margin 0.018: 4.122 .. 4.338, range ~0.22 → hundredths.
    expect(paddedRange([4.14, 4.32])).toEqual({ min: 4.12, max: 4.34 });
    // Spread 28.2, margin 2.82: 33.08 .. 66.92, range ~34 → whole numbers.
    expect(paddedRange([35.9, 64.1])).toEqual({ min: 33, max: 67 });
  });
  it('gives equal values a margin of one', () => {
    expect(paddedRange([5, 5])).toEqual({ min: 4, max: 6 });
    expect(paddedRange([])).toBeNull();
  });
});

describe('chart options for long names and many points', () => {
  const text = { num: (v: number | null | undefined) => String(v), rtl: false };
  it('wraps bar labels instead of cutting them', () => {
    const opt = barOption(['A very long location name in a shopping centre'], [1], text);
    expect((opt.yAxis as { axisLabel: { overflow: string } }).axisLabel.overflow).toBe('break');
    expect((opt.grid as { containLabel: boolean }).containLabel).toBe(true);
  });
  it('keeps key-driver points off the plot edges', () => {
    const opt = quadrantOption([{ name: 'a', importance: 35.9, performance: 4.32 }, { name: 'b', importance: 64.1, performance: 4.14 }], { importance: 'I', performance: 'P' }, text);
    expect(opt.xAxis).toMatchObject({ min: 33, max: 67 });
    expect(opt.yAxis).toMatchObject({ min: 4.12, max: 4.34 });
  });
});

describe('axisInterval', () => {
  it('picks the smallest 1-2-2.5-5 step both bounds fall on, in at most eight steps', () => {
    expect(axisInterval(-60, 100)).toBe(20);
    expect(axisInterval(-100, 100)).toBe(25);
    expect(axisInterval(0, 100)).toBe(20);
    expect(axisInterval(1, 5)).toBe(1);
    expect(axisInterval(3, 7)).toBe(1);
    expect(axisInterval(0.4, 1.2)).toBe(0.1);
    expect(axisInterval(5, 5)).toBeUndefined();
  });
});
