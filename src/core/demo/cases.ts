/**
 * @module Demo cases (docs/closed-loop.md "Cases"): follow-ups of real demo detractors (NPS 0-4 answers
 * of the demo stores, spread over the demo's months) and a few complaints-book claims taken by phone, by
 * letter and at the counter. Older cases are resolved or closed with a root cause that matches the store's
 * known issue (the declining MSK-04's rude staff and queues, out-of-stock shelves, price tags), some with
 * compensation; recent ones are new, in progress or waiting for the customer, a few of them overdue. The
 * manager's store (MSK-01) is worked by its manager; other stores by the analyst, a few left unassigned.
 * Pure and seeded: the loader supplies the detractors it found and writes the plan.
 */
import { createRng, type Rng } from './random.ts';
import { MANAGER_STORE } from './structure.ts';
import type { CasePriority, CaseStatus, CompensationKind } from '../closedLoop/model.ts';

export interface DemoDetractor {
  responseId: string;
  /** Store code. */
  store: string;
  score: number;
  comment: string | null;
  language: string;
  submittedAt: Date;
}

export type DemoActor = 'owner' | 'manager' | 'analyst';

export interface DemoCaseEvent {
  kind: 'note' | 'status' | 'assigned' | 'reply_sent' | 'compensation' | 'root_cause';
  /** Minutes after the case was opened. */
  at: number;
  actor: DemoActor;
  body: Record<string, unknown>;
}

export interface DemoCasePlan {
  /** The detractor's answer, or null for a claim taken by hand. */
  responseId: string | null;
  channel: 'survey' | 'phone' | 'letter' | 'in_person';
  store: string;
  title: string;
  description: string;
  priority: CasePriority;
  score: number | null;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  openedAt: Date;
  owner: DemoActor | null;
  status: CaseStatus;
  /** Root-cause key (DEFAULT_ROOT_CAUSES) and flag, for resolved and closed cases. */
  rootCause: string | null;
  controllable: boolean | null;
  resolution: string | null;
  compensation: { amount: number; kind: CompensationKind; note: string } | null;
  events: DemoCaseEvent[];
}

const DAY_MIN = 1440;
/** Store issue (src/core/demo/structure.ts) -> the root cause a resolved case of that store names. */
const ISSUE_CAUSE: Record<string, { cause: string; controllable: boolean }> = {
  rude_staff: { cause: 'staff_behaviour', controllable: true },
  queue: { cause: 'understaffing', controllable: true },
  dirty_fitting: { cause: 'process', controllable: true },
  out_of_stock: { cause: 'delivery', controllable: false },
  price_mismatch: { cause: 'price', controllable: true },
};
const STORE_ISSUES: Record<string, readonly string[]> = {
  'MSK-02': ['queue'], 'MSK-04': ['rude_staff', 'queue', 'dirty_fitting'], 'MSK-06': ['out_of_stock'], 'MSK-07': ['dirty_fitting', 'out_of_stock'],
  'SPB-02': ['queue'], 'SPB-05': ['price_mismatch'], 'KZN-02': ['rude_staff', 'queue'], 'KZN-04': ['out_of_stock'], 'THR-02': ['queue'], 'THR-03': ['price_mismatch'],
};
const OTHER_CAUSES = ['training_gap', 'product_defect', 'process', 'staff_behaviour'] as const;

const CUSTOMERS: Record<'ru' | 'en' | 'fa', readonly (readonly [string, string | null])[]> = {
  ru: [['Анна Крылова', 'anna.krylova@example.com'], ['Дмитрий Орлов', 'd.orlov@example.com'], ['Елена Смирнова', null], ['Игорь Петров', 'igor.p@example.com'],
    ['Ольга Васильева', 'olga.v@example.com'], ['Сергей Волков', null], ['Наталья Романова', 'n.romanova@example.com']],
  en: [['John Davis', 'john.davis@example.com'], ['Emily Clark', 'emily.c@example.com']],
  fa: [['مریم احمدی', 'maryam.ahmadi@example.com'], ['علی رضایی', null], ['سارا کریمی', 'sara.karimi@example.com']],
};

const TEXT = {
  ru: {
    title: (score: number, excerpt: string) => `Оценка ${score}: ${excerpt}`,
    note: 'Позвонила клиенту, извинилась, договорились о решении.',
    reply: 'Здравствуйте! Спасибо, что написали нам. Нам жаль, что визит вас расстроил; мы разобрались и уже исправляем ситуацию.',
    resolution: 'Поговорили с клиентом, провели разбор со сменой.',
  },
  en: {
    title: (score: number, excerpt: string) => `Score ${score}: ${excerpt}`,
    note: 'Called the customer, apologised and agreed on a fix.',
    reply: 'Hello! Thank you for telling us. We are sorry your visit went wrong; we looked into it and are putting it right.',
    resolution: 'Talked to the customer and reviewed it with the shift.',
  },
  fa: {
    title: (score: number, excerpt: string) => `امتیاز ${score}: ${excerpt}`,
    note: 'با مشتری تماس گرفتم، عذرخواهی کردم و دربارهٔ راه‌حل توافق کردیم.',
    reply: 'سلام! از اینکه برای ما نوشتید سپاسگزاریم. متاسفیم که تجربهٔ خوبی نداشتید؛ موضوع را بررسی کردیم و در حال رفع آن هستیم.',
    resolution: 'با مشتری صحبت شد و موضوع با شیفت بررسی شد.',
  },
} as const;

