import { beforeAll, describe, expect, it } from 'vitest';
import { compareParams, sideName, sidePeriod, sideSegments, verdictKey } from '../../src/web/analytics/compare.ts';
import { translate, type Translate, loadLanguage } from '../../src/web/i18n.tsx';
import type { CompareSide } from '../../src/web/analytics/types.ts';
import type { ComparisonResult } from '../../src/core/stats/index.ts';

// The app loads ru and fa on demand; these tests format in both.
beforeAll(() => Promise.all([loadLanguage('ru'), loadLanguage('fa')]));

/** Side names isolate location names for bidi (FSI…PDI); compare the visible text. */
const visible = (s: string) => s.replace(/[\u2068\u2069]/g, '');

const en: Translate = (key, vars) => translate('en', key, vars);
const side = (x: Partial<CompareSide>): CompareSide => ({ kind: 'all', location: null, without: null, from: null, to: null, segments: [], ...x });
const change = (diff: number | null, significant: boolean): ComparisonResult => ({
  diff, se: 1, ci95: null, ci95Method: 'adjusted_wald', pValue: significant ? 0.01 : 0.5, test: 'adjusted_wald_z', significant, definition: 'nps.v1.diff',
});

describe('compare panel helpers', () => {
  it('asks for "my location vs the company" with b=company, and for segments only once both have a value', () => {
    expect(compareParams({ mode: 'company' })).toEqual({ b: 'company' });
    expect(compareParams({ mode: 'segments', aDim: 'tier:', bDim: 'tier:basic' })).toBeNull();
  });

  it('says increase/decrease only for periods, higher/lower for locations, segments and the company', () => {
    expect(en(verdictKey('periods', change(5, true)))).toBe('significant increase');
    expect(en(verdictKey('periods', change(-5, true)))).toBe('significant decrease');
    for (const mode of ['locations', 'segments', 'company'] as const) {
      expect(en(verdictKey(mode, change(5, true)))).toBe('A is significantly higher than B');
      expect(en(verdictKey(mode, change(-5, true)))).toBe('A is significantly lower than B');
      expect(en(verdictKey(mode, change(5, false)))).toBe('no significant difference');
    }
    expect(en(verdictKey('periods', change(null, false)))).toBe('no significant change');
  });

  it('names each kind of side', () => {
    const north = { id: 'n', name: 'North' };
    const store = { id: 's', name: 'Store A' };
    expect(sideName(side({ kind: 'location', location: store }), en)).toBe('Store A');
    expect(visible(sideName(side({ kind: 'rest_of_location', location: north, without: store }), en))).toBe('Rest of North (without Store A)');
    expect(sideName(side({ kind: 'rest_of_company' }), en)).toBe('Rest of the company');
    expect(sideName(side({ kind: 'scope' }), en)).toBe('Your locations');
    expect(sideName(side({ kind: 'scope', location: store }), en)).toBe('Store A');
    expect(sideName(side({ kind: 'all' }), en)).toBe('All locations');
    expect(visible(sideName(side({ kind: 'rest_of_location', location: north, without: store }), (k, v) => translate('ru', k, v)))).toBe('Остальные точки North (без Store A)');
  });

  it('describes the period and the segments of a side', () => {
    const day = (d: string) => d;
    expect(sidePeriod(side({ from: '2026-01-01', to: '2026-01-31' }), en, day)).toBe('2026-01-01 – 2026-01-31');
    expect(sidePeriod(side({ from: '2026-01-01' }), en, day)).toBe('from 2026-01-01');
    expect(sidePeriod(side({}), en, day)).toBe('all time');
    expect(sideSegments(side({ segments: [{ key: 'segment', value: 'gold' }, { key: 'customer_type', value: 'first_time' }] }))).toBe('Segment: gold · Customer type: first_time');
  });
});
