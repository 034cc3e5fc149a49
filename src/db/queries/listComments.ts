/**
 * Latest open-text answers with the score of the response's main question, newest first, keyset
 * paginated by (submitted_at, response_id, question key). answers_text_time (org_id, survey_id,
 * submitted_at desc) where text is not null serves the order and the limit without sorting all comments.
 *
 * Why the whole key and microseconds: every text answer of one response shares its submitted_at, so a
 * cursor of the time alone skips the rest of a response cut by the page end; and a JavaScript Date
 * keeps milliseconds, so a cursor rounded to them skips other rows of the same millisecond.
 */
import type { Queryable } from '../connection.ts';
import { binder, commentFilterSql, localDayRangeSql, type SourceContext } from './analyticsSource.ts';
import { locationScopeSql } from '../scope.ts';
import { commentAnswerSql } from '../text/commentAnswers.ts';

export interface CommentRow {
  responseId: string;
  questionKey: string;
  text: string;
  score: number | null;
  /** ISO 8601 in UTC with microseconds (as stored), so it can serve as an exact `before`. */
  submittedAt: string;
  locationName: string | null;
  language: string;
  channel: string;
}

export interface ListCommentsParams {
  surveyId: string;
  /** Question whose score is shown with each comment (the NPS or main rating question); null: none. */
  mainQuestionId: string | null;
  limit: number;
  /** Only comments after this position of the order: strictly older than `at`, or, with a row, after that row. */
  before?: CommentCursor;
  /** Inclusive score range of the main question (a score group); needs mainQuestionId. */
  scoreRange?: readonly [min: number, max: number];
}

/** A position in the comments' order: an instant, optionally narrowed to one row (response and question key). */
export interface CommentCursor {
  /** ISO 8601 instant. */
  at: string;
  row?: { responseId: string; questionKey: string };
}

/** Comments in the filters and the caller's scope. */
export async function listComments(db: Queryable, ctx: SourceContext, params: ListCommentsParams): Promise<CommentRow[]> {
  const values: unknown[] = [];
  const p = binder(values);
  const { filter, scope } = ctx;
  const where = [`a.org_id = ${p(scope.orgId)}`, `a.survey_id = ${p(params.surveyId)}`, `a.text is not null`, `a.text <> ''`, commentAnswerSql()];
  if (!filter.includeExcluded) where.push(`not a.excluded`);
  if (params.before) {
    const at = `${p(params.before.at)}::timestamptz`;
    const row = params.before.row;
    // Same order as the ORDER BY below (time descending, then response and key ascending).
    where.push(row
      ? `a.submitted_at <= ${at} and (a.submitted_at < ${at} or a.response_id > ${p(row.responseId)}::uuid
           or (a.response_id = ${p(row.responseId)}::uuid and q.key > ${p(row.questionKey)}))`
      : `a.submitted_at < ${at}`);
  }
  where.push(...localDayRangeSql('a.submitted_at', filter, ctx.timezone, p));
  if (filter.channel) where.push(`a.channel = ${p(filter.channel)}`);
  if (filter.language) where.push(`a.language = ${p(filter.language)}`);
  if (filter.locationPath) {
    where.push(`a.location_id in (select l.id from locations l where l.org_id = ${p(scope.orgId)} and l.path like ${p(`${filter.locationPath}%`)})`);
  }
  if (filter.dim) {
    where.push(`exists (select 1 from responses r where r.org_id = a.org_id and r.id = a.response_id and r.hidden ->> ${p(filter.dim.key)} = ${p(filter.dim.value)})`);
  }
  where.push(...commentFilterSql(ctx, 'a.response_id', p));
  const scoped = locationScopeSql(scope, 'a.location_id', values);
  if (scoped !== 'true') where.push(scoped);
  const mainQ = p(params.mainQuestionId);
  if (params.scoreRange) where.push(`m.score between ${p(params.scoreRange[0])} and ${p(params.scoreRange[1])}`);
  const { rows } = await db.query(
    `/* listComments */
     select a.response_id, q.key as question_key, a.text, m.score,
            to_char(a.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as submitted_at_iso, l.name as location_name, a.language, a.channel
       from answers a
       join questions q on q.org_id = a.org_id and q.id = a.question_id
       left join answers m on m.org_id = a.org_id and m.response_id = a.response_id and m.question_id = ${mainQ}::uuid
       left join locations l on l.org_id = a.org_id and l.id = a.location_id
      where ${where.join(' and ')}
      order by a.submitted_at desc, a.response_id, q.key
      limit ${p(params.limit)}`,
    values,
  );
  return rows.map((r) => ({
    responseId: r.response_id,
    questionKey: r.question_key,
    text: r.text,
    score: r.score,
    submittedAt: r.submitted_at_iso,
    locationName: r.location_name,
    language: r.language,
    channel: r.channel,
  }));
}
