/**
 * Data-quality flags of responses (docs/analytics.md "Data validation"): the one home of the rules
 * missing_required, straight_lining, duplicate_contact, speeder and unknown_location, as SQL. Used to keep the sparse
 * table response_quality (migration 050: the responses that are flagged or excluded) when the fold,
 * the rebuild or a bulk build counts responses (src/db/rollups), and by the reader
 * (src/db/queries/listQualityFlags.ts) for the responses still queued in rollup_pending.
 *
 * Flags read the survey's questions (rating, required, show-if, versions). The table
 * quality_surveys records, per survey, the key of those question fields the stored flags were
 * computed with ({@link qualityRulesKeySql}); the reader trusts the stored flags only while the key
 * still matches, and computes them on the fly otherwise (after a survey edit, until a rebuild).
 */
import type { Queryable } from '../connection.ts';
import { UNKNOWN_LOCATION_FIELD } from '../../core/quality/unknownLocation.ts';

/** The thresholds, reported to the client with the flags. */
export const QUALITY_RULES = {
  /** speeder: duration_ms < max(speederMinMs, speederMsPerAnswer x answered questions). */
  speederMinMs: 2000,
  speederMsPerAnswer: 1500,
  /** straight_lining: at least this many rating answers, all identical. */
  straightLiningMin: 3,
  /** Newest responses of the window inspected when flags are computed on the fly (after a survey edit, until a rebuild). */
  maxInspected: 20000,
  /** hidden fields that identify a contact, besides responses.contact_key (indexed by migration 050: keep in step). */
  contactFields: ['email', 'phone', 'customer_id'],
} as const;

const ANSWERED = `(a.score is not null or a.choice is not null or coalesce(cardinality(a.choices), 0) > 0 or coalesce(a.text, '') <> '' or a.number is not null)`;

/** SQL (text) of the question fields the flags of survey `survey` (an SQL expression) depend on. */
export function qualityRulesKeySql(org: string, survey: string): string {
  return `(select md5(coalesce(string_agg(concat_ws(':', q.id, q.type, q.required, q.show_if is null, q.added_in_version, q.archived_in_version, case when q.jumps is not null then 'j' || q.position end), ',' order by q.id), ''))
             from questions q where q.org_id = ${org} and q.survey_id = ${survey})`;
}

/** Condition: response `e` of the same contact as response `r` (same survey; contact_key or a hidden contact field, case-insensitive). */
function sameContactSql(e: string, r: string): string {
  const hidden = QUALITY_RULES.contactFields.map(
    (f) => `(coalesce(${r}.hidden ->> '${f}', '') <> '' and coalesce(${e}.hidden ->> '${f}', '') <> ''
             and lower(${e}.hidden ->> '${f}') = lower(${r}.hidden ->> '${f}'))`,
  );
  return `(${e}.contact_key = ${r}.contact_key or ${hidden.join(' or ')})`;
}

/**
 * SQL yielding `(id, survey_id, submitted_at, excluded, exclusion_reason, location_id, unknown_location_code, flags text[])` for the responses `source`
 * selects (whole rows of responses, all of organisation `org`). A duplicate is any response after
 * the first of the same contact in the survey's whole history, by contact_key or by a hidden contact
 * field (indexes responses_contact and responses_hidden_*).
 * @param org placeholder of the organisation id
 */
export function responseFlagsSql(org: string, source: string): string {
  const earlier = QUALITY_RULES.contactFields.map(
    (f) => `(coalesce(r.hidden ->> '${f}', '') <> '' and exists (select 1 from responses e
              where e.org_id = ${org} and e.survey_id = r.survey_id and coalesce(e.hidden ->> '${f}', '') <> ''
                and lower(e.hidden ->> '${f}') = lower(r.hidden ->> '${f}') and (e.submitted_at, e.id) < (r.submitted_at, r.id)))`,
  );
  return `select r.id, r.survey_id, r.submitted_at, r.excluded, r.exclusion_reason, r.location_id,
                 r.hidden ->> '${UNKNOWN_LOCATION_FIELD}' as unknown_location_code,
                 array_remove(array[
                   case when x.missing_required then 'missing_required' end,
                   case when x.ratings >= ${QUALITY_RULES.straightLiningMin} and x.rmin = x.rmax then 'straight_lining' end,
                   case when (r.contact_key is not null and exists (select 1 from responses e
                               where e.org_id = ${org} and e.survey_id = r.survey_id and e.contact_key = r.contact_key
                                 and (e.submitted_at, e.id) < (r.submitted_at, r.id)))
                             or ${earlier.join(' or ')} then 'duplicate_contact' end,
                   case when r.duration_ms < greatest(${QUALITY_RULES.speederMinMs}, ${QUALITY_RULES.speederMsPerAnswer} * x.answered) then 'speeder' end,
                   case when r.hidden ? '${UNKNOWN_LOCATION_FIELD}' then 'unknown_location' end
                 ], null)::text[] as flags
            from (${source}) r
            cross join lateral (
              select coalesce(array_agg(q.id) filter (where q.type = 'rating'), '{}') as ratings
                from questions q where q.org_id = ${org} and q.survey_id = r.survey_id
            ) qs
            -- The response's answers read once by primary key (org_id, response_id, ...).
            cross join lateral (
              select count(*) filter (where ${ANSWERED}) as answered,
                     count(*) filter (where a.question_id = any(qs.ratings) and a.score is not null) as ratings,
                     min(a.score) filter (where a.question_id = any(qs.ratings)) as rmin,
                     max(a.score) filter (where a.question_id = any(qs.ratings)) as rmax,
                     -- Required questions without show-if and after no question with jumps (flow.ts: a jump may skip
                     -- them), in the version answered, left unanswered.
                     exists (select 1 from questions q
                              where q.org_id = ${org} and q.survey_id = r.survey_id and q.required and q.show_if is null
                                and not exists (select 1 from questions p where p.org_id = q.org_id and p.survey_id = q.survey_id
                                                   and p.position < q.position and p.jumps is not null)
                                and q.added_in_version <= r.survey_version
                                and (q.archived_in_version is null or q.archived_in_version > r.survey_version)
                                and not (q.id = any(coalesce(array_agg(a.question_id) filter (where ${ANSWERED}), '{}')))) as missing_required
                from answers a
               where a.org_id = ${org} and a.response_id = r.id
            ) x`;
}

