/**
 * Score histograms per question, optionally grouped by channel, language, a dimension's value or
 * location: the one aggregation behind summary, overview, compare and the flat breakdowns.
 */
import type { Queryable } from '../connection.ts';
import { querySource, scoreSourceSql, type SourceContext, type SourceKind } from './analyticsSource.ts';
import { toSafeInteger } from '../numbers.ts';

/** Group key expressions, from a fixed allowlist (never from the request). */
const GROUP_KEYS = {
  none: `''`,
  channel: `channel`,
  language: `language`,
  dim: `dim_value`,
  location: `location_id::text`,
} as const;

export type HistogramGroup = keyof typeof GROUP_KEYS;

export interface HistogramParams {
  questionIds: string[];
  groupBy?: HistogramGroup;
  /** Required with groupBy = 'dim': the hidden-field key. */
  groupDim?: string;
}

export interface HistogramRow {
  questionId: string;
  /** Group value ('' when not grouped). */
  key: string;
  score: number;
  n: number;
}

/** Histograms (question, group key, score) -> count, from rollups when the filters allow it. */
export async function getHistograms(db: Queryable, ctx: SourceContext, params: HistogramParams): Promise<{ source: SourceKind; rows: HistogramRow[] }> {
  const groupBy = params.groupBy ?? 'none';
  if (params.questionIds.length === 0) return { source: 'rollup', rows: [] };
  const values: unknown[] = [];
  const src = scoreSourceSql(ctx, params.questionIds, values, {
    groupDim: groupBy === 'dim' ? params.groupDim : undefined,
    groupsLocation: groupBy === 'location',
    groupsChannel: groupBy === 'channel' || groupBy === 'language',
    ignoresDay: true,
  });
  const { rows } = await querySource(
    db,
    src,
    `/* getHistograms */
     with src as (${src.sql})
     select question_id, ${GROUP_KEYS[groupBy]} as key, score, sum(n) as n
       from src
      group by 1, 2, 3
     having sum(n) > 0`,
    values,
  );
  return {
    source: src.kind,
    rows: rows.map((r) => ({ questionId: r.question_id, key: r.key ?? '', score: r.score, n: toSafeInteger(r.n) })),
  };
}
