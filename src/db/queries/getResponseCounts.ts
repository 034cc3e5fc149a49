/** Responses per survey for the dashboard filters, from the response rollup levels when the filters allow it. */
import type { Queryable } from '../connection.ts';
import { querySource, responseSourceSql, type SourceContext, type SourceKind } from './analyticsSource.ts';
import { toSafeInteger } from '../numbers.ts';

/** surveyId -> number of (non-excluded unless includeExcluded) responses. */
export async function getResponseCounts(db: Queryable, ctx: SourceContext, surveyIds: string[]): Promise<{ source: SourceKind; counts: Map<string, number> }> {
  const values: unknown[] = [];
  const src = responseSourceSql(ctx, surveyIds, values);
  if (surveyIds.length === 0) return { source: src.kind, counts: new Map() };
  const { rows } = await querySource(db, src, `/* getResponseCounts */ with src as (${src.sql}) select survey_id, sum(n) as n from src group by 1`, values);
  return { source: src.kind, counts: new Map(rows.map((r) => [r.survey_id as string, toSafeInteger(r.n)])) };
}
