/**
 * @module The demo chain's till and door-counter data (docs/store-economics.md "In the demo"): footfall per
 * store and hour (opening hours 10:00-22:00 Moscow time, busy weekends and evening peaks; passers-by where a
 * counter measures them), staff shifts (2-6 on shift, more at peaks) and till transactions with an average
 * check near 3,500 RUB, about a third of them with a loyalty-card customer id. The story agrees with the
 * survey answers (./structure.ts): MSK-04, the declining store with queue complaints and the worst checkout
 * audits, has the most visitors but its rota plans too few people for its peaks, so its peak-hour conversion
 * collapses (its "second till" action plan adds one person at peaks from its start); KZN-02's conversion rises
 * month after month with its trend and cashier training. Loyalty customers follow a heavy-tailed spend (the top
 * fifth bring roughly two thirds of the revenue) and the demo contacts' spend follows their NPS answers:
 * promoters buy more often and more than detractors. Pure and seeded.
 */
import type { ScoreGroup } from '../surveys/types.ts';
import { addDays, daysBetween, orgToday, type CalendarDay } from '../time/orgCalendar.ts';
import { demoActionPlans } from './actionPlans.ts';
import { moscow } from './audits.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';
import { DECLINING_STORE, DEMO_TIMEZONE, IMPROVING_STORE, demoStores, type DemoLocation } from './structure.ts';

/** Stores whose door counter also measures passers-by (the mall corridor sensors). */
export const PASSER_COUNTER_STORES: readonly string[] = ['MSK-01', 'MSK-02', 'MSK-04', 'SPB-01', 'SPB-02', 'KZN-01', 'KZN-02', 'THR-02'];
/** Opening hours (local, the organisation's time zone): the first hour and the hour after the last. */
export const OPENING_HOUR = 10;
export const CLOSING_HOUR = 22;
/** Share of transactions carrying a loyalty-card customer id. */
export const CARD_SHARE = 0.35;
/** Loyalty-card holders `cust-1`…`cust-<n>`; the first DEMO_CONTACT_COUNT are the demo contacts. */
export const DEMO_CARD_HOLDERS = 12_000;

/** One door-counter hour. */
export interface DemoFootfallHour {
  store: string;
  /** The hour's start (UTC instant). */
  hour: Date;
  visitors: number;
  passersBy: number | null;
}

/** One shift of one employee. */
export interface DemoShift {
  store: string;
  shiftKey: string;
  employeeCode: string;
  startsAt: Date;
  endsAt: Date;
}

/** One till receipt. */
export interface DemoTransaction {
  store: string;
  receiptId: string;
  at: Date;
  amount: number;
  items: number;
  customerKey: string | null;
  referralCode: string | null;
}

/** A referred customer's planned purchase (./referrals.ts): it takes over one anonymous receipt of that store and day. */
export interface DemoReferralPurchase {
  customerKey: string;
  /** The code shown at the till (on the receipt), or null when the customer was claimed elsewhere. */
  code: string | null;
  store: string;
  day: CalendarDay;
}

/** A demo contact as the till sees them: their card number (external id), home store and NPS group. */
export interface DemoCardContact {
  key: string;
  store: string;
  /** The group of the contact's latest demo NPS answer; null when they never answered. */
  group: ScoreGroup | null;
}

/** One store-day of data. */
export interface DemoStoreDay {
  footfall: DemoFootfallHour[];
  shifts: DemoShift[];
  transactions: DemoTransaction[];
}

export interface StoreEconomicsOptions {
  seed: number;
  /** Only whole hours before `now` are produced. */
  now: Date;
  days: number;
  contacts: readonly DemoCardContact[];
  referrals?: readonly DemoReferralPurchase[];
  /** Loyalty-card holders (default DEMO_CARD_HOLDERS). */
  cardHolders?: number;
}

