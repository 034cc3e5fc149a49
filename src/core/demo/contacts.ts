/**
 * @module The demo chain's contact directory: customers of its stores (Russian names in Moscow, Saint
 * Petersburg and Kazan, Persian names in Tehran, a few English-speaking ones), each with an e-mail and a
 * mobile number, a loyalty segment (the `segment` hidden field's values), a home store, and attributes.
 * External ids `cust-1`… are the contact keys of the demo's returning customers, so their answers belong
 * to them. Seeded: the same seed gives the same people. Pure.
 */
import { createRng, deriveSeed } from './random.ts';
import { demoStores } from './structure.ts';
import { addDays } from '../time/orgCalendar.ts';

export interface DemoContact {
  externalId: string;
  email: string;
  phone: string;
  name: string;
  language: 'ru' | 'fa' | 'en';
  /** Store code (a DEMO_LOCATIONS key). */
  store: string;
  segment: 'basic' | 'silver' | 'gold';
  timeZone: string;
  attributes: { age_band: string; customer_since: string; orders: number };
  /** Opted out (about 1 in 20). */
  unsubscribed: boolean;
}

/** Contacts of the demo: the 40,000-answer demo's returning customers are cust-1…cust-267 (responses.ts contactKey). */
export const DEMO_CONTACT_COUNT = 300;

/** The attribute definitions of the demo; `age_band` is also one of the demo's dashboard dimensions. */
export const DEMO_CONTACT_ATTRIBUTES = [
  { key: 'age_band', label: 'Age band', type: 'choice', choices: ['18-24', '25-34', '35-44', '45-54', '55+'], dimension: true },
  { key: 'customer_since', label: 'Customer since', type: 'date', choices: [], dimension: false },
  { key: 'orders', label: 'Orders in the last year', type: 'number', choices: [], dimension: false },
] as const;

// [name as written, Latin form for the address]
const RU_FIRST: [string, string][] = [
  ['Анна', 'anna'], ['Мария', 'maria'], ['Елена', 'elena'], ['Ольга', 'olga'], ['Наталья', 'natalia'], ['Ирина', 'irina'],
  ['Дарья', 'daria'], ['Алексей', 'alexey'], ['Дмитрий', 'dmitry'], ['Сергей', 'sergey'], ['Иван', 'ivan'], ['Михаил', 'mikhail'],
  ['Андрей', 'andrey'], ['Павел', 'pavel'], ['Ксения', 'ksenia'], ['Тимур', 'timur'], ['Айгуль', 'aigul'], ['Рустам', 'rustam'],
];
const RU_LAST: [string, string, string][] = [
  ['Иванов', 'Иванова', 'ivanov'], ['Смирнов', 'Смирнова', 'smirnov'], ['Кузнецов', 'Кузнецова', 'kuznetsov'], ['Попов', 'Попова', 'popov'],
  ['Соколов', 'Соколова', 'sokolov'], ['Лебедев', 'Лебедева', 'lebedev'], ['Морозов', 'Морозова', 'morozov'], ['Волков', 'Волкова', 'volkov'],
  ['Сафин', 'Сафина', 'safin'], ['Гарипов', 'Гарипова', 'garipov'], ['Новиков', 'Новикова', 'novikov'], ['Фёдоров', 'Фёдорова', 'fedorov'],
];
const RU_FEMALE = new Set(['anna', 'maria', 'elena', 'olga', 'natalia', 'irina', 'daria', 'ksenia', 'aigul']);
const FA_FIRST: [string, string][] = [
  ['علی', 'ali'], ['رضا', 'reza'], ['مریم', 'maryam'], ['زهرا', 'zahra'], ['سارا', 'sara'], ['محمد', 'mohammad'],
  ['نگار', 'negar'], ['امیر', 'amir'], ['پریسا', 'parisa'], ['حسین', 'hossein'], ['شیرین', 'shirin'], ['کاوه', 'kaveh'],
];
const FA_LAST: [string, string][] = [
  ['احمدی', 'ahmadi'], ['کریمی', 'karimi'], ['حسینی', 'hosseini'], ['رضایی', 'rezaei'], ['محمدی', 'mohammadi'],
  ['موسوی', 'mousavi'], ['جعفری', 'jafari'], ['صادقی', 'sadeghi'], ['نوری', 'nouri'], ['تهرانی', 'tehrani'],
];
const EN_NAMES: [string, string][] = [['John Miller', 'john.miller'], ['Emma Wilson', 'emma.wilson'], ['Lucas Brown', 'lucas.brown'], ['Sophie Martin', 'sophie.martin']];
const RU_DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'inbox.ru'];
const FA_DOMAINS = ['gmail.com', 'yahoo.com', 'chmail.ir'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * `count` demo contacts (at most 2000). Customer-since dates lie in the three years before `today` (YYYY-MM-DD).
 */
export function generateDemoContacts(opts: { seed: number; count: number; today: string }): DemoContact[] {
  const rng = createRng(deriveSeed(opts.seed, 7));
  const stores = demoStores();
  const used = new Set<string>();
  const out: DemoContact[] = [];
  for (let i = 1; i <= Math.min(opts.count, 2000); i++) {
    const store = rng.pick(stores);
    const tehran = store.key.startsWith('THR');
    const english = !tehran && rng.chance(0.06);
    let name: string;
    let local: string;
    let language: DemoContact['language'];
    if (tehran) {
      const [first, firstLatin] = rng.pick(FA_FIRST);
      const [last, lastLatin] = rng.pick(FA_LAST);
      name = `${first} ${last}`;
      local = `${firstLatin}.${lastLatin}`;
      language = rng.chance(0.9) ? 'fa' : 'en';
    } else if (english) {
      [name, local] = rng.pick(EN_NAMES);
      language = 'en';
    } else {
      const [first, firstLatin] = rng.pick(RU_FIRST);
      const [male, female, lastLatin] = rng.pick(RU_LAST);
      const isFemale = RU_FEMALE.has(firstLatin);
      name = `${first} ${isFemale ? female : male}`;
      local = `${firstLatin}.${lastLatin}${isFemale ? 'a' : ''}`;
      language = 'ru';
    }
    let email = `${local}@${rng.pick(tehran ? FA_DOMAINS : RU_DOMAINS)}`;
    if (used.has(email)) email = `${local}${i}@${rng.pick(tehran ? FA_DOMAINS : RU_DOMAINS)}`;
    used.add(email);
    // +7 9xx (Russian mobiles), +98 91x (Iranian mobiles); the number's tail is the contact's number, so phones never repeat.
    const phone = tehran ? `+98912${pad(rng.int(0, 99), 2)}${pad(i, 5)}` : `+79${pad(rng.int(10, 99), 2)}${pad(rng.int(0, 99), 2)}${pad(i, 5)}`;
    const since = addDays(opts.today, -rng.int(30, 3 * 365));
    out.push({
      externalId: `cust-${i}`,
      email,
      phone,
      name,
      language,
      store: store.key,
      segment: rng.weighted({ basic: 55, silver: 28, gold: 17 }),
      timeZone: tehran ? 'Asia/Tehran' : 'Europe/Moscow',
      attributes: {
        age_band: rng.weighted({ '18-24': 14, '25-34': 30, '35-44': 27, '45-54': 17, '55+': 12 }),
        customer_since: since,
        orders: rng.int(1, 40),
      },
      unsubscribed: rng.chance(0.05),
    });
  }
  return out;
}
