/**
 * @module The four live customer demo surveys (NPS, CSAT, CES, CSI) and the staff pulse survey, in English,
 * Russian and Persian. Built here rather than from the template library so the demo does not depend on its wording.
 */
import { STARTER_THEMES } from '../nlp/starterThemes.ts';
import type { ChoiceOption, LocalizedText, QuestionDef, SurveyDef } from '../surveys/types.ts';

/** A survey as the demo inserts it: everything but the database ids. */
export type DemoSurvey = Omit<SurveyDef, 'id' | 'version'>;

const L = (en: string, ru: string, fa: string): LocalizedText => ({ en, ru, fa });
const opt = (value: string, en: string, ru: string, fa: string): ChoiceOption => ({ value, label: L(en, ru, fa) });
const LANGS = ['ru', 'en', 'fa'];

const rating = (key: string, text: LocalizedText, max: number, extra: Partial<QuestionDef> = {}): QuestionDef => ({
  key, type: 'rating', metric: 'csat', required: false, text,
  scale: { min: 1, max, style: max === 5 ? 'stars' : 'numbers' },
  boxMin: max === 5 ? 4 : max === 10 ? 8 : 5,
  ...extra,
});

const THANKS = L(
  'Thank you! Your answer goes straight to the store team.',
  'Спасибо! Ваш ответ сразу попадёт к команде магазина.',
  'سپاس‌گزاریم! پاسخ شما مستقیماً به تیم فروشگاه می‌رسد.',
);

const npsSurvey: DemoSurvey = {
  slug: 'demo-nps', name: 'Demo: NPS (relational)', status: 'live', template: 'nps_relational',
  languages: LANGS, defaultLanguage: 'ru',
  title: L('How are we doing?', 'Как мы работаем?', 'عملکرد ما چطور است؟'),
  intro: L('Two minutes, five questions. Thank you for helping us get better.',
    'Две минуты, пять вопросов. Спасибо, что помогаете нам стать лучше.',
    'دو دقیقه، پنج پرسش. از اینکه به ما کمک می‌کنید بهتر شویم سپاسگزاریم.'),
  thanks: THANKS,
  questions: [
    {
      key: 'nps', type: 'nps', metric: 'nps', required: true,
      text: L('How likely are you to recommend Sarafan Retail to a friend or colleague?',
        'Насколько вероятно, что вы порекомендуете Sarafan Retail друзьям или коллегам?',
        'چقدر احتمال دارد سرافان ریتیل را به دوست یا همکار خود پیشنهاد کنید؟'),
      scale: { min: 0, max: 10, style: 'numbers', labels: {
        min: L('Not at all likely', 'Точно нет', 'اصلاً'), max: L('Extremely likely', 'Обязательно', 'حتماً') } },
    },
    {
      key: 'why', type: 'text', metric: 'none', required: false,
      text: L('What is the main reason for your score?', 'Почему вы поставили такую оценку?', 'دلیل اصلی امتیاز شما چیست؟'),
      followsQuestionKey: 'nps',
      whyTexts: {
        detractor: L('We are sorry. What went wrong?', 'Нам очень жаль. Что пошло не так?', 'متأسفیم. چه چیزی درست پیش نرفت؟'),
        passive: L('What would make it a 10 for you?', 'Что нам сделать, чтобы вы поставили 10?', 'چه کار کنیم که امتیاز شما ۱۰ شود؟'),
        promoter: L('Great! What did you like the most?', 'Отлично! Что понравилось больше всего?', 'عالی! چه چیزی را بیشتر از همه پسندیدید؟'),
      },
    },
    rating('staff', L('How satisfied are you with the help of our staff?', 'Насколько вы довольны помощью сотрудников?',
      'از کمک کارکنان ما چقدر راضی هستید؟'), 5),
    rating('checkout', L('How satisfied are you with the speed at the checkout?', 'Насколько вы довольны скоростью обслуживания на кассе?',
      'از سرعت صندوق چقدر راضی هستید؟'), 5),
    {
      key: 'purchase', type: 'single', metric: 'none', required: false, randomizeOptions: true,
      text: L('What did you come for today?', 'За чем вы приходили сегодня?', 'امروز برای چه آمده بودید؟'),
      options: [
        opt('clothing', 'Clothing', 'Одежда', 'پوشاک'),
        opt('shoes', 'Shoes', 'Обувь', 'کفش'),
        opt('home', 'Home goods', 'Товары для дома', 'لوازم خانه'),
        opt('return', 'Return or exchange', 'Возврат или обмен', 'مرجوعی یا تعویض'),
        opt('browsing', 'Just looking', 'Просто посмотреть', 'فقط برای دیدن'),
      ],
    },
  ],
};

