/** Post-support CES: how easy it was to get an issue handled (METRICS.md ces.v1, 1..7 agree scale). */
import type { SurveyTemplate } from '../templates.ts';
import { choiceQuestion, ends, t, TEMPLATE_LANGUAGES, whyQuestion } from './build.ts';

export const cesPostSupport: SurveyTemplate = {
  key: 'ces_post_support',
  name: t('Post-support CES', 'CES после обращения в поддержку', 'CES پس از تماس با پشتیبانی'),
  description: t(
    'Customer Effort Score on the 1-7 agreement scale, whether the issue was resolved, and satisfaction with the specialist.',
    'Индекс усилий клиента (CES) по шкале согласия 1–7, решён ли вопрос и удовлетворённость работой специалиста.',
    'شاخص تلاش مشتری (CES) در مقیاس موافقت ۱ تا ۷، اینکه آیا مشکل حل شد، و رضایت از کارشناس پشتیبانی.',
  ),
  survey: {
    name: 'Post-support CES',
    title: t('How was your experience with our support?', 'Как прошло ваше обращение в поддержку?', 'تجربهٔ شما از پشتیبانی ما چطور بود؟'),
    intro: t(
      'You recently contacted our support team. Please tell us how it went.',
      'Недавно вы обращались в нашу службу поддержки. Расскажите, как всё прошло.',
      'شما به‌تازگی با تیم پشتیبانی ما تماس گرفتید. لطفاً بگویید چطور پیش رفت.',
    ),
    thanks: t('Thank you for helping us improve our support!', 'Спасибо, что помогаете нам улучшать поддержку!', 'سپاس که به ما در بهبود پشتیبانی کمک می‌کنید!'),
    languages: TEMPLATE_LANGUAGES,
    defaultLanguage: 'en',
    template: 'ces_post_support',
    questions: [
      {
        key: 'effort',
        type: 'rating',
        metric: 'ces',
        required: true,
        text: t(
          'To what extent do you agree: the company made it easy for me to handle my issue.',
          'Насколько вы согласны с утверждением: компания позволила мне легко решить мой вопрос.',
          'چقدر با این جمله موافقید: شرکت حل مشکل مرا برایم آسان کرد.',
        ),
        scale: {
          min: 1,
          max: 7,
          style: 'numbers',
          labels: ends(t('Strongly disagree', 'Полностью не согласен', 'کاملاً مخالفم'), t('Strongly agree', 'Полностью согласен', 'کاملاً موافقم')),
        },
        direction: 'higher_is_easier',
        boxMin: 5,
      },
      choiceQuestion('resolved', 'single', t('Was your issue resolved?', 'Решён ли ваш вопрос?', 'آیا مشکل شما حل شد؟'), [
        ['yes', t('Yes', 'Да', 'بله')],
        ['partly', t('Partly', 'Частично', 'تا حدی')],
        ['no', t('No', 'Нет', 'خیر')],
      ]),
      whyQuestion(
        'effort_why',
        'effort',
        t('What is the main reason for your answer?', 'Какова главная причина вашего ответа?', 'دلیل اصلی پاسخ شما چیست؟'),
        {
          detractor: t('What made it difficult?', 'Что вызвало трудности?', 'چه چیزی کار را دشوار کرد؟'),
          passive: t('What would have made it easier?', 'Что сделало бы это проще?', 'چه چیزی می‌توانست کار را آسان‌تر کند؟'),
          promoter: t('What helped you most?', 'Что помогло вам больше всего?', 'چه چیزی بیشتر از همه به شما کمک کرد؟'),
        },
      ),
      {
        key: 'agent_csat',
        type: 'rating',
        metric: 'csat',
        required: false,
        text: t(
          'How satisfied are you with the support specialist who helped you?',
          'Насколько вы довольны работой специалиста, который вам помогал?',
          'چقدر از کارشناس پشتیبانی که به شما کمک کرد راضی هستید؟',
        ),
        scale: {
          min: 1,
          max: 5,
          style: 'stars',
          labels: ends(t('Very dissatisfied', 'Совсем не доволен', 'بسیار ناراضی'), t('Very satisfied', 'Очень доволен', 'بسیار راضی')),
        },
        boxMin: 4,
      },
    ],
  },
};
