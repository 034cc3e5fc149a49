/**
 * Store-visit CSI (METRICS.md csi.v1): five service attributes, each rated for satisfaction and for
 * importance on 1..10, plus overall satisfaction (the outcome for key-driver analysis). Twelve
 * questions, so the builder's "long_survey" warning is expected here.
 */
import type { QuestionInput } from '../definition.ts';
import type { SurveyTemplate } from '../templates.ts';
import { ends, t, TEMPLATE_LANGUAGES } from './build.ts';

type Texts = Record<string, string>;

const SATISFIED = ends(t('Not at all satisfied', 'Совсем не доволен', 'اصلاً راضی نیستم'), t('Completely satisfied', 'Полностью доволен', 'کاملاً راضی هستم'));
const IMPORTANT = ends(t('Not important at all', 'Совсем не важно', 'اصلاً مهم نیست'), t('Extremely important', 'Очень важно', 'بسیار مهم است'));

/** [attribute, satisfaction question, importance question] */
const ATTRIBUTES: Array<[string, Texts, Texts]> = [
  [
    'speed',
    t('How satisfied are you with the speed of service?', 'Насколько вы довольны скоростью обслуживания?', 'چقدر از سرعت خدمات‌دهی راضی هستید؟'),
    t('How important is the speed of service to you?', 'Насколько для вас важна скорость обслуживания?', 'سرعت خدمات‌دهی چقدر برای شما اهمیت دارد؟'),
  ],
  [
    'politeness',
    t('How satisfied are you with the politeness of our staff?', 'Насколько вы довольны вежливостью персонала?', 'چقدر از ادب و برخورد کارکنان راضی هستید؟'),
    t('How important is the politeness of staff to you?', 'Насколько для вас важна вежливость персонала?', 'ادب و برخورد کارکنان چقدر برای شما اهمیت دارد؟'),
  ],
  [
    'competence',
    t('How satisfied are you with the competence of our staff?', 'Насколько вы довольны компетентностью сотрудников?', 'چقدر از مهارت و دانش کارکنان راضی هستید؟'),
    t('How important is the competence of staff to you?', 'Насколько для вас важна компетентность сотрудников?', 'مهارت و دانش کارکنان چقدر برای شما اهمیت دارد؟'),
  ],
  [
    'cleanliness',
    t('How satisfied are you with the cleanliness of the store?', 'Насколько вы довольны чистотой в магазине?', 'چقدر از پاکیزگی فروشگاه راضی هستید؟'),
    t('How important is the cleanliness of the store to you?', 'Насколько для вас важна чистота в магазине?', 'پاکیزگی فروشگاه چقدر برای شما اهمیت دارد؟'),
  ],
  [
    'assortment',
    t('How satisfied are you with our product range?', 'Насколько вы довольны ассортиментом товаров?', 'چقدر از تنوع کالاها راضی هستید؟'),
    t('How important is the product range to you?', 'Насколько для вас важен ассортимент товаров?', 'تنوع کالاها چقدر برای شما اهمیت دارد؟'),
  ],
];

const rating = (key: string, metric: QuestionInput['metric'], text: Texts, labels: typeof SATISFIED, attribute?: string): QuestionInput => ({
  key,
  type: 'rating',
  metric,
  required: false,
  text,
  scale: { min: 1, max: 10, style: 'numbers', labels },
  ...(attribute ? { attribute } : { boxMin: 8 }),
});

export const csiStoreVisit: SurveyTemplate = {
  key: 'csi_store_visit',
  name: t('Store visit CSI', 'Индекс удовлетворённости (CSI) после визита в магазин', 'شاخص رضایت مشتری (CSI) از بازدید فروشگاه'),
  description: t(
    'Customer Satisfaction Index: speed, politeness, competence, cleanliness and product range, each rated for satisfaction and importance, plus overall satisfaction.',
    'Индекс удовлетворённости клиентов: скорость, вежливость, компетентность, чистота и ассортимент — каждый оценивается по удовлетворённости и важности, плюс общая удовлетворённость.',
    'شاخص رضایت مشتری: سرعت، ادب، مهارت کارکنان، پاکیزگی و تنوع کالا؛ هر کدام از نظر رضایت و اهمیت امتیاز داده می‌شود، به‌علاوهٔ رضایت کلی.',
  ),
  survey: {
    name: 'Store visit CSI',
    title: t('Your visit to our store', 'Ваш визит в наш магазин', 'بازدید شما از فروشگاه ما'),
    intro: t(
      'Please rate each part of your visit from 1 to 10, and tell us how much each one matters to you.',
      'Оцените, пожалуйста, каждую сторону вашего визита от 1 до 10 и укажите, насколько она для вас важна.',
      'لطفاً به هر بخش از بازدید خود از ۱ تا ۱۰ امتیاز دهید و بگویید هر کدام چقدر برایتان مهم است.',
    ),
    thanks: t('Thank you! See you again soon.', 'Спасибо! Будем рады видеть вас снова.', 'سپاسگزاریم! امیدواریم به‌زودی دوباره شما را ببینیم.'),
    languages: TEMPLATE_LANGUAGES,
    defaultLanguage: 'en',
    template: 'csi_store_visit',
    questions: [
      rating(
        'overall',
        'csat',
        t('Overall, how satisfied are you with your visit?', 'В целом, насколько вы довольны визитом?', 'در مجموع چقدر از بازدید خود راضی هستید؟'),
        SATISFIED,
      ),
      ...ATTRIBUTES.map(([attr, sat]) => rating(`sat_${attr}`, 'csi_satisfaction', sat, SATISFIED, attr)),
      ...ATTRIBUTES.map(([attr, , imp]) => rating(`imp_${attr}`, 'csi_importance', imp, IMPORTANT, attr)),
      {
        key: 'comment',
        type: 'text',
        metric: 'none',
        required: false,
        text: t('Is there anything we could do better?', 'Что мы могли бы сделать лучше?', 'چه کاری را می‌توانیم بهتر انجام دهیم؟'),
        // Asked only when the visit was not great: that is where the comments are useful.
        showIf: { question: 'overall', op: 'lte', value: 8 },
      },
    ],
  },
};
