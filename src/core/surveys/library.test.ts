import { describe, expect, it } from 'vitest';
import { QuestionInputSchema } from './definition.ts';
import { toLibraryQuestion } from './library.ts';
import { fromLibrary } from './libraryEntry.ts';

const input = (q: object) => QuestionInputSchema.parse(q);

describe('toLibraryQuestion', () => {
  it('keeps key, metric, texts and scale, and drops what belongs to one survey', () => {
    const out = toLibraryQuestion(input({
      id: 'e2a3', key: 'sat', type: 'rating', metric: 'csat', required: true, scale: { min: 1, max: 5 },
      text: { en: 'Satisfied?', ru: 'Довольны?', fa: 'راضی هستید؟' }, showIf: { question: 'nps', op: 'gte', value: 9 }, archivedInVersion: null,
    }));
    expect(out).toEqual({
      question: {
        key: 'sat', type: 'rating', metric: 'csat', required: true, text: { en: 'Satisfied?', ru: 'Довольны?', fa: 'راضی هستید؟' },
        // csat.v1 on five points: the top two boxes (4, 5).
        scale: { min: 1, max: 5, style: 'numbers', labels: {} }, boxMin: 4,
      },
    });
  });

  it('refuses a "why?" follow-up, a question without text and one that breaks a question rule', () => {
    const why = toLibraryQuestion(input({ key: 'why', type: 'text', text: { en: 'Why?' }, followsQuestionKey: 'nps' }));
    expect(why).toMatchObject({ issue: { path: ['followsQuestionKey'] } });
    expect(toLibraryQuestion(input({ key: 'empty', type: 'text', text: { en: '  ' } }))).toMatchObject({ issue: { path: ['text'] } });
    expect(toLibraryQuestion(input({ key: 'r', type: 'rating', metric: 'nps', scale: { min: 1, max: 5 }, text: { en: 'R' } })))
      .toEqual({ issue: { path: ['metric'], message: 'the nps metric needs an NPS (0..10) question' } });
  });
});

describe('fromLibrary', () => {
  const saved = { key: 'nps', type: 'nps' as const, metric: 'nps' as const, required: true, text: { en: 'Recommend us?' }, scale: { min: 0, max: 10, style: 'numbers' as const } };

  it('adds the question with its key and metric', () => {
    expect(fromLibrary(saved, ['visit'])).toEqual({ ...saved, showIf: null });
  });

  it('refuses a key the survey already has', () => {
    expect(fromLibrary(saved, ['visit', 'nps'])).toBe('key_taken');
  });

  it('gives a copy: editing it in the builder does not change the entry', () => {
    const q = fromLibrary(saved, []);
    if (q === 'key_taken') throw new Error('unexpected');
    q.text.en = 'Changed';
    expect(saved.text.en).toBe('Recommend us?');
  });
});
