/** Post-purchase CSAT: satisfaction with one purchase, sent right after it (receipt link, e-mail). */
import type { SurveyTemplate } from '../templates.ts';
import { choiceQuestion, ends, t, TEMPLATE_LANGUAGES, whyQuestion } from './build.ts';

export const csatPostPurchase: SurveyTemplate = {
  key: 'csat_post_purchase',
  name: t('Post-purchase CSAT', 'CSAT после покупки', 'CSAT پس از خرید'),
  description: t(
    'Satisfaction with a purchase on a 1-5 scale (top-2-box CSAT), what went wrong or right, and whether they would buy again.',
    'Удовлетворённость покупкой по шкале 1–5 (CSAT по двум верхним баллам), что пошло не так или понравилось, и купят ли снова.',
    'رضایت از خرید در مقیاس ۱ تا ۵ (CSAT بر پایهٔ دو گزینهٔ بالا)، اینکه چه چیزی خوب یا بد بود، و اینکه آیا دوباره خرید می‌کنند.',
  ),
  survey: {
    name: 'Post-purchase CSAT',
    title: t('How was your purchase?', 'Как прошла ваша покупка?', 'خرید شما چطور بود؟'),
    intro: t('Three quick questions about your recent purchase.', 'Три коротких вопроса о вашей недавней покупке.', 'سه پرسش کوتاه دربارهٔ خرید اخیر شما.'),
    thanks: t('Thank you! Your answers help us get better.', 'Спасибо! Ваши ответы помогают нам становиться лучше.', 'سپاسگزاریم! پاسخ‌های شما به ما کمک می‌کند بهتر شویم.'),
    languages: TEMPLATE_LANGUAGES,
    defaultLanguage: 'en',
    template: 'csat_post_purchase',
    questions: [
      {
        key: 'satisfaction',
        type: 'rating',
        metric: 'csat',
        required: true,
        text: t('How satisfied are you with your purchase?', 'Насколько вы довольны покупкой?', 'چقدر از خرید خود راضی هستید؟'),
        scale: {
          min: 1,
          max: 5,
          style: 'smileys',
          labels: ends(t('Very dissatisfied', 'Совсем не доволен', 'بسیار ناراضی'), t('Very satisfied', 'Очень доволен', 'بسیار راضی')),
        },
        boxMin: 4,
      },
      whyQuestion(
        'satisfaction_why',
        'satisfaction',
        t('Tell us a little more about your purchase.', 'Расскажите немного подробнее о покупке.', 'کمی بیشتر دربارهٔ خریدتان بگویید.'),
        {
          detractor: t('What went wrong?', 'Что пошло не так?', 'چه چیزی درست پیش نرفت؟'),
          passive: t('What would have made it better?', 'Что сделало бы покупку лучше?', 'چه چیزی می‌توانست آن را بهتر کند؟'),
          promoter: t('What did you like most?', 'Что вам понравилось больше всего?', 'چه چیزی را بیشتر از همه پسندیدید؟'),
        },
      ),
      choiceQuestion(
        'improve',
        'multi',
        t('What could be improved?', 'Что можно улучшить?', 'چه چیزهایی را می‌توان بهتر کرد؟'),
        [
          ['product_quality', t('Product quality', 'Качество товара', 'کیفیت کالا')],
          ['price', t('Price', 'Цена', 'قیمت')],
          ['checkout', t('Checkout and payment', 'Оформление и оплата', 'فرایند پرداخت')],
          ['staff', t('Staff', 'Работа персонала', 'برخورد کارکنان')],
          ['availability', t('Product availability', 'Наличие товара', 'موجود بودن کالا')],
        ],
        { showIf: { question: 'satisfaction', op: 'lte', value: 3 } },
      ),
      choiceQuestion(
        'buy_again',
        'single',
        t('Would you buy from us again?', 'Купите ли вы у нас снова?', 'آیا دوباره از ما خرید می‌کنید؟'),
        [
          ['yes', t('Yes', 'Да', 'بله')],
          ['maybe', t('Maybe', 'Возможно', 'شاید')],
          ['no', t('No', 'Нет', 'خیر')],
        ],
      ),
    ],
  },
};
