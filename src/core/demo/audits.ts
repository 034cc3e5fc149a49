/**
 * @module The demo chain's audits (docs/audits.md "In the demo"): the same stores, months and agents as the
 * survey answers and the support desk. Mystery shoppers visit every store (and three competitors) once or
 * twice a month with the store-visit starter checklist; the visits follow each store's profile
 * (./structure.ts) the way the customers' scores do: the weak stores score lower, the stores whose
 * customers complain about queues fail "minutes at the checkout", those with rude-staff complaints fail the
 * greeting, and a few visits autofail on a missing receipt. KZN-02 improves (its trend, plus the cashier
 * training of its action plan, ./actionPlans.ts), MSK-04 declines. The latest wave is half done: the
 * demo auditor still has assignments, a few visits wait for review. A mystery-call wave checks the phone
 * line; a QA lead scores about sixty support contacts by agent on a QA scorecard, calibrates with two
 * colleagues and coaches the two weakest agents; store staff take a product-knowledge quiz twice.
 * Pure and seeded: the same seed and `now` give the same plan.
 */
import { checklistItems, parseChecklist, type ChecklistDefinition, type ChecklistItem } from '../audits/checklist.ts';
import type { StoredAnswers, StoredItemAnswer } from '../audits/answers.ts';
import { STARTER_CHECKLISTS } from '../audits/starters.ts';
import { addDays, daysBetween, type CalendarDay } from '../time/orgCalendar.ts';
import { demoActionPlans } from './actionPlans.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';
import { DEMO_LOCATIONS, demoStores, type DemoProfile } from './structure.ts';

/** The demo's mystery shopper (role auditor) and the call center's QA lead (role analyst); same password as the other demo users. */
export const DEMO_AUDITOR = { email: 'auditor@sarafan.local', name: 'Алексей Громов (тайный покупатель)', role: 'auditor', locale: 'ru' } as const;
export const DEMO_QA_LEAD = { email: 'qa@sarafan.local', name: 'Светлана Орлова (контроль качества)', role: 'analyst', locale: 'ru' } as const;
/** The knowledge quiz's public slug (/quiz/demo-product-quiz). */
export const DEMO_QUIZ_SLUG = 'demo-product-quiz';
/** How many support contacts the QA lead reviews. */
export const DEMO_QA_REVIEWS = 60;
/** Store-visit waves (monthly windows, the last one still open). */
export const DEMO_AUDIT_WAVES = 6;

/** The QA scorecard for support contacts (channel `contact`). */
export const DEMO_QA_SCORECARD: ChecklistDefinition = parseChecklist({
  name: { en: 'QA scorecard: support contact', ru: 'Оценка качества обращения', fa: 'کارت ارزیابی کیفیت تماس پشتیبانی' },
  sections: [
    {
      key: 'conversation',
      name: { en: 'Conversation', ru: 'Разговор', fa: 'گفتگو' },
      items: [
        { key: 'greeting', text: { en: 'Greeted the customer and gave a name', ru: 'Поприветствовал клиента и представился', fa: 'به مشتری خوشامد گفت و خود را معرفی کرد' }, points: 1, standard: 'greeting' },
        { key: 'understood', text: { en: 'Understood the issue without making the customer repeat it', ru: 'Понял проблему без повторных вопросов клиенту', fa: 'مسئله را بدون تکرار از سوی مشتری فهمید' }, points: 2, standard: 'needs_discovery' },
        { key: 'empathy', text: { en: 'Showed empathy and kept a calm, friendly tone', ru: 'Проявил сочувствие, говорил спокойно и дружелюбно', fa: 'همدلی نشان داد و لحنی آرام و دوستانه داشت' }, points: 2, standard: 'phone_etiquette', answerType: 'scale' },
      ],
    },
    {
      key: 'resolution',
      name: { en: 'Resolution', ru: 'Решение', fa: 'حل مسئله' },
      items: [
        { key: 'correct_solution', text: { en: 'Gave a correct and complete solution', ru: 'Дал верное и полное решение', fa: 'راه‌حل درست و کامل ارائه داد' }, points: 3, critical: true, standard: 'product_knowledge' },
        { key: 'closing', text: { en: 'Summarised the next steps and closed politely', ru: 'Подвёл итог, назвал следующие шаги и вежливо завершил', fa: 'گام‌های بعدی را جمع‌بندی کرد و مؤدبانه پایان داد' }, points: 1, standard: 'farewell' },
      ],
    },
  ],
});