const csatSurvey: DemoSurvey = {
  slug: 'demo-csat', name: 'Demo: CSAT after purchase', status: 'live', template: 'csat_post_purchase',
  languages: LANGS, defaultLanguage: 'ru',
  title: L('How was your purchase?', 'Как прошла покупка?', 'خرید شما چطور بود؟'), intro: {}, thanks: THANKS,
  questions: [
    rating('csat', L('How satisfied are you with your purchase today?', 'Насколько вы довольны сегодняшней покупкой?',
      'از خرید امروز خود چقدر راضی هستید؟'), 5, { required: true }),
    { key: 'comment', type: 'text', metric: 'none', required: false,
      text: L('Anything we should know?', 'Хотите что-то добавить?', 'نکته‌ای هست که باید بدانیم؟') },
  ],
};

const cesSurvey: DemoSurvey = {
  slug: 'demo-ces', name: 'Demo: CES after support', status: 'live', template: 'ces_post_support',
  languages: LANGS, defaultLanguage: 'ru',
  title: L('Your contact with our support', 'Ваше обращение в поддержку', 'تماس شما با پشتیبانی'), intro: {}, thanks: THANKS,
  questions: [
    { key: 'ces', type: 'rating', metric: 'ces', required: true, direction: 'higher_is_easier', boxMin: 5,
      text: L('The company made it easy for me to handle my issue.', 'Компания позволила мне легко решить мой вопрос.',
        'شرکت حل مشکلم را برایم آسان کرد.'),
      scale: { min: 1, max: 7, style: 'numbers', labels: {
        min: L('Strongly disagree', 'Совершенно не согласен', 'کاملاً مخالفم'), max: L('Strongly agree', 'Полностью согласен', 'کاملاً موافقم') } } },
    { key: 'resolved', type: 'single', metric: 'none', required: false,
      text: L('Was your issue resolved?', 'Ваш вопрос решён?', 'آیا مشکل شما حل شد؟'),
      options: [opt('yes', 'Yes', 'Да', 'بله'), opt('partly', 'Partly', 'Частично', 'تا حدودی'), opt('no', 'No', 'Нет', 'خیر')] },
    { key: 'comment', type: 'text', metric: 'none', required: false,
      text: L('What could we have done better?', 'Что мы могли сделать лучше?', 'چه کاری را می‌توانستیم بهتر انجام دهیم؟') },
  ],
};

/** CSI attributes with their names; each gets a satisfaction and an importance question (1..10). */
export const CSI_ATTRIBUTES: ReadonlyArray<{ key: string; name: LocalizedText }> = [
  { key: 'speed', name: L('speed of service', 'скорость обслуживания', 'سرعت خدمات') },
  { key: 'politeness', name: L('politeness of staff', 'вежливость персонала', 'ادب کارکنان') },
  { key: 'competence', name: L('staff expertise', 'компетентность консультантов', 'تخصص مشاوران') },
  { key: 'cleanliness', name: L('cleanliness of the store', 'чистота в магазине', 'پاکیزگی فروشگاه') },
  { key: 'assortment', name: L('choice of products', 'ассортимент', 'تنوع کالا') },
];

function csiQuestions(): QuestionDef[] {
  const qs: QuestionDef[] = [
    rating('overall', L('Overall, how satisfied are you with your visit?', 'В целом насколько вы довольны посещением?',
      'در مجموع از مراجعه خود چقدر راضی هستید؟'), 10, { required: true }),
  ];
  for (const a of CSI_ATTRIBUTES) {
    qs.push(rating(`sat_${a.key}`, L(`How satisfied are you with the ${a.name.en}?`, `Оцените, пожалуйста: ${a.name.ru}`,
      `از ${a.name.fa} چقدر راضی هستید؟`), 10, { metric: 'csi_satisfaction', attribute: a.key, boxMin: undefined }));
  }
  for (const a of CSI_ATTRIBUTES) {
    qs.push(rating(`imp_${a.key}`, L(`How important to you is the ${a.name.en}?`, `Насколько для вас важна ${a.name.ru}?`.replace('важна ассортимент', 'важен ассортимент'),
      `${a.name.fa} برای شما چقدر مهم است؟`), 10, { metric: 'csi_importance', attribute: a.key, boxMin: undefined }));
  }
  return qs;
}

