/**
 * @module The follow-up survey sent when a case is resolved with "ask the customer" (docs/closed-loop.md
 * "Recovery"): "Was your problem solved?" (yes / no) and the NPS question again, in en, ru and fa. Each
 * organisation gets its own copy, made on first need (template `case_recovery`); it is not one of the
 * builder's templates.
 */
import type { SurveyInput } from '../surveys/definition.ts';
import { choiceQuestion, npsQuestion, t, TEMPLATE_LANGUAGES } from '../surveys/templates/build.ts';

export const RECOVERY_TEMPLATE = 'case_recovery';
/** The question whose 0..10 answer is the case's recovery score. */
export const RECOVERY_NPS_KEY = 'recommend_now';

export function recoverySurveyInput(): SurveyInput {
  return {
    name: 'Was your problem solved?',
    title: t('Was your problem solved?', 'Ваша проблема решена?', 'آیا مشکل شما حل شد؟'),
    intro: t(
      'We recently worked on your request. Two quick questions, please.',
      'Недавно мы занимались вашим обращением. Пожалуйста, ответьте на два коротких вопроса.',
      'اخیراً به درخواست شما رسیدگی کردیم. لطفاً به دو پرسش کوتاه پاسخ دهید.',
    ),
    thanks: t('Thank you for letting us know!', 'Спасибо, что ответили!', 'از اینکه به ما خبر دادید سپاسگزاریم!'),
    languages: [...TEMPLATE_LANGUAGES],
    defaultLanguage: 'en',
    template: RECOVERY_TEMPLATE,
    questions: [
      choiceQuestion(
        'solved',
        'single',
        t('Was your problem solved?', 'Ваша проблема решена?', 'آیا مشکل شما حل شد؟'),
        [
          ['yes', t('Yes', 'Да', 'بله')],
          ['no', t('No', 'Нет', 'خیر')],
        ],
        { required: true },
      ),
      npsQuestion(
        RECOVERY_NPS_KEY,
        t(
          'How likely are you to recommend us to a friend or colleague now?',
          'Насколько вероятно теперь, что вы порекомендуете нас другу или коллеге?',
          'اکنون چقدر احتمال دارد ما را به یک دوست یا همکار توصیه کنید؟',
        ),
      ),
    ],
  };
}
