/**
 * Fills every rollup level (src/db/rollups/levels.ts) of an organisation from its answers and
 * responses (one aggregation of the source rows per kind, src/db/rollups/fillLevels.ts). Used by
 * rebuildOrgRollups (per batch of days, in its own transaction) and, over the whole organisation, by
 * bulk loads (demo, benchmark) after COPY through {@link buildOrgRollups}.
 */
import type { Queryable } from '../connection.ts';
import { fillLevels } from './fillLevels.ts';
import { ROLLUP_LEVELS, ROLLUP_TABLES, type RollupGrain } from './levels.ts';
import { deleteOrgResponseQuality, fillResponseQuality, setQualityRulesKeys } from '../quality/responseFlags.ts';

/** Rows written per table. */
export type RollupRowCounts = Record<string, number>;

/**
 * Adds the rows of one slice to every level (or to the levels of the given `grains`). `where` holds extra
 * conditions on `r` (responses) with `params` from $2 on ($1 is the organisation). `fresh`: the slice has
 * no rows yet in the levels filled (plain inserts). Without a slice, the whole organisation.
 */
export async function fillRollupLevels(
  db: Queryable,
  orgId: string,
  slice: { where?: string; params?: unknown[]; grains?: RollupGrain[]; fresh?: boolean } = {},
): Promise<RollupRowCounts> {
  const counts: RollupRowCounts = await fillLevels(db, orgId, slice);
  // Data-quality flags of the slice's responses, stored with the day levels (once per response).
  if (!slice.grains || slice.grains.includes('day')) counts.response_quality = await fillResponseQuality(db, orgId, slice);
  return counts;
}

/** Deletes the organisation's rows of every rollup table, and its stored data-quality flags. */
export async function deleteOrgRollups(db: Queryable, orgId: string): Promise<void> {
  for (const table of ROLLUP_TABLES) await db.query(`delete from ${table} where org_id = $1`, [orgId]);
  await deleteOrgResponseQuality(db, orgId);
}

/**
 * Replaces the organisation's rows of every rollup table with a fresh aggregation, inside the
 * caller's transaction or session, then ANALYZEs the rollup tables. One statement per table over the
 * whole organisation: the fastest bulk build after COPY (demo, benchmark). Live databases use
 * `sarafan rollups rebuild` (rebuildOrgRollups), which batches and locks.
 */
export async function buildOrgRollups(db: Queryable, orgId: string, opts: { analyze?: boolean } = {}): Promise<RollupRowCounts> {
  await deleteOrgRollups(db, orgId);
  const counts = await fillRollupLevels(db, orgId, { fresh: true });
  await setQualityRulesKeys(db, orgId);
  if (opts.analyze ?? true) await db.query(`analyze ${ROLLUP_TABLES.join(', ')}, response_quality`);
  return counts;
}

/**
 * True when every rollup level holds the organisation's data: each level has rows exactly when there
 * is something to count (a non-excluded response; a scored answer of one). False after a migration
 * added a level, or when a bulk load was interrupted.
 */
export async function orgRollupsBuilt(db: Queryable, orgId: string): Promise<boolean> {
  const has = (table: string) => `exists (select 1 from ${table} where org_id = $1)`;
  const { rows } = await db.query(
    `select exists (select 1 from answers where org_id = $1 and score is not null and not excluded) as scores,
            exists (select 1 from responses where org_id = $1 and not excluded) as responses,
            exists (select 1 from answers where org_id = $1 and score is not null and not excluded) as drivers,
            exists (select 1 from answers where org_id = $1 and (choice is not null or choices is not null) and not excluded) as choices,
            ${ROLLUP_LEVELS.map((l, i) => `${has(l.table)} as l${i}`).join(', ')},
            -- Data-quality flags: every survey with responses has its rules key (set by a build or the fold).
            not exists (select 1 from surveys s where s.org_id = $1 and not exists (select 1 from quality_surveys k where k.org_id = $1 and k.survey_id = s.id)
                          and exists (select 1 from responses r where r.org_id = $1 and r.survey_id = s.id)) as quality`,
    [orgId],
  );
  return rows[0].quality && ROLLUP_LEVELS.every((l, i) => rows[0][`l${i}`] === rows[0][l.kind]);
}
