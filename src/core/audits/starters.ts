/**
 * @module Starter checklists (docs/audits.md "Checklists"): a store visit, a phone call and a chat, in en / ru / fa,
 * built on the standards the founding articles name (greeting, needs discovery, product knowledge, checkout speed,
 * cleanliness, farewell). An organisation copies one and edits its copy. Pure data, read by `parseChecklist`.
 */
import { parseChecklist, type ChecklistDefinition } from './checklist.ts';

export const STARTER_KEYS = ['store_visit', 'phone_call', 'chat'] as const;
export type StarterKey = (typeof STARTER_KEYS)[number];

export interface StarterChecklist {
  key: StarterKey;
  channel: 'store' | 'phone' | 'chat';
  definition: ChecklistDefinition;
}

type Texts = { en: string; ru: string; fa: string };
const item = (key: string, text: Texts, points: number, standard: string, extra: Record<string, unknown> = {}) => ({ key, text, points, standard, ...extra });

const STORE_VISIT = {
  name: { en: 'Store visit (mystery shopper)', ru: 'Визит в магазин (тайный покупатель)', fa: 'بازدید فروشگاه (خریدار پنهان)' },
  sections: [
    {
      key: 'entrance',
      name: { en: 'Entrance and greeting', ru: 'Вход и приветствие', fa: 'ورود و خوشامدگویی' },
      items: [
        item('clean_entrance', { en: 'The entrance and shop window are clean and lit', ru: 'Вход и витрина чистые и освещены', fa: 'ورودی و ویترین تمیز و روشن است' }, 1, 'cleanliness', { answerType: 'yes_no' }),
        item('greeted', { en: 'A seller greeted you within 30 seconds', ru: 'Продавец поприветствовал вас в течение 30 секунд', fa: 'فروشنده در ۳۰ ثانیه به شما خوشامد گفت' }, 2, 'greeting', { answerType: 'yes_no' }),
        item('eye_contact', { en: 'The greeting was friendly, with eye contact and a smile', ru: 'Приветствие дружелюбное, с зрительным контактом и улыбкой', fa: 'خوشامدگویی دوستانه و با تماس چشمی و لبخند بود' }, 1, 'greeting', { answerType: 'yes_no' }),
        item('badge', { en: 'The seller wore a name badge and the uniform', ru: 'У продавца бейдж и форма', fa: 'فروشنده کارت نام و لباس فرم داشت' }, 1, 'appearance', { answerType: 'yes_no_na' }),
      ],
    },
    {
      key: 'consultation',
      name: { en: 'Consultation', ru: 'Консультация', fa: 'مشاوره' },
      items: [
        item('needs_questions', { en: 'The seller asked at least two questions about your needs', ru: 'Продавец задал не менее двух вопросов о ваших потребностях', fa: 'فروشنده دست‌کم دو پرسش دربارهٔ نیاز شما پرسید' }, 3, 'needs_discovery', { answerType: 'scale' }),
        item('product_knowledge', { en: 'The seller answered your product questions correctly', ru: 'Продавец правильно ответил на вопросы о товаре', fa: 'فروشنده به پرسش‌های شما دربارهٔ کالا درست پاسخ داد' }, 3, 'product_knowledge', { answerType: 'scale' }),
        item('alternatives', { en: 'The seller offered an alternative or an accessory', ru: 'Продавец предложил альтернативу или аксессуар', fa: 'فروشنده جایگزین یا لوازم جانبی پیشنهاد داد' }, 2, 'presentation', { answerType: 'yes_no_na' }),
        item('shelf_photo', { en: 'Photo of the shelf you asked about', ru: 'Фото полки, о которой вы спрашивали', fa: 'عکس قفسه‌ای که درباره‌اش پرسیدید' }, 0, 'cleanliness', { answerType: 'photo', evidence: 'photo' }),
      ],
    },
    {
      key: 'checkout',
      name: { en: 'Checkout', ru: 'Касса', fa: 'صندوق' },
      items: [
        item('queue_minutes', { en: 'Minutes waited at the checkout', ru: 'Сколько минут вы ждали на кассе', fa: 'چند دقیقه در صف صندوق منتظر ماندید' }, 2, 'checkout_speed', { answerType: 'number', passRule: { op: 'lte', value: 5, unit: 'min' } }),
        item('receipt', { en: 'You were given a receipt', ru: 'Вам выдали чек', fa: 'به شما رسید داده شد' }, 2, 'compliance', { answerType: 'yes_no', critical: true }),
        item('loyalty_offer', { en: 'The cashier offered the loyalty card', ru: 'Кассир предложил карту лояльности', fa: 'صندوقدار کارت وفاداری را پیشنهاد داد' }, 1, 'presentation', { answerType: 'yes_no_na' }),
      ],
    },
    {
      key: 'farewell',
      name: { en: 'Farewell and store condition', ru: 'Прощание и состояние магазина', fa: 'خداحافظی و وضعیت فروشگاه' },
      items: [
        item('thanked', { en: 'Staff thanked you and said goodbye', ru: 'Сотрудник поблагодарил вас и попрощался', fa: 'کارمند از شما تشکر کرد و خداحافظی کرد' }, 1, 'farewell', { answerType: 'yes_no' }),
        item('clean_floor', { en: 'The sales floor and fitting rooms were clean', ru: 'Торговый зал и примерочные чистые', fa: 'سالن فروش و اتاق پرو تمیز بود' }, 2, 'cleanliness', { answerType: 'yes_no_na', evidence: 'photo' }),
        item('comment', { en: 'Anything else you noticed', ru: 'Что ещё вы заметили', fa: 'چیز دیگری که توجه شما را جلب کرد' }, 0, 'farewell', { answerType: 'comment' }),
      ],
    },
  ],
};

