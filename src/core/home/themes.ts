/**
 * @module The home page's "themes that grew" (docs/home.md): each theme's share of the period's comments against
 * its share in the previous period, the share change tested like any share (compareShares: pooled z, or Fisher's
 * exact test for small cells; significant only with 30+ comments on each side). Pure.
 */
import { compareShares, type ComparisonResult } from '../stats/index.ts';

/** How many grown themes the home page lists at most. */
export const THEMES_LIMIT = 5;

export interface ThemeCount {
  theme: string;
  /** Comments carrying the theme. */
  n: number;
}

export interface ThemeGrowth {
  theme: string;
  current: { n: number; total: number; share: number | null };
  previous: { n: number; total: number; share: number | null };
  /** Share change in percentage points (current - previous) with its test. */
  change: ComparisonResult;
}

/**
 * Themes whose share of comments rose (a theme new this period rose from 0), significant rises first, then by the
 * size of the rise, then by count and name; at most `limit`. `total`s are the periods' comment counts; a theme
 * with a count above its period's total is a caller's error (compareShares throws validation).
 */
export function grownThemes(current: readonly ThemeCount[], currentTotal: number, previous: readonly ThemeCount[], previousTotal: number, limit = THEMES_LIMIT): ThemeGrowth[] {
  const prev = new Map(previous.map((t) => [t.theme, t.n]));
  const share = (n: number, total: number) => (total === 0 ? null : (100 * n) / total);
  const out: ThemeGrowth[] = [];
  for (const t of current) {
    if (t.n === 0) continue;
    const before = prev.get(t.theme) ?? 0;
    const change = compareShares({ successes: t.n, n: currentTotal }, { successes: before, n: previousTotal });
    const rise = previousTotal === 0 ? null : change.diff;
    if (rise !== null && rise <= 0) continue;
    out.push({
      theme: t.theme,
      current: { n: t.n, total: currentTotal, share: share(t.n, currentTotal) },
      previous: { n: before, total: previousTotal, share: share(before, previousTotal) },
      change,
    });
  }
  const rise = (g: ThemeGrowth) => g.change.diff ?? Number.POSITIVE_INFINITY;
  out.sort((a, b) => Number(b.change.significant) - Number(a.change.significant) || rise(b) - rise(a) || b.current.n - a.current.n || a.theme.localeCompare(b.theme));
  return out.slice(0, limit);
}

/** Per-theme counts summed over rows (e.g. months of a period). */
export function sumThemeCounts(rows: Iterable<ThemeCount>): ThemeCount[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.theme, (sums.get(r.theme) ?? 0) + r.n);
  return [...sums].map(([theme, n]) => ({ theme, n }));
}