const csiSurvey: DemoSurvey = {
  slug: 'demo-csi', name: 'Demo: CSI store visit', status: 'live', template: 'csi_store_visit',
  languages: LANGS, defaultLanguage: 'ru',
  title: L('Rate your store visit', 'Оцените посещение магазина', 'به مراجعه خود به فروشگاه امتیاز دهید'),
  intro: L('Rate each aspect from 1 to 10.', 'Оцените каждый пункт от 1 до 10.', 'به هر مورد از ۱ تا ۱۰ امتیاز دهید.'),
  thanks: THANKS,
  questions: csiQuestions(),
};

/** The staff pulse survey's slug (audience 'staff': answered by employees, docs/staff.md). */
export const DEMO_STAFF_SLUG = 'demo-staff';
/** Teams of the staff survey's team question. */
export const DEMO_STAFF_TEAMS = ['sales_floor', 'checkout', 'warehouse', 'office'] as const;
/** The retail starter themes: the options of "what do customers complain about most?" (their values are theme ids). */
const RETAIL_THEMES = STARTER_THEMES.filter((t) => t.industries.includes('retail'));
export const DEMO_COMPLAINT_THEMES: readonly string[] = RETAIL_THEMES.map((t) => t.id);

/**
 * Built like the `staff_pulse` template: eNPS, then the staff's estimate of the customers' answers (expected NPS,
 * expected CSAT, expected top complaints) and the respondent's team. No hidden fields, no comments: anonymous.
 */
const staffSurvey: DemoSurvey = {
  slug: DEMO_STAFF_SLUG, name: 'Demo: staff pulse', status: 'live', template: 'staff_pulse', audience: 'staff',
  languages: LANGS, defaultLanguage: 'ru',
  title: L('Staff pulse', 'Пульс-опрос сотрудников', 'نظرسنجی کوتاه کارکنان'),
  intro: L('Anonymous: results are shown only for groups of five or more people.',
    'Анонимно: результаты показываются только для групп от пяти человек.',
    'ناشناس: نتایج فقط برای گروه‌های پنج نفر یا بیشتر نمایش داده می‌شود.'),
  thanks: L('Thank you for your honest answers!', 'Спасибо за честные ответы!', 'از پاسخ‌های صادقانهٔ شما سپاسگزاریم!'),
  questions: [
    { key: 'enps', type: 'nps', metric: 'nps', required: true,
      text: L('How likely are you to recommend Sarafan Retail as a place to work to a friend?',
        'Насколько вероятно, что вы порекомендуете Sarafan Retail как место работы знакомым?',
        'چقدر احتمال دارد سرافان ریتیل را به‌عنوان محل کار به دوستانتان توصیه کنید؟'),
      scale: { min: 0, max: 10, style: 'numbers' } },
    { key: 'expected_nps', type: 'nps', metric: 'nps', required: false, staffRole: 'expected_nps',
      text: L('How likely is a typical customer of your store to recommend us to a friend?',
        'Насколько вероятно, что типичный покупатель вашего магазина порекомендует нас знакомым?',
        'به نظر شما چقدر احتمال دارد یک مشتری معمولی فروشگاه شما ما را به دوستانش توصیه کند؟'),
      scale: { min: 0, max: 10, style: 'numbers' } },
    rating('expected_csat', L('How satisfied are our customers, in your opinion?', 'Насколько, по-вашему, довольны наши покупатели?',
      'به نظر شما مشتریان ما چقدر راضی هستند؟'), 5, { staffRole: 'expected_csat' }),
    { key: 'expected_complaints', type: 'multi', metric: 'none', required: false, staffRole: 'expected_complaints',
      text: L('What do customers complain about most?', 'На что покупатели жалуются чаще всего?', 'مشتریان بیشتر از چه چیزی گله دارند؟'),
      options: RETAIL_THEMES.map((t) => ({ value: t.id, label: { ...t.names } })) },
    { key: 'team', type: 'single', metric: 'none', required: false, staffRole: 'team',
      text: L('Which team do you work in?', 'В какой команде вы работаете?', 'در کدام تیم کار می‌کنید؟'),
      options: [
        opt('sales_floor', 'Sales floor', 'Торговый зал', 'سالن فروش'),
        opt('checkout', 'Checkout', 'Кассы', 'صندوق'),
        opt('warehouse', 'Warehouse', 'Склад', 'انبار'),
        opt('office', 'Office', 'Офис', 'دفتر'),
      ] },
  ],
};

/** The demo surveys in insertion order; `demo-nps` first because its slug marks an existing demo. */
export const DEMO_SURVEYS: readonly DemoSurvey[] = [npsSurvey, csatSurvey, cesSurvey, csiSurvey, staffSurvey];
/** Slugs of the demo's customer surveys (the staff survey's answers come from ./staffVoice.ts). */
export type DemoSurveySlug = 'demo-nps' | 'demo-csat' | 'demo-ces' | 'demo-csi';
