/**
 * Counts per option of single- and multi-choice questions, from the choice rollups (migration 045,
 * src/db/rollups/fillLevels.ts) when the filters allow it: the levels rollupPlan picks, raw
 * answers for days no choice level answers (location and channel together, at the partial months of a
 * window), plus the answers of responses still queued in rollup_pending. Raw answers otherwise
 * (includeExcluded, an unmarked dimension; answers_question_time narrows to the questions and time).
 */
import type { Queryable } from '../connection.ts';
import { CHOSEN_VALUES_SQL } from '../rollups/fillLevels.ts';
import {
  binder, chooseSource, common, localDayRangeSql, outsideRawDays, partWhere, querySource, rawAnswerWhere, rawDaysOf, rollupPlanWithRawDays,
  withinPart, type RawDaysPart, type SourceContext,
} from './analyticsSource.ts';

export interface ChoiceCountRow {
  questionId: string;
  value: string;
  n: number;
}

/** (question, option value) -> number of answers choosing it. */
export async function getChoiceCounts(db: Queryable, ctx: SourceContext, questionIds: string[]): Promise<ChoiceCountRow[]> {
  if (questionIds.length === 0) return [];
  const values: unknown[] = [];
  const p = binder(values);
  const source = chooseSource(ctx);
  const parts: string[] = [];
  if (source === 'raw') {
    parts.push(rawChoicesSql(ctx, questionIds, p, values));
  } else {
    const ids = p(questionIds);
    const plan = rollupPlanWithRawDays(ctx, 'choices');
    for (const part of plan) {
      if (part.level === null) {
        parts.push(rawChoicesSql(withinPart(ctx, part), questionIds, p, values));
        continue;
      }
      parts.push(`select s.question_id, s.value, s.n
                    from ${part.level.table} s
                   where ${partWhere(ctx, part, `s.question_id = any(${ids}::uuid[])`, ctx.filter.dim?.key ?? '', p, values)} and s.n <> 0`);
    }
    parts.push(pendingChoiceCountsSql(ctx, ids, rawDaysOf(plan), p, values));
  }
  const { rows } = await querySource(
    db,
    { kind: source, parts: parts.length, sql: '' },
    `/* getChoiceCounts */
     with parts as (${parts.join('\n union all\n')})
     select question_id, value, sum(n)::int as n
       from parts
      group by 1, 2
     having sum(n) > 0
      order by 1, 3 desc, 2`,
    values,
  );
  return rows.map((r) => ({ questionId: r.question_id, value: r.value, n: r.n }));
}

/** Chosen values of raw answers in the filters. */
function rawChoicesSql(ctx: SourceContext, questionIds: string[], p: (v: unknown) => string, values: unknown[]): string {
  const raw = rawAnswerWhere(ctx, questionIds, p, values);
  return `select a.question_id, v.value, 1::bigint as n
            from answers a ${raw.join}
            ${CHOSEN_VALUES_SQL}
           where ${raw.where}`;
}

/**
 * The contribution of responses still queued in rollup_pending (not yet in the rollups): their chosen
 * values times the net of their queued signs, whatever their excluded state now. Responses on days
 * read raw are left out: raw answers count them already.
 */
function pendingChoiceCountsSql(ctx: SourceContext, ids: string, rawDays: RawDaysPart[], p: (v: unknown) => string, values: unknown[]): string {
  const org = p(ctx.scope.orgId);
  // The filters on the response (rawResponseWhere's, without its survey and exclusion conditions:
  // the question ids fix the survey, and the queue counts a response whatever its state now).
  const where = [
    ...localDayRangeSql('r.submitted_at', ctx.filter, ctx.timezone, p),
    ...(ctx.filter.dim ? [`r.hidden ->> ${p(ctx.filter.dim.key)} = ${p(ctx.filter.dim.value)}`] : []),
    ...common('r', ctx, p, values),
  ];
  const notRaw = outsideRawDays('r.submitted_at', rawDays, ctx.timezone, p);
  return `select a.question_id, v.value, q.net as n
            from (select response_id, sum(sign)::bigint as net from rollup_pending where org_id = ${org} group by response_id having sum(sign) <> 0) q
            join responses r on r.org_id = ${org} and r.id = q.response_id
            join answers a on a.org_id = ${org} and a.response_id = r.id and a.question_id = any(${ids}::uuid[])
            ${CHOSEN_VALUES_SQL}
           where ${['true', ...where, ...notRaw].join(' and ')}`;
}
