/**
 * Storing respondents' submissions (src/server/responses/commands/submitResponse.ts validates and
 * shapes them; submissionBatcher.ts groups concurrent ones into one statement).
 */
import { UNKNOWN_LOCATION_FIELD } from '../../core/quality/unknownLocation.ts';
import type { Queryable } from '../connection.ts';

/** The response stored under an idempotency key, or null. */
export async function findResponseByIdempotencyKey(db: Queryable, orgId: string, surveyId: string, key: string): Promise<string | null> {
  const { rows } = await db.query(`/* findResponseByIdempotencyKey */ select id from responses where org_id = $1 and survey_id = $2 and idempotency_key = $3`, [
    orgId,
    surveyId,
    key,
  ]);
  return rows[0]?.id ?? null;
}

/** A validated submission, ready to insert (alone or with others: insertSubmissions). */
export interface PreparedSubmission {
  orgId: string;
  surveyId: string;
  /** Unique within a batch: insertSubmissions takes each (survey, key) once. */
  idempotencyKey: string;
  row: Record<string, unknown>;
}

/** What the insert said about one submission: its new id, or null (key already used, or survey not live). */
export interface InsertOutcome {
  id: string | null;
  /** The survey was live (and unchanged since the stamp) when the statement ran. */
  live: boolean;
}

/**
 * One statement, one round trip for any number of submissions, atomic on its own (no BEGIN/COMMIT
 * needed): per submission it resolves the location within the organisation, checks that the survey
 * is still live (and unchanged since `stamp` when given), inserts the response (or skips a used
 * idempotency key: ON CONFLICT DO NOTHING waits for a concurrent insert of the same key and then
 * skips, so racing identical POSTs store one response), its answers, its queued rollup change
 * (src/db/rollups/rollupQueue.ts), and marks the respondent's saved progress done (src/db/responses/progress.ts). Responses go in key order, so two batches never wait for each
 * other's keys in opposite orders (no deadlock). Every lookup is by primary or unique key, so no plan
 * depends on statistics (test/analytics/ingestPlans.test.ts).
 */
const INSERT_SUBMISSIONS_SQL = `/* insertSubmissions */
  with x as materialized (
    select * from jsonb_to_recordset($1::jsonb) as x(
      i int, org_id uuid, survey_id uuid, loc_id uuid, loc_code text, channel text, language text, hidden jsonb,
      idempotency_key text, survey_version int, contact_key text, started_at timestamptz, submitted_at timestamptz,
      duration_ms int, stamp timestamptz, answers jsonb, partial boolean, display_order jsonb)
  ), c as materialized (
    select x.*,
           exists (select 1 from surveys s
                    where s.org_id = x.org_id and s.id = x.survey_id and s.status = 'live' and (x.stamp is null or s.updated_at = x.stamp)) as live,
           coalesce((select l.id from locations l where l.org_id = x.org_id and l.id = x.loc_id),
                    (select l.id from locations l where l.org_id = x.org_id and l.code = x.loc_code order by l.id limit 1)) as location_id
      from x
  ), r as (
    insert into responses (org_id, survey_id, location_id, channel, language, hidden, idempotency_key, survey_version,
                           contact_key, started_at, submitted_at, duration_ms, partial, display_order)
    select org_id, survey_id, location_id, channel, language,
           -- A location the organisation does not have: kept as the code given, for data quality (src/core/quality/unknownLocation.ts).
           case when location_id is null and coalesce(loc_code, loc_id::text) is not null
                then (coalesce(hidden, '{}') - '${UNKNOWN_LOCATION_FIELD}') || jsonb_build_object('${UNKNOWN_LOCATION_FIELD}', coalesce(loc_code, loc_id::text))
                else coalesce(hidden, '{}') - '${UNKNOWN_LOCATION_FIELD}' end,
           idempotency_key, survey_version, contact_key, started_at, submitted_at, duration_ms, coalesce(partial, false), display_order
      from c where live
     order by org_id, survey_id, idempotency_key
    on conflict (org_id, survey_id, idempotency_key) do nothing
    returning id, org_id, survey_id, idempotency_key, location_id
  ), a as (
    insert into answers (org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at,
                         score, choice, choices, text, number)
    select r.org_id, r.id, y.question_id, r.survey_id, r.location_id, c.channel, c.language, c.submitted_at,
           y.score, y.choice, y.choices, y.text, y.number
      from r join c on c.org_id = r.org_id and c.survey_id = r.survey_id and c.idempotency_key = r.idempotency_key
     cross join lateral jsonb_to_recordset(c.answers) as y(question_id uuid, score smallint, choice text, choices text[], text text, number numeric)
  ), q as (
    insert into rollup_pending (org_id, response_id, sign) select r.org_id, r.id, 1 from r
  ), p as (
    -- The respondent's saved progress (response_progress) is done: finished when sent, closed when kept as partial.
    update response_progress p set response_id = r.id, finished = p.finished or not coalesce(c.partial, false), updated_at = now()
      from r join c on c.org_id = r.org_id and c.survey_id = r.survey_id and c.idempotency_key = r.idempotency_key
     where p.org_id = r.org_id and p.survey_id = r.survey_id and p.idempotency_key = r.idempotency_key
  )
  select c.i, c.live, r.id
    from c left join r on r.org_id = c.org_id and r.survey_id = c.survey_id and r.idempotency_key = c.idempotency_key
   order by c.i`;

/** Inserts submissions with distinct (survey, key) in one statement; outcomes in input order. */
export async function insertSubmissions(db: Queryable, subs: PreparedSubmission[]): Promise<InsertOutcome[]> {
  if (subs.length === 0) return [];
  const { rows } = await db.query(INSERT_SUBMISSIONS_SQL, [JSON.stringify(subs.map((s, i) => ({ ...s.row, i })))]);
  return rows.map((r) => ({ id: r.id ?? null, live: r.live === true }));
}

