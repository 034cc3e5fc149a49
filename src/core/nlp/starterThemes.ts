/**
 * @module Starter themes (written for Sarafan) for retail, food delivery, banking and call centers in
 * ru / fa / en. Terms are words or short phrases as people write them; themes.ts stems them, so one
 * form usually covers the inflections ("очередь" also finds "очереди", "queue" finds "queued").
 * An organisation copies these and edits them (docs/text.md, "Theme dictionary").
 */
import type { ThemeDefinition } from './themes.ts';

export type Industry = 'retail' | 'food_delivery' | 'banking' | 'call_center';
export const INDUSTRIES: readonly Industry[] = ['retail', 'food_delivery', 'banking', 'call_center'];

const t = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

export const STARTER_THEMES: readonly (ThemeDefinition & { industries: Industry[] })[] = [
  {
    id: 'waiting_time',
    names: { en: 'Waiting time', ru: 'Время ожидания', fa: 'زمان انتظار' },
    industries: ['retail', 'banking', 'call_center'],
    terms: {
      en: t('queue, queued, queues, wait, waited, waiting, long line, in line, slow, delay, delayed, took forever, stuck'),
      ru: t('очередь, очереди, в очереди, ждать, ждали, ждала, ждал, ожидание, долго, задержка, медленно, стояла, стоял, стоят'),
      fa: t('صف, منتظر, انتظار, معطل, دیر, طول کشید, تاخیر, تأخیر, کند'),
    },
  },
  {
    id: 'staff_politeness',
    names: { en: 'Staff politeness', ru: 'Вежливость персонала', fa: 'ادب و برخورد کارکنان' },
    industries: ['retail', 'food_delivery', 'banking', 'call_center'],
    terms: {
      en: t('rude, rudely, polite, impolite, friendly, unfriendly, courteous, attitude, eye roll, patient, respectful, disrespectful, never said hello, pushy'),
      ru: t('грубо, грубый, грубая, грубили, нахамил, нахамила, хамство, хамы, вежливый, вежливая, вежливо, невежливо, приветливый, доброжелателен, доброжелательный, терпеливый, навязчивые, закатили глаза, не поздоровалась'),
      fa: t('برخورد, بد برخورد, بی‌احترامی, احترام, مؤدب, مودب, بی‌ادب, بداخلاق, خوش‌برخورد, بی‌حوصلگی, باحوصله, صبور, رفتار, سلام نکرد'),
    },
  },
  {
    id: 'staff_help',
    names: { en: 'Staff help', ru: 'Помощь сотрудников', fa: 'کمک کارکنان' },
    industries: ['retail', 'banking'],
    terms: {
      en: t('assistant, staff, helped, helpful, explained, nobody to ask, no one to help, consultant, cashier'),
      ru: t('консультант, консультанта, продавец, продавцы, сотрудник, персонал, помогла, помог, подсказали, объяснила, некого спросить, кассир'),
      fa: t('مشاور, مشاوری, کارمند, کارکنان, فروشنده, کمک کرد, توضیح دادند, صندوق‌دار, همکاران'),
    },
  },
  {
    id: 'cleanliness',
    names: { en: 'Cleanliness', ru: 'Чистота', fa: 'نظافت' },
    industries: ['retail', 'food_delivery', 'banking'],
    terms: {
      en: t('dirty, clean, cleanliness, mess, messy, smell, smelly, hygiene, tidy, neat, neatly, smeared, filthy'),
      ru: t('грязно, грязный, грязные, чисто, чистые, чистота, аккуратно, запах, воняет, мусор, завал, в разводах, антисанитария'),
      fa: t('کثیف, تمیز, نظافت, بهداشت, بو, به‌هم‌ریخته, کثافت, لک, مرتب'),
    },
  },
  {
    id: 'price',
    names: { en: 'Price', ru: 'Цена', fa: 'قیمت' },
    industries: ['retail', 'food_delivery'],
    terms: {
      en: t('price, prices, priced, expensive, cheap, overpriced, overcharged, charged, discount, discounts, cost, offer, sale, deal'),
      ru: t('цена, цены, ценник, ценники, дорого, дорогой, дешево, скидка, скидки, акция, стоимость, переплата, распродажа, пробили дороже'),
      fa: t('قیمت, گران, گرون, ارزان, ارزون, تخفیف, تخفیفی, هزینه, حراج, گرانی'),
    },
  },
  {
    id: 'product_quality',
    names: { en: 'Product quality', ru: 'Качество товара', fa: 'کیفیت محصول' },
    industries: ['retail', 'food_delivery'],
    terms: {
      en: t('quality, taste, tasty, tasteless, fresh, stale, cold, undercooked, burnt, broken, defective, damaged, faulty'),
      ru: t('качество, вкус, вкусно, вкусный, невкусно, свежий, несвежий, холодный, сырой, пересолено, подгорело, сломан, брак, бракованный'),
      fa: t('کیفیت, بی‌کیفیت, طعم, مزه, خوشمزه, بدمزه, بی‌مزه, سرد, تازه, خام, سوخته, شور, خراب, نپخته'),
    },
  },
  {
    id: 'assortment',
    names: { en: 'Assortment and stock', ru: 'Ассортимент и наличие', fa: 'تنوع و موجودی' },
    industries: ['retail'],
    terms: {
      en: t('out of stock, in stock, stock, size, sizes, range, choice, selection, shelves, collection, none left'),
      ru: t('наличие, в наличии, ассортимент, ассортимента, выбор, размер, размера, размеров, полки, коллекция, не осталось'),
      fa: t('موجود, موجودی, تنوع, سایز, اجناس, قفسه, کالکشن, نمانده'),
    },
  },
  {
    id: 'app_website',
    names: { en: 'App and website', ru: 'Приложение и сайт', fa: 'اپلیکیشن و سایت' },
    industries: ['retail', 'food_delivery', 'banking', 'call_center'],
    terms: {
      en: t('app, website, site, online, log in, login, update, crash, crashed, crashes, loads, bug'),
      ru: t('приложение, приложении, сайт, сайте, вылетает, обновление, обновления, личный кабинет, грузится, глючит, онлайн'),
      fa: t('اپ, اپلیکیشن, سایت, برنامه, به‌روزرسانی, آپدیت, وارد حسابم, اسنپ'),
    },
  },
  {
    id: 'refund',
    names: { en: 'Returns and refunds', ru: 'Возвраты', fa: 'مرجوعی و بازگشت پول' },
    industries: ['retail', 'food_delivery', 'banking', 'call_center'],
    terms: {
      en: t('refund, refunded, return, money back, reimbursement, compensation'),
      ru: t('возврат, возврата, вернуть деньги, не вернули, вернули, компенсация, деньги'),
      fa: t('مرجوعی, بازگشت پول, پولم, برگشت, برنگشته, برمی‌گردد, استرداد'),
    },
  },
  {
    id: 'delivery',
    names: { en: 'Delivery', ru: 'Доставка', fa: 'ارسال و تحویل' },
    industries: ['retail', 'food_delivery'],
    terms: {
      en: t('delivery, delivered, deliver, courier, driver, shipping, arrived, arrive, late, on time, parcel'),
      ru: t('доставка, доставку, доставки, доставили, курьер, курьера, привезли, опоздал, опоздали, вовремя, посылка'),
      fa: t('ارسال, پیک, تحویل, رسید, نرسید, دیر رسید, زود رسید, به‌موقع, بموقع, رسیدن'),
    },
  },
  {
    id: 'packaging',
    names: { en: 'Packaging', ru: 'Упаковка', fa: 'بسته‌بندی' },
    industries: ['food_delivery'],
    terms: {
      en: t('packaging, package, packed, spilled, leaked, crushed'),
      ru: t('упаковка, упаковке, упакован, пролили, протекло, помятый'),
      fa: t('بسته‌بندی, بسته بندی, ریخته, له شده, جعبه'),
    },
  },
  {
    id: 'portion',
    names: { en: 'Portion size', ru: 'Размер порции', fa: 'حجم غذا' },
    industries: ['food_delivery'],
    terms: {
      en: t('portion, portions, small portion, tiny, amount'),
      ru: t('порция, порции, маленькая порция, мало'),
      fa: t('حجم, مقدار, کم بود, کمه, اندازه'),
    },
  },
  {
    id: 'order_accuracy',
    names: { en: 'Order accuracy', ru: 'Правильность заказа', fa: 'درستی سفارش' },
    industries: ['food_delivery'],
    terms: {
      en: t('wrong order, missing, forgot, forgotten, mixed up'),
      ru: t('перепутали, забыли, не положили, не тот заказ'),
      fa: t('اشتباه, جا انداختند, فراموش, کسری, ناقص'),
    },
  },
  {
    id: 'phone_wait',
    names: { en: 'Getting through by phone', ru: 'Дозвон', fa: 'برقراری تماس' },
    industries: ['banking', 'call_center'],
    terms: {
      en: t('on hold, hold, hotline, call back, get through, got through, hung up, phone'),
      ru: t('на линии, дозвониться, дозвонилась, дозвонился, горячей линии, горячая линия, перезвонить, перезвонили, сбросили звонок'),
      fa: t('پشت خط, تماس, زنگ, وصل شدم, قطع کرد'),
    },
  },
  {
    id: 'response_speed',
    names: { en: 'Reply speed', ru: 'Скорость ответа', fa: 'سرعت پاسخ' },
    industries: ['banking', 'call_center'],
    terms: {
      en: t('reply, replied, answer, answered, response, email, chat, template reply'),
      ru: t('ответ, ответили, ответил, письмо, чат, чате, шаблонный'),
      fa: t('جواب, پاسخ, ایمیل, چت, جواب دادند'),
    },
  },
  {
    id: 'resolution',
    names: { en: 'Problem resolution', ru: 'Решение вопроса', fa: 'حل مشکل' },
    industries: ['banking', 'call_center'],
    terms: {
      en: t('solved, resolved, sorted, fixed, transferred, first contact, handled'),
      ru: t('решили, решен, решили вопрос, переключали, перевел, перевёл, первого обращения'),
      fa: t('حل شد, حل, دست‌به‌دست, وصلم کرد, پیگیری'),
    },
  },
  {
    id: 'fees',
    names: { en: 'Fees and rates', ru: 'Комиссии и ставки', fa: 'کارمزد و سود' },
    industries: ['banking'],
    terms: {
      en: t('fee, fees, commission, interest, interest rate, charges'),
      ru: t('комиссия, комиссию, процент, проценты, ставка, тариф'),
      fa: t('کارمزد, سود, نرخ, جریمه'),
    },
  },
  {
    id: 'cards_atm',
    names: { en: 'Cards and ATMs', ru: 'Карты и банкоматы', fa: 'کارت و خودپرداز' },
    industries: ['banking'],
    terms: {
      en: t('card, cards, atm, cash machine, blocked, pin'),
      ru: t('карта, карту, карты, банкомат, банкомата, заблокировали, пин-код'),
      fa: t('کارت, عابربانک, خودپرداز, مسدود, رمز'),
    },
  },
];

/** The starter themes of one industry (all of them without one), without the industry tags. */
export function starterThemes(industry?: Industry): ThemeDefinition[] {
  return STARTER_THEMES.filter((t) => !industry || t.industries.includes(industry)).map(({ id, names, terms }) => ({ id, names, terms }));
}
