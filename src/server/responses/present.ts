/** The responses list and the single response as the API presents them (docs/api.md "Responses"). */
import type pg from 'pg';
import { pathInScope, type Principal } from '../../core/access/index.ts';
import { encodeResponseCursor, type ResponseCursor } from '../../core/responses/cursor.ts';
import type { OneResponseAnswer, ResponsesAnswer } from '../../core/api/responses.ts';
import type { QualityReason } from '../../core/quality/reasons.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { flagsOfResponses, getResponse, listResponses, type ResponseRow } from '../../db/queries/listResponses.ts';
import { loadSurvey, type LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { notFound } from '../../http/errors.ts';
import { standaloneText } from '../../core/surveys/matrix.ts';

/** One response as listed: its fields, flags and answers by question key. */
function presentRow(r: ResponseRow, flags: QualityReason[]) {
  return {
    id: r.id,
    submittedAt: r.submittedAt,
    location: r.location,
    channel: r.channel,
    language: r.language,
    hidden: r.hidden,
    excluded: r.excluded,
    exclusionReason: r.exclusionReason,
    partial: r.partial,
    durationMs: r.durationMs,
    displayOrder: r.displayOrder,
    flags,
    answers: r.answers,
  };
}

const positionOf = (r: ResponseRow) => ({ at: r.submittedAt, id: r.id });

/**
 * GET /surveys/:id/responses: one page, newest first. `nextCursor` reads the older responses after
 * the page, `prevCursor` the newer ones before it (null at either end).
 */
export async function getResponsesPage(pool: pg.Pool, ctx: SourceContext, survey: LoadedSurvey, q: { limit: number; cursor?: ResponseCursor; q?: string }): Promise<ResponsesAnswer> {
  const base = { surveyId: survey.id, search: q.q };
  // One row more than asked tells whether the list goes on in the direction read.
  let rows = await listResponses(pool, ctx, { ...base, limit: q.limit + 1, from: q.cursor });
  let hasOlder: boolean;
  let hasNewer: boolean;
  if (q.cursor?.direction === 'newer') {
    hasNewer = rows.length > q.limit;
    if (hasNewer) {
      rows = rows.slice(1);
      hasOlder = true;
    } else {
      // Back at the top: the first page, full (rows newer than the position may be fewer than a page).
      rows = await listResponses(pool, ctx, { ...base, limit: q.limit + 1 });
      hasOlder = rows.length > q.limit;
      rows = rows.slice(0, q.limit);
    }
  } else {
    hasOlder = rows.length > q.limit;
    rows = rows.slice(0, q.limit);
    hasNewer = !!q.cursor;
  }
  const flags = await flagsOfResponses(pool, ctx.scope.orgId, rows.map((r) => r.id));
  const first = rows[0];
  const last = rows[rows.length - 1];
  const prev = first ? positionOf(first) : q.cursor && { at: q.cursor.at, id: q.cursor.id };
  return {
    responses: rows.map((r) => presentRow(r, flags.get(r.id) ?? [])),
    nextCursor: hasOlder && last ? encodeResponseCursor({ direction: 'older', ...positionOf(last) }) : null,
    prevCursor: hasNewer && prev ? encodeResponseCursor({ direction: 'newer', ...prev }) : null,
  };
}

/**
 * GET /responses/:id: the response with its flags, its survey and the questions of the survey version
 * it answered (in order). @throws not_found outside the caller's organisation or locations
 */
export async function getOneResponse(pool: pg.Pool, principal: Principal, id: string): Promise<OneResponseAnswer> {
  const row = await getResponse(pool, principal.orgId, id);
  if (!row || !pathInScope(principal, row.locationPath)) throw notFound('Response not found');
  const survey = await loadSurvey(pool, principal.orgId, row.surveyId);
  if (!survey) throw notFound('Response not found');
  const flags = await flagsOfResponses(pool, principal.orgId, [row.id]);
  const v = row.surveyVersion;
  return {
    response: {
      ...presentRow(row, flags.get(row.id) ?? []),
      startedAt: row.startedAt,
      survey: { id: survey.id, name: survey.name, title: survey.title, defaultLanguage: survey.defaultLanguage },
      questions: survey.questions
        .filter((q) => (q.addedInVersion ?? 1) <= v && (q.archivedInVersion == null || q.archivedInVersion > v))
        .map((q) => ({ id: q.id!, key: q.key, type: q.type, text: standaloneText(q), options: q.options ?? [], scale: q.scale ?? null })),
    },
  };
}
