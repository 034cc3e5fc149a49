/** Latest comments and the data-validation view of one survey. */
import type pg from 'pg';
import type { CommentsAnswer, QualityAnswer } from '../../core/api/analytics.ts';
import type { ScoreGroup } from '../../core/surveys/types.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { listComments, type CommentCursor } from '../../db/queries/listComments.ts';
import { listQualityFlags, QUALITY_RULES } from '../../db/queries/listQualityFlags.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { addDays, orgToday } from '../../core/time/orgCalendar.ts';
import { invalid } from '../../http/errors.ts';
import { isNpsQuestion, scoredQuestion } from '../../core/analytics/metrics.ts';
import { NPS_GROUP_RANGES, npsGroup } from '../../core/stats/nps.ts';

/** GET /surveys/:id/comments: newest first; `nextBefore` (a cursor of the last row) continues the list. */
export async function getComments(pool: pg.Pool, ctx: SourceContext, survey: LoadedSurvey, o: { limit: number; before?: CommentCursor; group?: ScoreGroup }): Promise<CommentsAnswer> {
  const main = scoredQuestion(survey, undefined);
  const isNps = !!main && isNpsQuestion(main);
  if (o.group && !isNps) throw invalid('group: this survey has no NPS question to group by');
  const rows = await listComments(pool, ctx, {
    surveyId: survey.id,
    mainQuestionId: main?.id ?? null,
    limit: o.limit,
    before: o.before,
    scoreRange: o.group ? NPS_GROUP_RANGES[o.group] : undefined,
  });
  return {
    mainQuestionId: main?.id ?? null,
    comments: rows.map((r) => ({ ...r, group: isNps && r.score !== null ? npsGroup(r.score) : null })),
    nextBefore: rows.length === o.limit ? cursorOf(rows[rows.length - 1]) : null,
  };
}

/** The `before` that continues right after this comment (parsed back by CommentsBefore in schema.ts). */
function cursorOf(c: { submittedAt: string; responseId: string; questionKey: string }): string {
  return `${c.submittedAt},${c.responseId},${c.questionKey}`;
}

/** Days looked back by the quality view when no `from` is given. */
export const QUALITY_WINDOW_DAYS = 90;
/** Most flagged responses returned. */
export const QUALITY_LIMIT = 500;

/**
 * The flagged responses the quality view lists (and its bulk exclusion acts on): the window's filters
 * (default: 90 days back from `to` or the org's today), at most QUALITY_LIMIT.
 */
export async function listQuality(pool: pg.Pool, ctx: SourceContext, survey: LoadedSurvey, now: Date) {
  const filter = { ...ctx.filter, from: ctx.filter.from ?? addDays(ctx.filter.to ?? orgToday(ctx.timezone, now), -QUALITY_WINDOW_DAYS) };
  const flagged = await listQualityFlags(pool, { ...ctx, filter }, { surveyId: survey.id, limit: QUALITY_LIMIT });
  return { filter, flagged };
}

/** GET /surveys/:id/quality: flagged and excluded responses in a bounded window (default: 90 days back from `to` or the org's today), with the rules used. */
export async function getQuality(pool: pg.Pool, ctx: SourceContext, survey: LoadedSurvey, now: Date): Promise<QualityAnswer> {
  const { filter, flagged } = await listQuality(pool, ctx, survey, now);
  return {
    rules: {
      speederMs: QUALITY_RULES.speederMinMs,
      speederMsPerAnswer: QUALITY_RULES.speederMsPerAnswer,
      speeder: `duration < max(${QUALITY_RULES.speederMinMs} ms, ${QUALITY_RULES.speederMsPerAnswer} ms x answered questions)`,
      straightLining: `at least ${QUALITY_RULES.straightLiningMin} rating answers, all with the same score`,
      duplicateContact: `a later response of the same contact_key or hidden ${QUALITY_RULES.contactFields.join('/')} (case-insensitive), over the survey's history`,
      missingRequired: 'a required question without a show-if condition, present in the version answered, left unanswered',
      unknownLocation: 'the link named a location code (loc) the organisation does not have; the response is kept with that code',
      window: { from: filter.from, to: filter.to ?? null, maxInspected: QUALITY_RULES.maxInspected },
      limit: QUALITY_LIMIT,
    },
    flagged,
  };
}
