import { describe, expect, it } from 'vitest';
import type { SurveyDef } from '../../src/core/surveys/types.ts';
import { builderReducer, errorField, errorTargets, initialState, isLong, toSurveyInput, validateSurvey, type BuilderAction, type BuilderState } from '../../src/web/admin/builder/state.ts';
import { defaultBoxMin, newQuestion, uniqueKey } from '../../src/web/admin/builder/defaults.ts';

function draft(over: Partial<SurveyDef> = {}): SurveyDef {
  return {
    id: 's1', slug: 'shop-nps', name: 'Shop', title: { en: 'Tell us' }, intro: {}, thanks: {}, languages: ['en', 'fa'],
    defaultLanguage: 'en', status: 'draft', template: null, version: 1, questions: [], ...over,
  };
}
const run = (s: BuilderState, ...actions: BuilderAction[]) => actions.reduce(builderReducer, s);

describe('builder reducer', () => {
  it('sets availability fields (schedule, link, limit, quotas, groups) and marks the survey dirty; they travel in the PUT body', () => {
    const s = run(initialState(draft()),
      { type: 'setAvailability', patch: { opensAt: '2026-03-29T05:30:00.000Z', closedRedirectSlug: 'next-one' } },
      { type: 'setAvailability', patch: { responseLimit: 300, randomGroups: [['a', 'b']] } });
    expect(s.dirty).toBe(true);
    expect(toSurveyInput(s.survey)).toMatchObject({ opensAt: '2026-03-29T05:30:00.000Z', closedRedirectSlug: 'next-one', responseLimit: 300, randomGroups: [['a', 'b']] });
    expect(run(s, { type: 'setAvailability', patch: { opensAt: null } }).survey.opensAt).toBeNull();
  });

  it('adds questions with unique keys and defaults in the survey languages', () => {
    const s = run(initialState(draft()), { type: 'addQuestion', kind: 'nps' }, { type: 'addQuestion', kind: 'rating' }, { type: 'addQuestion', kind: 'rating' });
    expect(s.survey.questions.map((q) => q.key)).toEqual(['nps', 'rating', 'rating_2']);
    expect(s.survey.questions[0].scale).toMatchObject({ min: 0, max: 10 });
    expect(Object.keys(s.survey.questions[0].scale!.labels!.min!)).toEqual(['en', 'fa']);
    expect(new Set(s.uids).size).toBe(3);
    expect(s.dirty).toBe(true);
  });

  it('binds a "why?" follow-up to the latest score question with three wordings', () => {
    const s = run(initialState(draft()), { type: 'addQuestion', kind: 'nps' }, { type: 'addQuestion', kind: 'text' }, { type: 'addQuestion', kind: 'why' });
    const why = s.survey.questions[2];
    expect(why.type).toBe('text');
    expect(why.followsQuestionKey).toBe('nps');
    expect(Object.keys(why.whyTexts ?? {}).sort()).toEqual(['detractor', 'passive', 'promoter']);
    expect(why.whyTexts?.detractor?.fa).toBeTruthy();
  });

  it('moves questions with their identities and ignores moves past the ends', () => {
    const s0 = run(initialState(draft()), { type: 'addQuestion', kind: 'nps' }, { type: 'addQuestion', kind: 'text' });
    const s1 = run(s0, { type: 'moveQuestion', index: 1, delta: -1 });
    expect(s1.survey.questions.map((q) => q.key)).toEqual(['text', 'nps']);
    expect(s1.uids).toEqual([s0.uids[1], s0.uids[0]]);
    expect(run(s1, { type: 'moveQuestion', index: 0, delta: -1 })).toBe(s1);
  });

  it('renaming a key follows references inside groups and jumps; deleting drops them (and jumps to it)', () => {
    let s = run(initialState(draft()), { type: 'addQuestion', kind: 'nps' }, { type: 'addQuestion', kind: 'text' }, { type: 'addQuestion', kind: 'text' });
    s = run(s,
      { type: 'updateQuestion', index: 0, patch: { jumps: [{ when: { any: [{ question: 'nps', op: 'gte', value: 9 }, { channel: true, op: 'eq', value: 'sms' }] }, to: 'text_2' }] } },
      { type: 'updateQuestion', index: 2, patch: { showIf: { all: [{ question: 'nps', op: 'lte', value: 6 }, { question: 'text', op: 'answered' }] } } },
      { type: 'renameKey', index: 0, key: 'score' },
      { type: 'renameKey', index: 2, key: 'last' });
    expect(s.survey.questions[0].jumps).toEqual([{ when: { any: [{ question: 'score', op: 'gte', value: 9 }, { channel: true, op: 'eq', value: 'sms' }] }, to: 'last' }]);
    expect(s.survey.questions[2].showIf).toEqual({ all: [{ question: 'score', op: 'lte', value: 6 }, { question: 'text', op: 'answered' }] });
    s = run(s, { type: 'removeQuestion', index: 1 });
    expect(s.survey.questions[1].showIf).toEqual({ all: [{ question: 'score', op: 'lte', value: 6 }] });
    s = run(s, { type: 'removeQuestion', index: 1 });
    expect(s.survey.questions[0].jumps).toEqual([]);
  });

  it('flags a jump that does not go forward and conditions on later questions', () => {
    let s = run(initialState(draft()), { type: 'addQuestion', kind: 'nps' }, { type: 'addQuestion', kind: 'text' });
    s = run(s,
      { type: 'updateQuestion', index: 1, patch: { text: { en: 'More?' }, jumps: [{ to: 'nps' }, { to: '@end', when: { question: 'text', op: 'answered' } }] } },
      { type: 'updateQuestion', index: 0, patch: { showIf: { any: [{ question: 'text', op: 'answered' }] } } });
    const fields = validateSurvey(s.survey).map((i) => `${i.field}:${i.code}`);
    expect(fields).toContain('questions.1.jumps.0.to:jump_forward');
    expect(fields).toContain('questions.0.showIf:show_if_order');
    expect(fields.filter((f) => f.startsWith('questions.1.jumps.1'))).toEqual([]);
  });

  it('renaming a key follows show-if and follow-up references; deleting clears them', () => {
    let s = run(initialState(draft()), { type: 'addQuestion', kind: 'nps' }, { type: 'addQuestion', kind: 'why' }, { type: 'addQuestion', kind: 'text' });
    s = run(s, { type: 'updateQuestion', index: 2, patch: { showIf: { question: 'nps', op: 'lte', value: 6 } } }, { type: 'renameKey', index: 0, key: 'Recommend' });
    expect(s.survey.questions[0].key).toBe('recommend');
    expect(s.survey.questions[1].followsQuestionKey).toBe('recommend');
    expect(s.survey.questions[2].showIf).toEqual({ question: 'recommend', op: 'lte', value: 6 });
    s = run(s, { type: 'removeQuestion', index: 0 });
    expect(s.survey.questions).toHaveLength(2);
    expect(s.survey.questions[1].showIf).toBeNull();
  });

  it('on a live survey keeps type and scale of existing questions and archives instead of deleting', () => {
    const q = { ...newQuestion('rating', ['en'], []), id: 'q1', text: { en: 'How was it?' } };
    let s = initialState(draft({ status: 'live', version: 3, questions: [q] }));
    s = run(s, { type: 'updateQuestion', index: 0, patch: { type: 'text', scale: { min: 1, max: 10, style: 'stars', labels: { min: { en: 'Bad' } } }, required: true } });
    expect(s.survey.questions[0]).toMatchObject({ type: 'rating', required: true, scale: { min: 1, max: 5, style: 'numbers' } });
    expect(s.survey.questions[0].scale?.labels?.min?.en).toBe('Bad');
    s = run(s, { type: 'removeQuestion', index: 0 });
    expect(s.survey.questions[0].archivedInVersion).toBe(3);
    expect(isLong(s.survey)).toBe(false);
    s = run(s, { type: 'restoreQuestion', index: 0 });
    expect(s.survey.questions[0].archivedInVersion).toBeNull();
    expect(run(s, { type: 'renameKey', index: 0, key: 'other' })).toBe(s);
  });

  it('never switches off the default language and keeps the active tab valid', () => {
    let s = initialState(draft());
    expect(run(s, { type: 'toggleLanguage', lang: 'en' })).toBe(s);
    s = run(s, { type: 'setActiveLang', lang: 'fa' }, { type: 'toggleLanguage', lang: 'fa' });
    expect(s.survey.languages).toEqual(['en']);
    expect(s.activeLang).toBe('en');
  });

  it('sets whether unfinished responses count, and sends it with the survey', () => {
    const s = run(initialState(draft()), { type: 'setCountPartial', value: true });
    expect(s.dirty).toBe(true);
    expect(toSurveyInput(s.survey).countPartial).toBe(true);
    expect(run(s, { type: 'setCountPartial', value: false }).survey.countPartial).toBe(false);
  });

  it('warns past seven active questions', () => {
    const s = run(initialState(draft()), ...Array.from({ length: 8 }, () => ({ type: 'addQuestion', kind: 'text' }) as BuilderAction));
    expect(isLong(s.survey)).toBe(true);
    expect(isLong(run(s, { type: 'removeQuestion', index: 0 }).survey)).toBe(false);
  });
});

