/** Breakdowns (location drill-down, channel, language, a dimension) and the locations x metrics heat table. */
import type pg from 'pg';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import type { BreakdownAnswer, BreakdownRow, HeatmapAnswer } from '../../core/api/analytics.ts';
import type { QuestionDef, SurveyDef } from '../../core/surveys/types.ts';
import { dimensionOfBy } from '../../core/responses/hiddenFields.ts';
import type { SourceContext, SourceKind } from '../../db/queries/analyticsSource.ts';
import { getHistograms, type HistogramGroup } from '../../db/queries/getHistograms.ts';
import { getLocationHistograms } from '../../db/queries/getLocationHistograms.ts';
import { getLocationInScope, listLocationNodes, type LocationNode } from '../../db/queries/listLocationNodes.ts';
import { notFound } from '../../http/errors.ts';
import { histogramOf, isScored, metricForQuestion } from '../../core/analytics/metrics.ts';

export interface BreakdownOptions {
  by: string;
  parent?: string;
  leaf?: boolean;
  sort?: 'worst' | 'best' | 'n';
  limit?: number;
}

/** Breakdown rows, drill-down nodes, or all leaves (worst-N with sort=worst&limit). */
export async function getBreakdown(pool: pg.Pool, principal: Principal, ctx: SourceContext, q: QuestionDef, o: BreakdownOptions): Promise<BreakdownAnswer> {
  let rows: BreakdownRow[];
  let source: SourceKind;
  if (o.by === 'location') {
    const nodes = await breakdownNodes(pool, principal, o.parent, o.leaf);
    const hist = await getLocationHistograms(pool, ctx, [q.id!], nodes, { leaf: o.leaf });
    source = hist.source;
    const byNode = groupRows(hist.rows, (r) => r.nodeId);
    rows = nodes.map((n) => ({
      key: n.id,
      label: n.name,
      kind: n.kind,
      hasChildren: n.hasChildren,
      result: metricForQuestion(q, histogramOf(byNode.get(n.id) ?? [])),
    }));
    // All leaves can be thousands; only those with answers are worth ranking.
    if (o.leaf) rows = rows.filter((r) => (r.result?.n ?? 0) > 0);
  } else {
    const dim = dimensionOfBy(o.by);
    const [groupBy, groupDim] = dim !== null ? (['dim', dim] as const) : ([o.by as HistogramGroup, undefined] as const);
    const hist = await getHistograms(pool, ctx, { questionIds: [q.id!], groupBy, groupDim });
    source = hist.source;
    const byKey = groupRows(hist.rows, (r) => r.key);
    rows = [...byKey].map(([k, h]) => ({ key: k, label: k, result: metricForQuestion(q, histogramOf(h)) }));
    rows.sort((a, b) => (b.result?.n ?? 0) - (a.result?.n ?? 0) || a.key.localeCompare(b.key));
  }
  if (o.sort) rows = sortRows(rows, o.sort);
  if (o.limit) rows = rows.slice(0, o.limit);
  return { by: o.by, questionId: q.id!, parent: o.parent ?? null, source, rows };
}

function groupRows<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function sortRows(rows: BreakdownRow[], sort: 'worst' | 'best' | 'n'): BreakdownRow[] {
  const value = (r: BreakdownRow) => r.result?.value ?? null;
  return [...rows].sort((a, b) => {
    if (sort === 'n') return (b.result?.n ?? 0) - (a.result?.n ?? 0);
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
    return sort === 'worst' ? va - vb : vb - va;
  });
}

/** Nodes of a location breakdown; a `parent` outside the caller's scope is 404. */
async function breakdownNodes(pool: pg.Pool, principal: Principal, parentId?: string, leaf?: boolean): Promise<LocationNode[]> {
  const scope = scopeOf(principal);
  let parent: LocationNode | undefined;
  if (parentId) {
    parent = (await getLocationInScope(pool, scope, parentId)) ?? undefined;
    if (!parent) throw notFound('Location not found');
  }
  return listLocationNodes(pool, scope, { parent, leaf });
}

/** GET /surveys/:id/analytics/heatmap: child locations x scored questions. */
export async function getHeatmap(pool: pg.Pool, principal: Principal, ctx: SourceContext, survey: SurveyDef, parentId?: string): Promise<HeatmapAnswer> {
  const columns = survey.questions.filter((q) => q.id && isScored(q) && !q.archivedInVersion);
  const nodes = await breakdownNodes(pool, principal, parentId);
  const hist = await getLocationHistograms(pool, ctx, columns.map((q) => q.id!), nodes);
  const cells = groupRows(hist.rows, (r) => `${r.nodeId}/${r.questionId}`);
  return {
    source: hist.source,
    columns: columns.map((q) => ({ questionId: q.id!, key: q.key, metric: q.metric, text: q.text })),
    rows: nodes.map((n) => ({
      locationId: n.id,
      name: n.name,
      hasChildren: n.hasChildren,
      cells: Object.fromEntries(
        columns.map((q) => {
          const h = histogramOf(cells.get(`${n.id}/${q.id}`) ?? []);
          const result = metricForQuestion(q, h);
          return [q.id!, result && result.n > 0 ? result : null];
        }),
      ),
    })),
  };
}
