/**
 * @module The store funnel (../shared/METRICS.md "Store and loyalty economics"; docs/store-economics.md
 * "The funnel"): passers-by -> visitors -> buyers. Pure: figures from summed counts, the trend against the
 * previous period, the articles' reading of a store against the organisation's median store, and conversion
 * by hour of day against the staff on shift.
 *
 * Pairing rules (the SQL in src/db/store/funnel.ts sums accordingly, FunnelSums names each sum):
 * - capture rate = visitors / passers-by, both over the same hours: those where passers-by were measured;
 * - conversion = transactions / visitors over the hours with both: footfall counted and sales data for that
 *   store and day (a day of the store with at least one sale; an hour of it without a sale counts 0);
 * - average check = revenue / transactions over every sale.
 * A missing or zero denominator gives null, never 0 or Infinity.
 */
import type { LocalizedText } from '../audits/checklist.ts';
import { addDays } from '../time/orgCalendar.ts';

/** The longest window of hourly points (in days): a month of them. */
export const HOURLY_MAX_DAYS = 31;

/** The days the hours-of-day chart reads (hourly tables): the window's last HOURLY_MAX_DAYS days, all of a shorter one. */
export function hoursOfDayWindow(from: string, to: string): { from: string; to: string } {
  const earliest = addDays(to, 1 - HOURLY_MAX_DAYS);
  return { from: from > earliest ? from : earliest, to };
}

/** Counts of a store, a bucket or a period, summed over hours (see the module's pairing rules). */
export interface FunnelSums {
  /** Hours with a footfall row, and those of them with passers-by measured. */
  footfallHours: number;
  passersByHours: number;
  /** Passers-by, and the visitors of the same hours (the capture pair). */
  passersBy: number;
  capturedVisitors: number;
  /** Visitors of every footfall hour. */
  visitors: number;
  /** Sales of every hour (store_hour_sales). */
  salesHours: number;
  transactions: number;
  revenue: number;
  /** Visitors and transactions of the hours with both footfall and sales data (the conversion pair). */
  convertedVisitors: number;
  convertedTransactions: number;
}

export const EMPTY_SUMS: FunnelSums = {
  footfallHours: 0, passersByHours: 0, passersBy: 0, capturedVisitors: 0, visitors: 0, salesHours: 0, transactions: 0, revenue: 0, convertedVisitors: 0, convertedTransactions: 0,
};

/** The funnel figures; rates are shares 0..1 (capture may exceed 1 when a counter misses passers-by), null when not measurable. */
export interface FunnelFigures {
  passersBy: number | null;
  visitors: number | null;
  transactions: number | null;
  revenue: number | null;
  captureRate: number | null;
  conversion: number | null;
  averageCheck: number | null;
}

/** a / b, null when b is 0 or either is missing. */
export function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

/** Field-by-field sum (totals of buckets, a region of stores). */
export function addSums(a: FunnelSums, b: FunnelSums): FunnelSums {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof FunnelSums)[]) out[k] = a[k] + b[k];
  return out;
}

/** The figures of summed counts: counts null where nothing was measured, rates over their pairs only. */
export function funnelFigures(s: FunnelSums): FunnelFigures {
  return {
    passersBy: s.passersByHours > 0 ? s.passersBy : null,
    visitors: s.footfallHours > 0 ? s.visitors : null,
    transactions: s.salesHours > 0 ? s.transactions : null,
    revenue: s.salesHours > 0 ? s.revenue : null,
    captureRate: s.passersByHours > 0 ? ratio(s.capturedVisitors, s.passersBy) : null,
    conversion: ratio(s.convertedTransactions, s.convertedVisitors),
    averageCheck: s.salesHours > 0 ? ratio(s.revenue, s.transactions) : null,
  };
}

/** Change against the previous period of equal length; null where either side is null. */
export interface FunnelTrend {
  /** Percent change of the counts and the average check ((now - before) / before x 100). */
  visitors: number | null;
  transactions: number | null;
  revenue: number | null;
  averageCheck: number | null;
  /** Percentage points of the rates ((now - before) x 100). */
  captureRate: number | null;
  conversion: number | null;
}

const percentChange = (now: number | null, before: number | null) => (now === null || before === null || before === 0 ? null : ((now - before) / before) * 100);
const pointsChange = (now: number | null, before: number | null) => (now === null || before === null ? null : (now - before) * 100);

