/** The exactly-once bookkeeping of the connection-loss tests, counted in SQL. */
import type pg from 'pg';
import { submit, type Respondent } from './harness.ts';

export interface LoadFigures {
  /** Answers acknowledged (200 {ok:true}) at their first send. */
  acknowledged: number;
  /** Answers whose first send failed cleanly and were re-sent with the same key. */
  unacknowledged: number;
}

/** Re-sends every unacknowledged answer with its key, as the respondent page does, until each is acknowledged. */
export async function resendUntilAcknowledged(port: number, slug: string, respondents: Respondent[], maxAttempts = 50): Promise<LoadFigures> {
  const acknowledged = respondents.filter((r) => r.acknowledgedId !== null).length;
  const pending = respondents.filter((r) => r.acknowledgedId === null);
  for (const r of pending) {
    for (let i = 0; i < maxAttempts && r.acknowledgedId === null; i++) {
      if (i > 0) await new Promise((res) => setTimeout(res, 200));
      await submit(port, slug, r);
    }
  }
  return { acknowledged, unacknowledged: pending.length };
}

export interface StoredCounts {
  /** Acknowledged answers with no stored response (or stored under another id). */
  lost: number;
  /** Keys stored more than once. */
  duplicated: number;
  /** Responses whose answer rows are not all there. */
  halfWritten: number;
  /** Answers never acknowledged even after re-sending (and so possibly not stored). */
  missingAfterResend: number;
}

/**
 * Counts, per respondent's key, the responses stored for the survey and their answer rows.
 * @param answersPerResponse answer rows each submission writes (one per answered question)
 */
export async function checkStoredOnce(pool: pg.Pool, surveyId: string, respondents: Respondent[], answersPerResponse: number): Promise<StoredCounts> {
  const { rows } = await pool.query(
    `select r.idempotency_key as key, r.id, (select count(*)::int from answers a where a.org_id = r.org_id and a.response_id = r.id) as answers
       from responses r where r.survey_id = $1 and r.idempotency_key = any($2::text[])`,
    [surveyId, respondents.map((r) => r.key)],
  );
  const byKey = new Map<string, { id: string; answers: number }[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), { id: row.id, answers: row.answers }]);
  let lost = 0;
  let duplicated = 0;
  let halfWritten = 0;
  let missingAfterResend = 0;
  for (const r of respondents) {
    const stored = byKey.get(r.key) ?? [];
    if (stored.length > 1) duplicated++;
    if (r.acknowledgedId === null) missingAfterResend++;
    else if (!stored.some((s) => s.id === r.acknowledgedId)) lost++;
    halfWritten += stored.filter((s) => s.answers !== answersPerResponse).length;
  }
  return { lost, duplicated, halfWritten, missingAfterResend };
}