// Share of the day's visitors per opening hour 10..21: a lunch bump and an evening peak on weekdays, a long afternoon at weekends.
const WEEKDAY_HOURS = [3, 4, 6, 9, 8, 6, 6, 9, 13, 14, 13, 9];
const WEEKEND_HOURS = [4, 6, 8, 10, 11, 11, 10, 10, 10, 9, 7, 4];
// Visitors by weekday, Sunday..Saturday: Russian weekends; in Tehran Thursday evening and Friday.
const WEEK_RU = [1.35, 0.8, 0.85, 0.9, 0.95, 1.15, 1.5];
const WEEK_IR = [1.0, 0.9, 0.9, 0.95, 1.3, 1.45, 1.0];
/** Visitors per employee on shift the rotas plan for; MSK-04's rota plans for twice as many. */
const PLANNED_LOAD = 10;
const UNDERSTAFFED_LOAD = 22;
/** Above this many visitors per person on shift an hour, customers give up at the queue. */
const COMFORT_LOAD = 12;

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Share of the day's visitors in local hour `h` (10..21). */
export function hourShare(h: number, weekend: boolean): number {
  const shares = weekend ? WEEKEND_HOURS : WEEKDAY_HOURS;
  return shares[h - OPENING_HOUR] / sum(shares);
}

/** Conversion lost to queues: 1 up to COMFORT_LOAD visitors per person on shift, then 4 % per extra visitor, at least 0.45. */
export function serviceFactor(visitors: number, staff: number): number {
  const load = visitors / Math.max(1, staff);
  return clamp(1 - 0.04 * Math.max(0, load - COMFORT_LOAD), 0.45, 1);
}

/** People on shift a rota plans for an hour with `expected` visitors: 2 to 6. */
export function plannedStaff(expected: number, load: number): number {
  return clamp(Math.round(expected / load), 2, 6);
}

/**
 * Turns staff per hour into shifts: a person joins when the count rises and the last to join leaves first
 * when it falls; shifts longer than eight hours are split into two (a morning and an evening person).
 * @returns [start hour, end hour) pairs in local hours
 */
