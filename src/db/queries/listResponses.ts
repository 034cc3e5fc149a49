/**
 * Raw responses of one survey in the dashboard filters and the caller's scope, newest first
 * (submitted_at descending, then id descending), keyset paginated: one query per page of the responses
 * view and per batch of an export. responses_survey_time (org_id, survey_id, submitted_at) serves the
 * order and the position bound, so a page costs the same on the first and the millionth response.
 */
import type { CursorDirection } from '../../core/responses/cursor.ts';
import type { ExportResponse } from '../../core/responses/exportTable.ts';
import type { Queryable } from '../connection.ts';
import { QUALITY_REASONS, type QualityReason } from '../../core/quality/reasons.ts';
import { responseFlagsSql } from '../quality/responseFlags.ts';
import { binder, rawResponseWhere, type SourceContext } from './analyticsSource.ts';
import { toSafeInteger } from '../numbers.ts';
import { commentAnswerSql } from '../text/commentAnswers.ts';

/** A stored response: the export's fields (ExportResponse) and what the API shows besides. */
export interface ResponseRow extends ExportResponse {
  surveyId: string;
  /** Kept from abandoned progress (docs/api.md "Partial responses"), not sent by the respondent. */
  partial: boolean;
  surveyVersion: number;
  /** ISO 8601 in UTC with microseconds (as stored), so it can serve as an exact cursor position. */
  submittedAt: string;
  startedAt: string | null;
  durationMs: number | null;
  /** The order of questions and options the respondent was shown, when the survey randomises (src/core/surveys/displayOrder.ts). */
  displayOrder: Record<string, string[]> | null;
  location: { id: string; name: string; code: string | null } | null;
}

export interface ResponsesPage {
  surveyId: string;
  limit: number;
  /** Start after this position (`older`: the following, older rows; `newer`: the preceding, newer rows). */
  from?: { direction: CursorDirection; at: string; id: string };
  /** Only responses with a text answer containing this (case-insensitive). */
  search?: string;
}

const ROW_COLUMNS = `r.id, r.survey_id, r.survey_version, r.channel, r.language, r.hidden, r.excluded, r.exclusion_reason, r.duration_ms, r.partial, r.display_order,
       to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as submitted_at_iso,
       to_char(r.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as started_at_iso,
       l.id as location_id, l.name as location_name, l.code as location_code,
       (select coalesce(jsonb_object_agg(q.key, jsonb_strip_nulls(jsonb_build_object('score', a.score, 'choice', a.choice, 'choices', a.choices, 'text', a.text, 'number', a.number))), '{}')
          from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
         where a.org_id = r.org_id and a.response_id = r.id) as answers`;

/**
 * One page: at most `limit` rows in the list's order (newest first) whichever the direction.
 * Reading `newer` rows scans upwards from the position and returns them turned back to newest first.
 */
export async function listResponses(db: Queryable, ctx: SourceContext, page: ResponsesPage): Promise<ResponseRow[]> {
  const values: unknown[] = [];
  const p = binder(values);
  const where = [responsesWhere(ctx, page, p, values)];
  const newer = page.from?.direction === 'newer';
  if (page.from) {
    const at = `${p(page.from.at)}::timestamptz`;
    const id = `${p(page.from.id)}::uuid`;
    // Spelled out rather than a row comparison so submitted_at bounds the index range.
    where.push(newer
      ? `r.submitted_at >= ${at} and (r.submitted_at > ${at} or r.id > ${id})`
      : `r.submitted_at <= ${at} and (r.submitted_at < ${at} or r.id < ${id})`);
  }
  const order = newer ? 'r.submitted_at, r.id' : 'r.submitted_at desc, r.id desc';
  const { rows } = await db.query(
    `/* listResponses */
     select ${ROW_COLUMNS}
       from responses r
       left join locations l on l.org_id = r.org_id and l.id = r.location_id
      where ${where.join(' and ')}
      order by ${order}
      limit ${p(page.limit)}`,
    values,
  );
  const out = rows.map(toRow);
  return newer ? out.reverse() : out;
}

