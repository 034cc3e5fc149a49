/**
 * @module The demo chain's support desk (docs/demo.md "Support contacts"): tickets, calls and chats
 * about the same stores, customers and months as the survey answers, as canonical contact events
 * (docs/import-formats.md), stored through the same path as an import. Three teams (the call center's
 * phone line, chat and e-mail) with their agents; complaints, reopens and repeat contacts; the
 * declining store MSK-04 gets more complaints and slower answers month by month. Some tickets are
 * the ones a CSAT answer of the same customer followed ("anchors", `chooseSupportAnchors`): solved shortly
 * before the answer, slower and reopened more often when the answer was poor, so satisfaction falls with
 * resolution time.
 * Pure and seeded.
 */
import type { SupportEvent, SupportEventKind } from '../support/contactEvents.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';
import { DECLINING_STORE, demoStores } from './structure.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** SLA targets per priority (seconds). */
export const DEMO_SLA_TARGETS = [
  { priority: 'urgent', firstResponseS: 15 * 60, resolutionS: 8 * 3600 },
  { priority: 'high', firstResponseS: 3600, resolutionS: 24 * 3600 },
  { priority: 'normal', firstResponseS: 4 * 3600, resolutionS: 72 * 3600 },
  { priority: 'low', firstResponseS: 24 * 3600, resolutionS: 120 * 3600 },
] as const;

type Channel = 'phone' | 'email' | 'chat';
const TEAMS: Record<Channel, { team: string; agents: readonly string[] }> = {
  phone: { team: 'Линия 1: телефон', agents: ['Ольга Смирнова', 'Игорь Павлов', 'Марина Козлова', 'Артём Волков'] },
  chat: { team: 'Чат и мессенджеры', agents: ['Анна Белова', 'Дмитрий Орлов', 'Sara Rahimi', 'Нина Фёдорова'] },
  email: { team: 'Почта и претензии', agents: ['Елена Соколова', 'Павел Морозов', 'Reza Karimi'] },
};
const CATEGORIES = { order_status: 30, return_refund: 22, product_question: 18, payment: 12, loyalty_card: 10, store_service: 8 } as const;
const SUBJECTS: Record<keyof typeof CATEGORIES, string> = {
  order_status: 'Где мой заказ?', return_refund: 'Возврат и деньги', product_question: 'Вопрос о товаре', payment: 'Оплата не прошла',
  loyalty_card: 'Бонусная карта', store_service: 'Обслуживание в магазине',
};

/** A CSAT answer a ticket should precede: the customer, their store, when they answered and the score (1..5). */
export interface SupportAnchor {
  customerId: string;
  store: string;
  answeredAt: Date;
  score: number;
}

/** A CSAT answer at a store: by a directory customer (`customerId`), or by a one-off customer (null). */
export interface DemoCsatAnswer {
  id: string;
  customerId: string | null;
  store: string;
  answeredAt: Date;
  score: number;
}

/**
 * Which CSAT answers followed a support contact: about `share` of them. Most answers come from one-off
 * customers the directory does not know, and an answer is linked to a ticket only through a known
 * customer; so an anchored one-off answer is given to a directory customer of the same home store who
 * has no CSAT answer yet (each customer at most once, so no answer becomes a duplicate). Anchored answers
 * left without a customer are not anchored.
 * @returns the anchors (oldest answer first) and the answers given a customer (answer id -> customer)
 */
export function chooseSupportAnchors(rng: Rng, answers: readonly DemoCsatAnswer[], directory: readonly { externalId: string; store: string | null }[], share: number): {
  anchors: SupportAnchor[]; adopted: Map<string, string>;
} {
  const answered = new Set(answers.map((a) => a.customerId));
  const free = new Map<string, string[]>();
  for (const c of directory) {
    if (c.store === null || answered.has(c.externalId)) continue;
    free.set(c.store, [...(free.get(c.store) ?? []), c.externalId]);
  }
  const anchors: SupportAnchor[] = [];
  const adopted = new Map<string, string>();
  for (const a of answers) {
    if (!rng.chance(share)) continue;
    const customerId = a.customerId ?? free.get(a.store)?.shift() ?? null;
    if (customerId === null) continue;
    if (a.customerId === null) adopted.set(a.id, customerId);
    anchors.push({ customerId, store: a.store, answeredAt: a.answeredAt, score: a.score });
  }
  return { anchors, adopted };
}

interface Ticket {
  id: string;
  customerId: string;
  store: string;
  channel: Channel;
  createdAt: number;
  /** 0 (quick, happy) .. 1 (slow, troubled). */
  trouble: number;
}

