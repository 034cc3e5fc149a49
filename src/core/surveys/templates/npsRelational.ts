/** Relational NPS: how customers feel about the company overall, asked periodically. */
import type { SurveyTemplate } from '../templates.ts';
import { choiceQuestion, npsQuestion, t, TEMPLATE_LANGUAGES, whyQuestion } from './build.ts';

export const npsRelational: SurveyTemplate = {
  key: 'nps_relational',
  name: t('Relationship NPS', 'NPS лояльности', 'NPS رابطه با مشتری'),
  description: t(
    'The classic Net Promoter question with a "why?" follow-up that adapts to the score, and the area to improve first.',
    'Классический вопрос Net Promoter Score с уточнением «почему?», которое зависит от оценки, и выбором того, что улучшить в первую очередь.',
    'پرسش کلاسیک خالص مروجان (NPS) با پرسش تکمیلی «چرا؟» که متناسب با امتیاز تغییر می‌کند، و انتخاب بخشی که باید زودتر بهبود یابد.',
  ),
  survey: {
    name: 'Relationship NPS',
    title: t('How are we doing?', 'Как мы работаем?', 'عملکرد ما چطور است؟'),
    intro: t('It takes less than a minute.', 'Это займёт меньше минуты.', 'کمتر از یک دقیقه وقت می‌گیرد.'),
    thanks: t('Thank you for your feedback!', 'Спасибо за ваш отзыв!', 'از بازخورد شما سپاسگزاریم!'),
    languages: TEMPLATE_LANGUAGES,
    defaultLanguage: 'en',
    template: 'nps_relational',
    questions: [
      npsQuestion(
        'recommend',
        t(
          'How likely are you to recommend us to a friend or colleague?',
          'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
          'چقدر احتمال دارد ما را به یک دوست یا همکار توصیه کنید؟',
        ),
      ),
      whyQuestion(
        'recommend_why',
        'recommend',
        t('What is the main reason for your score?', 'Какова главная причина вашей оценки?', 'دلیل اصلی امتیاز شما چیست؟'),
        {
          detractor: t(
            "We're sorry to hear that. What disappointed you most?",
            'Нам жаль это слышать. Что вас больше всего разочаровало?',
            'متأسفیم که این را می‌شنویم. چه چیزی بیش از همه شما را ناامید کرد؟',
          ),
          passive: t(
            'What could we do to earn a higher score from you?',
            'Что нам сделать, чтобы вы поставили более высокую оценку?',
            'چه کاری می‌توانیم انجام دهیم تا امتیاز بالاتری از شما بگیریم؟',
          ),
          promoter: t(
            'Great to hear! What do you value most about us?',
            'Рады это слышать! Что вы цените в нас больше всего?',
            'خوشحالیم! چه چیزی را در ما بیش از همه می‌پسندید؟',
          ),
        },
      ),
      choiceQuestion(
        'improve_first',
        'single',
        t('Which area should we improve first?', 'Что нам стоит улучшить в первую очередь?', 'به نظر شما اول کدام بخش را باید بهبود دهیم؟'),
        [
          ['quality', t('Product quality', 'Качество продукции', 'کیفیت محصول')],
          ['price', t('Prices', 'Цены', 'قیمت‌ها')],
          ['service', t('Customer service', 'Обслуживание клиентов', 'خدمات مشتریان')],
          ['delivery', t('Delivery', 'Доставка', 'ارسال و تحویل')],
          ['digital', t('Website and app', 'Сайт и приложение', 'وب‌سایت و اپلیکیشن')],
        ],
        // Promoters are not asked what to fix: it lengthens their survey for little insight.
        { showIf: { question: 'recommend', op: 'lte', value: 8 } },
      ),
    ],
  },
};
