/**
 * Data-validation flags per response over a bounded window of one survey, computed in SQL:
 * missing_required, straight_lining, duplicate_contact, speeder (rules in QUALITY_RULES).
 * Excluded responses are always listed, so an exclusion can be undone from the same view.
 */
import type { Queryable } from '../connection.ts';
import { binder, rawResponseWhere, type SourceContext } from './analyticsSource.ts';

/** The thresholds, reported to the client with the flags. */
export const QUALITY_RULES = {
  /** speeder: duration_ms < max(speederMinMs, speederMsPerAnswer x answered questions). */
  speederMinMs: 2000,
  speederMsPerAnswer: 1500,
  /** straight_lining: at least this many rating answers, all identical. */
  straightLiningMin: 3,
  /** Newest responses of the window inspected per request (bounds the work at any data size). */
  maxInspected: 20000,
  /** hidden fields that identify a contact, besides responses.contact_key. */
  contactFields: ['email', 'phone', 'customer_id'],
} as const;

export type QualityReason = 'missing_required' | 'straight_lining' | 'duplicate_contact' | 'speeder';

export interface QualityRow {
  responseId: string;
  submittedAt: string;
  locationName: string | null;
  reasons: QualityReason[];
  excluded: boolean;
  exclusionReason: string | null;
}

const ANSWERED = `(a.score is not null or a.choice is not null or coalesce(cardinality(a.choices), 0) > 0 or coalesce(a.text, '') <> '')`;

/**
 * Flagged (or excluded) responses of a survey in the filters (the caller bounds the time window),
 * newest first, at most `limit`. A duplicate is any response after the first of the same contact:
 * by contact_key over the survey's whole history (responses_contact index), by hidden
 * email/phone/customer_id within the window (no index on hidden fields).
 */
export async function listQualityFlags(db: Queryable, ctx: SourceContext, params: { surveyId: string; limit: number; maxInspected?: number }): Promise<QualityRow[]> {
  const values: unknown[] = [];
  const p = binder(values);
  const where = rawResponseWhere({ ...ctx, filter: { ...ctx.filter, includeExcluded: true } }, [params.surveyId], p, values);
  const org = p(ctx.scope.orgId);
  const survey = p(params.surveyId);
  const { rows } = await db.query(
    `/* listQualityFlags */
     with recent as (
       -- The newest responses of the window first: a backward range of responses_survey_time (the
       -- equality on survey_id lets the index give the order; with only "= any" PostgreSQL sorted).
       select r.id, r.submitted_at, r.location_id, r.duration_ms, r.contact_key, r.excluded, r.exclusion_reason,
              r.survey_version, r.hidden
         from responses r
        where ${where} and r.survey_id = ${survey}
        order by r.submitted_at desc
        limit ${p(params.maxInspected ?? QUALITY_RULES.maxInspected)}
     ),
     -- Rank of each response among those with the same hidden contact value (per field, case-
     -- insensitive); only responses that carry such a field are sorted.
     hidden_dups as (
       select x.id, max(x.rank) as hidden_dup_rank
         from (select r.id, row_number() over (partition by f.key, lower(r.hidden ->> f.key) order by r.submitted_at, r.id) as rank
                 from recent r
                 cross join unnest(${p(QUALITY_RULES.contactFields)}::text[]) f(key)
                where coalesce(r.hidden ->> f.key, '') <> '') x
        group by x.id
     ),
     r as (
       select r.*, coalesce(d.hidden_dup_rank, 1) as hidden_dup_rank from recent r left join hidden_dups d on d.id = r.id
     ),
     -- The survey's rating questions and its required questions without show-if, read once.
     qs as (
       select coalesce(array_agg(q.id) filter (where q.type = 'rating'), '{}') as ratings
         from questions q where q.org_id = ${org} and q.survey_id = ${survey}
     ),
     required as materialized (
       select q.id, q.added_in_version, q.archived_in_version
         from questions q
        where q.org_id = ${org} and q.survey_id = ${survey} and q.required and q.show_if is null
     ),
     -- Per response, its answers read once by primary key (org_id, response_id, ...): a nested loop
     -- over the inspected responses, not a scan of every answer of the organisation.
     ans as (
       select r.id as response_id, x.*,
              -- Required questions the respondent saw (by survey version) and did not answer.
              exists (select 1 from required q
                       where q.added_in_version <= r.survey_version
                         and (q.archived_in_version is null or q.archived_in_version > r.survey_version)
                         and not (q.id = any(x.answered_ids))) as missing_required
         from r
         cross join qs
         cross join lateral (
           select count(*) filter (where ${ANSWERED}) as answered,
                  coalesce(array_agg(a.question_id) filter (where ${ANSWERED}), '{}') as answered_ids,
                  count(*) filter (where a.question_id = any(qs.ratings) and a.score is not null) as ratings,
                  min(a.score) filter (where a.question_id = any(qs.ratings)) as rmin,
                  max(a.score) filter (where a.question_id = any(qs.ratings)) as rmax
             from answers a
            where a.org_id = ${org} and a.response_id = r.id
         ) x
     ),
     flags as (
       select r.*, l.name as location_name,
              coalesce(ans.missing_required, false) as missing_required,
              coalesce(ans.ratings, 0) >= ${p(QUALITY_RULES.straightLiningMin)} and ans.rmin = ans.rmax as straight_lining,
              r.hidden_dup_rank > 1 or (r.contact_key is not null and exists (
                select 1 from responses e
                 where e.org_id = ${org} and e.survey_id = ${survey} and e.contact_key = r.contact_key
                   and (e.submitted_at, e.id) < (r.submitted_at, r.id))) as duplicate_contact,
              coalesce(r.duration_ms < greatest(${p(QUALITY_RULES.speederMinMs)}::int,
                                                ${p(QUALITY_RULES.speederMsPerAnswer)}::int * coalesce(ans.answered, 0)), false) as speeder
         from r
         left join ans on ans.response_id = r.id
         left join locations l on l.org_id = ${org} and l.id = r.location_id
     )
     select * from flags
      where missing_required or straight_lining or duplicate_contact or speeder or excluded
      order by submitted_at desc, id
      limit ${p(params.limit)}`,
    values,
  );
  return rows.map((r) => ({
    responseId: r.id,
    submittedAt: (r.submitted_at as Date).toISOString(),
    locationName: r.location_name,
    reasons: (['missing_required', 'straight_lining', 'duplicate_contact', 'speeder'] as const).filter((k) => r[k] === true),
    excluded: r.excluded,
    exclusionReason: r.exclusion_reason,
  }));
}
