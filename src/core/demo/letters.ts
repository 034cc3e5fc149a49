/**
 * @module Demo feedback letters: what customers wrote to the demo company's feedback address over the demo's
 * months, already read from the mailbox (docs/closed-loop.md "Feedback mailbox"). They tell the same story as
 * the answers and reviews: the declining store MSK-04 gets letters about rude staff and queues, the Tehran
 * stores write in Persian about queues and prices, a few come in English; negative letters opened cases
 * (owned by the store's manager: MSK-01 is the demo manager's), and some customers answered the case's
 * reply. Sentiment and themes come from the same text analysis as comments (lexicon, starter themes). Pure.
 */
import { classifySentiment, compileThemes, matchThemes, prepareText, starterThemes } from '../nlp/index.ts';

interface LetterTemplate {
  /** Store code, or null for a letter that names no store. */
  store: string | null;
  fromName: string;
  fromAddress: string;
  subject: string;
  body: string;
  /** Days before the demo's "now". */
  daysAgo: number;
  /** The customer's answer to the case's reply (the case then waits for nothing and is in progress). */
  answer?: string;
}

const TEMPLATES: readonly LetterTemplate[] = [
  { store: 'MSK-04', fromName: 'Ирина Соколова', fromAddress: 'irina.sokolova@example.ru', daysAgo: 4, subject: '[MSK-04] Грубый продавец', body: 'Здравствуйте! Вчера в магазине продавец грубо ответил мне и отказался помочь с размером. Ужасное обслуживание, очень неприятно.', answer: 'Спасибо за ответ и извинения. Надеюсь, такого больше не повторится.' },
  { store: 'MSK-04', fromName: 'Андрей', fromAddress: 'andrey.k@example.ru', daysAgo: 9, subject: '[MSK-04] Очередь на кассе', body: 'Стоял в очереди на кассе 25 минут, работала одна касса. Это плохо, долго и неудобно.' },
  { store: 'MSK-04', fromName: 'Светлана', fromAddress: 'svetlana.m@example.ru', daysAgo: 21, subject: '[MSK-04] Грязная примерочная', body: 'В примерочной грязно, на полу мусор. Очень плохо, раньше такого не было.' },
  { store: 'MSK-01', fromName: 'Ольга Петрова', fromAddress: 'olga.petrova@example.ru', daysAgo: 2, subject: '[MSK-01] Не вернули деньги', body: 'Сдала товар неделю назад, а деньги так и не вернули. Ужасно, никто не отвечает на звонки.', answer: 'Деньги пришли сегодня, спасибо.' },
  { store: 'MSK-01', fromName: 'Михаил', fromAddress: 'mikhail.v@example.ru', daysAgo: 15, subject: '[MSK-01] Спасибо консультанту', body: 'Хочу поблагодарить консультанта Анну: отличный сервис, вежливо и быстро помогла подобрать куртку. Спасибо!' },
  { store: 'MSK-02', fromName: 'Екатерина', fromAddress: 'kate.l@example.ru', daysAgo: 33, subject: '[MSK-02] Долгое ожидание', body: 'Очень долгая очередь в выходные, ждали больше 20 минут. Плохая организация.' },
  { store: 'SPB-05', fromName: 'Николай', fromAddress: 'nikolay.s@example.ru', daysAgo: 12, subject: '[SPB-05] Цена на кассе другая', body: 'На ценнике одна цена, на кассе пробили дороже. Обман, очень недоволен.' },
  { store: 'SPB-01', fromName: 'Анастасия', fromAddress: 'nastya.r@example.ru', daysAgo: 40, subject: '[SPB-01] Отличный магазин', body: 'Прекрасный магазин, чисто, удобно, хороший выбор. Спасибо!' },
  { store: 'KZN-02', fromName: 'Руслан', fromAddress: 'ruslan.g@example.ru', daysAgo: 120, subject: '[KZN-02] Хамство на кассе', body: 'Кассир нахамил и бросил сдачу. Ужасное отношение к покупателям.' },
  { store: 'KZN-02', fromName: 'Лейла', fromAddress: 'leyla.a@example.ru', daysAgo: 8, subject: '[KZN-02] Стало лучше', body: 'Заметила, что в магазине стало намного лучше: вежливые продавцы и быстро на кассе. Спасибо!' },
  { store: 'KZN-04', fromName: 'Тимур', fromAddress: 'timur.z@example.ru', daysAgo: 27, subject: '[KZN-04] Нет нужного размера', body: 'Третий раз прихожу, а нужного размера нет в наличии. Плохо с ассортиментом.' },
  { store: null, fromName: 'Виктор', fromAddress: 'viktor.p@example.ru', daysAgo: 6, subject: 'Доставка опоздала', body: 'Заказ привезли на три дня позже обещанного, курьер не предупредил. Плохо.' },
  { store: null, fromName: 'Дарья', fromAddress: 'darya.n@example.ru', daysAgo: 60, subject: 'Вопрос о бонусной карте', body: 'Подскажите, как перенести бонусы со старой карты на новую?' },
  { store: 'THR-02', fromName: 'مریم احمدی', fromAddress: 'maryam.ahmadi@example.ir', daysAgo: 5, subject: '[THR-02] صف طولانی', body: 'صف صندوق خیلی طولانی بود و بیش از بیست دقیقه منتظر ماندم. خیلی بد بود.', answer: 'ممنون از پاسخ شما. امیدوارم بهتر شود.' },
  { store: 'THR-03', fromName: 'علی رضایی', fromAddress: 'ali.rezaei@example.ir', daysAgo: 18, subject: '[THR-03] قیمت اشتباه', body: 'قیمت روی برچسب با قیمت صندوق فرق داشت. گران و ناراضی هستم.' },
  { store: 'THR-01', fromName: 'سارا', fromAddress: 'sara.k@example.ir', daysAgo: 30, subject: '[THR-01] تشکر', body: 'فروشگاه عالی و کارکنان بسیار مؤدب بودند. ممنون!' },
  { store: 'MSK-03', fromName: 'John Miller', fromAddress: 'john.miller@example.com', daysAgo: 11, subject: '[MSK-03] Rude staff at the fitting rooms', body: 'The staff member at the fitting rooms was rude and unhelpful. Terrible experience, very disappointed.' },
  { store: null, fromName: 'Emily Clark', fromAddress: 'emily.clark@example.com', daysAgo: 45, subject: 'Great service', body: 'Excellent service in your Moscow stores, friendly and helpful staff. Thank you!' },
];

