/**
 * Sensible starting content for new questions: respondent-facing wordings in the survey's languages.
 * Pure data and helpers, so the builder reducer stays testable without a browser.
 */
import { QUESTION_TYPES, type LocalizedText, type QuestionDef, type QuestionType, type ScoreGroup } from '../../../core/surveys/types.ts';
import { cesAgreeRange, surveyCsatBox } from '../../../core/stats/boxes.ts';

/** The kinds of question the builder can add; "why" is a text follow-up bound to a score question. */
export type AddableType = QuestionType | 'why';
export const ADDABLE_TYPES: readonly AddableType[] = [...QUESTION_TYPES, 'why'];

const NPS_LABELS = {
  min: { en: 'Not at all likely', ru: 'Точно не порекомендую', fa: 'اصلاً احتمال ندارد' },
  max: { en: 'Extremely likely', ru: 'Обязательно порекомендую', fa: 'کاملاً محتمل است' },
};
const RATING_LABELS = {
  min: { en: 'Very dissatisfied', ru: 'Совсем не доволен', fa: 'بسیار ناراضی' },
  max: { en: 'Very satisfied', ru: 'Очень доволен', fa: 'بسیار راضی' },
};
/** Score-dependent "why?" wordings: detractors are asked what went wrong, promoters what they liked. */
export const WHY_TEXTS: Record<ScoreGroup, Record<string, string>> = {
  detractor: { en: 'What disappointed you the most?', ru: 'Что вас больше всего разочаровало?', fa: 'چه چیزی بیش از همه شما را ناامید کرد؟' },
  passive: { en: 'What could we do better?', ru: 'Что нам стоит улучшить?', fa: 'چه کاری را می‌توانیم بهتر انجام دهیم؟' },
  promoter: { en: 'What did you like the most?', ru: 'Что вам понравилось больше всего?', fa: 'چه چیزی را بیش از همه پسندیدید؟' },
};
const OPTION_LABEL: Record<string, string> = { en: 'Option', ru: 'Вариант', fa: 'گزینه' };
const ROW_LABEL: Record<string, string> = { en: 'Row', ru: 'Строка', fa: 'ردیف' };
const numbered = (labels: Record<string, string>, languages: readonly string[], i: number) =>
  Object.fromEntries(languages.map((l) => [l, `${labels[l] ?? labels.en} ${i}`]));

/** Picks the given languages out of a full translation table. */
export function pick(texts: Record<string, string>, languages: readonly string[]): LocalizedText {
  const out: LocalizedText = {};
  for (const l of languages) if (texts[l]) out[l] = texts[l];
  return out;
}

/** Next free key like `rating_2` (keys are stable identifiers: [a-z0-9_]+). */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean = base.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'q';
  if (!used.has(clean)) return clean;
  for (let i = 2; ; i++) if (!used.has(`${clean}_${i}`)) return `${clean}_${i}`;
}

/** The CSAT box / CES agreement threshold METRICS.md prescribes for a scale. */
export function defaultBoxMin(min: number, max: number, metric: string): number | undefined {
  if (metric === 'ces') return cesAgreeRange(min, max, 'higher_is_easier').from;
  return metric === 'csat' ? surveyCsatBox(min, max) : undefined;
}

/** A new question of the given kind with defaults; `scoreKey` is the question a "why?" follows. */
export function newQuestion(type: AddableType, languages: readonly string[], taken: Iterable<string>, scoreKey?: string): QuestionDef {
  const key = uniqueKey(type === 'why' ? 'why' : type, taken);
  const base = { key, required: false, text: {} as LocalizedText, showIf: null };
  switch (type) {
    case 'nps':
      return { ...base, required: true, type: 'nps', metric: 'nps', scale: { min: 0, max: 10, style: 'numbers', labels: { min: pick(NPS_LABELS.min, languages), max: pick(NPS_LABELS.max, languages) } } };
    case 'rating':
      return { ...base, type: 'rating', metric: 'csat', boxMin: 4, scale: { min: 1, max: 5, style: 'numbers', labels: { min: pick(RATING_LABELS.min, languages), max: pick(RATING_LABELS.max, languages) } } };
    case 'single':
    case 'multi':
    case 'ranking':
      return { ...base, type, metric: 'none', options: [1, 2].map((i) => ({ value: `option_${i}`, label: numbered(OPTION_LABEL, languages, i) })) };
    case 'matrix':
      return {
        ...base, type: 'matrix', metric: 'csat', boxMin: 4,
        scale: { min: 1, max: 5, style: 'numbers', labels: { min: pick(RATING_LABELS.min, languages), max: pick(RATING_LABELS.max, languages) } },
        rows: [1, 2].map((i) => ({ key: `row_${i}`, label: numbered(ROW_LABEL, languages, i) })),
      };
    case 'number':
      return { ...base, type: 'number', metric: 'none', range: {} };
    case 'text':
    case 'yesno':
    case 'date':
    case 'email':
    case 'phone':
    case 'consent':
      return { ...base, type, metric: 'none' };
    case 'why':
      return {
        ...base,
        type: 'text',
        metric: 'none',
        followsQuestionKey: scoreKey,
        whyTexts: {
          detractor: pick(WHY_TEXTS.detractor, languages),
          passive: pick(WHY_TEXTS.passive, languages),
          promoter: pick(WHY_TEXTS.promoter, languages),
        },
        text: pick(WHY_TEXTS.passive, languages),
      };
  }
}
