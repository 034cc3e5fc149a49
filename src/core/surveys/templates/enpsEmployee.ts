/** Employee NPS: would staff recommend the company as a place to work (scored as nps.v1). */
import type { SurveyTemplate } from '../templates.ts';
import { choiceQuestion, npsQuestion, t, TEMPLATE_LANGUAGES, whyQuestion } from './build.ts';

export const enpsEmployee: SurveyTemplate = {
  key: 'enps_employee',
  name: t('Employee eNPS', 'eNPS сотрудников', 'eNPS کارکنان'),
  description: t(
    'Anonymous employee Net Promoter Score with a score-dependent "why?" and the areas employees most want improved.',
    'Анонимный индекс лояльности сотрудников (eNPS) с вопросом «почему?», зависящим от оценки, и тем, что сотрудники хотят улучшить.',
    'شاخص خالص مروجان کارکنان (eNPS) به‌صورت ناشناس، با پرسش «چرا؟» متناسب با امتیاز و مواردی که کارکنان بیش از همه خواهان بهبود آن هستند.',
  ),
  survey: {
    name: 'Employee eNPS',
    title: t('Employee survey', 'Опрос сотрудников', 'نظرسنجی کارکنان'),
    intro: t(
      'Your answers are anonymous: we only look at results for groups of five or more people.',
      'Опрос анонимный: мы смотрим только на результаты групп от пяти человек.',
      'پاسخ‌های شما ناشناس می‌ماند: ما فقط نتایج گروه‌های پنج نفر یا بیشتر را بررسی می‌کنیم.',
    ),
    thanks: t('Thank you for your honest answers!', 'Спасибо за честные ответы!', 'از پاسخ‌های صادقانهٔ شما سپاسگزاریم!'),
    languages: TEMPLATE_LANGUAGES,
    defaultLanguage: 'en',
    template: 'enps_employee',
    audience: 'staff',
    questions: [
      npsQuestion(
        'recommend_employer',
        t(
          'How likely are you to recommend our company as a place to work to a friend?',
          'Насколько вероятно, что вы порекомендуете нашу компанию как место работы своим знакомым?',
          'چقدر احتمال دارد شرکت ما را به‌عنوان محل کار به دوستانتان توصیه کنید؟',
        ),
      ),
      whyQuestion(
        'recommend_employer_why',
        'recommend_employer',
        t('What is the main reason for your score?', 'Какова главная причина вашей оценки?', 'دلیل اصلی امتیاز شما چیست؟'),
        {
          detractor: t(
            'What would most need to change for you to recommend us?',
            'Что должно измениться в первую очередь, чтобы вы нас рекомендовали?',
            'چه چیزی باید تغییر کند تا ما را توصیه کنید؟',
          ),
          passive: t(
            'What would make working here better for you?',
            'Что сделало бы работу у нас лучше для вас?',
            'چه چیزی کار کردن در اینجا را برایتان بهتر می‌کند؟',
          ),
          promoter: t(
            'What do you value most about working here?',
            'Что вы больше всего цените в работе у нас?',
            'چه چیزی را در کار کردن اینجا بیش از همه ارزشمند می‌دانید؟',
          ),
        },
      ),
      choiceQuestion(
        'improve_areas',
        'multi',
        t(
          'Which of these would you most like us to improve?',
          'Что из этого нам стоит улучшить в первую очередь?',
          'به نظر شما کدام‌یک از این موارد باید زودتر بهبود یابد؟',
        ),
        [
          ['pay', t('Pay and benefits', 'Зарплата и льготы', 'حقوق و مزایا')],
          ['growth', t('Career growth', 'Карьерный рост', 'رشد شغلی')],
          ['management', t('Management', 'Руководство', 'مدیریت')],
          ['workload', t('Workload', 'Нагрузка', 'حجم کار')],
          ['team', t('Team atmosphere', 'Атмосфера в команде', 'فضای تیم')],
          ['conditions', t('Working conditions', 'Условия труда', 'شرایط کاری')],
        ],
      ),
    ],
  },
};
