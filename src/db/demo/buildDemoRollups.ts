/**
 * Builds one organisation's rollups inside the caller's transaction or session: every rollup level
 * (src/db/rollups/levels.ts) through the shared bulk build (buildOrgRollups), so a level added there is
 * built here too. The demo needs this variant because rebuildOrgRollups opens its own transaction and
 * the demo must commit everything at once; the benchmark uses it because one statement per level over
 * the whole organisation is the fastest bulk build.
 */
import type { PoolClient } from '../connection.ts';
import { buildOrgRollups } from '../rollups/buildRollups.ts';
import { levelsOf, type RollupKind } from '../rollups/levels.ts';

export interface RollupCounts {
  /** Rows of every score level (histograms), and of every response level. */
  scoreRows: number;
  compactRows: number;
  responseRows: number;
  /** Rows written per rollup table. */
  tables: Record<string, number>;
}

/** Replaces the organisation's rollup rows with a fresh aggregation of its answers and responses; callers ANALYZE ROLLUP_TABLES after commit. */
export async function buildDemoRollups(tx: PoolClient, orgId: string): Promise<RollupCounts> {
  const tables = await buildOrgRollups(tx, orgId, { analyze: false });
  const rowsOf = (kind: RollupKind) => levelsOf(kind).reduce((sum, l) => sum + (tables[l.table] ?? 0), 0);
  return { scoreRows: rowsOf('scores'), compactRows: tables.rollup_scores_compact ?? 0, responseRows: rowsOf('responses'), tables };
}
