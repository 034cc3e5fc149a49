/**
 * Respondent-level rows for key drivers: one pivot over answers (max(score) filter per question),
 * over the most recent responses in the filters. Raw by nature (rollups carry no covariance), so
 * it is capped: at most `cap` responses are read and the caller reports `sampled`.
 */
import type { Queryable } from '../connection.ts';
import { binder, rawResponseWhere, type SourceContext } from './analyticsSource.ts';

export interface DriverRows {
  outcome: (number | null)[];
  /** One array per attribute question, aligned with `outcome`. */
  attributes: (number | null)[][];
  /** True when more responses matched than `cap`. */
  sampled: boolean;
}

/**
 * Outcome and attribute scores per response (null where skipped). Responses come newest first from
 * responses_survey_time; their answers are read by primary key (org_id, response_id, question_id).
 */
export async function getDriverRows(
  db: Queryable,
  ctx: SourceContext,
  params: { surveyId: string; outcomeId: string; attributeIds: string[]; cap: number },
): Promise<DriverRows> {
  const values: unknown[] = [];
  const p = binder(values);
  const where = rawResponseWhere(ctx, [params.surveyId], p, values);
  const cap = p(params.cap);
  const all = p([params.outcomeId, ...params.attributeIds]);
  // Column aliases are generated from positions, never from input.
  const cols = [params.outcomeId, ...params.attributeIds].map((id, i) => `max(a.score) filter (where a.question_id = ${p(id)}::uuid) as c${i}`);
  const { rows } = await db.query(
    `/* getDriverRows */
     with rs as (
       select r.id, row_number() over (order by r.submitted_at desc, r.id) as rn
         from responses r
        where ${where}
        order by r.submitted_at desc, r.id
        limit ${cap}::int + 1
     )
     select ${cols.join(', ')}, (select count(*) from rs) as matched
       from rs
       join answers a on a.org_id = ${p(ctx.scope.orgId)} and a.response_id = rs.id and a.question_id = any(${all}::uuid[])
      where rs.rn <= ${cap}::int
      group by rs.id`,
    values,
  );
  return {
    outcome: rows.map((r) => r.c0),
    attributes: params.attributeIds.map((_, j) => rows.map((r) => r[`c${j + 1}`])),
    sampled: rows.length > 0 && rows[0].matched > params.cap,
  };
}