export interface DemoLetter {
  store: string | null;
  messageId: string;
  fromName: string;
  fromAddress: string;
  subject: string;
  body: string;
  receivedAt: Date;
  language: string;
  sentiment: 'negative' | 'neutral' | 'positive';
  themes: string[];
  /** Negative letters opened a case (the mailbox's default policy). */
  opensCase: boolean;
  /** The customer's answer to the case's reply, a few hours after it. */
  answer: { messageId: string; body: string; receivedAt: Date; sentiment: 'negative' | 'neutral' | 'positive'; themes: string[] } | null;
}

const DAY_MS = 86_400_000;

/** The demo's letters, oldest first; deterministic for `now`. */
export function generateDemoLetters(now: Date): DemoLetter[] {
  const themes = compileThemes(starterThemes());
  const analyse = (text: string) => {
    const prepared = prepareText(text);
    return { lang: prepared.lang, sentiment: classifySentiment(prepared, null).sentiment, themes: matchThemes(prepared, themes).map((m) => m.id) };
  };
  return TEMPLATES.map((l, i) => {
    // Working hours in Moscow (UTC+3): 09:00 to 18:00 local, spread by the letter's position.
    const receivedAt = new Date(Math.floor((now.getTime() - l.daysAgo * DAY_MS) / DAY_MS) * DAY_MS + (6 + (i * 7) % 9) * 3_600_000 + i * 60_000);
    const a = analyse(l.body);
    const opensCase = a.sentiment === 'negative';
    const answer = opensCase && l.answer
      ? { messageId: `<demo-answer-${i + 1}@mail.example>`, body: l.answer, receivedAt: new Date(receivedAt.getTime() + 26 * 3_600_000), ...pick(analyse(l.answer)) }
      : null;
    return {
      store: l.store, messageId: `<demo-letter-${i + 1}@mail.example>`, fromName: l.fromName, fromAddress: l.fromAddress, subject: l.subject,
      body: l.body, receivedAt, language: a.lang, sentiment: a.sentiment, themes: a.themes, opensCase, answer,
    };
  }).sort((x, y) => x.receivedAt.getTime() - y.receivedAt.getTime());
}

const pick = (a: { sentiment: 'negative' | 'neutral' | 'positive'; themes: string[] }) => ({ sentiment: a.sentiment, themes: a.themes });

/** The root cause a demo letter's case is closed with, from the letter's first theme that names one. */
const CAUSE_OF_THEME: Record<string, string> = {
  delivery: 'delivery', packaging: 'delivery', order_accuracy: 'process', price: 'price', fees: 'price',
  staff_politeness: 'staff_behaviour', staff_help: 'training_gap', waiting_time: 'understaffing', phone_wait: 'understaffing',
  product_quality: 'product_defect', portion: 'product_defect', refund: 'process', response_speed: 'understaffing',
};

export function rootCauseOfLetter(themes: readonly string[]): string {
  for (const t of themes) if (CAUSE_OF_THEME[t]) return CAUSE_OF_THEME[t];
  return 'process';
}