export function funnelTrend(now: FunnelFigures, before: FunnelFigures): FunnelTrend {
  return {
    visitors: percentChange(now.visitors, before.visitors),
    transactions: percentChange(now.transactions, before.transactions),
    revenue: percentChange(now.revenue, before.revenue),
    averageCheck: percentChange(now.averageCheck, before.averageCheck),
    captureRate: pointsChange(now.captureRate, before.captureRate),
    conversion: pointsChange(now.conversion, before.conversion),
  };
}

/** Median of the non-null values; null when there is none (an even count takes the mean of the middle two). */
export function median(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/**
 * The reading's thresholds: a rate is low when it is under LOW_SHARE_OF_MEDIAN of the organisation's median
 * store; a store with fewer than MIN_VISITORS visitors in the period is not read (too few to tell).
 */
export const LOW_SHARE_OF_MEDIAN = 0.8;
export const MIN_VISITORS = 100;

/** What a low figure points to, in the articles' words. */
export const READING_CAUSES = {
  low_capture: ['shop_window', 'access'],
  low_conversion: ['assortment', 'prices', 'staff', 'queues'],
} as const;
export type ReadingFinding = keyof typeof READING_CAUSES;

export interface FunnelReading {
  /** Low figures against the median store, capture first; empty: nothing stands out. */
  findings: ReadingFinding[];
  /** Why nothing is read: too few visitors, or no figure to compare. */
  unread: 'few_visitors' | 'no_data' | null;
}

/** The articles' reading of a store: low capture -> the shop window and access; low conversion -> assortment, prices, staff or queues. */
export function readFunnel(store: FunnelFigures, medianStore: { captureRate: number | null; conversion: number | null }): FunnelReading {
  if (store.visitors === null || (store.captureRate === null && store.conversion === null)) return { findings: [], unread: 'no_data' };
  if (store.visitors < MIN_VISITORS) return { findings: [], unread: 'few_visitors' };
  // The epsilon keeps a rate at exactly the threshold (0.16 of a 0.2 median) from reading low by rounding.
  const low = (v: number | null, m: number | null) => v !== null && m !== null && m > 0 && v < LOW_SHARE_OF_MEDIAN * m - 1e-12;
  const findings: ReadingFinding[] = [];
  if (low(store.captureRate, medianStore.captureRate)) findings.push('low_capture');
  if (low(store.conversion, medianStore.conversion)) findings.push('low_conversion');
  return { findings, unread: null };
}

/** The wait / queue themes of the starter dictionary (src/core/nlp/starterThemes.ts) a wait complaint carries. */
export const WAIT_THEME_IDS: readonly string[] = ['waiting_time'];

/** An audit checklist section about the checkout, by its name in any language. */
const CHECKOUT_RE = /checkout|cash ?desk|\btills?\b|касс|صندوق/i;

export function isCheckoutSection(name: LocalizedText | null): boolean {
  if (name === null) return false;
  const names = typeof name === 'string' ? [name] : Object.values(name);
  return names.some((n) => typeof n === 'string' && CHECKOUT_RE.test(n));
}

/** One hour of day (org-local) of a period: sums over every store and day, and the staff-hours on shift in it. */
export interface HourOfDaySums {
  hour: number;
  visitors: number;
  transactions: number;
  convertedVisitors: number;
  convertedTransactions: number;
  /** Staff on shift in this hour, summed over the store-days: a shift overlapping part of the hour counts that fraction. */
  staffHours: number;
}

export interface HourOfDayRow {
  hour: number;
  visitors: number;
  transactions: number;
  conversion: number | null;
  /** Average staff on shift in this hour per store and day; null without any shift. */
  staffOnShift: number | null;
}

/**
 * Hours of day 0..23 (missing ones are zeros): conversion over their conversion pairs and the average staff on
 * shift = staff-hours / (store-days of the stores with shifts). `shiftStoreDays` 0 means no shift file: null.
 */
export function hoursOfDay(rows: readonly HourOfDaySums[], shiftStoreDays: number): HourOfDayRow[] {
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  return Array.from({ length: 24 }, (_, hour) => {
    const r = byHour.get(hour);
    return {
      hour,
      visitors: r?.visitors ?? 0,
      transactions: r?.transactions ?? 0,
      conversion: r ? ratio(r.convertedTransactions, r.convertedVisitors) : null,
      staffOnShift: shiftStoreDays > 0 ? ratio(r?.staffHours ?? 0, shiftStoreDays) : null,
    };
  });
}
