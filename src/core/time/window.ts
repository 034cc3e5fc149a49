/**
 * Day arithmetic on org-local calendar days (`YYYY-MM-DD` strings, no time zone involved) and the
 * split of a dashboard window into whole months, whole blocks and single days (docs/analytics.md,
 * "Which source answers a request"). Pure; rollupPlan in src/db/queries/analyticsSource.ts uses it.
 */
import { addDays, addMonths, monthStart as monthOf } from './orgCalendar.ts';

/**
 * Splits an inclusive day window into whole months (first days of the first and last one), whole
 * blocks (first days; only `withBlocks`) and single days. Open ends cover every month on their side.
 */
export function splitWindow(from: string | undefined, to: string | undefined, withBlocks: boolean): {
  months: { from?: string; to?: string } | null;
  blocks: Array<{ from: string; to: string }>;
  days: Array<{ from: string; to: string }>;
} {
  const m = splitWholeMonths(from, to);
  const edges = m.days.map((d) => ({ from: d.from!, to: d.to! }));
  if (!withBlocks) return { months: m.months, blocks: [], days: edges };
  const blocks: Array<{ from: string; to: string }> = [];
  const days: Array<{ from: string; to: string }> = [];
  for (const piece of edges.flatMap((e) => byMonth(e.from, e.to))) {
    const b = wholeBlocks(piece.from, piece.to);
    if (!b) {
      days.push(piece);
      continue;
    }
    blocks.push({ from: b.first, to: b.last });
    if (piece.from < b.first) days.push({ from: piece.from, to: addDays(b.first, -1) });
    if (b.end < piece.to) days.push({ from: addDays(b.end, 1), to: piece.to });
  }
  return { months: m.months, blocks, days };
}

/**
 * Splits an inclusive day window (either end open) into whole calendar months (first days of the
 * first and last whole month; null when there is none) and the days before and after them.
 */
export function splitWholeMonths(from?: string, to?: string): { months: { from?: string; to?: string } | null; days: Array<{ from?: string; to: string } | { from: string; to?: string }> } {
  const lo = from === undefined ? undefined : from.endsWith('-01') ? from : addMonths(monthOf(from), 1);
  const toIsLast = to !== undefined && addDays(to, 1).endsWith('-01');
  const hi = to === undefined ? undefined : toIsLast ? monthOf(to) : addMonths(monthOf(to), -1);
  if (lo !== undefined && hi !== undefined && lo > hi) return { months: null, days: [{ from: from!, to: to! }] };
  const days: Array<{ from: string; to: string }> = [];
  if (from !== undefined && from < lo!) days.push({ from, to: addDays(lo!, -1) });
  if (to !== undefined && !toIsLast) days.push({ from: monthOf(to), to });
  return { months: { from: lo, to: hi }, days };
}

/** Pieces of an inclusive window, one per calendar month it touches. */
function byMonth(from: string, to: string): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  for (let x = from; x <= to; x = addMonths(monthOf(x), 1)) {
    const end = addDays(addMonths(monthOf(x), 1), -1);
    out.push({ from: x, to: end < to ? end : to });
  }
  return out;
}

/** Block starts of a month: days 1, 8, 15, 22, 29 (the last block ends with the month). */
const BLOCK_STARTS = [1, 8, 15, 22, 29];

/** The whole blocks inside [from, to] (one month): first and last block start and the last block's end; null when none. */
function wholeBlocks(from: string, to: string): { first: string; last: string; end: string } | null {
  const month = monthOf(from);
  const monthEnd = addDays(addMonths(month, 1), -1);
  let first: string | undefined;
  let last: string | undefined;
  let end: string | undefined;
  for (const d of BLOCK_STARTS) {
    const start = addDays(month, d - 1);
    if (start > monthEnd) break;
    const e = d === 29 ? monthEnd : addDays(start, 6);
    if (start >= from && e <= to) {
      first ??= start;
      last = start;
      end = e;
    }
  }
  return first && last && end ? { first, last, end } : null;
}
