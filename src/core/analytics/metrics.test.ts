import { describe, expect, it } from 'vitest';
import type { QuestionDef } from '../surveys/types.ts';
import { changeForQuestion, distributionOf, histogramOf, isNpsQuestion, isScored, mainQuestion, metricForQuestion, scoredQuestion } from './metrics.ts';

const question = (key: string, type: QuestionDef['type'], metric: QuestionDef['metric'], extra: Partial<QuestionDef> = {}): QuestionDef => ({
  id: `id-${key}`, key, type, metric, required: false, text: { en: key }, ...extra,
});
const nps = question('nps', 'nps', 'nps');
const npsUnmeasured = question('nps_plain', 'nps', 'none');
const csat = question('csat', 'rating', 'csat', { scale: { min: 1, max: 5, style: 'numbers' }, boxMin: 4 });
const ces = question('ces', 'rating', 'ces', { scale: { min: 1, max: 7, style: 'numbers' }, boxMin: 5 });
const rating = question('stars', 'rating', 'none', { scale: { min: 1, max: 5, style: 'stars' } });
const text = question('why', 'text', 'none');
const single = question('visit', 'single', 'none');

describe('which questions are scored and which are NPS', () => {
  it('scores NPS and rating questions only', () => {
    expect([nps, csat, rating, text, single].map(isScored)).toEqual([true, true, true, false, false]);
  });

  it('measures an NPS question by nps.v1 whatever its metric says', () => {
    expect([nps, npsUnmeasured, csat, ces, rating, text].map(isNpsQuestion)).toEqual([true, true, false, false, false, false]);
  });
});

describe('histogramOf', () => {
  it('adds the rows of each score and drops unanswered rows and empty or negative counts', () => {
    const rows = [{ score: 9, n: 2 }, { score: 9, n: 3 }, { score: 4, n: 1 }, { score: null, n: 7 }, { score: 2, n: 0 }, { score: 3, n: -1 }];
    expect(histogramOf(rows)).toEqual({ 9: 5, 4: 1 });
  });
});

describe('metricForQuestion', () => {
  it('NPS: 1 detractor, 1 passive, 2 promoters of 4 is 25', () => {
    const r = metricForQuestion(nps, { 3: 1, 7: 1, 10: 2 })!;
    expect(r).toMatchObject({ metric: 'nps', n: 4 });
    expect(r.value).toBeCloseTo(25, 12); // 100 * (2 - 1) / 4
  });

  it('an NPS question with metric none still gets nps.v1', () => {
    expect(metricForQuestion(npsUnmeasured, { 10: 1 })?.metric).toBe('nps');
  });

  it('CSAT: the stored box counts as satisfied (3 of 5 at 4 or 5 is 60 %)', () => {
    const r = metricForQuestion(csat, { 2: 1, 3: 1, 4: 2, 5: 1 })!;
    expect(r).toMatchObject({ metric: 'csat', n: 5, value: 60 });
    expect(r.details).toMatchObject({ box: 4, satisfied: 3 });
  });

  it('CES: the mean on its 1..7 scale (2, 6, 7 give 5)', () => {
    const r = metricForQuestion(ces, { 2: 1, 6: 1, 7: 1 })!;
    expect(r).toMatchObject({ metric: 'ces', n: 3 });
    expect(r.value).toBeCloseTo(5, 12);
  });

  it('another rating: the mean with its interval kept inside the 1..5 scale', () => {
    const r = metricForQuestion(rating, { 1: 1, 5: 1 })!;
    expect(r).toMatchObject({ metric: 'mean', n: 2, value: 3 });
    // sd = sqrt(8), se = 2, t(1) = 12.706: the raw interval is far outside 1..5.
    expect(r.ci95).toEqual([1, 5]);
  });

  it('nothing for unscored questions', () => {
    expect(metricForQuestion(text, {})).toBeNull();
    expect(metricForQuestion(single, {})).toBeNull();
  });
});

describe('changeForQuestion', () => {
  it('uses the test of the metric: adjusted Wald for NPS, proportions for CSAT, Welch for means', () => {
    const big = { 0: 20, 10: 20 };
    expect(changeForQuestion(nps, metricForQuestion(nps, big)!, metricForQuestion(nps, big)!).test).toBe('adjusted_wald_z');
    const sat = { 1: 20, 5: 20 };
    expect(changeForQuestion(csat, metricForQuestion(csat, sat)!, metricForQuestion(csat, sat)!).test).toMatch(/two_proportion_z|fisher_exact/);
    expect(changeForQuestion(rating, metricForQuestion(rating, sat)!, metricForQuestion(rating, sat)!).test).toBe('welch_t');
    expect(changeForQuestion(ces, metricForQuestion(ces, sat)!, metricForQuestion(ces, sat)!).test).toBe('welch_t');
  });
});

describe('distributionOf', () => {
  it('lists every scale value with zeros, 0..10 for NPS', () => {
    expect(distributionOf(rating, { 2: 3, 5: 1 })).toEqual([{ score: 1, n: 0 }, { score: 2, n: 3 }, { score: 3, n: 0 }, { score: 4, n: 0 }, { score: 5, n: 1 }]);
    expect(distributionOf(nps, { 10: 4 }).map((d) => d.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(distributionOf(nps, { 10: 4 })[10]).toEqual({ score: 10, n: 4 });
    expect(distributionOf(text, {})).toEqual([]);
  });
});

describe('mainQuestion: the question a survey is judged by', () => {
  it('prefers NPS, then CSAT, then CES, then the first scored question, in survey order', () => {
    expect(mainQuestion([text, rating, ces, csat, nps])).toBe(nps);
    expect(mainQuestion([text, rating, ces, csat])).toBe(csat);
    expect(mainQuestion([rating, ces])).toBe(ces);
    expect(mainQuestion([text, rating, single])).toBe(rating);
    expect(mainQuestion([text, single])).toBeNull();
    expect(mainQuestion([])).toBeNull();
  });

  it('takes the first of two NPS questions, also one whose metric is none', () => {
    expect(mainQuestion([csat, npsUnmeasured, nps])).toBe(npsUnmeasured);
  });

  it('works on API views of questions (the dashboard summary) as on definitions', () => {
    const summary = [{ questionId: 'a', type: 'rating', metric: 'ces' }, { questionId: 'b', type: 'rating', metric: 'csat' }];
    expect(mainQuestion(summary)?.questionId).toBe('b');
  });

  it('scoredQuestion: the named scored question, else the main one; an unsaved or unscored one is not found', () => {
    const survey = { questions: [text, csat, question('draft', 'nps', 'nps', { id: undefined }), nps] };
    expect(scoredQuestion(survey, undefined)).toBe(nps);
    expect(scoredQuestion(survey, 'id-csat')).toBe(csat);
    expect(scoredQuestion(survey, 'id-why')).toBeNull();
    expect(scoredQuestion(survey, 'id-missing')).toBeNull();
  });
});