/**
 * Claims taken by hand: the complaints book. The recent ones have a fixed status, so the demo shows
 * every open status whatever the day it is generated (the surveys' recent cases are drawn at random).
 */
const BOOK: readonly {
  channel: 'phone' | 'letter' | 'in_person'; store: string; daysAgo: number; status?: CaseStatus; priority: CasePriority; lang: 'ru' | 'fa';
  title: string; description: string; cause: string; controllable: boolean;
}[] = [
  { channel: 'phone', store: 'MSK-01', daysAgo: 1, status: 'new', priority: 'high', lang: 'ru', title: 'Дважды списали оплату на кассе', description: 'Клиентка позвонила: при оплате картой деньги списали два раза, просит вернуть.', cause: 'process', controllable: true },
  { channel: 'letter', store: 'MSK-04', daysAgo: 9, status: 'in_progress', priority: 'normal', lang: 'ru', title: 'Письмо: грубость охранника на входе', description: 'Пришло бумажное письмо: охранник грубо потребовал показать сумку.', cause: 'staff_behaviour', controllable: true },
  { channel: 'in_person', store: 'MSK-01', daysAgo: 40, priority: 'normal', lang: 'ru', title: 'Запись в книге жалоб: сломанная молния', description: 'Куртка, купленная неделю назад: сломалась молния. Покупатель просит обмен.', cause: 'product_defect', controllable: false },
  { channel: 'phone', store: 'SPB-05', daysAgo: 20, priority: 'normal', lang: 'ru', title: 'Цена на кассе выше, чем на ценнике', description: 'Звонок: на полке 2 990 ₽, на кассе пробили 3 490 ₽.', cause: 'price', controllable: true },
  { channel: 'letter', store: 'THR-03', daysAgo: 3, status: 'waiting_customer', priority: 'normal', lang: 'fa', title: 'نامه: قیمت صندوق با برچسب فرق داشت', description: 'مشتری نوشته است که قیمت در صندوق بیشتر از برچسب قفسه بود.', cause: 'price', controllable: true },
  { channel: 'in_person', store: 'KZN-02', daysAgo: 70, priority: 'high', lang: 'ru', title: 'Книга жалоб: очередь 25 минут', description: 'В субботу работала одна касса из четырёх, очередь 25 минут.', cause: 'understaffing', controllable: true },
];

function statusByAge(rng: Rng, ageDays: number): CaseStatus {
  if (ageDays > 14) return rng.chance(0.7) ? 'resolved' : 'closed';
  if (ageDays > 3) return rng.weighted({ resolved: 4, waiting_customer: 2, in_progress: 4 });
  return rng.weighted({ new: 5, in_progress: 4, waiting_customer: 1 });
}