/** A ticket's events from its creation on (its life depends on `trouble`). */
function ticketEvents(rng: Rng, t: Ticket): SupportEvent[] {
  const { team, agents } = TEAMS[t.channel];
  const agent = rng.pick(agents);
  const category = rng.weighted(CATEGORIES);
  const complaint = t.store === DECLINING_STORE ? rng.chance(0.15 + 0.35 * t.trouble) : rng.chance(0.04 + 0.2 * t.trouble);
  const priority = complaint ? rng.weighted({ urgent: 25, high: 50, normal: 25 }) : rng.weighted({ urgent: 3, high: 17, normal: 60, low: 20 });
  const base = { ticketId: t.id, customerId: null, channel: null, team: null, location: null, priority: null, category: null, subject: null, isComplaint: null };
  const events: SupportEvent[] = [];
  const push = (at: number, kind: SupportEventKind, extra: Partial<SupportEvent> = {}) => {
    events.push({ ...base, at: new Date(at), kind, agent: null, ...extra });
  };
  push(t.createdAt, 'created', {
    customerId: t.customerId, channel: t.channel, location: t.store, priority, category, subject: SUBJECTS[category], isComplaint: complaint,
  });
  // First response: a phone call is answered at once; chat in minutes; e-mail in hours, slower with trouble.
  const firstDelay = t.channel === 'phone' ? rng.int(0, 3) * 60_000 + t.trouble * rng.int(0, 20) * 60_000
    : t.channel === 'chat' ? rng.int(1, 12) * 60_000 * (1 + 3 * t.trouble)
      : (0.5 + rng.next() * 3 + 40 * t.trouble) * HOUR;
  if (t.channel === 'email' && rng.chance(0.8)) push(t.createdAt + 60_000, 'auto_reply');
  push(t.createdAt + 30_000, 'assigned', { agent, team });
  let at = t.createdAt + firstDelay;
  push(at, 'agent_reply', { agent, team });
  const rounds = rng.chance(0.1 + 0.8 * t.trouble) ? rng.int(1, 3) : 0;
  for (let i = 0; i < rounds; i++) {
    at += (t.channel === 'email' ? rng.int(1, 8) * HOUR : rng.int(3, 40) * 60_000) * (1 + 3 * t.trouble);
    push(at, 'customer_reply');
    at += (t.channel === 'email' ? rng.int(1, 4) * HOUR : rng.int(1, 15) * 60_000) * (1 + 4 * t.trouble);
    push(at, 'agent_reply', { agent, team });
  }
  at += rng.int(1, 30) * 60_000;
  let solver = agent;
  if (rng.chance(0.08 + 0.3 * t.trouble)) {
    push(at, 'solved', { agent });
    at += rng.int(4, 48) * HOUR;
    push(at, 'reopened');
    solver = rng.pick(agents);
    at += rng.int(1, 8) * HOUR;
    push(at, 'agent_reply', { agent: solver, team });
    at += rng.int(10, 120) * 60_000;
  }
  push(at, 'solved', { agent: solver });
  push(at + 2 * DAY, 'closed');
  return events;
}

/** The events moved by `shiftMs`, without those after `now` (a ticket still open then). */
function placed(events: SupportEvent[], shiftMs: number, now: number): SupportEvent[] {
  return events.map((e) => ({ ...e, at: new Date(e.at.getTime() + shiftMs) })).filter((e) => e.at.getTime() <= now);
}

const lastSolve = (events: SupportEvent[]) => Math.max(...events.filter((e) => e.kind === 'solved').map((e) => e.at.getTime()));

/**
 * The demo's support contact events, oldest ticket first per kind: one ticket before each anchor, and
 * background tickets over `days` before `now` (about `perDay` a day), a share of them followed within
 * a week by another contact of the same customer about the same thing.
 */
export function generateDemoSupportEvents(opts: {
  seed: number; now: Date; days: number; anchors: readonly SupportAnchor[]; customers: readonly string[]; perDay?: number;
}): SupportEvent[] {
  const rng = createRng(deriveSeed(opts.seed, 12));
  const now = opts.now.getTime();
  const stores = demoStores();
  const traffic = Object.fromEntries(stores.map((s) => [s.key, s.profile!.traffic])) as Record<string, number>;
  const events: SupportEvent[] = [];
  let n = 0;
  const channelOf = () => rng.weighted<Channel>({ phone: 40, chat: 35, email: 25 });
  for (const a of opts.anchors) {
    const trouble = Math.min(1, Math.max(0, (5 - a.score) / 4 + rng.normal(0, 0.12)));
    // Made from time 0, then moved so that its last solve comes 1 to 30 hours before the answer.
    const ticket = ticketEvents(rng, { id: `SD-${++n}`, customerId: a.customerId, store: a.store, channel: channelOf(), createdAt: 0, trouble });
    events.push(...placed(ticket, a.answeredAt.getTime() - rng.int(1, 30) * HOUR - lastSolve(ticket), now));
  }
  const perDay = opts.perDay ?? 8;
  for (let d = opts.days; d >= 1; d--) {
    const dayStart = now - d * DAY;
    const fraction = 1 - d / opts.days;
    for (let i = rng.int(Math.floor(perDay * 0.6), Math.ceil(perDay * 1.4)); i > 0; i--) {
      const store = rng.weighted(traffic);
      const known = rng.chance(0.6) && opts.customers.length > 0;
      const customerId = known ? rng.pick(opts.customers) : `caller-${rng.int(1000, 9999)}`;
      // The declining store's customers have more trouble as the months go by.
      const trouble = Math.min(1, Math.max(0, rng.next() * 0.5 + (store === DECLINING_STORE ? 0.5 * fraction : 0)));
      const createdAt = dayStart + rng.int(8 * 60, 21 * 60) * 60_000;
      const channel = channelOf();
      events.push(...placed(ticketEvents(rng, { id: `SD-${++n}`, customerId, store, channel, createdAt, trouble }), 0, now));
      // Repeat contact: the problem was not really solved.
      if (rng.chance(0.1 + 0.3 * trouble)) {
        const again = createdAt + rng.int(1, 6) * DAY + rng.int(0, 600) * 60_000;
        if (again < now) events.push(...placed(ticketEvents(rng, { id: `SD-${++n}`, customerId, store, channel: channelOf(), createdAt: again, trouble: Math.min(1, trouble + 0.2) }), 0, now));
      }
    }
  }
  return events;
}
