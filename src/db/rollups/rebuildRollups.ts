/**
 * Full rebuild of an organisation's rollups (rollup_scores, rollup_responses and their
 * compact levels) from raw answers.
 * Idempotent: the organisation's rows are deleted and re-inserted in one transaction, so readers see
 * either the old or the new rollups, never a half-built table.
 */
import type pg from 'pg';
import { withTransaction } from '../tx.ts';
import { ROLLUP_GROUP_BY, ROLLUP_SOURCE_SQL } from './applyResponse.ts';
import { RESPONSE_ROLLUP_GROUP_BY, RESPONSE_ROLLUP_SOURCE_SQL } from './responseRollup.ts';

export interface RebuildProgress {
  /** Called once the batches are known (one batch = one survey x `batchDays` org-local days). */
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
    await tx.query(`delete from rollup_scores where org_id = $1`, [orgId]);
    await tx.query(`delete from rollup_responses where org_id = $1`, [orgId]);
    await tx.query(`delete from rollup_scores_compact where org_id = $1`, [orgId]);
    await tx.query(`delete from rollup_responses_compact where org_id = $1`, [orgId]);

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
    for (const s of spans.rows) {
      for (let d = s.lo as string; d <= s.hi; d = addDays(d, batchDays)) {
        batches.push({ surveyId: s.survey_id, from: d, to: addDays(d, batchDays) });
      }
    }
    opts.progress?.start(batches.length);
    let scoreRows = 0;
    let responseRows = 0;
    // Window on responses (responses_survey_time), then answers by primary key.
    const window = `and r.org_id = $1 and r.survey_id = $2
                    and r.submitted_at >= ($3::date::timestamp at time zone $5)
                    and r.submitted_at < ($4::date::timestamp at time zone $5)`;
    for (const b of batches) {
      const params = [orgId, b.surveyId, b.from, b.to, tz];
      const scores = await tx.query(
        `/* rebuildRollups.scores */
         insert into rollup_scores as t (org_id, survey_id, question_id, day, location_id, channel, language, dim_key, dim_value, score, n)
         select org_id, survey_id, question_id, day, location_id, channel, language, dim_key, dim_value, score, n
           from (${ROLLUP_SOURCE_SQL} and a.org_id = $1 ${window} ${ROLLUP_GROUP_BY}) s
         on conflict (org_id, question_id, dim_key, dim_value, day, location_id, channel, language, score)
         do update set n = t.n + excluded.n`,
        params,
      );
      const responses = await tx.query(
        `/* rebuildRollups.responses */
         insert into rollup_responses as t (org_id, survey_id, day, location_id, channel, language, dim_key, dim_value, n)
         select org_id, survey_id, day, location_id, channel, language, dim_key, dim_value, n
           from (${RESPONSE_ROLLUP_SOURCE_SQL} ${window} ${RESPONSE_ROLLUP_GROUP_BY}) s
         on conflict (org_id, survey_id, dim_key, dim_value, day, location_id, channel, language)
         do update set n = t.n + excluded.n`,
        params,
      );
      // The compact level is summed from the rows just written for this batch's survey and days.
      const compact = await tx.query(
        `/* rebuildRollups.compact */
         insert into rollup_scores_compact as t (org_id, survey_id, question_id, day, dim_key, dim_value, score, n)
         select org_id, survey_id, question_id, day, dim_key, dim_value, score, sum(n)
           from rollup_scores
          where org_id = $1 and survey_id = $2 and day >= $3::date and day < $4::date
          group by 1, 2, 3, 4, 5, 6, 7
         on conflict (org_id, question_id, dim_key, dim_value, day, score)
         do update set n = t.n + excluded.n`,
        params.slice(0, 4),
      );
      const compactResponses = await tx.query(
        `/* rebuildRollups.compactResponses */
         insert into rollup_responses_compact as t (org_id, survey_id, day, dim_key, dim_value, n)
         select org_id, survey_id, day, dim_key, dim_value, sum(n)
           from rollup_responses
          where org_id = $1 and survey_id = $2 and day >= $3::date and day < $4::date
          group by 1, 2, 3, 4, 5
         on conflict (org_id, survey_id, dim_key, dim_value, day)
         do update set n = t.n + excluded.n`,
        params.slice(0, 4),
      );
      scoreRows += (scores.rowCount ?? 0) + (compact.rowCount ?? 0);
      responseRows += compactResponses.rowCount ?? 0;
      responseRows += responses.rowCount ?? 0;
      opts.progress?.batch((scores.rowCount ?? 0) + (compact.rowCount ?? 0) + (responses.rowCount ?? 0));
    }
    return { orgId, batches: batches.length, scoreRows, responseRows, ms: Date.now() - started };
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

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
