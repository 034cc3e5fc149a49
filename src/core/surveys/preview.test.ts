import { describe, expect, it } from 'vitest';
import { SurveyInputSchema } from './definition.ts';
import { draftSurvey, previewLanguage, PREVIEW_SLUG } from './preview.ts';

const input = SurveyInputSchema.parse({
  name: 'Draft',
  title: { en: 'How was it?', fa: 'چطور بود؟' },
  languages: ['en', 'fa'],
  defaultLanguage: 'en',
  questions: [
    { key: 'nps', type: 'nps', text: { en: 'Recommend us?' }, required: true },
    { key: 'old', type: 'text', text: { en: 'Gone' }, archivedInVersion: 2 },
    { key: 'sat', type: 'rating', metric: 'csat', scale: { min: 1, max: 5 }, text: { en: 'Satisfied?' } },
  ],
});

describe('draftSurvey', () => {
  it('leaves archived questions out and normalizes the others as a save would', () => {
    const s = draftSurvey(input);
    expect(s.questions.map((q) => q.key)).toEqual(['nps', 'sat']);
    expect(s.questions[0].scale).toEqual({ min: 0, max: 10, style: 'numbers', labels: {} });
    // METRICS.md csat.v1: a 5-point scale counts the top two boxes, 4 and 5.
    expect(s.questions[1].boxMin).toBe(4);
    expect(s).toMatchObject({ status: 'draft', slug: PREVIEW_SLUG, audience: 'customers', languages: ['en', 'fa'] });
  });

  it('keeps the draft slug when it has one', () => {
    expect(draftSurvey({ ...input, slug: 'my-survey' }).slug).toBe('my-survey');
  });
});

describe('previewLanguage', () => {
  it('takes an offered language and falls back to the default otherwise', () => {
    expect(previewLanguage(input, 'fa')).toBe('fa');
    expect(previewLanguage(input, 'ru')).toBe('en');
    expect(previewLanguage(input, undefined)).toBe('en');
  });
});
