/**
 * Histograms of one question per period (day / week / month / quarter), with empty periods between
 * the first and the last one filled in, so a chart has no silent gaps.
 */
import type { Queryable } from '../connection.ts';
import { querySource, scoreSourceSql, type SourceContext, type SourceKind } from './analyticsSource.ts';
import { toSafeInteger } from '../numbers.ts';

/** Allowed periods with their step; the period name is bound as a parameter of date_trunc. */
export const TREND_INTERVALS = { day: '1 day', week: '1 week', month: '1 month', quarter: '3 months' } as const;
export type TrendInterval = keyof typeof TREND_INTERVALS;

export interface TrendRow {
  /** First day of the period, YYYY-MM-DD (weeks start on Monday). */
  period: string;
  /** null for a filled-in empty period. */
  score: number | null;
  n: number;
}

/**
 * Per period and score, counts for one question. `day` in rollups is already the org-local date,
 * so date_trunc over it needs no time-zone arithmetic (the raw source converts the same way).
 */
export async function getTrendHistograms(
  db: Queryable,
  ctx: SourceContext,
  questionId: string,
  interval: TrendInterval,
): Promise<{ source: SourceKind; rows: TrendRow[] }> {
  const values: unknown[] = [];
  // Months and quarters can be summed from month levels; days and weeks need day rows.
  const src = scoreSourceSql(ctx, [questionId], values, { needsDay: interval === 'day' || interval === 'week' });
  values.push(interval);
  const unit = `$${values.length}::text`;
  values.push(TREND_INTERVALS[interval]);
  const step = `$${values.length}::interval`;
  const { rows } = await querySource(
    db,
    src,
    `/* getTrendHistograms */
     with src as (${src.sql}),
     h as (
       select date_trunc(${unit}, day::timestamp)::date as period, score, sum(n) as n
         from src group by 1, 2 having sum(n) > 0
     ),
     periods as (
       select g::date as period
         from (select min(period) as lo, max(period) as hi from h) b,
              generate_series(b.lo::timestamp, b.hi::timestamp, ${step}) g
     )
     select to_char(p.period, 'YYYY-MM-DD') as period, h.score, coalesce(h.n, 0) as n
       from periods p left join h on h.period = p.period
      order by p.period, h.score`,
    values,
  );
  return { source: src.kind, rows: rows.map((r) => ({ period: r.period, score: r.score, n: toSafeInteger(r.n) })) };
}