describe('builder checks and server errors', () => {
  it('finds missing texts, bad keys and show-if pointing forward', () => {
    let s = run(initialState(draft()), { type: 'addQuestion', kind: 'text' }, { type: 'addQuestion', kind: 'single' });
    s = run(s, { type: 'updateQuestion', index: 0, patch: { showIf: { question: 'single', op: 'answered' } } }, { type: 'setMeta', field: 'slug', value: 'Bad Slug' });
    const fields = validateSurvey(s.survey).map((i) => `${i.field}:${i.code}`);
    expect(fields).toContain('slug:key_format');
    expect(fields).toContain('questions.0.text:required');
    expect(fields).toContain('questions.0.showIf:show_if_order');
    expect(fields).not.toContain('questions.1.options:no_options');
  });

  it('sends a SurveyInput without id, status and version', () => {
    const input = toSurveyInput(draft());
    expect(input).not.toHaveProperty('id');
    expect(input).not.toHaveProperty('status');
    expect(input).not.toHaveProperty('version');
    expect(input.slug).toBe('shop-nps');
  });

  it('reads the field from details or from a "field: message" prefix', () => {
    expect(errorField('questions.2.scale.max: must be between 3 and 10')).toBe('questions.2.scale.max');
    expect(errorField('slug: already taken')).toBe('slug');
    expect(errorField('Something failed')).toBeNull();
    expect(errorField('x', { field: 'questions[1].text' })).toBe('questions.1.text');
    expect(errorField('type cannot change', { question: 'speed', field: 'type' }, ['nps', 'speed'])).toBe('questions.1.type');
    expect(errorTargets('questions.1.text.en', 'questions.1.text')).toBe(true);
    expect(errorTargets('questions.10.text', 'questions.1')).toBe(false);
  });

  it('defaults: unique keys and CSAT boxes per METRICS.md', () => {
    expect(uniqueKey('Why?', ['why'])).toBe('why_2');
    expect(defaultBoxMin(1, 5, 'csat')).toBe(4);
    expect(defaultBoxMin(1, 3, 'csat')).toBe(3);
    expect(defaultBoxMin(1, 7, 'csat')).toBe(6);
    expect(defaultBoxMin(1, 10, 'csat')).toBe(8);
    expect(defaultBoxMin(1, 7, 'ces')).toBe(5);
    expect(defaultBoxMin(1, 5, 'none')).toBeUndefined();
  });
});
