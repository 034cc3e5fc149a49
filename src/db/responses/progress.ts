/**
 * Respondents' saved progress (response_progress, migration 130; docs/api.md "Partial responses"): written by
 * POST /s/:slug/progress, read back by POST /s/:slug/resume, marked done by the submission's insert
 * (insertSubmissions.ts), kept as a partial response by the close-partial-responses job, read by the drop-off view.
 */
import type { Scope } from '../../core/access/index.ts';
import type { ProgressRecord } from '../../core/surveys/progress.ts';
import type { AnswerMap } from '../../core/surveys/types.ts';
import { isUuid } from '../../core/ids.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';

export interface ProgressInput {
  orgId: string;
  surveyId: string;
  idempotencyKey: string;
  /** As sent (`_loc`): a location id or code of the organisation; unknown is none. */
  locRef: string | null;
  channel: string;
  language: string;
  hidden: Record<string, string>;
  /** The valid answers so far (parseAnswers). */
  answers: AnswerMap;
  atKey: string | null;
  /** Milliseconds per question key (cleanTimes); merged into the saved ones. */
  times: Record<string, number>;
  startedAt: Date | null;
}

/** What a save found: the progress is still open, or it already became a response (sent, or kept as partial). */
export interface SavedProgress {
  done: boolean;
}

/**
 * Saves a respondent's progress under the key (one row per survey and key). Once done, only the screen times
 * are still merged in (the last screen's time may arrive after the submission); the answers stay as sent.
 */
export async function saveProgress(db: Queryable, p: ProgressInput): Promise<SavedProgress> {
  const ref = p.locRef && p.locRef.length <= 100 ? p.locRef : null;
  const { rows } = await db.query(
    `/* saveProgress */ insert into response_progress as p (org_id, survey_id, idempotency_key, location_id, loc_ref, channel, language, hidden,
                                                     answers, at_key, times, started_at)
     values ($1, $2, $3,
             coalesce((select l.id from locations l where l.org_id = $1 and l.id = $4::uuid),
                      (select l.id from locations l where l.org_id = $1 and l.code = $5 order by l.id limit 1)),
             $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11::jsonb, coalesce($12, now()))
     on conflict (org_id, survey_id, idempotency_key) do update
        set answers = case when p.response_id is null then excluded.answers else p.answers end,
            at_key = case when p.response_id is null then excluded.at_key else p.at_key end,
            language = case when p.response_id is null then excluded.language else p.language end,
            times = p.times || excluded.times,
            updated_at = case when p.response_id is null then now() else p.updated_at end
     returning response_id is not null or finished as done`,
    [p.orgId, p.surveyId, p.idempotencyKey, ref && isUuid(ref) ? ref : null, ref, p.channel, p.language, JSON.stringify(p.hidden),
      JSON.stringify(p.answers), p.atKey, JSON.stringify(p.times), p.startedAt],
  );
  return { done: rows[0].done === true };
}

export interface StoredProgress {
  answers: AnswerMap;
  atKey: string | null;
  startedAt: Date;
  done: boolean;
}

/** The progress saved under a key, or null. */
export async function findProgress(db: Queryable, orgId: string, surveyId: string, key: string): Promise<StoredProgress | null> {
  const { rows } = await db.query(
    `/* findProgress */ select answers, at_key, started_at, response_id is not null or finished as done
       from response_progress where org_id = $1 and survey_id = $2 and idempotency_key = $3`,
    [orgId, surveyId, key],
  );
  const r = rows[0];
  return r ? { answers: r.answers, atKey: r.at_key, startedAt: r.started_at, done: r.done } : null;
}

/** The saved progress of a survey at the caller's locations, as the drop-off view reads it. */
export async function listProgressRecords(db: Queryable, scope: Scope, surveyId: string): Promise<ProgressRecord[]> {
  const params: unknown[] = [scope.orgId, surveyId];
  const { rows } = await db.query(
    `/* listProgressRecords */ select array(select jsonb_object_keys(p.answers)) as answered, p.at_key, p.times, p.finished
       from response_progress p
      where p.org_id = $1 and p.survey_id = $2 and ${locationScopeSql(scope, 'p.location_id', params)}`,
    params,
  );
  return rows.map((r) => ({ answered: r.answered, atKey: r.at_key, times: r.times, finished: r.finished }));
}

/** Abandoned progress ready to become a partial response. */
export interface AbandonedProgress {
  orgId: string;
  surveyId: string;
  idempotencyKey: string;
  locRef: string | null;
  locationId: string | null;
  channel: string;
  language: string;
  hidden: Record<string, string>;
  answers: AnswerMap;
  startedAt: Date;
  updatedAt: Date;
}

/**
 * Progress of live surveys that count partial responses, not saved again for `hours`, neither sent nor kept yet,
 * with at least one answer; locked for the caller's transaction (SKIP LOCKED: two runs share the work).
 */
export async function lockAbandonedProgress(db: Queryable, hours: number, limit: number): Promise<AbandonedProgress[]> {
  const { rows } = await db.query(
    `/* lockAbandonedProgress */ select p.org_id, p.survey_id, p.idempotency_key, p.loc_ref, p.location_id, p.channel, p.language, p.hidden,
            p.answers, p.started_at, p.updated_at
       from response_progress p join surveys s on s.org_id = p.org_id and s.id = p.survey_id
      where not p.finished and p.response_id is null and p.updated_at < now() - make_interval(hours => $1)
        and s.count_partial and s.status = 'live' and p.answers <> '{}'::jsonb
      order by p.updated_at limit $2
        for update of p skip locked`,
    [hours, limit],
  );
  return rows.map((r) => ({
    orgId: r.org_id, surveyId: r.survey_id, idempotencyKey: r.idempotency_key, locRef: r.loc_ref, locationId: r.location_id,
    channel: r.channel, language: r.language, hidden: r.hidden, answers: r.answers, startedAt: r.started_at, updatedAt: r.updated_at,
  }));
}

/** Marks progress whose key turned out to have a response already (sent meanwhile): finished. */
export async function markProgressFinished(db: Queryable, orgId: string, surveyId: string, key: string): Promise<void> {
  await db.query(
    `/* markProgressFinished */ update response_progress set finished = true where org_id = $1 and survey_id = $2 and idempotency_key = $3`,
    [orgId, surveyId, key],
  );
}
