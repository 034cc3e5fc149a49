/**
 * @module Loyalty economics (docs/store-economics.md "Loyalty economics"; ../shared/METRICS.md "Store and
 * loyalty economics"): the single home of the customer-level figures. Transactions are added one by one to
 * an accumulator that keeps one small record per customer (never the rows), then read as:
 * - `customers`, `transactions`, `revenue`;
 * - `top20_revenue_share`: revenue of the ceil(20% of customers) customers with the most revenue / all revenue;
 * - `repeat_customer_rate`: customers with purchases on at least two different calendar days / all customers;
 * - `retention`: per period with anyone active, {period, active, retained, rate}, `retained` = active in the
 *   period and in the next calendar period; the last period (no next one) is not listed;
 * - the Lorenz curve, cohorts by first-purchase month, revenue per customer, value by NPS group.
 * The `sarafan loyalty` command and the dashboard both feed this accumulator (calendar days, not instants).
 *
 * Exports: `LoyaltyAccumulator`, `parseCalendarDay`, `parseAmount`, `transactionOf`, `LoyaltyTransaction`, `dayLabel`, `periodOf`, `periodLabel`,
 * `LOYALTY_PERIODS`, `LoyaltyPeriod`, `LoyaltySummary`, `RetentionRow`, `LorenzPoint`,
 * `CohortRow`, `NpsGroupValue`.
 */
import type { ScoreGroup } from '../surveys/types.ts';