function excerpt(comment: string | null, fallback: string): string {
  const text = (comment ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return fallback;
  return text.length > 70 ? `${text.slice(0, 67).trimEnd()}…` : text;
}

/** Events of a case worked to `status`: a note, a reply when there is an e-mail, then the moves. */
function workEvents(rng: Rng, plan: Omit<DemoCasePlan, 'events'>, lang: keyof typeof TEXT, ageMin: number): DemoCaseEvent[] {
  const actor: DemoActor = plan.owner ?? 'owner';
  const events: DemoCaseEvent[] = [];
  if (plan.status === 'new') return events;
  // First action within minutes to half a day, each next step within 20 minutes to 4 hours: most cases are
  // resolved within their SLA (18 h normal, 8 h high), the slow ones miss it, as in a store that works its inbox.
  let at = rng.int(15, 12 * 60);
  const step = () => (at = Math.min(ageMin - 1, at + rng.int(20, 4 * 60)));
  events.push({ kind: 'status', at, actor, body: { from: 'new', to: 'in_progress' } });
  events.push({ kind: 'note', at: step(), actor, body: { text: TEXT[lang].note } });
  if (plan.customerEmail) {
    events.push({ kind: 'reply_sent', at: step(), actor, body: { to: plan.customerEmail, subject: plan.title, text: TEXT[lang].reply, emailed: true } });
  }
  if (plan.status === 'waiting_customer') events.push({ kind: 'status', at: step(), actor, body: { from: 'in_progress', to: 'waiting_customer' } });
  if (plan.compensation) {
    events.push({ kind: 'compensation', at: step(), actor, body: { amount: plan.compensation.amount, currency: 'RUB', kind: plan.compensation.kind, note: plan.compensation.note } });
  }
  if (plan.status === 'resolved' || plan.status === 'closed') {
    const resolvedAt = step();
    events.push({ kind: 'status', at: resolvedAt, actor, body: { from: 'in_progress', to: 'resolved' } });
    events.push({ kind: 'root_cause', at: resolvedAt, actor, body: { rootCauseKey: plan.rootCause, controllable: plan.controllable, resolution: plan.resolution, askCustomer: false } });
    if (plan.status === 'closed') events.push({ kind: 'status', at: step(), actor, body: { from: 'resolved', to: 'closed' } });
  }
  return events;
}

function causeOf(rng: Rng, store: string): { cause: string; controllable: boolean } {
  const issues = STORE_ISSUES[store];
  if (issues && rng.chance(0.8)) return ISSUE_CAUSE[rng.pick(issues)];
  return { cause: rng.pick(OTHER_CAUSES), controllable: rng.chance(0.6) };
}

/**
 * The demo's cases, oldest first. `detractors` are the demo's NPS answers of 0-4 (any order); about
 * `perMonth` of them per month become cases, the declining store's more often.
 */
export function planDemoCases(opts: { seed: number; now: Date; detractors: readonly DemoDetractor[]; perMonth?: number }): DemoCasePlan[] {
  const rng = createRng(opts.seed ^ 0xca5e_5eed);
  const perMonth = opts.perMonth ?? 10;
  const byMonth = new Map<string, DemoDetractor[]>();
  for (const d of [...opts.detractors].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.responseId.localeCompare(b.responseId))) {
    const month = d.submittedAt.toISOString().slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), d]);
  }
  const plans: DemoCasePlan[] = [];
  for (const list of byMonth.values()) {
    // The declining store's detractors first (its manager is flooded), then the rest, drawn at random.
    const weighted = list.map((d) => ({ d, w: rng.next() * (d.store === 'MSK-04' || d.store === MANAGER_STORE ? 3 : 1) }));
    weighted.sort((a, b) => b.w - a.w);
    for (const { d } of weighted.slice(0, perMonth)) {
      const lang = (d.language === 'fa' || d.language === 'en' ? d.language : 'ru') as keyof typeof TEXT;
      const ageMin = Math.max(2, Math.floor((opts.now.getTime() - d.submittedAt.getTime()) / 60_000) - 5);
      const status = statusByAge(rng, ageMin / DAY_MIN);
      const customer = rng.chance(0.75) ? rng.pick(CUSTOMERS[lang]) : null;
      const cause = causeOf(rng, d.store);
      const done = status === 'resolved' || status === 'closed';
      const base: Omit<DemoCasePlan, 'events'> = {
        responseId: d.responseId, channel: 'survey', store: d.store,
        title: TEXT[lang].title(d.score, excerpt(d.comment, d.store)),
        description: d.comment ?? '',
        priority: d.score <= 2 ? 'high' : 'normal',
        score: d.score,
        customerName: customer?.[0] ?? null, customerEmail: customer?.[1] ?? null, customerPhone: null,
        openedAt: new Date(d.submittedAt.getTime() + 5 * 60_000),
        owner: d.store === MANAGER_STORE ? 'manager' : rng.chance(0.85) ? 'analyst' : null,
        status,
        rootCause: done ? cause.cause : null,
        controllable: done ? cause.controllable : null,
        resolution: done ? TEXT[lang].resolution : null,
        compensation: done && cause.controllable && rng.chance(0.3)
          ? { amount: rng.pick([300, 500, 1000, 1500]), kind: rng.pick(['discount', 'gift', 'refund'] as const), note: lang === 'fa' ? 'کارت هدیه' : 'Скидка на следующую покупку' }
          : null,
      };
      plans.push({ ...base, events: workEvents(rng, base, lang, ageMin) });
    }
  }
  for (const b of BOOK) {
    const openedAt = new Date(opts.now.getTime() - b.daysAgo * DAY_MIN * 60_000 - rng.int(60, 600) * 60_000);
    const ageMin = Math.floor((opts.now.getTime() - openedAt.getTime()) / 60_000);
    const status = b.status ?? statusByAge(rng, b.daysAgo);
    const done = status === 'resolved' || status === 'closed';
    const customer = rng.pick(CUSTOMERS[b.lang]);
    const base: Omit<DemoCasePlan, 'events'> = {
      responseId: null, channel: b.channel, store: b.store, title: b.title, description: b.description, priority: b.priority, score: null,
      customerName: customer[0], customerEmail: customer[1], customerPhone: b.channel === 'phone' ? '+7 916 555-01-23' : null,
      openedAt, owner: b.store === MANAGER_STORE ? 'manager' : 'analyst', status,
      rootCause: done ? b.cause : null, controllable: done ? b.controllable : null, resolution: done ? TEXT[b.lang].resolution : null,
      compensation: done && b.controllable ? { amount: 1000, kind: 'refund', note: b.lang === 'fa' ? 'بازپرداخت' : 'Возврат разницы' } : null,
    };
    plans.push({ ...base, events: workEvents(rng, base, b.lang, ageMin) });
  }
  return plans.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
}