/**
 * SQL yielding `(id)`: the responses of `ids` (SQL yielding response ids of organisation `org`) and
 * every later response of the same contact, whose duplicate_contact flag a new earlier response changes.
 * The ids go in as an array: primary-key probes whatever the (often stale) statistics of the queue say.
 */
export function responsesAndLaterSameContactSql(org: string, ids: string): string {
  // One primary-key probe per given response, then (only when it has a contact) its later ones by index.
  return `select distinct x.id
            from (select r.id, r.survey_id, r.submitted_at, r.contact_key, r.hidden from responses r
                   where r.org_id = ${org} and r.id = any(array(${ids}))) r
            cross join lateral (
              select r.id
              union all
              select e.id from responses e
               where (r.contact_key is not null or ${QUALITY_RULES.contactFields.map((f) => `coalesce(r.hidden ->> '${f}', '') <> ''`).join(' or ')})
                 and e.org_id = ${org} and e.survey_id = r.survey_id and ${sameContactSql('e', 'r')}
                 and (e.submitted_at, e.id) > (r.submitted_at, r.id)
            ) x`;
}

/** Rows kept in response_quality: flagged or excluded. */
const KEPT = `cardinality(f.flags) > 0 or f.excluded`;

/**
 * Recomputes the stored flags of the given responses (and of the later responses of their contacts)
 * on the caller's transaction; called with every response the fold or a replay counts or uncounts.
 */
export async function refreshResponseQuality(tx: Queryable, orgId: string, responseIds: string[]): Promise<void> {
  if (responseIds.length === 0) return;
  const { rows } = await tx.query(
    `/* refreshResponseQuality.affected */ ${responsesAndLaterSameContactSql('$1::uuid', 'select unnest($2::uuid[])')}`,
    [orgId, responseIds],
  );
  const ids = rows.map((r) => r.id as string);
  await tx.query(`/* refreshResponseQuality.delete */ delete from response_quality where org_id = $1 and response_id = any($2::uuid[])`, [orgId, ids]);
  await tx.query(
    `/* refreshResponseQuality.insert */ insert into response_quality (org_id, survey_id, response_id, submitted_at, flags)
     select $1, f.survey_id, f.id, f.submitted_at, f.flags
       from (${responseFlagsSql('$1', 'select r.* from responses r where r.org_id = $1 and r.id = any($2::uuid[])')}) f
      where ${KEPT}`,
    [orgId, ids],
  );
  // A survey's first stored flags: record the rules they follow (an older key stays: then the
  // reader computes on the fly until a rebuild).
  await tx.query(
    `/* refreshResponseQuality.rules */ insert into quality_surveys (org_id, survey_id, rules_key)
     select $1, s.survey_id, ${qualityRulesKeySql('$1', 's.survey_id')}
       from (select distinct r.survey_id from responses r where r.org_id = $1 and r.id = any($2::uuid[])) s
     on conflict (org_id, survey_id) do nothing`,
    [orgId, ids],
  );
}

/**
 * Stores the flags of one slice of responses that has none stored yet (rebuild batch, bulk build):
 * `where` holds conditions on `r` with `params` from $2 on ($1 is the organisation).
 */
export async function fillResponseQuality(db: Queryable, orgId: string, slice: { where?: string; params?: unknown[] } = {}): Promise<number> {
  const res = await db.query(
    `/* fillResponseQuality */ insert into response_quality (org_id, survey_id, response_id, submitted_at, flags)
     select $1, f.survey_id, f.id, f.submitted_at, f.flags
       from (${responseFlagsSql('$1', `select r.* from responses r where r.org_id = $1 ${slice.where ?? ''}`)}) f
      where ${KEPT}`,
    [orgId, ...(slice.params ?? [])],
  );
  return res.rowCount ?? 0;
}

/** Records, for every survey of the organisation, the rules its stored flags now follow (after a full refill). */
export async function setQualityRulesKeys(db: Queryable, orgId: string): Promise<void> {
  await db.query(
    `/* setQualityRulesKeys */ insert into quality_surveys (org_id, survey_id, rules_key)
     select $1, s.id, ${qualityRulesKeySql('$1', 's.id')} from surveys s where s.org_id = $1
     on conflict (org_id, survey_id) do update set rules_key = excluded.rules_key`,
    [orgId],
  );
}

/** Deletes the organisation's stored flags and rules keys (before a full refill). */
export async function deleteOrgResponseQuality(db: Queryable, orgId: string): Promise<void> {
  await db.query(`delete from response_quality where org_id = $1`, [orgId]);
  await db.query(`delete from quality_surveys where org_id = $1`, [orgId]);
}