export const LOYALTY_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type LoyaltyPeriod = (typeof LOYALTY_PERIODS)[number];

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a valid calendar date, or null (month 13, February 30...). */
function epochDay(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * The calendar day (days since 1970-01-01) of an `at` as written: ISO 8601 (`2026-03-01`,
 * `2026-03-01T23:30:00+03:00`, `2026-03-01 10:00Z`) or `YYYYMMDD`. An offset does not move the date to
 * another day. Null when the text is neither.
 */
export function parseCalendarDay(text: string): number | null {
  const t = text.trim();
  const m = ISO.exec(t) ?? COMPACT.exec(t);
  if (!m) return null;
  return epochDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** An amount as written: `12`, `-3.5`, `12.50`, or with a decimal comma `12,50`. Null when not a number. */
export function parseAmount(text: string): number | null {
  const t = text.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^[+-]?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

/** A transaction as the accumulator takes it. */
export interface LoyaltyTransaction {
  customer: string;
  day: number;
  amount: number;
}

type Cell = string | number | boolean | Date | null | undefined;

/**
 * A canonical transaction row (`customer_id`, `at`, `amount`; other columns ignored) as a transaction, or
 * why it is refused. A spreadsheet date cell is the date it shows.
 */
export function transactionOf(cells: { customer_id: Cell; at: Cell; amount: Cell }): LoyaltyTransaction | string {
  const customer = cells.customer_id instanceof Date || cells.customer_id === null || cells.customer_id === undefined ? '' : String(cells.customer_id).trim();
  if (!customer) return 'customer_id: empty';
  if (customer.length > 200) return 'customer_id: longer than 200 characters';
  const at = cells.at;
  const day = at instanceof Date
    ? epochDay(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate())
    : at === null || at === undefined || typeof at === 'boolean' ? null : parseCalendarDay(String(at));
  if (day === null) return `at: ${JSON.stringify(at instanceof Date ? at.toISOString() : at ?? '')} is not an ISO 8601 date or YYYYMMDD`;
  const amount = typeof cells.amount === 'number' ? cells.amount : typeof cells.amount === 'string' ? parseAmount(cells.amount) : null;
  if (amount === null || !Number.isFinite(amount)) return `amount: ${JSON.stringify(cells.amount instanceof Date ? cells.amount.toISOString() : cells.amount ?? '')} is not a number`;
  return { customer, day, amount };
}

const ymd = (day: number) => {
  const d = new Date(day * DAY_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a calendar day. */
export function dayLabel(day: number): string {
  const { y, m, d } = ymd(day);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * The period of a calendar day as a consecutive integer (the next period is this + 1). ISO weeks start on
 * Monday; 1970-01-05 was a Monday, so week n starts on day 7n - 3.
 */
export function periodOf(period: LoyaltyPeriod, day: number): number {
  if (period === 'day') return day;
  if (period === 'week') return Math.floor((day + 3) / 7);
  const { y, m } = ymd(day);
  if (period === 'month') return y * 12 + (m - 1);
  if (period === 'quarter') return y * 4 + Math.floor((m - 1) / 3);
  return y;
}

/** The name of a period: `2026-03-01`, `2026-W09` (ISO week-numbering year), `2026-03`, `2026-Q1`, `2026`. */
export function periodLabel(period: LoyaltyPeriod, index: number): string {
  if (period === 'day') return dayLabel(index);
  if (period === 'week') {
    const thursday = index * 7; // Monday (7n - 3) + 3
    const { y } = ymd(thursday);
    const jan1 = Date.UTC(y, 0, 1) / DAY_MS;
    return `${y}-W${pad(Math.floor((thursday - jan1) / 7) + 1)}`;
  }
  if (period === 'month') return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  if (period === 'quarter') return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  return String(index);
}

/** Compensated (Neumaier) sum: sums of many amounts stay as exact as doubles allow. */
class Sum {
  total = 0;
  private c = 0;
  add(x: number): void {
    const t = this.total + x;
    this.c += Math.abs(this.total) >= Math.abs(x) ? this.total - t + x : x - t + this.total;
    this.total = t;
  }
  get value(): number {
    return this.total + this.c;
  }
}

/** One customer: revenue and the distinct calendar days with a purchase (kept small: one number per day). */
interface CustomerRecord {
  revenue: Sum;
  /** The first day added; `more` holds the other days (unsorted, may repeat until `daysOf`). */
  day: number;
  more: number[] | null;
}

export interface RetentionRow {
  period: string;
  active: number;
  retained: number;
  /** retained / active */
  rate: number;
}

/** A point of the Lorenz curve: the poorest `customers` share of customers bring `revenue` share of revenue. */
export interface LorenzPoint {
  customers: number;
  revenue: number;
}

/** Customers by the month of their first purchase; `active[k]` of them bought in month +k (k = 0: all). */
export interface CohortRow {
  cohort: string;
  size: number;
  active: number[];
  /** active[k] / size */
  share: number[];
}

const NPS_GROUPS = ['promoter', 'passive', 'detractor'] as const satisfies readonly ScoreGroup[];

/** Revenue per customer of one NPS group (`unknown`: customers without an NPS answer). */
export interface NpsGroupValue {
  group: ScoreGroup | 'unknown';
  customers: number;
  revenue: number;
  /** revenue / customers; null without customers */
  revenuePerCustomer: number | null;
}

export interface LoyaltySummary {
  customers: number;
  transactions: number;
  revenue: number;
  /** null without customers or when revenue is not positive */
  top20_revenue_share: number | null;
  /** null without customers */
  repeat_customer_rate: number | null;
  retention: RetentionRow[];
}

/** At most this many Lorenz points (plus the origin): more customers are sampled at every 1%. */
const LORENZ_POINTS = 100;

/** Aggregates transactions per customer. Add every transaction, then read the figures. */
export class LoyaltyAccumulator {
  private readonly byCustomer = new Map<string, CustomerRecord>();
  private readonly total = new Sum();
  private count = 0;

  /** A transaction of `customer` on calendar `day` (parseCalendarDay) for `amount` (or `transactions` of that day summed). */
  add(customer: string, day: number, amount: number, transactions = 1): void {
    this.count += transactions;
    this.total.add(amount);
    const rec = this.byCustomer.get(customer);
    if (!rec) {
      const revenue = new Sum();
      revenue.add(amount);
      this.byCustomer.set(customer, { revenue, day, more: null });
      return;
    }
    rec.revenue.add(amount);
    if (day === rec.day) return;
    if (!rec.more) rec.more = [day];
    else if (rec.more[rec.more.length - 1] !== day) rec.more.push(day);
  }

  get customers(): number {
    return this.byCustomer.size;
  }

  /** Distinct days of a customer, ascending (compacts the record). */
  private daysOf(rec: CustomerRecord): number[] {
    if (!rec.more) return [rec.day];
    const days = [...new Set([rec.day, ...rec.more])].sort((a, b) => a - b);
    rec.day = days[0];
    rec.more = days.length > 1 ? days.slice(1) : null;
    return days;
  }

  /** Revenue per customer (the customer ids and their revenue). */
  revenueByCustomer(): Map<string, number> {
    return new Map([...this.byCustomer].map(([k, r]) => [k, r.revenue.value]));
  }

  private revenues(): number[] {
    return [...this.byCustomer.values()].map((r) => r.revenue.value);
  }

  /** The headline figures and retention by `period`. */
  summary(period: LoyaltyPeriod): LoyaltySummary {
    const n = this.byCustomer.size;
    const revenue = this.total.value;
    let repeat = 0;
    const perPeriod = new Map<number, { active: number; retained: number }>();
    for (const rec of this.byCustomer.values()) {
      const days = this.daysOf(rec);
      if (days.length >= 2) repeat += 1;
      const periods = [...new Set(days.map((d) => periodOf(period, d)))];
      const set = new Set(periods);
      for (const p of periods) {
        const row = perPeriod.get(p) ?? { active: 0, retained: 0 };
        row.active += 1;
        if (set.has(p + 1)) row.retained += 1;
        perPeriod.set(p, row);
      }
    }
    const last = Math.max(...perPeriod.keys());
    const retention = [...perPeriod]
      .filter(([p]) => p !== last)
      .sort((a, b) => a[0] - b[0])
      .map(([p, r]) => ({ period: periodLabel(period, p), active: r.active, retained: r.retained, rate: r.retained / r.active }));
    return {
      customers: n,
      transactions: this.count,
      revenue,
      top20_revenue_share: n === 0 || !(revenue > 0) ? null : topShare(this.revenues(), Math.ceil(n / 5)) / revenue,
      repeat_customer_rate: n === 0 ? null : repeat / n,
      retention,
    };
  }

  /**
   * The Lorenz curve: customers sorted by revenue ascending, the cumulative share of customers against the
   * cumulative share of revenue, from (0, 0) to (1, 1): every customer up to 100 customers, else every 1%.
   * Empty without customers or positive revenue.
   */
  lorenz(): LorenzPoint[] {
    const n = this.byCustomer.size;
    const total = this.total.value;
    if (n === 0 || !(total > 0)) return [];
    const sorted = this.revenues().sort((a, b) => a - b);
    const cumulative = new Sum();
    const at = new Map<number, number>([[0, 0]]);
    sorted.forEach((r, i) => {
      cumulative.add(r);
      at.set(i + 1, cumulative.value);
    });
    const steps = n <= LORENZ_POINTS ? n : LORENZ_POINTS;
    const points: LorenzPoint[] = [];
    for (let k = 0; k <= steps; k++) {
      const i = steps === n ? k : Math.round((k * n) / steps);
      points.push({ customers: i / n, revenue: (at.get(i) ?? 0) / total });
    }
    return points;
  }

  /**
   * Cohorts by the calendar month of the first purchase, oldest first: the cohort's size and how many of
   * its customers bought in month +0, +1, ... up to the last month with any purchase.
   */
  cohorts(): CohortRow[] {
    const months = new Map<number, Map<number, number>>(); // cohort month -> month offset -> customers
    let lastMonth = -Infinity;
    for (const rec of this.byCustomer.values()) {
      const ms = [...new Set(this.daysOf(rec).map((d) => periodOf('month', d)))];
      const first = ms[0];
      lastMonth = Math.max(lastMonth, ms[ms.length - 1]);
      const row = months.get(first) ?? new Map<number, number>();
      for (const m of ms) row.set(m - first, (row.get(m - first) ?? 0) + 1);
      months.set(first, row);
    }
    return [...months]
      .sort((a, b) => a[0] - b[0])
      .map(([first, row]) => {
        const size = row.get(0) ?? 0;
        const active = Array.from({ length: lastMonth - first + 1 }, (_, k) => row.get(k) ?? 0);
        return { cohort: periodLabel('month', first), size, active, share: active.map((a) => a / size) };
      });
  }

  /**
   * Revenue per customer of each NPS group (customers of `groups`, the others as `unknown`), in the order
   * promoter, passive, detractor, unknown.
   */
  valueByNpsGroup(groups: ReadonlyMap<string, ScoreGroup>): NpsGroupValue[] {
    const sums = new Map<ScoreGroup | 'unknown', { customers: number; revenue: Sum }>();
    for (const g of [...NPS_GROUPS, 'unknown'] as const) sums.set(g, { customers: 0, revenue: new Sum() });
    for (const [customer, rec] of this.byCustomer) {
      const s = sums.get(groups.get(customer) ?? 'unknown')!;
      s.customers += 1;
      s.revenue.add(rec.revenue.value);
    }
    return [...sums].map(([group, s]) => ({
      group, customers: s.customers, revenue: s.revenue.value, revenuePerCustomer: s.customers ? s.revenue.value / s.customers : null,
    }));
  }
}

/** Sum of the `k` largest values (ties at the cut are equal values: any of them gives the same sum). */
function topShare(values: number[], k: number): number {
  const sorted = values.sort((a, b) => b - a);
  const s = new Sum();
  for (let i = 0; i < k; i++) s.add(sorted[i]);
  return s.value;
}