export function shiftsFromCounts(counts: readonly number[], firstHour: number): Array<[number, number]> {
  const open: number[] = [];
  const out: Array<[number, number]> = [];
  const close = (start: number, end: number) => {
    if (end - start > 8) {
      const mid = start + Math.ceil((end - start) / 2);
      out.push([start, mid], [mid, end]);
    } else out.push([start, end]);
  };
  counts.forEach((c, i) => {
    const h = firstHour + i;
    while (open.length > c) close(open.pop()!, h);
    while (open.length < c) open.push(h);
  });
  while (open.length) close(open.pop()!, firstHour + counts.length);
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

interface StorePlan {
  loc: DemoLocation;
  visitorsPerDay: number;
  capture: number | null;
  check: number;
  iran: boolean;
}

function storePlans(rng: Rng): StorePlan[] {
  return demoStores().map((loc) => {
    const traffic = loc.profile?.traffic ?? 1;
    return {
      loc,
      // MSK-04 sits in the biggest mall of the chain: the most visitors.
      visitorsPerDay: 190 * traffic * (loc.key === DECLINING_STORE ? 1.5 : 1),
      capture: PASSER_COUNTER_STORES.includes(loc.key) ? clamp(0.16 + rng.normal(0, 0.025) + (loc.key === DECLINING_STORE ? 0.05 : 0), 0.1, 0.3) : null,
      check: 3_500 * Math.exp(rng.normal(0, 0.08)),
      iran: loc.key.startsWith('THR'),
    };
  });
}

/** A store's base conversion on a day (`fraction` 0 at the period's start, 1 today), before queues. */
function baseConversion(plan: StorePlan, fraction: number, trained: boolean): number {
  const base = plan.loc.profile?.base ?? 0;
  if (plan.loc.key === IMPROVING_STORE) return 0.16 + 0.09 * fraction + (trained ? 0.02 : 0);
  if (plan.loc.key === DECLINING_STORE) return 0.25 - 0.03 * fraction;
  return 0.23 + 0.03 * base;
}

/** The Nov 20 - Dec 31 rush brings more visitors. */
function seasonal(day: CalendarDay): number {
  const month = Number(day.slice(5, 7));
  return (month === 11 && Number(day.slice(8, 10)) >= 20) || month === 12 ? 1.2 : 1;
}

/** A card holder's relative spend: heavy-tailed; for the demo contacts, by their NPS answer. */
const GROUP_SPEND: Record<ScoreGroup, number> = { promoter: 2.2, passive: 1, detractor: 0.45 };
const GROUP_BASKET: Record<ScoreGroup, number> = { promoter: 1.15, passive: 1, detractor: 0.85 };

interface Holder { key: string; weight: number; basket: number }

/** Cumulative weights for picking a holder in proportion to their weight (binary search). */
class HolderPool {
  private readonly cumulative: number[] = [];
  constructor(readonly holders: Holder[]) {
    let total = 0;
    for (const h of holders) this.cumulative.push((total += h.weight));
  }
  pick(rng: Rng): Holder {
    const r = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.holders[lo];
  }
}

function cardHolders(rng: Rng, opts: StoreEconomicsOptions, stores: readonly string[]): { byStore: Map<string, HolderPool>; chain: HolderPool } {
  const all: Array<Holder & { store: string }> = [];
  const known = new Map(opts.contacts.map((c) => [c.key, c]));
  for (let i = 1; i <= (opts.cardHolders ?? DEMO_CARD_HOLDERS); i++) {
    const key = `cust-${i}`;
    const contact = known.get(key);
    if (contact?.group) {
      all.push({ key, store: contact.store, weight: GROUP_SPEND[contact.group] * Math.exp(rng.normal(0, 0.4)), basket: GROUP_BASKET[contact.group] });
    } else {
      all.push({ key, store: contact?.store ?? rng.pick(stores), weight: Math.exp(rng.normal(0, 1.3)), basket: 1 });
    }
  }
  const byStore = new Map(stores.map((s) => [s, new HolderPool(all.filter((h) => h.store === s))]));
  return { byStore, chain: new HolderPool(all) };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * The demo's store data, one store-day at a time (days oldest first, stores in declaration order).
 * Deterministic for a given seed, `now` and inputs.
 */
export function* generateStoreEconomics(opts: StoreEconomicsOptions): Generator<DemoStoreDay> {
  const rng = createRng(deriveSeed(opts.seed, 15));
  const plans = storePlans(rng);
  const pools = cardHolders(rng, opts, plans.map((p) => p.loc.key));
  const today = orgToday(DEMO_TIMEZONE, opts.now);
  const plansByTitle = demoActionPlans(today);
  const secondTill = plansByTitle.find((p) => p.stores.includes(DECLINING_STORE) && p.rootCause === 'understaffing')!.startDate;
  const training = plansByTitle.find((p) => p.stores.includes(IMPROVING_STORE))!.startDate;
  const referrals = new Map<string, DemoReferralPurchase[]>();
  for (const r of opts.referrals ?? []) {
    const k = `${r.store}|${r.day}`;
    referrals.set(k, [...(referrals.get(k) ?? []), r]);
  }
  for (let back = opts.days - 1; back >= 0; back--) {
    const day = addDays(today, -back);
    const fraction = 1 - daysBetween(day, today) / opts.days;
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    for (const plan of plans) {
      yield storeDay(rng, { plan, day, weekday, fraction, now: opts.now, secondTill, training, pools, referrals: referrals.get(`${plan.loc.key}|${day}`) ?? [] });
    }
  }
}

interface DayCtx {
  plan: StorePlan;
  day: CalendarDay;
  weekday: number;
  fraction: number;
  now: Date;
  secondTill: CalendarDay;
  training: CalendarDay;
  pools: { byStore: Map<string, HolderPool>; chain: HolderPool };
  referrals: readonly DemoReferralPurchase[];
}

function storeDay(rng: Rng, ctx: DayCtx): DemoStoreDay {
  const { plan, day } = ctx;
  const code = plan.loc.key;
  const weekend = plan.iran ? ctx.weekday === 4 || ctx.weekday === 5 : ctx.weekday === 0 || ctx.weekday === 6;
  const dayVisitors = plan.visitorsPerDay * (plan.iran ? WEEK_IR : WEEK_RU)[ctx.weekday] * seasonal(day) * (0.92 + 0.12 * ctx.fraction);
  const hours: number[] = [];
  for (let h = OPENING_HOUR; h < CLOSING_HOUR; h++) hours.push(h);
  const expected = hours.map((h) => dayVisitors * hourShare(h, weekend));
  const understaffed = code === DECLINING_STORE;
  const staff = expected.map((e, i) => {
    let n = plannedStaff(e, understaffed ? UNDERSTAFFED_LOAD : PLANNED_LOAD);
    // MSK-04's action plan: one more person from 17:00 to 21:00 and all day at weekends, from its start.
    if (understaffed && day >= ctx.secondTill && (weekend || (hours[i] >= 17 && hours[i] < 21))) n = Math.min(6, n + 1);
    return n;
  });
  const out: DemoStoreDay = { footfall: [], shifts: [], transactions: [] };
  const isPast = (h: number) => moscow(day, h).getTime() + 3_600_000 <= ctx.now.getTime();
  shiftsFromCounts(staff, OPENING_HOUR).forEach(([from, to], i) => {
    if (!isPast(from)) return;
    out.shifts.push({
      store: code, shiftKey: `${day}-${pad(i + 1, 2)}`, employeeCode: `${code}-E${pad(((i * 7 + daysBetween('2020-01-01', day) * 3) % 18) + 1, 2)}`,
      startsAt: moscow(day, from), endsAt: moscow(day, to),
    });
  });
  const base = baseConversion(plan, ctx.fraction, day >= ctx.training);
  let receipt = 0;
  hours.forEach((h, i) => {
    if (!isPast(h)) return;
    const visitors = Math.max(0, Math.round(expected[i] * Math.exp(rng.normal(0, 0.12))));
    const passersBy = plan.capture === null ? null : Math.round(visitors / (plan.capture * Math.exp(rng.normal(0, 0.06))));
    const start = moscow(day, h);
    out.footfall.push({ store: code, hour: start, visitors, passersBy });
    const p = base * serviceFactor(visitors, staff[i]);
    const buyers = clamp(Math.round(visitors * p + rng.normal(0, Math.sqrt(visitors * p * (1 - p)))), 0, visitors);
    const minutes = Array.from({ length: buyers }, () => rng.int(0, 3_599_999)).sort((a, b) => a - b);
    for (const ms of minutes) {
      const holder = rng.chance(CARD_SHARE) ? (rng.chance(0.85) ? ctx.pools.byStore.get(code)! : ctx.pools.chain).pick(rng) : null;
      const items = Math.min(8, 1 + poisson(rng, 1.1));
      const unit = (plan.check / 2.1) * (holder?.basket ?? 1) * Math.exp(rng.normal(-0.08, 0.4));
      out.transactions.push({
        store: code, receiptId: `${code}-${day.replaceAll('-', '')}-${pad(++receipt, 4)}`, at: new Date(start.getTime() + ms),
        amount: Math.max(99, Math.round(items * unit)), items, customerKey: holder?.key ?? null, referralCode: null,
      });
    }
  });
  // Referred customers' purchases take over anonymous receipts of the day.
  for (const r of ctx.referrals) {
    const free = out.transactions.filter((t) => t.customerKey === null);
    if (!free.length) break;
    const t = rng.pick(free);
    t.customerKey = r.customerKey;
    t.referralCode = r.code;
  }
  return out;
}

/** Poisson draw (Knuth) for small means. */
function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}