export type DemoChecklistKey = 'store_visit' | 'phone_call' | 'chat' | 'qa';
export interface DemoChecklist { key: DemoChecklistKey; channel: 'store' | 'phone' | 'chat' | 'contact'; starter: string | null; definition: ChecklistDefinition }

/** The three starters copied into the organisation, and the QA scorecard written for it. */
export const DEMO_CHECKLISTS: readonly DemoChecklist[] = [
  ...STARTER_CHECKLISTS.map((s) => ({ key: s.key, channel: s.channel, starter: s.key, definition: s.definition })),
  { key: 'qa', channel: 'contact', starter: null, definition: DEMO_QA_SCORECARD },
];

/** Competitor stores (location kind `competitor`) under the regions where the chain's stores are. */
export const DEMO_COMPETITORS = [
  { key: 'CMP-MSK', code: 'CMP-MSK', name: 'Competitor: «Модный квартал», ТЦ «Авиапарк»', parentKey: 'MSK' },
  { key: 'CMP-SPB', code: 'CMP-SPB', name: 'Competitor: «Северный стиль», Невский', parentKey: 'SPB' },
  { key: 'CMP-KZN', code: 'CMP-KZN', name: 'Competitor: «Модная линия», ТЦ «Кольцо»', parentKey: 'KZN' },
] as const;
/** Competitors check out faster but greet worse: the benchmark by standard shows both. */
const COMPETITOR_PROFILE = { base: 0.2, shifts: { checkout_speed: 0.9, greeting: -0.9, needs_discovery: -0.5 } as Record<string, number> };

/** A support agent as the helpdesk names them, and the call-center team location (DEMO_LOCATIONS key) they work in. */
export interface DemoAgent { name: string; teamKey: string }
/** A support contact the QA lead may review. */
export interface DemoSupportContact { id: string; agent: string; createdAt: Date }

export interface DemoEmployee { code: string; name: string; locationKey: string; agentName: string | null }

/** A visit to store: `ref` names it for the appeals, corrections and coaching notes that point at it. */
export interface DemoVisit {
  ref: string;
  kind: 'visit' | 'call' | 'qa';
  checklist: DemoChecklistKey;
  locationKey: string;
  /** DemoEmployee.code, or null (a competitor's seller) */
  employee: string | null;
  employeeLabel: string | null;
  supportContactId: string | null;
  /** who filled it: the auditor, the QA lead, or a calibration reviewer (owner / analyst) */
  by: 'auditor' | 'qa' | 'owner' | 'analyst';
  visitedAt: Date;
  submittedAt: Date;
  /** reviewed and published by the analyst at these times (null: still waiting) */
  publishedAt: Date | null;
  status: 'submitted' | 'published';
  answers: StoredAnswers;
  notes: string | null;
}

export interface DemoAssignment { locationKey: string; dueOn: CalendarDay; status: 'assigned' | 'submitted'; visit: DemoVisit | null }
export interface DemoWave {
  name: string;
  checklist: DemoChecklistKey;
  startsOn: CalendarDay;
  endsOn: CalendarDay;
  visitsPerLocation: number;
  status: 'open' | 'closed';
  assignments: DemoAssignment[];
}

export interface DemoAppeal {
  visitRef: string;
  itemKey: string;
  reason: string;
  createdAt: Date;
  /** null: waiting for a decision */
  decision: { decision: 'upheld' | 'rejected'; note: string; at: Date; newAnswer: StoredItemAnswer | null } | null;
}

export interface DemoCoachingNote { employee: string; visitRef: string | null; note: string; followUpOn: CalendarDay; doneAt: Date | null; createdAt: Date }

export interface DemoQuizQuestion {
  key: string;
  text: { en: string; ru: string; fa: string };
  topic: string;
  options: { key: string; text: { en: string; ru: string; fa: string } }[];
  correct: string[];
}
export interface DemoQuizAttempt {
  employee: string;
  createdAt: Date;
  language: 'ru' | 'fa';
  /** question key -> chosen option keys */
  answers: Record<string, string[]>;
  perQuestion: { key: string; topic: string; correct: boolean }[];
  correct: number;
  total: number;
}

export interface DemoAuditPlan {
  employees: DemoEmployee[];
  waves: DemoWave[];
  qaReviews: DemoVisit[];
  calibration: { name: string; supportContactId: string; visits: DemoVisit[] } | null;
  appeals: DemoAppeal[];
  coaching: DemoCoachingNote[];
  quiz: { slug: string; name: { en: string; ru: string; fa: string }; topic: string; questions: DemoQuizQuestion[]; attempts: DemoQuizAttempt[] };
}

