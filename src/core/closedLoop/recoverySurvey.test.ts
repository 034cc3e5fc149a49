import { describe, expect, it } from 'vitest';
import { SurveyInputSchema } from '../surveys/definition.ts';
import { RECOVERY_NPS_KEY, recoverySurveyInput } from './recoverySurvey.ts';

describe('the recovery survey', () => {
  it('is a valid survey with a yes/no question and an NPS question, in en, ru and fa', () => {
    const input = recoverySurveyInput();
    const parsed = SurveyInputSchema.safeParse(input);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(input.questions.map((q) => [q.key, q.type, q.metric])).toEqual([['solved', 'single', 'none'], [RECOVERY_NPS_KEY, 'nps', 'nps']]);
    for (const q of input.questions) expect(Object.keys(q.text).sort()).toEqual(['en', 'fa', 'ru']);
    expect(input.questions[0].options!.map((o) => o.value)).toEqual(['yes', 'no']);
  });

  it('each call gives a fresh copy', () => {
    const a = recoverySurveyInput();
    a.questions.pop();
    expect(recoverySurveyInput().questions).toHaveLength(2);
  });
});
