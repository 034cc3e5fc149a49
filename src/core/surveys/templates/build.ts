/** Small builders that keep the template files readable: every text is given in en, ru and fa. */
import type { LocalizedText, ScoreGroup } from '../types.ts';
import type { QuestionInput } from '../definition.ts';
import { LANGUAGES } from '../../i18n/languages.ts';

/** A text in the three interface languages, in the order English, Russian, Persian. */
export const t = (en: string, ru: string, fa: string): Record<string, string> => ({ en, ru, fa });

/** Templates are written in every interface language. */
export const TEMPLATE_LANGUAGES: string[] = [...LANGUAGES];

/** Labels for the ends of a scale. */
export const ends = (min: LocalizedText, max: LocalizedText) => ({ min: min as Record<string, string>, max: max as Record<string, string> });

export const NPS_ENDS = ends(
  t('Not at all likely', 'Совсем маловероятно', 'اصلاً احتمال ندارد'),
  t('Extremely likely', 'Очень вероятно', 'کاملاً محتمل است'),
);

/** An NPS (0..10) question feeding the nps metric. */
export function npsQuestion(key: string, text: Record<string, string>): QuestionInput {
  return { key, type: 'nps', metric: 'nps', required: true, text, scale: { min: 0, max: 10, style: 'numbers', labels: NPS_ENDS } };
}

/** A "why?" follow-up: an open question whose wording depends on the score group of `follows`. */
export function whyQuestion(
  key: string,
  follows: string,
  fallback: Record<string, string>,
  texts: Record<ScoreGroup, Record<string, string>>,
): QuestionInput {
  return { key, type: 'text', metric: 'none', required: false, text: fallback, followsQuestionKey: follows, whyTexts: texts };
}

/** A single- or multiple-choice question; options are [value, label] pairs. */
export function choiceQuestion(
  key: string,
  type: 'single' | 'multi',
  text: Record<string, string>,
  options: Array<[string, Record<string, string>]>,
  extra: Partial<QuestionInput> = {},
): QuestionInput {
  return { key, type, metric: 'none', required: false, text, options: options.map(([value, label]) => ({ value, label })), ...extra };
}
