import { describe, expect, it } from 'vitest';
import type { QuestionDef } from '../surveys/types.ts';
import { parseAnswers } from '../surveys/logic.ts';
import { KIOSK_PIN_RE, KIOSK_TOKEN_RE, KioskAnswerSchema, KioskSyncRequestSchema, answerTime, kioskQuestions, kioskSurvey, scoreSteps } from './kiosk.ts';

const nps: QuestionDef = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Recommend?' } };
const why: QuestionDef = { key: 'why', type: 'text', metric: 'none', required: true, text: { en: 'Why?' }, followsQuestionKey: 'nps' };
const stars: QuestionDef = { key: 'stars', type: 'rating', metric: 'csat', required: false, text: { en: 'Stars' }, scale: { min: 1, max: 5, style: 'stars' } };
const choice: QuestionDef = { key: 'pick', type: 'single', metric: 'none', required: true, text: { en: 'Pick' }, options: [{ value: 'a', label: { en: 'A' } }] };
const text = (key: string, extra: Partial<QuestionDef> = {}): QuestionDef => ({ key, type: 'text', metric: 'none', required: false, text: { en: key }, ...extra });

describe('kioskQuestions', () => {
  it('asks the first score question and the first text question after it', () => {
    expect(kioskQuestions({ questions: [nps, why, stars] })).toEqual({ score: nps, comment: why });
  });

  it('skips questions before the score question, archived ones, and text questions whose condition is on another question', () => {
    const archived = { ...nps, key: 'old', archivedInVersion: 2 };
    const onPick = text('about_pick', { showIf: { question: 'pick', op: 'answered' } });
    const onScore = text('low', { showIf: { question: 'stars', op: 'lte', value: 2 } });
    expect(kioskQuestions({ questions: [text('before'), choice, archived, stars, onPick, onScore, text('later')] })).toEqual({ score: stars, comment: onScore });
  });

  it('has no comment when no text question follows, and nothing without a score question', () => {
    expect(kioskQuestions({ questions: [text('before'), nps, choice] })).toEqual({ score: nps, comment: null });
    expect(kioskQuestions({ questions: [text('a'), choice] })).toBeNull();
    expect(kioskQuestions({ questions: [] })).toBeNull();
  });
});

describe('kioskSurvey', () => {
  it('keeps only the kiosk questions; the score required, the comment optional', () => {
    const survey = kioskSurvey({ questions: [choice, { ...nps, required: false }, why, stars] }, { score: { ...nps, required: false }, comment: why });
    expect(survey.questions.map((q) => [q.key, q.required])).toEqual([['nps', true], ['why', false]]);
    // The other required question (pick) is not asked, so a kiosk answer without it is valid.
    expect(parseAnswers(survey, { nps: 9 }, 'en')).toEqual({ answers: { nps: { score: 9 } }, errors: {}, end: null });
    expect(Object.keys(parseAnswers(survey, {}, 'en').errors)).toEqual(['nps']);
    expect(parseAnswers(survey, { nps: 3, why: 'Slow' }, 'en').answers).toEqual({ nps: { score: 3 }, why: { text: 'Slow' } });
  });
});

describe('scoreSteps', () => {
  it('gives NPS groups 0-6 / 7-8 / 9-10 and asks an unconditional comment after every score', () => {
    const steps = scoreSteps({ score: nps, comment: why });
    expect(steps.map((s) => s.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(steps.map((s) => s.group)).toEqual([
      'detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter',
    ]);
    expect(steps.every((s) => s.comment)).toBe(true);
  });

  it('asks a conditional comment only after the scores its condition accepts; none without a comment question', () => {
    const low = text('low', { showIf: { question: 'stars', op: 'lte', value: 2 } });
    const steps = scoreSteps({ score: stars, comment: low });
    // 1..5 stars: below the midpoint (3) unhappy, the CSAT box (top two: 4, 5) happy.
    expect(steps.map((s) => [s.score, s.group, s.comment])).toEqual([
      [1, 'detractor', true], [2, 'detractor', true], [3, 'passive', false], [4, 'promoter', false], [5, 'promoter', false],
    ]);
    expect(scoreSteps({ score: stars, comment: null }).some((s) => s.comment)).toBe(false);
  });
});

describe('answerTime', () => {
  const now = Date.UTC(2026, 10, 30, 12, 0, 0);
  it('keeps a plausible time of the tablet', () => {
    expect(answerTime(now - 3_600_000, now)).toEqual(new Date(now - 3_600_000));
    expect(answerTime(now - 29 * 86_400_000, now)).toEqual(new Date(now - 29 * 86_400_000));
  });
  it('rounds a clock up to 5 minutes ahead down to now, and stores anything else as now', () => {
    expect(answerTime(now + 4 * 60_000, now)).toEqual(new Date(now));
    expect(answerTime(now + 6 * 60_000, now)).toEqual(new Date(now));
    expect(answerTime(now - 31 * 86_400_000, now)).toEqual(new Date(now));
    expect(answerTime(Number.NaN, now)).toEqual(new Date(now));
  });
});

describe('request shapes', () => {
  it('accepts a well-formed answer and refuses each malformed field', () => {
    const ok = { k: 'kAbCdEfGhIjKlMnOpQ', lang: 'fa', score: 7, at: 1, comment: 'خوب' };
    expect(KioskAnswerSchema.safeParse(ok).success).toBe(true);
    for (const bad of [{ k: 'short' }, { k: 'has space in the key!!' }, { lang: 'FA' }, { lang: 'fas' }, { score: 1.5 }, { score: '7' }, { at: -1 }, { comment: 'x'.repeat(2001) }, { extra: 1 }]) {
      expect(KioskAnswerSchema.safeParse({ ...ok, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(KioskSyncRequestSchema.safeParse({ answers: [] }).success).toBe(false);
    expect(KioskSyncRequestSchema.safeParse({ answers: new Array(50).fill(ok) }).success).toBe(true);
    expect(KioskSyncRequestSchema.safeParse({ answers: new Array(51).fill(ok) }).success).toBe(false);
  });

  it('PINs are 4 to 8 digits; tokens 43 base64url characters', () => {
    expect(['1234', '12345678'].every((p) => KIOSK_PIN_RE.test(p))).toBe(true);
    expect(['123', '123456789', '12a4', '١٢٣٤', ' 1234'].some((p) => KIOSK_PIN_RE.test(p))).toBe(false);
    expect(KIOSK_TOKEN_RE.test('a'.repeat(43))).toBe(true);
    expect(KIOSK_TOKEN_RE.test('a'.repeat(42))).toBe(false);
    expect(KIOSK_TOKEN_RE.test(`${'a'.repeat(42)}/`)).toBe(false);
  });
});
