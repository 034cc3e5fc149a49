/**
 * @module The demo's focus groups and key-client debriefs (docs/staff.md "In the demo"): five sessions at
 * named stores over the months, in Russian, Persian and English, with participants by role (no names), a
 * moderator, the questions asked, the notes and one or two findings each. The MSK-04 cashiers' focus group
 * finds the single till at peak hours (linked to its "second till" action plan); KZN-02's debrief after the
 * cashier training is linked to the training plan. `analysis` is left to the focus feature (computed on save).
 * Pure: dates from `today`.
 */
import { addDays, type CalendarDay } from '../time/orgCalendar.ts';

export interface DemoFocusFinding {
  text: string;
  theme: string | null;
  /** Title of a demo action plan (./actionPlans.ts) the finding is linked to. */
  actionPlan: string | null;
}

export interface DemoFocusSession {
  kind: 'focus_group' | 'debrief';
  title: string;
  heldOn: CalendarDay;
  /** Store code. */
  store: string;
  moderator: string;
  participants: Array<{ role: string; count: number; name: null }>;
  questions: string[];
  notes: string;
  language: 'ru' | 'fa' | 'en';
  findings: DemoFocusFinding[];
}

const who = (role: string, count: number) => ({ role, count, name: null });

/** @param today the organisation's today (YYYY-MM-DD, Moscow) */
export function demoFocusSessions(today: CalendarDay): DemoFocusSession[] {
  return [
    {
      kind: 'focus_group', title: 'Очереди в часы пик: фокус-группа с кассирами (MSK-04)', heldOn: addDays(today, -50), store: 'MSK-04',
      moderator: 'Ирина Белова, HR-бизнес-партнёр', language: 'ru',
      participants: [who('cashier', 4), who('sales_assistant', 2), who('shift_lead', 1)],
      questions: [
        'Что мешает быстро обслуживать покупателей вечером и в выходные?',
        'Сколько касс открыто в часы пик и почему?',
        'На что, по-вашему, жалуются покупатели?',
      ],
      notes: [
        'Кассиры говорят, что вечером с 18 до 21 и в субботу работает одна касса из трёх: второго кассира нет в графике.',
        'Очередь доходит до десяти человек, часть покупателей уходит, оставляя вещи у кассы.',
        'Продавцы зала не могут помочь на кассе: нет доступа, и их самих в зале двое на весь этаж.',
        'При этом сотрудники считают, что покупатели в целом довольны, а жалуются в основном на размеры и цены.',
        'Старший смены отметил, что грубость появляется от усталости к концу смены.',
      ].join('\n'),
      findings: [
        { text: 'В часы пик открыта одна касса из трёх: в графике нет второго кассира.', theme: 'waiting_time', actionPlan: 'Open a second till at peak hours (MSK-04)' },
        { text: 'Сотрудники не видят проблему очередей: называют ассортимент и цены.', theme: 'staff_help', actionPlan: null },
      ],
    },
    {
      kind: 'debrief', title: 'Дебриф с ключевым клиентом: корпоративная форма (KZN-02)', heldOn: addDays(today, -30), store: 'KZN-02',
      moderator: 'Рустам Сафин, директор магазина', language: 'ru',
      participants: [who('key_client_buyer', 1), who('store_manager', 1), who('cashier', 2)],
      questions: [
        'Как прошла последняя закупка формы для сотрудников клиента?',
        'Что изменилось в обслуживании за последние месяцы?',
        'Что нам стоит сделать иначе в следующем квартале?',
      ],
      notes: [
        'Клиент отметил, что после обучения кассиры вежливые, очередь на кассе почти исчезла, оплату провели за десять минут.',
        'Раньше закупка занимала полдня: ждали консультанта и долго оформляли возврат.',
        'Просит заранее откладывать размеры и присылать счёт на почту.',
      ].join('\n'),
      findings: [
        { text: 'После обучения кассиров клиент заметил вежливое и быстрое обслуживание.', theme: 'staff_politeness', actionPlan: 'Train cashiers at Park House (KZN-02)' },
      ],
    },
    {
      kind: 'focus_group', title: 'گروه متمرکز با مشتریان دائمی (THR-02)', heldOn: addDays(today, -75), store: 'THR-02',
      moderator: 'نگار کریمی، پژوهشگر تجربه مشتری', language: 'fa',
      participants: [who('regular_customer', 6), who('store_manager', 1)],
      questions: ['چه چیزی باعث می‌شود دوباره به فروشگاه ما بیایید؟', 'تجربه شما از صندوق و صف چطور است؟', 'قیمت‌ها را با رقبا چطور مقایسه می‌کنید؟'],
      notes: [
        'مشتریان از تنوع کالا و برخورد خوب فروشندگان راضی هستند.',
        'عصر پنجشنبه صف صندوق طولانی است و انتظار گاهی بیست دقیقه طول کشید.',
        'چند نفر گفتند قیمت برچسب با قیمت صندوق فرق داشت.',
      ].join('\n'),
      findings: [
        { text: 'عصر پنجشنبه صف صندوق طولانی است؛ صندوق دوم لازم است.', theme: 'waiting_time', actionPlan: null },
        { text: 'اختلاف قیمت برچسب و صندوق اعتماد مشتری را کم می‌کند.', theme: 'price', actionPlan: null },
      ],
    },
    {
      kind: 'debrief', title: 'Key-client debrief: hotel uniform partner (MSK-01)', heldOn: addDays(today, -110), store: 'MSK-01',
      moderator: 'Maria Sokolova, store manager', language: 'en',
      participants: [who('key_client_procurement', 2), who('store_manager', 1), who('sales_assistant', 1)],
      questions: ['How did the spring order go?', 'What slowed you down?', 'Would you recommend us to other hotels?'],
      notes: [
        'The partner was happy with the staff: helpful, explained the fabric options and kept the sizes aside.',
        'The refund of two damaged items was slow and took three visits.',
        'They would recommend us, and asked for one contact person for corporate orders.',
      ].join('\n'),
      findings: [
        { text: 'Corporate refunds are slow: one contact person and a faster refund for key clients.', theme: 'refund', actionPlan: null },
      ],
    },
    {
      kind: 'focus_group', title: 'Примерочные и чистота: фокус-группа продавцов (MSK-07)', heldOn: addDays(today, -20), store: 'MSK-07',
      moderator: 'Ирина Белова, HR-бизнес-партнёр', language: 'ru',
      participants: [who('sales_assistant', 5), who('cleaner', 1)],
      questions: ['Почему в примерочных остаются вещи и мусор?', 'Кто отвечает за порядок в зале вечером?'],
      notes: [
        'В примерочных к вечеру грязно: вещи не успевают разбирать, уборщица одна на весь торговый центр.',
        'Продавцы предлагают обход примерочных каждый час с отметкой в чек-листе.',
        'Товара нужных размеров часто нет на складе, покупатели уходят без покупки.',
      ].join('\n'),
      findings: [
        { text: 'Обход примерочных каждый час с отметкой в чек-листе.', theme: 'cleanliness', actionPlan: 'Fitting-room cleaning checklist (MSK-04, MSK-07)' },
        { text: 'Нужных размеров часто нет на складе.', theme: 'assortment', actionPlan: null },
      ],
    },
  ];
}
