import { describe, expect, it } from 'vitest';
import type { QuestionDef, SurveyDef } from '../../../core/surveys/types.ts';
import { builderReducer, initialState } from './state.ts';

const survey: SurveyDef = {
  id: 's1', slug: 'visit', name: 'Visit', title: { en: 'Visit' }, intro: {}, thanks: {}, languages: ['en'], defaultLanguage: 'en',
  status: 'live', template: null, version: 2,
  questions: [{ id: 'q1', key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Recommend?' }, scale: { min: 0, max: 10, style: 'numbers' } }],
};
const fromLibrary: QuestionDef = { key: 'sat', type: 'rating', metric: 'csat', required: false, text: { en: 'Satisfied?' }, scale: { min: 1, max: 5, style: 'numbers' }, boxMin: 4, showIf: null };

describe('appendQuestion (a question from the library)', () => {
  it('appends it as is, with a new client identity, and marks the survey changed', () => {
    const s = builderReducer(initialState(survey), { type: 'appendQuestion', question: fromLibrary });
    expect(s.survey.questions.map((q) => [q.key, q.metric])).toEqual([['nps', 'nps'], ['sat', 'csat']]);
    expect(s.survey.questions[1]).toBe(fromLibrary);
    expect(s.uids).toEqual([1, 2]);
    expect(s.dirty).toBe(true);
  });

  it('ignores a key the survey has already', () => {
    const start = initialState(survey);
    expect(builderReducer(start, { type: 'appendQuestion', question: { ...fromLibrary, key: 'nps' } })).toBe(start);
  });
});
