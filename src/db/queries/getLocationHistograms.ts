/**
 * Histograms per location node, each aggregated over the node's whole subtree (region -> its
 * stores). Scores are first summed per location_id (a few rows per store), then joined to the
 * locations and matched to the nodes by path prefix; that join is small (locations with data x nodes).
 */
import type { Queryable } from '../connection.ts';
import { querySource, scoreSourceSql, type SourceContext, type SourceKind } from './analyticsSource.ts';
import type { LocationNode } from './listLocationNodes.ts';
import { toSafeInteger } from '../numbers.ts';

export interface LocationHistogramRow {
  nodeId: string;
  questionId: string;
  score: number;
  n: number;
}

/**
 * (node, question, score) -> count. With `leaf`, nodes have no children and are matched by id,
 * which skips the prefix join (used by the worst-N list over all stores).
 */
export async function getLocationHistograms(
  db: Queryable,
  ctx: SourceContext,
  questionIds: string[],
  nodes: LocationNode[],
  opts: { leaf?: boolean } = {},
): Promise<{ source: SourceKind; rows: LocationHistogramRow[] }> {
  const values: unknown[] = [];
  const src = scoreSourceSql(ctx, questionIds, values, { groupsLocation: true, ignoresDay: true });
  if (nodes.length === 0 || questionIds.length === 0) return { source: src.kind, rows: [] };
  values.push(nodes.map((n) => n.id));
  const ids = `$${values.length}::uuid[]`;
  values.push(nodes.map((n) => n.path));
  const paths = `$${values.length}::text[]`;
  values.push(ctx.scope.orgId);
  const org = `$${values.length}`;
  const match = opts.leaf ? `nd.id = l.id` : `l.path like nd.path || '%'`;
  const { rows } = await querySource(
    db,
    src,
    `/* getLocationHistograms */
     with src as (${src.sql}),
     h as (select location_id, question_id, score, sum(n) as n from src group by 1, 2, 3),
     nd as (select * from unnest(${ids}, ${paths}) as t(id, path))
     select nd.id as node_id, h.question_id, h.score, sum(h.n) as n
       from h
       join locations l on l.org_id = ${org} and l.id = h.location_id
       join nd on ${match}
      group by 1, 2, 3
     having sum(h.n) > 0`,
    values,
  );
  return { source: src.kind, rows: rows.map((r) => ({ nodeId: r.node_id, questionId: r.question_id, score: r.score, n: toSafeInteger(r.n) })) };
}
