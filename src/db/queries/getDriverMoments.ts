/**
 * Key-driver moments (count, sums, cross-products over the listwise-complete responses) and each
 * question's answer count and sum (attribute performance) for one outcome and its attributes, from
 * the driver rollups (migration 045, src/db/rollups/fillLevels.ts):
 * rows whose answered set contains any of the requested questions are summed per answered set, then
 * the requested entries are picked in JavaScript. Days no driver level answers (location and channel together, at
 * the partial months of a window) and requests rollups cannot serve (includeExcluded, an unmarked
 * dimension) read the same moments from raw answers, and responses still queued in rollup_pending add
 * their contribution, so the result always equals the raw computation over all responses.
 */
import type { DriverMoments } from '../../core/stats/drivers.ts';
import type { Queryable } from '../connection.ts';
import { driverMomentSums } from '../rollups/levels.ts';
import { driverWidth, RESPONSE_MOMENTS_SQL } from '../rollups/fillLevels.ts';
import {
  binder, chooseSource, outsideRawDays, partWhere, querySource, rawDaysOf, rawResponseWhere, rollupPlanWithRawDays, withinPart,
  type RawDaysPart, type SourceContext, type SourceKind,
} from './analyticsSource.ts';
import { toSafeInteger } from '../numbers.ts';

/** Every answer of one question in the filters (complete response or not): count and sum of scores. */
export interface AnsweredTotals {
  n: number;
  sum: number;
}

/**
 * Moments of (questionIds[0], questionIds[1], ...) over the responses in the filters that answered all
 * of them (n, sums[i], products[i][j]), and per question the count and sum of all its answers in the
 * filters (attribute performance: every answered set containing the question).
 */
export async function getDriverMoments(
  db: Queryable,
  ctx: SourceContext,
  params: { surveyId: string; questionIds: string[] },
): Promise<{ source: SourceKind; moments: DriverMoments; answered: AnsweredTotals[] }> {
  const values: unknown[] = [];
  const p = binder(values);
  const required = p(params.questionIds);
  const source = chooseSource(ctx);
  const parts: string[] = [];
  if (source === 'raw') {
    parts.push(rawMomentsSql(ctx, params.surveyId, required, p, values));
  } else {
    const plan = rollupPlanWithRawDays(ctx, 'drivers');
    for (const part of plan) {
      if (part.level === null) {
        parts.push(rawMomentsSql(withinPart(ctx, part), params.surveyId, required, p, values));
        continue;
      }
      parts.push(`select s.questions, s.n, s.sums, s.products
                    from ${part.level.table} s
                   where ${partWhere(ctx, part, `s.survey_id = ${p(params.surveyId)}`, ctx.filter.dim?.key ?? '', p, values)}
                     and s.questions && ${required}::uuid[] and s.n <> 0`);
    }
    parts.push(pendingDriverMomentsSql(ctx, params.surveyId, required, rawDaysOf(plan), p, values));
  }
  const sums = driverMomentSums(await driverWidth(db, ctx.scope.orgId), '1');
  const { rows } = await querySource(
    db,
    { kind: source, parts: parts.length, sql: '' },
    `/* getDriverMoments */
     with parts as (${parts.join('\n union all\n')})
     select questions, sum(n) as n, ${sums.sums} as sums, ${sums.products} as products
       from parts
      group by questions`,
    values,
  );
  return { source, ...pickMoments(rows, params.questionIds) };
}

/** Moments of responses read from raw answers (responses_survey_time, then answers by primary key). */
function rawMomentsSql(ctx: SourceContext, surveyId: string, required: string, p: (v: unknown) => string, values: unknown[]): string {
  return `select m.questions, 1::bigint as n, m.sums, m.products
            from responses r
            cross join lateral (${RESPONSE_MOMENTS_SQL}) m
           where ${rawResponseWhere(ctx, [surveyId], p, values)} and m.questions && ${required}::uuid[]`;
}

/**
 * The contribution of responses still queued in rollup_pending (not yet in the rollups): each one's
 * moments times the net of its queued signs, whatever its excluded state now (the queue says when it
 * started or stopped counting). Responses on days read raw are left out: raw answers count them already.
 */
function pendingDriverMomentsSql(
  ctx: SourceContext,
  surveyId: string,
  required: string,
  rawDays: RawDaysPart[],
  p: (v: unknown) => string,
  values: unknown[],
): string {
  const org = p(ctx.scope.orgId);
  const where = rawResponseWhere({ ...ctx, filter: { ...ctx.filter, includeExcluded: true } }, [surveyId], p, values);
  const notRaw = outsideRawDays('r.submitted_at', rawDays, ctx.timezone, p);
  const times = (col: string) => `array(select x.v * q.net from unnest(m.${col}) with ordinality x(v, i) order by x.i)`;
  return `select m.questions, q.net as n, ${times('sums')} as sums, ${times('products')} as products
            from (select response_id, sum(sign)::bigint as net from rollup_pending where org_id = ${org} group by response_id having sum(sign) <> 0) q
            join responses r on r.org_id = ${org} and r.id = q.response_id
            cross join lateral (${RESPONSE_MOMENTS_SQL}) m
           where ${[where, ...notRaw].join(' and ')} and m.questions && ${required}::uuid[]`;
}

/**
 * Picks the requested questions' entries out of each answered set's summed moments: sets containing
 * all of them add to the complete-response moments, every set adds to the totals of the questions it
 * contains. `products` is stored as the upper triangle column by column: (i, j), i <= j (0-based), at
 * j(j+1)/2 + i.
 */
function pickMoments(
  rows: Array<{ questions: string[]; n: string | number; sums: Array<string | number>; products: Array<string | number> }>,
  questionIds: string[],
): { moments: DriverMoments; answered: AnsweredTotals[] } {
  const v = questionIds.length;
  let n = 0;
  const sums = new Array<number>(v).fill(0);
  const products = Array.from({ length: v }, () => new Array<number>(v).fill(0));
  const answered = questionIds.map(() => ({ n: 0, sum: 0 }));
  for (const row of rows) {
    const at = questionIds.map((q) => row.questions.indexOf(q));
    at.forEach((i, a) => {
      if (i < 0) return;
      answered[a].n += toSafeInteger(row.n);
      answered[a].sum += toSafeInteger(row.sums[i]);
    });
    if (at.some((i) => i < 0)) continue;
    n += toSafeInteger(row.n);
    for (let a = 0; a < v; a++) {
      sums[a] += toSafeInteger(row.sums[at[a]]);
      for (let b = 0; b < v; b++) {
        const [i, j] = at[a] <= at[b] ? [at[a], at[b]] : [at[b], at[a]];
        products[a][b] += toSafeInteger(row.products[(j * (j + 1)) / 2 + i]);
      }
    }
  }
  return { moments: { n, sums, products }, answered };
}