const PHONE_CALL = {
  name: { en: 'Phone call (mystery caller)', ru: 'Звонок (тайный звонок)', fa: 'تماس تلفنی (تماس‌گیرندهٔ پنهان)' },
  sections: [
    {
      key: 'answer',
      name: { en: 'Answering the call', ru: 'Ответ на звонок', fa: 'پاسخ به تماس' },
      items: [
        item('rings', { en: 'Rings before someone answered', ru: 'Сколько гудков до ответа', fa: 'تعداد بوق پیش از پاسخ' }, 2, 'checkout_speed', { answerType: 'number', passRule: { op: 'lte', value: 3, unit: 'rings' } }),
        item('introduced', { en: 'The operator said the company and their own name', ru: 'Оператор назвал компанию и своё имя', fa: 'اپراتور نام شرکت و نام خود را گفت' }, 2, 'phone_etiquette', { answerType: 'yes_no' }),
        item('polite_tone', { en: 'The tone was polite and calm throughout', ru: 'Тон вежливый и спокойный на протяжении всего разговора', fa: 'لحن در تمام گفتگو مؤدبانه و آرام بود' }, 2, 'phone_etiquette', { answerType: 'scale' }),
      ],
    },
    {
      key: 'solution',
      name: { en: 'Solving the request', ru: 'Решение вопроса', fa: 'حل درخواست' },
      items: [
        item('clarified', { en: 'The operator clarified the request with questions', ru: 'Оператор уточнил запрос вопросами', fa: 'اپراتور با پرسش درخواست را روشن کرد' }, 2, 'needs_discovery', { answerType: 'yes_no' }),
        item('correct_info', { en: 'The information given was correct', ru: 'Предоставленная информация верна', fa: 'اطلاعات داده‌شده درست بود' }, 3, 'product_knowledge', { answerType: 'yes_no', critical: true }),
        item('hold_asked', { en: 'The operator asked before putting you on hold', ru: 'Оператор спросил разрешения перед удержанием', fa: 'اپراتور پیش از نگه‌داشتن تماس اجازه گرفت' }, 1, 'phone_etiquette', { answerType: 'yes_no_na' }),
        item('recording', { en: 'Recording of the call, or your notes', ru: 'Запись звонка или ваши заметки', fa: 'ضبط تماس یا یادداشت‌های شما' }, 0, 'compliance', { answerType: 'comment', evidence: 'audio' }),
      ],
    },
    {
      key: 'closing',
      name: { en: 'Closing', ru: 'Завершение', fa: 'پایان تماس' },
      items: [
        item('next_steps', { en: 'The operator summarised the next steps', ru: 'Оператор подвёл итог и назвал следующие шаги', fa: 'اپراتور گام‌های بعدی را جمع‌بندی کرد' }, 2, 'farewell', { answerType: 'yes_no_na' }),
        item('thanked', { en: 'The operator thanked you for calling', ru: 'Оператор поблагодарил за звонок', fa: 'اپراتور از تماس شما تشکر کرد' }, 1, 'farewell', { answerType: 'yes_no' }),
      ],
    },
  ],
};

