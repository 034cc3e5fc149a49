/**
 * Full rebuild of an organisation's rollups (every level in src/db/rollups/levels.ts) from raw
 * answers.
 * Idempotent: the organisation's rows are deleted and re-inserted in one transaction, so readers see
 * either the old or the new rollups, never a half-built table.
 */
import type pg from 'pg';
import { withTransaction } from '../tx.ts';
import { deleteOrgRollups, fillRollupLevels } from './buildRollups.ts';
import { ROLLUP_LEVELS } from './levels.ts';

export interface RebuildProgress {
  /** Called once the batches are known (one survey x `batchDays` org-local days for day levels, then one survey x month for block and month levels). */
  start(totalBatches: number): void;
  /** Called after each batch with the rollup rows it wrote. */
  batch(rows: number): void;
}

export interface RebuildResult {
  orgId: string;
  batches: number;
  scoreRows: number;
  responseRows: number;
  ms: number;
}

interface Batch {
  surveyId: string;
  from: string;
  to: string;
}

/**
 * Rebuilds one organisation's rollups. Batches follow org-local midnights, so no rollup day spans
 * two batches.
 * @param batchDays days per batch (bounds each statement's work and drives the progress bar)
 * @returns counts of written rows and elapsed time
 */
export async function rebuildOrgRollups(pool: pg.Pool, orgId: string, opts: { batchDays?: number; progress?: RebuildProgress } = {}): Promise<RebuildResult> {
  const started = Date.now();
  const batchDays = Math.max(1, Math.floor(opts.batchDays ?? 7));
  return withTransaction(pool, async (tx) => {
    // New responses take a FOR KEY SHARE lock on their survey row (foreign key); holding FOR UPDATE
    // on the organisation's surveys makes this organisation's submissions wait until the rebuild
    // commits, so none is counted twice or lost. Other organisations are not affected.
    await tx.query(`/* rebuildRollups.lock */ select id from surveys where org_id = $1 order by id for update`, [orgId]);
    const org = await tx.query(`select timezone from orgs where id = $1`, [orgId]);
    if (!org.rows[0]) throw new Error(`No organisation ${orgId}`);
    const tz = org.rows[0].timezone as string;
    await deleteOrgRollups(tx, orgId);

    // min/max per survey read the responses_survey_time index (org_id, survey_id, submitted_at).
    const spans = await tx.query(
      `/* rebuildRollups.spans */
       select s.id as survey_id,
              to_char((min(r.submitted_at) at time zone $2)::date, 'YYYY-MM-DD') as lo,
              to_char((max(r.submitted_at) at time zone $2)::date, 'YYYY-MM-DD') as hi
         from surveys s join responses r on r.org_id = s.org_id and r.survey_id = s.id
        where s.org_id = $1
        group by s.id order by s.id`,
      [orgId, tz],
    );
    const batches: Batch[] = [];
    const months: Batch[] = [];
    for (const s of spans.rows) {
      for (let d = s.lo as string; d <= s.hi; d = addDays(d, batchDays)) {
        batches.push({ surveyId: s.survey_id, from: d, to: addDays(d, batchDays) });
      }
      for (let m = `${(s.lo as string).slice(0, 7)}-01`; m <= s.hi; m = addMonth(m)) {
        months.push({ surveyId: s.survey_id, from: m, to: addMonth(m) });
      }
    }
    opts.progress?.start(batches.length + months.length);
    let scoreRows = 0;
    let responseRows = 0;
    // Day levels: window on responses (responses_survey_time), then answers by primary key; the
    // derived day levels are summed from the base rows just written for this batch's survey and days.
    // Block and month levels afterwards, one batch per survey and month (blocks never cross a month). Everything was deleted above and the
    // steps do not overlap, so each row is inserted once (no upserts).
    const baseWhere = `and survey_id = $2 and day >= $3::date and day < $4::date`;
    const steps = [
      ...batches.map((b) => ({
        where: `and r.survey_id = $2
                and r.submitted_at >= ($3::date::timestamp at time zone $5)
                and r.submitted_at < ($4::date::timestamp at time zone $5)`,
        params: [b.surveyId, b.from, b.to, tz],
        baseWhere,
        baseParams: [b.surveyId, b.from, b.to],
        grains: ['day' as const],
        fresh: true,
      })),
      ...months.map((m) => ({ baseWhere, baseParams: [m.surveyId, m.from, m.to], grains: ['block' as const, 'month' as const], fresh: true })),
    ];
    for (const step of steps) {
      const counts = await fillRollupLevels(tx, orgId, step);
      let written = 0;
      for (const l of ROLLUP_LEVELS) {
        const n = counts[l.table] ?? 0;
        written += n;
        if (l.kind === 'scores') scoreRows += n;
        else responseRows += n;
      }
      opts.progress?.batch(written);
    }
    return { orgId, batches: steps.length, scoreRows, responseRows, ms: Date.now() - started };
  });
}

/** Ids of all organisations, or just the given one (validated to exist). */
export async function listOrgIds(pool: pg.Pool, orgId?: string): Promise<string[]> {
  if (orgId !== undefined) {
    if (!/^[0-9a-f-]{36}$/i.test(orgId)) throw new Error(`Not an organisation id: ${orgId}`);
    const { rows } = await pool.query(`select id from orgs where id = $1`, [orgId]);
    if (!rows[0]) throw new Error(`No organisation ${orgId}`);
    return [orgId];
  }
  const { rows } = await pool.query(`select id from orgs order by created_at, id`);
  return rows.map((r) => r.id as string);
}

function addMonth(firstOfMonth: string): string {
  const d = new Date(`${firstOfMonth}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