/** How many responses the filters, the search and the scope select (an export's total). */
export async function countResponses(db: Queryable, ctx: SourceContext, page: Pick<ResponsesPage, 'surveyId' | 'search'>): Promise<number> {
  const values: unknown[] = [];
  const where = responsesWhere(ctx, page, binder(values), values);
  const { rows } = await db.query(`/* countResponses */ select count(*)::bigint as n from responses r where ${where}`, values);
  return toSafeInteger(rows[0].n);
}

/** Hidden-field keys of the selected responses, most used first (the export's hidden columns). */
export async function listResponseHiddenKeys(db: Queryable, ctx: SourceContext, page: Pick<ResponsesPage, 'surveyId' | 'search'>): Promise<string[]> {
  const values: unknown[] = [];
  const where = responsesWhere(ctx, page, binder(values), values);
  const { rows } = await db.query(
    `/* listResponseHiddenKeys */
     select k as key, count(*) as n
       from responses r
       cross join lateral jsonb_object_keys(case when jsonb_typeof(r.hidden) = 'object' then r.hidden else '{}'::jsonb end) k
      where ${where}
      group by k
      order by n desc, k`,
    values,
  );
  return rows.map((r) => r.key as string);
}

/** One response of the caller's organisation, with the path of its location (the caller checks the scope). */
export async function getResponse(db: Queryable, orgId: string, responseId: string): Promise<(ResponseRow & { locationPath: string | null }) | null> {
  const { rows } = await db.query(
    `/* getResponse */
     select ${ROW_COLUMNS}, l.path as location_path
       from responses r
       left join locations l on l.org_id = r.org_id and l.id = r.location_id
      where r.org_id = $1 and r.id = $2`,
    [orgId, responseId],
  );
  return rows[0] ? { ...toRow(rows[0]), locationPath: rows[0].location_path } : null;
}

/** Data-quality flags of the given responses, computed by the one home of the rules (responseFlagsSql). */
export async function flagsOfResponses(db: Queryable, orgId: string, responseIds: string[]): Promise<Map<string, QualityReason[]>> {
  const out = new Map<string, QualityReason[]>();
  if (responseIds.length === 0) return out;
  const { rows } = await db.query(
    `/* flagsOfResponses */
     select f.id, f.flags from (${responseFlagsSql('$1', 'select r.* from responses r where r.org_id = $1 and r.id = any($2::uuid[])')}) f`,
    [orgId, responseIds],
  );
  for (const r of rows) out.set(r.id, QUALITY_REASONS.filter((k) => (r.flags as string[]).includes(k)));
  return out;
}

/** The filters, the scope, the survey and the search on `responses r`. */
function responsesWhere(ctx: SourceContext, page: Pick<ResponsesPage, 'surveyId' | 'search'>, p: (v: unknown) => string, values: unknown[]): string {
  // The equality on survey_id (besides rawResponseWhere's `= any(...)`) lets the index give the order.
  const where = [rawResponseWhere(ctx, [page.surveyId], p, values), `r.survey_id = ${p(page.surveyId)}`];
  if (page.search) {
    // strpos, not LIKE: the search text needs no escaping of % and _.
    where.push(`exists (select 1 from answers a where a.org_id = r.org_id and a.response_id = r.id
                          and a.text is not null and ${commentAnswerSql()} and strpos(lower(a.text), lower(${p(page.search)})) > 0)`);
  }
  return where.join(' and ');
}

function toRow(r: Record<string, any>): ResponseRow {
  return {
    id: r.id,
    surveyId: r.survey_id,
    surveyVersion: r.survey_version,
    submittedAt: r.submitted_at_iso,
    startedAt: r.started_at_iso,
    durationMs: r.duration_ms,
    displayOrder: r.display_order ?? null,
    location: r.location_id ? { id: r.location_id, name: r.location_name, code: r.location_code } : null,
    channel: r.channel,
    language: r.language,
    hidden: r.hidden && typeof r.hidden === 'object' && !Array.isArray(r.hidden) ? r.hidden : {},
    excluded: r.excluded,
    exclusionReason: r.exclusion_reason,
    partial: r.partial === true,
    answers: r.answers ?? {},
  };
}