const DAY = 86_400_000;
const PERIOD_DAYS = 182;
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** A moment on `day` at `hour` Moscow time (UTC+3, no daylight saving). */
/** A Moscow local time (UTC+3 all year) on `day`. */
export const moscow = (day: CalendarDay, hour: number, minute = 0): Date =>
  new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+03:00`));

/** How each store complaint (DemoProfile.issues) shows in the audit, by standard. */
const ISSUE_SHIFTS: Record<string, Record<string, number>> = {
  queue: { checkout_speed: -1.8 },
  rude_staff: { greeting: -1.5, farewell: -0.8 },
  dirty_fitting: { cleanliness: -1.5 },
  out_of_stock: { product_knowledge: -0.6, presentation: -0.6 },
  price_mismatch: { presentation: -0.5 },
  long_hold: { checkout_speed: -1.4 },
};

/** Standard -> shift of the pass chance's log-odds for a location's profile. */
function profileShifts(profile: DemoProfile | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const issue of profile?.issues ?? []) for (const [std, s] of Object.entries(ISSUE_SHIFTS[issue] ?? {})) out[std] = (out[std] ?? 0) + s;
  return out;
}

const COMMENTS = {
  ru: {
    checkout_speed: 'Очередь на кассе, работала одна касса.', greeting: 'Никто не поздоровался, продавцы разговаривали между собой.',
    cleanliness: 'В примерочной мусор, на полу вешалки.', good: 'Продавец был внимателен, всё быстро и вежливо.',
  },
  fa: {
    checkout_speed: 'صف صندوق طولانی بود و فقط یک صندوق باز بود.', greeting: 'کسی سلام نکرد، فروشنده‌ها با هم صحبت می‌کردند.',
    cleanliness: 'اتاق پرو کثیف بود.', good: 'فروشنده بسیار دقیق و مؤدب بود و همه‌چیز سریع بود.',
  },
} as const;

/**
 * The answers of one filled checklist: each scored item passes with a chance set by `quality` (0 = the
 * chain's average) and the standard's shift; a critical item rarely fails (more often where quality is low);
 * measured items get a number on the right or wrong side of their pass rule.
 */
export function demoAnswers(rng: Rng, definition: ChecklistDefinition, quality: number, shifts: Readonly<Record<string, number>>, language: 'ru' | 'fa' | null): StoredAnswers {
  const answers: StoredAnswers = {};
  const failedStandards: string[] = [];
  for (const item of checklistItems(definition)) {
    if (item.answerType === 'photo') continue;
    if (item.answerType === 'comment') {
      if (language === null) continue;
      const bank = COMMENTS[language];
      const about = failedStandards.find((s): s is keyof typeof bank => s in bank);
      if (about) answers[item.key] = { comment: bank[about] };
      else if (rng.chance(0.25)) answers[item.key] = { comment: bank.good };
      continue;
    }
    if (item.answerType === 'yes_no_na' && rng.chance(0.07)) {
      answers[item.key] = { value: 'na' };
      continue;
    }
    const pass = item.critical
      ? !rng.chance(0.012 + 0.06 * Math.max(0, -quality))
      : rng.chance(logistic(1.6 + 1.7 * quality + (item.standard ? shifts[item.standard] ?? 0 : 0)));
    answers[item.key] = answerOf(rng, item, pass);
    if (!pass && item.standard) failedStandards.push(item.standard);
  }
  return answers;
}

function answerOf(rng: Rng, item: ChecklistItem, pass: boolean): StoredItemAnswer {
  if (item.answerType === 'number' && item.passRule) {
    const limit = item.passRule.value;
    // The rules of the starters are all "at most": a pass is a number up to the limit, a fail one above it.
    return { measured: pass ? rng.int(Math.min(1, limit), limit) : limit + rng.int(1, 3 * Math.max(2, limit)) };
  }
  if (item.answerType === 'scale') return { value: pass ? item.points : rng.int(0, Math.max(0, item.points - 1)) };
  return { value: pass ? 'yes' : 'no' };
}

const RU_FIRST = [['Анна', 'f'], ['Мария', 'f'], ['Елена', 'f'], ['Дарья', 'f'], ['Ксения', 'f'], ['Айгуль', 'f'], ['Ирина', 'f'],
  ['Алексей', 'm'], ['Дмитрий', 'm'], ['Сергей', 'm'], ['Иван', 'm'], ['Тимур', 'm'], ['Рустам', 'm'], ['Михаил', 'm']] as const;
const RU_LAST = [['Иванов', 'Иванова'], ['Кузнецов', 'Кузнецова'], ['Попов', 'Попова'], ['Лебедев', 'Лебедева'], ['Новиков', 'Новикова'],
  ['Сафин', 'Сафина'], ['Гарипов', 'Гарипова'], ['Васильев', 'Васильева'], ['Зайцев', 'Зайцева'], ['Егоров', 'Егорова']] as const;
const FA_FIRST = ['علی', 'رضا', 'مریم', 'زهرا', 'سارا', 'محمد', 'نگار', 'امیر', 'پریسا', 'کاوه'];
const FA_LAST = ['احمدی', 'کریمی', 'حسینی', 'رضایی', 'محمدی', 'موسوی', 'جعفری', 'صادقی'];

/** 2-4 sellers per store (codes `<store>-01`...) and the support agents (codes `AG-01`...). */
export function demoEmployees(seed: number, agents: readonly DemoAgent[]): DemoEmployee[] {
  const rng = createRng(deriveSeed(seed, 41));
  const out: DemoEmployee[] = [];
  const used = new Set<string>();
  for (const store of demoStores()) {
    const n = rng.int(2, 4);
    for (let i = 1; i <= n; i++) {
      let name: string;
      do {
        if (store.key.startsWith('THR')) name = `${rng.pick(FA_FIRST)} ${rng.pick(FA_LAST)}`;
        else {
          const [first, sex] = rng.pick(RU_FIRST);
          const [male, female] = rng.pick(RU_LAST);
          name = `${first} ${sex === 'f' ? female : male}`;
        }
      } while (used.has(name));
      used.add(name);
      out.push({ code: `${store.key}-${String(i).padStart(2, '0')}`, name, locationKey: store.key, agentName: null });
    }
  }
  agents.forEach((a, i) => out.push({ code: `AG-${String(i + 1).padStart(2, '0')}`, name: a.name, locationKey: a.teamKey, agentName: a.name }));
  return out;
}

const profileOf = (key: string): DemoProfile | undefined => DEMO_LOCATIONS.find((l) => l.key === key)?.profile;

interface Ctx { rng: Rng; now: Date; today: CalendarDay; employees: DemoEmployee[]; trainingStart: CalendarDay | null }

/** The quality of a store (or competitor) on `day`: its base and trend, as in the survey answers, plus the day's luck. */
function storeQuality(ctx: Ctx, key: string, day: CalendarDay): { quality: number; shifts: Record<string, number> } {
  const fraction = 1 - daysBetween(day, ctx.today) / PERIOD_DAYS;
  if (key.startsWith('CMP-')) return { quality: COMPETITOR_PROFILE.base + ctx.rng.normal(0, 0.3), shifts: COMPETITOR_PROFILE.shifts };
  const profile = profileOf(key);
  const shifts = profileShifts(profile);
  // KZN-02's cashier training (its action plan): greeting and checkout speed get better from its start.
  if (key === 'KZN-02' && ctx.trainingStart !== null && day >= ctx.trainingStart) {
    shifts.greeting = (shifts.greeting ?? 0) + 1.2;
    shifts.checkout_speed = (shifts.checkout_speed ?? 0) + 1.2;
  }
  return { quality: (profile?.base ?? 0) + (profile?.trend ?? 0) * (fraction - 0.5) + ctx.rng.normal(0, 0.3), shifts };
}

const DEFINITION = (key: DemoChecklistKey) => DEMO_CHECKLISTS.find((c) => c.key === key)!.definition;

function storeWaves(ctx: Ctx): DemoWave[] {
  const { rng } = ctx;
  const locations = [...demoStores().map((s) => s.key), ...DEMO_COMPETITORS.map((c) => c.key)];
  const waves: DemoWave[] = [];
  for (let w = DEMO_AUDIT_WAVES - 1; w >= 0; w--) {
    const startsOn = addDays(ctx.today, -14 - 30 * w);
    const endsOn = addDays(startsOn, 29);
    const n = DEMO_AUDIT_WAVES - w;
    const wave: DemoWave = {
      name: `Mystery shopping, wave ${n} (${startsOn} – ${endsOn})`, checklist: 'store_visit', startsOn, endsOn, visitsPerLocation: 2,
      status: w === 0 ? 'open' : 'closed', assignments: [],
    };
    for (const key of locations) {
      // The busy stores get two visits per wave, the others one (competitors: one).
      const visits = !key.startsWith('CMP-') && (profileOf(key)?.traffic ?? 1) >= 1.2 ? 2 : 1;
      for (let v = 0; v < visits; v++) {
        const day = addDays(startsOn, v * 15 + rng.int(0, 14));
        const dueOn = visits === 2 && v === 0 ? addDays(startsOn, 14) : endsOn;
        const at = moscow(day, rng.int(10, 20), rng.int(0, 59));
        // Not yet visited: the day has not come (or is today): the auditor's open assignments.
        if (at.getTime() > ctx.now.getTime() - 6 * 3_600_000) {
          wave.assignments.push({ locationKey: key, dueOn, status: 'assigned', visit: null });
          continue;
        }
        const submittedAt = new Date(at.getTime() + rng.int(1, 5) * 3_600_000);
        const age = (ctx.now.getTime() - at.getTime()) / DAY;
        // Visits of the last three days wait for the reviewer; older ones were published two or three days after.
        const published = age > 3;
        const publishedAt = published ? new Date(Math.min(ctx.now.getTime() - 3_600_000, at.getTime() + (2 + rng.next()) * DAY)) : null;
        const { quality, shifts } = storeQuality(ctx, key, day);
        const staff = ctx.employees.filter((e) => e.locationKey === key);
        const language = key.startsWith('THR') ? 'fa' : key.startsWith('CMP-') ? null : 'ru';
        wave.assignments.push({
          locationKey: key, dueOn, status: 'submitted',
          visit: {
            ref: `w${n}-${key}-${v + 1}`, kind: 'visit', checklist: 'store_visit', locationKey: key,
            employee: staff.length ? rng.pick(staff).code : null, employeeLabel: staff.length ? null : 'Продавец-консультант',
            supportContactId: null, by: 'auditor', visitedAt: at, submittedAt, publishedAt, status: published ? 'published' : 'submitted',
            answers: demoAnswers(rng, DEFINITION('store_visit'), quality, shifts, language ?? 'ru'), notes: null,
          },
        });
      }
    }
    waves.push(wave);
  }
  return waves;
}

/** Agent quality: seeded per agent; the phone line is a little weaker (its profile's hold times). */
function agentQualities(rng: Rng, employees: readonly DemoEmployee[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of employees) if (e.agentName) out.set(e.code, rng.normal(0, 0.6) + (profileOf(e.locationKey)?.base ?? 0));
  return out;
}

function phoneWave(ctx: Ctx, qualities: Map<string, number>): DemoWave {
  const { rng } = ctx;
  const agents = ctx.employees.filter((e) => e.agentName && e.locationKey === 'CC-PHONE');
  const startsOn = addDays(ctx.today, -60);
  const endsOn = addDays(ctx.today, -1);
  const wave: DemoWave = { name: `Mystery calls: phone line (${startsOn} – ${endsOn})`, checklist: 'phone_call', startsOn, endsOn, visitsPerLocation: 12, status: 'closed', assignments: [] };
  const shifts = profileShifts(profileOf('CC-PHONE'));
  for (let i = 0; i < 12; i++) {
    const day = addDays(startsOn, i * 5 + rng.int(0, 4));
    const at = moscow(day, rng.int(9, 20), rng.int(0, 59));
    const agent = agents.length ? rng.pick(agents) : null;
    const quality = (agent ? qualities.get(agent.code) ?? 0 : 0) + rng.normal(0, 0.3);
    wave.assignments.push({
      locationKey: 'CC-PHONE', dueOn: endsOn, status: 'submitted',
      visit: {
        ref: `call-${i + 1}`, kind: 'call', checklist: 'phone_call', locationKey: 'CC-PHONE', employee: agent?.code ?? null, employeeLabel: agent ? null : 'Оператор',
        supportContactId: null, by: 'auditor', visitedAt: at, submittedAt: new Date(at.getTime() + 3_600_000),
        publishedAt: new Date(at.getTime() + 2 * DAY), status: 'published', answers: demoAnswers(rng, DEFINITION('phone_call'), quality, shifts, 'ru'), notes: null,
      },
    });
  }
  return wave;
}

/** About DEMO_QA_REVIEWS contacts of the last 90 days, spread evenly over the agents. */
function qaReviews(ctx: Ctx, qualities: Map<string, number>, contacts: readonly DemoSupportContact[]): DemoVisit[] {
  const { rng } = ctx;
  const byAgent = new Map<string, DemoSupportContact[]>();
  const recent = ctx.now.getTime() - 90 * DAY;
  for (const c of contacts) {
    if (c.createdAt.getTime() < recent || c.createdAt.getTime() > ctx.now.getTime() - 2 * DAY) continue;
    byAgent.set(c.agent, [...(byAgent.get(c.agent) ?? []), c]);
  }
  const agents = ctx.employees.filter((e) => e.agentName && byAgent.has(e.agentName));
  if (agents.length === 0) return [];
  const perAgent = Math.ceil(DEMO_QA_REVIEWS / agents.length);
  const out: DemoVisit[] = [];
  for (const agent of agents) {
    const pool = [...byAgent.get(agent.agentName!)!];
    for (let i = 0; i < perAgent && pool.length > 0 && out.length < DEMO_QA_REVIEWS; i++) {
      const contact = pool.splice(rng.int(0, pool.length - 1), 1)[0];
      const submittedAt = new Date(Math.min(ctx.now.getTime() - DAY, contact.createdAt.getTime() + rng.int(1, 3) * DAY));
      out.push({
        ref: `qa-${contact.id}`, kind: 'qa', checklist: 'qa', locationKey: agent.locationKey, employee: agent.code, employeeLabel: null,
        supportContactId: contact.id, by: 'qa', visitedAt: contact.createdAt, submittedAt, publishedAt: new Date(submittedAt.getTime() + 3_600_000),
        status: 'published', answers: demoAnswers(rng, DEMO_QA_SCORECARD, qualities.get(agent.code) ?? 0, {}, null), notes: null,
      });
    }
  }
  return out.sort((a, b) => a.visitedAt.getTime() - b.visitedAt.getTime());
}

/** Three reviewers score the same contact: they agree on most items and differ on empathy and on "understood". */
function calibration(ctx: Ctx, reviews: readonly DemoVisit[], contacts: readonly DemoSupportContact[]): DemoAuditPlan['calibration'] {
  const reviewed = new Set(reviews.map((r) => r.supportContactId));
  const contact = [...contacts].reverse().find((c) => !reviewed.has(c.id) && c.createdAt.getTime() < ctx.now.getTime() - 7 * DAY);
  const agent = contact ? ctx.employees.find((e) => e.agentName === contact.agent) : undefined;
  if (!contact || !agent) return null;
  const base: StoredAnswers = { greeting: { value: 'yes' }, understood: { value: 'yes' }, empathy: { value: 2 }, correct_solution: { value: 'yes' }, closing: { value: 'no' } };
  const variants: StoredAnswers[] = [base, { ...base, empathy: { value: 1 } }, { ...base, understood: { value: 'no' }, empathy: { value: 1 } }];
  const at = new Date(ctx.now.getTime() - 5 * DAY);
  const by = ['qa', 'owner', 'analyst'] as const;
  return {
    name: `Calibration: contact ${contact.id.slice(0, 8)}`, supportContactId: contact.id,
    visits: variants.map((answers, i) => ({
      ref: `cal-${i + 1}`, kind: 'qa', checklist: 'qa', locationKey: agent.locationKey, employee: agent.code, employeeLabel: null, supportContactId: contact.id,
      by: by[i], visitedAt: contact.createdAt, submittedAt: new Date(at.getTime() + i * 3_600_000), publishedAt: null, status: 'submitted', answers, notes: null,
    })),
  };
}

/**
 * Two appeals by the demo manager's store (MSK-01) on its latest published visits with a failed non-critical
 * item: the older one decided (upheld: the answer is corrected), the newer one still waiting.
 */
function appeals(ctx: Ctx, waves: readonly DemoWave[]): DemoAppeal[] {
  const candidates = waves.flatMap((w) => w.assignments).map((a) => a.visit)
    .filter((v): v is DemoVisit => v !== null && v.locationKey === 'MSK-01' && v.status === 'published')
    .map((v) => ({ v, item: checklistItems(DEFINITION('store_visit')).find((i) => !i.critical && i.answerType === 'yes_no' && v.answers[i.key]?.value === 'no') }))
    .filter((c) => c.item !== undefined)
    .sort((a, b) => b.v.visitedAt.getTime() - a.v.visitedAt.getTime());
  const out: DemoAppeal[] = [];
  const [pending, decided] = candidates;
  if (decided) {
    const createdAt = new Date(decided.v.publishedAt!.getTime() + DAY);
    out.push({
      visitRef: decided.v.ref, itemKey: decided.item!.key, createdAt,
      reason: 'На записи камеры видно, что продавец поздоровался с покупателем у входа.',
      decision: { decision: 'upheld', note: 'Запись подтверждает: ответ исправлен на «да».', at: new Date(Math.min(ctx.now.getTime() - 3_600_000, createdAt.getTime() + 2 * DAY)), newAnswer: { value: 'yes' } },
    });
  }
  if (pending) {
    out.push({
      visitRef: pending.v.ref, itemKey: pending.item!.key, createdAt: new Date(Math.min(ctx.now.getTime() - 3_600_000, pending.v.publishedAt!.getTime() + 12 * 3_600_000)),
      reason: 'В это время в зале был один продавец на обеденной замене, просим пересмотреть.', decision: null,
    });
  }
  return out;
}

/** Coaching notes for the two weakest agents by their QA reviews: one follow-up overdue, one ahead. */
function coaching(ctx: Ctx, reviews: readonly DemoVisit[], qualities: Map<string, number>): DemoCoachingNote[] {
  const weakest = [...qualities.entries()].filter(([code]) => reviews.some((r) => r.employee === code)).sort((a, b) => a[1] - b[1]).slice(0, 2).map(([code]) => code);
  return weakest.map((code, i): DemoCoachingNote => {
    const last = [...reviews].reverse().find((r) => r.employee === code) ?? null;
    const createdAt = new Date(ctx.now.getTime() - (i === 0 ? 20 : 6) * DAY);
    return {
      employee: code, visitRef: last?.ref ?? null, createdAt, doneAt: null,
      note: i === 0
        ? 'Разобрали три звонка: клиент дважды повторял вопрос. Практика: уточняющие вопросы и резюме запроса в начале разговора.'
        : 'Проверять статус заказа в системе до ответа клиенту; шпаргалка по возвратам выдана.',
      // the first one's follow-up was due a week ago and is still open (overdue)
      followUpOn: i === 0 ? addDays(ctx.today, -7) : addDays(ctx.today, 10),
    };
  });
}

const t = (en: string, ru: string, fa: string) => ({ en, ru, fa });

/** Six questions about products and standards; `return_days` is the one most people miss. */
export const DEMO_QUIZ_QUESTIONS: readonly DemoQuizQuestion[] = [
  {
    key: 'greet_time', topic: 'standards', text: t('Within how many seconds should a customer be greeted?', 'В течение скольких секунд нужно поприветствовать покупателя?', 'در چند ثانیه باید به مشتری خوشامد گفت؟'),
    options: [{ key: 's30', text: t('30 seconds', '30 секунд', '۳۰ ثانیه') }, { key: 's120', text: t('2 minutes', '2 минуты', '۲ دقیقه') }, { key: 'never', text: t('Only when asked', 'Только если спросят', 'فقط وقتی بپرسد') }],
    correct: ['s30'],
  },
  {
    key: 'queue_limit', topic: 'standards', text: t('What is the longest a customer may wait at the checkout?', 'Сколько максимум покупатель может ждать на кассе?', 'بیشترین زمان انتظار مشتری در صندوق چقدر است؟'),
    options: [{ key: 'm5', text: t('5 minutes', '5 минут', '۵ دقیقه') }, { key: 'm10', text: t('10 minutes', '10 минут', '۱۰ دقیقه') }, { key: 'm15', text: t('15 minutes', '15 минут', '۱۵ دقیقه') }],
    correct: ['m5'],
  },
  {
    key: 'receipt', topic: 'standards', text: t('When must the customer get a receipt?', 'Когда покупателю выдаётся чек?', 'مشتری چه زمانی باید رسید بگیرد؟'),
    options: [{ key: 'always', text: t('Always, with every purchase', 'Всегда, при каждой покупке', 'همیشه، با هر خرید') }, { key: 'asked', text: t('Only when asked', 'Только по просьбе', 'فقط اگر بخواهد') }, { key: 'card', text: t('Only for card payments', 'Только при оплате картой', 'فقط برای پرداخت با کارت') }],
    correct: ['always'],
  },
  {
    key: 'return_days', topic: 'returns', text: t('How many days does a customer have to return an item without defects?', 'Сколько дней у покупателя на возврат товара без дефектов?', 'مشتری چند روز برای بازگرداندن کالای بی‌عیب فرصت دارد؟'),
    options: [{ key: 'd7', text: t('7 days', '7 дней', '۷ روز') }, { key: 'd14', text: t('14 days', '14 дней', '۱۴ روز') }, { key: 'd30', text: t('30 days', '30 дней', '۳۰ روز') }],
    correct: ['d14'],
  },
  {
    key: 'loyalty_levels', topic: 'products', text: t('Which loyalty level gives the largest discount?', 'Какой уровень карты лояльности даёт наибольшую скидку?', 'کدام سطح کارت وفاداری بیشترین تخفیف را می‌دهد؟'),
    options: [{ key: 'basic', text: t('Basic', 'Базовый', 'پایه') }, { key: 'silver', text: t('Silver', 'Серебряный', 'نقره‌ای') }, { key: 'gold', text: t('Gold', 'Золотой', 'طلایی') }],
    correct: ['gold'],
  },
  {
    key: 'fabric_care', topic: 'products', text: t('Which fabric should not be tumble-dried?', 'Какую ткань нельзя сушить в сушильной машине?', 'کدام پارچه را نباید در خشک‌کن خشک کرد؟'),
    options: [{ key: 'wool', text: t('Wool', 'Шерсть', 'پشم') }, { key: 'cotton', text: t('Cotton', 'Хлопок', 'پنبه') }, { key: 'polyester', text: t('Polyester', 'Полиэстер', 'پلی‌استر') }],
    correct: ['wool'],
  },
];
/** How easy each question is (log-odds added to the employee's skill). */
const QUESTION_EASE: Record<string, number> = { greet_time: 1.4, queue_limit: 0.9, receipt: 2.0, return_days: -1.8, loyalty_levels: 1.1, fabric_care: 0.4 };

/** About forty attempts over three months: store sellers take the quiz, most of them again weeks later, and do better. */
function quizAttempts(ctx: Ctx): DemoQuizAttempt[] {
  const { rng } = ctx;
  const sellers = ctx.employees.filter((e) => !e.agentName);
  const takers: DemoEmployee[] = [];
  const pool = [...sellers];
  while (takers.length < 24 && pool.length > 0) takers.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
  const out: DemoQuizAttempt[] = [];
  takers.forEach((e, i) => {
    const skill = rng.normal(0, 0.7);
    const repeats = i % 3 === 0 ? 1 : 2; // most take it twice
    let day = addDays(ctx.today, -90 + rng.int(0, 25));
    for (let attempt = 0; attempt < repeats; attempt++) {
      const perQuestion = DEMO_QUIZ_QUESTIONS.map((q) => ({ key: q.key, topic: q.topic, correct: rng.chance(logistic(skill + QUESTION_EASE[q.key] + 0.9 * attempt)) }));
      const answers: Record<string, string[]> = {};
      for (const [j, q] of DEMO_QUIZ_QUESTIONS.entries()) {
        const wrong = q.options.filter((o) => !q.correct.includes(o.key));
        // the wrong answer to the returns question is nearly always "30 days" (the loyalty members' rule people mix it up with)
        answers[q.key] = perQuestion[j].correct ? [...q.correct] : [q.key === 'return_days' ? 'd30' : rng.pick(wrong).key];
      }
      const correct = perQuestion.filter((p) => p.correct).length;
      out.push({ employee: e.code, createdAt: moscow(day, rng.int(9, 18), rng.int(0, 59)), language: e.locationKey.startsWith('THR') ? 'fa' : 'ru', answers, perQuestion, correct, total: perQuestion.length });
      day = addDays(day, rng.int(30, 55));
    }
  });
  return out.filter((a) => a.createdAt.getTime() < ctx.now.getTime()).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * The whole audits story for the demo.
 * @param today the organisation's today (Moscow)
 * @param agents the support agents of the demo's support contacts, with their team
 * @param contacts the support contacts handled by those agents (QA reviews and calibration pick from them)
 */
export function planDemoAudits(opts: { seed: number; now: Date; today: CalendarDay; agents: readonly DemoAgent[]; contacts: readonly DemoSupportContact[] }): DemoAuditPlan {
  const employees = demoEmployees(opts.seed, opts.agents);
  const training = demoActionPlans(opts.today).find((p) => p.stores.includes('KZN-02'));
  const ctx: Ctx = { rng: createRng(deriveSeed(opts.seed, 42)), now: opts.now, today: opts.today, employees, trainingStart: training?.startDate ?? null };
  const waves = storeWaves(ctx);
  const qualities = agentQualities(ctx.rng, employees);
  waves.push(phoneWave(ctx, qualities));
  const reviews = qaReviews(ctx, qualities, opts.contacts);
  return {
    employees,
    waves,
    qaReviews: reviews,
    calibration: calibration(ctx, reviews, opts.contacts),
    appeals: appeals(ctx, waves),
    coaching: coaching(ctx, reviews, qualities),
    quiz: {
      slug: DEMO_QUIZ_SLUG,
      name: t('Product and standards quiz', 'Тест: товары и стандарты', 'آزمون کالا و استانداردها'),
      topic: 'products',
      questions: [...DEMO_QUIZ_QUESTIONS],
      attempts: quizAttempts(ctx),
    },
  };
}
