/**
 * Data-validation flags of one survey's responses in a window: missing_required, straight_lining,
 * duplicate_contact, speeder, unknown_location (rules in src/db/quality/responseFlags.ts). Excluded responses are always
 * listed, so an exclusion can be undone from the same view.
 */
import type { Queryable } from '../connection.ts';
import { UNKNOWN_LOCATION_FIELD } from '../../core/quality/unknownLocation.ts';
import { binder, localDayRangeSql, rawResponseWhere, type SourceContext } from './analyticsSource.ts';
import { QUALITY_REASONS, type QualityReason } from '../../core/quality/reasons.ts';
import { QUALITY_RULES, qualityRulesKeySql, responseFlagsSql, responsesAndLaterSameContactSql } from '../quality/responseFlags.ts';

export { QUALITY_RULES } from '../quality/responseFlags.ts';

export interface QualityRow {
  responseId: string;
  submittedAt: string;
  locationName: string | null;
  reasons: QualityReason[];
  /** The `loc` code the response came with when the organisation has no such location (flag unknown_location). */
  unknownLocationCode: string | null;
  excluded: boolean;
  exclusionReason: string | null;
}

/**
 * Flagged (or excluded) responses of a survey in the filters (the caller bounds the time window),
 * newest first, at most `limit`, in one statement (one snapshot):
 * - while the survey's stored flags follow its current questions (quality_surveys.rules_key): the
 *   stored flags (response_quality, newest first by its index), except for the responses still queued
 *   in rollup_pending and the later responses of their contacts, whose flags are computed here;
 * - otherwise (a survey edit changed the rules, until a rebuild): every flag computed here over the
 *   newest `maxInspected` responses of the window.
 */
export async function listQualityFlags(db: Queryable, ctx: SourceContext, params: { surveyId: string; limit: number; maxInspected?: number }): Promise<QualityRow[]> {
  const values: unknown[] = [];
  const p = binder(values);
  const filter = { ...ctx.filter, includeExcluded: true };
  const where = rawResponseWhere({ ...ctx, filter }, [params.surveyId], p, values);
  const org = p(ctx.scope.orgId);
  const survey = p(params.surveyId);
  const limit = p(params.limit);
  const storedRange = localDayRangeSql('k.submitted_at', filter, ctx.timezone, p).map((c) => `and ${c}`).join(' ');
  const { rows } = await db.query(
    `/* listQualityFlags */
     with fresh as materialized (
       select coalesce((select rules_key from quality_surveys where org_id = ${org} and survey_id = ${survey}), '')
              = ${qualityRulesKeySql(org, survey)} as ok
     ),
     -- Responses whose stored flags may be out of date: queued ones and the later ones of their contacts.
     queued as materialized (
       ${responsesAndLaterSameContactSql(org, `select q.response_id from rollup_pending q where q.org_id = ${org}`)}
     ),
     stored as (
       select r.id, r.submitted_at, r.location_id, r.excluded, r.exclusion_reason, r.hidden ->> '${UNKNOWN_LOCATION_FIELD}' as unknown_location_code, k.flags
         from response_quality k
         join responses r on r.org_id = k.org_id and r.id = k.response_id
        where (select ok from fresh) and k.org_id = ${org} and k.survey_id = ${survey} ${storedRange}
          and ${where} and k.response_id not in (select id from queued)
        order by k.submitted_at desc, k.response_id
        limit ${limit}
     ),
     live as (
       select f.id, f.submitted_at, f.location_id, f.excluded, f.exclusion_reason, f.unknown_location_code, f.flags
         from (${responseFlagsSql(
           org,
           `(select r.* from responses r
              where (select ok from fresh) and ${where} and r.id = any(array(select id from queued)))
             union all
             -- Rules changed since the flags were stored: the newest responses of the window, by
             -- responses_survey_time backwards (the equality on survey_id gives the order).
             (select r.* from responses r
               where not (select ok from fresh) and ${where} and r.survey_id = ${survey}
               order by r.submitted_at desc
               limit ${p(params.maxInspected ?? QUALITY_RULES.maxInspected)})`,
         )}) f
        where cardinality(f.flags) > 0 or f.excluded
     ),
     listed as (select * from stored union all select * from live order by submitted_at desc, id limit ${limit})
     select x.*, l.name as location_name
       from listed x left join locations l on l.org_id = ${org} and l.id = x.location_id
      order by x.submitted_at desc, x.id`,
    values,
  );
  return rows.map((r) => ({
    responseId: r.id,
    submittedAt: (r.submitted_at as Date).toISOString(),
    locationName: r.location_name,
    reasons: QUALITY_REASONS.filter((k) => (r.flags as string[]).includes(k)),
    unknownLocationCode: r.unknown_location_code ?? null,
    excluded: r.excluded,
    exclusionReason: r.exclusion_reason,
  }));
}