const CHAT = {
  name: { en: 'Chat (mystery chat)', ru: 'Чат (тайный чат)', fa: 'گفتگوی برخط (گفتگوی پنهان)' },
  sections: [
    {
      key: 'response',
      name: { en: 'First response', ru: 'Первый ответ', fa: 'نخستین پاسخ' },
      items: [
        item('first_response_minutes', { en: 'Minutes until the first human reply', ru: 'Минут до первого ответа сотрудника', fa: 'دقیقه تا نخستین پاسخ انسانی' }, 2, 'checkout_speed', { answerType: 'number', passRule: { op: 'lte', value: 2, unit: 'min' } }),
        item('greeting', { en: 'The reply greeted you and gave a name', ru: 'В ответе было приветствие и имя сотрудника', fa: 'در پاسخ خوشامدگویی و نام کارمند بود' }, 1, 'greeting', { answerType: 'yes_no' }),
      ],
    },
    {
      key: 'content',
      name: { en: 'Content', ru: 'Содержание', fa: 'محتوا' },
      items: [
        item('understood', { en: 'The agent understood the question without repeating it', ru: 'Сотрудник понял вопрос без повторов', fa: 'کارشناس بدون تکرار پرسش را فهمید' }, 2, 'needs_discovery', { answerType: 'yes_no' }),
        item('correct_answer', { en: 'The answer was correct and complete', ru: 'Ответ верный и полный', fa: 'پاسخ درست و کامل بود' }, 3, 'product_knowledge', { answerType: 'scale', critical: true }),
        item('no_templates', { en: 'Replies were written for you, not only templates', ru: 'Ответы написаны лично, а не только шаблонами', fa: 'پاسخ‌ها برای شما نوشته شده بود، نه فقط قالبی' }, 1, 'written_style', { answerType: 'yes_no' }),
        item('spelling', { en: 'No spelling or grammar mistakes', ru: 'Без орфографических и грамматических ошибок', fa: 'بدون غلط املایی و دستوری' }, 1, 'written_style', { answerType: 'yes_no' }),
      ],
    },
    {
      key: 'closing',
      name: { en: 'Closing', ru: 'Завершение', fa: 'پایان' },
      items: [
        item('anything_else', { en: 'The agent asked whether anything else was needed', ru: 'Сотрудник спросил, нужна ли ещё помощь', fa: 'کارشناس پرسید آیا کمک دیگری لازم است' }, 1, 'farewell', { answerType: 'yes_no' }),
        item('transcript', { en: 'Screenshot of the chat', ru: 'Снимок экрана чата', fa: 'تصویر صفحهٔ گفتگو' }, 0, 'compliance', { answerType: 'photo', evidence: 'photo' }),
      ],
    },
  ],
};

export const STARTER_CHECKLISTS: readonly StarterChecklist[] = [
  { key: 'store_visit', channel: 'store', definition: parseChecklist(STORE_VISIT) },
  { key: 'phone_call', channel: 'phone', definition: parseChecklist(PHONE_CALL) },
  { key: 'chat', channel: 'chat', definition: parseChecklist(CHAT) },
];

export function starterChecklist(key: StarterKey): StarterChecklist {
  const found = STARTER_CHECKLISTS.find((s) => s.key === key);
  if (!found) throw new Error(`unknown starter checklist ${key}`);
  return found;
}
