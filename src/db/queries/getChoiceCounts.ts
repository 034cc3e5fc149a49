/**
 * Counts per option of single- and multi-choice questions. Rollups hold scores only, so this reads
 * raw answers (answers_question_time narrows to the questions and the time range).
 */
import type { Queryable } from '../connection.ts';
import { binder, rawAnswerWhere, type SourceContext } from './analyticsSource.ts';

export interface ChoiceCountRow {
  questionId: string;
  value: string;
  n: number;
}

/** (question, option value) -> number of answers choosing it. */
export async function getChoiceCounts(db: Queryable, ctx: SourceContext, questionIds: string[]): Promise<ChoiceCountRow[]> {
  if (questionIds.length === 0) return [];
  const values: unknown[] = [];
  const raw = rawAnswerWhere(ctx, questionIds, binder(values), values);
  const { rows } = await db.query(
    `/* getChoiceCounts */
     select a.question_id, v.value, count(*) as n
       from answers a ${raw.join}
       cross join lateral (
         select a.choice as value where a.choice is not null
         union all
         select unnest(a.choices)
       ) v
      where ${raw.where}
      group by 1, 2
      order by 1, 3 desc, 2`,
    values,
  );
  return rows.map((r) => ({ questionId: r.question_id, value: r.value, n: r.n }));
}
