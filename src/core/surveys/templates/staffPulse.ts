/**
 * Staff pulse: eNPS plus the staff's view of the customers (docs/staff.md): how a typical customer would
 * recommend us, how satisfied customers are, what they complain about most (starter theme ids) and the team.
 */
import type { SurveyTemplate } from '../templates.ts';
import { STARTER_THEMES } from '../../nlp/starterThemes.ts';
import { choiceQuestion, ends, npsQuestion, t, TEMPLATE_LANGUAGES } from './build.ts';

/** The retail starter themes: what staff of a shop most often hear customers complain about. */
const complaintOptions = STARTER_THEMES.filter((theme) => theme.industries.includes('retail')).map(
  (theme) => [theme.id, theme.names as Record<string, string>] as [string, Record<string, string>],
);

export const staffPulse: SurveyTemplate = {
  key: 'staff_pulse',
  name: t('Staff pulse', 'Пульс сотрудников', 'نبض کارکنان'),
  description: t(
    'Anonymous eNPS plus how employees think customers feel: their expected NPS, satisfaction and top complaints, by team.',
    'Анонимный eNPS и то, как сотрудники видят настроение клиентов: ожидаемые NPS, удовлетворённость и главные жалобы, по командам.',
    'eNPS ناشناس به‌همراه برداشت کارکنان از حال مشتریان: NPS و رضایت مورد انتظار و شکایت‌های اصلی، به تفکیک تیم.',
  ),
  survey: {
    name: 'Staff pulse',
    title: t('Staff pulse', 'Пульс сотрудников', 'نبض کارکنان'),
    intro: t(
      'Five short questions about work and about our customers. Your answers are anonymous.',
      'Пять коротких вопросов о работе и о наших клиентах. Ответы анонимны.',
      'پنج پرسش کوتاه دربارهٔ کار و مشتریان ما. پاسخ‌های شما ناشناس می‌ماند.',
    ),
    thanks: t('Thank you! We will share the results with the team.', 'Спасибо! Мы расскажем команде о результатах.', 'سپاسگزاریم! نتایج را با تیم در میان می‌گذاریم.'),
    languages: TEMPLATE_LANGUAGES,
    defaultLanguage: 'en',
    template: 'staff_pulse',
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
      {
        ...npsQuestion(
          'customer_recommend',
          t(
            'How likely would a typical customer recommend us to a friend?',
            'Насколько вероятно, что типичный клиент порекомендует нас знакомым?',
            'به نظر شما یک مشتری معمولی چقدر احتمال دارد ما را به دوستانش توصیه کند؟',
          ),
        ),
        metric: 'none',
        staffRole: 'expected_nps',
      },
      {
        key: 'customer_satisfaction',
        type: 'rating',
        metric: 'none',
        required: true,
        text: t('How satisfied are our customers?', 'Насколько довольны наши клиенты?', 'مشتریان ما چقدر راضی هستند؟'),
        scale: {
          min: 1,
          max: 5,
          style: 'numbers',
          labels: ends(t('Very dissatisfied', 'Совсем недовольны', 'بسیار ناراضی'), t('Very satisfied', 'Очень довольны', 'بسیار راضی')),
        },
        boxMin: 4,
        staffRole: 'expected_csat',
      },
      choiceQuestion(
        'customer_complaints',
        'multi',
        t(
          'What do customers complain about most?',
          'На что клиенты жалуются чаще всего?',
          'مشتریان بیشتر از چه چیزی شکایت دارند؟',
        ),
        complaintOptions,
        { staffRole: 'expected_complaints' },
      ),
      choiceQuestion(
        'team',
        'single',
        t('Which team do you work in?', 'В какой команде вы работаете?', 'در کدام تیم کار می‌کنید؟'),
        [
          ['sales_floor', t('Sales floor', 'Торговый зал', 'سالن فروش')],
          ['checkout', t('Checkout', 'Кассы', 'صندوق')],
          ['warehouse', t('Warehouse', 'Склад', 'انبار')],
          ['office', t('Office', 'Офис', 'دفتر')],
        ],
        { staffRole: 'team' },
      ),
    ],
  },
};
