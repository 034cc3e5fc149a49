/**
 * Reviews API (docs/api.md "Reviews"): the list with filters, the sources, the monthly rating trend, key
 * phrases and theme counts, the import (preview, then commit), a sentiment correction and delete. Reads need
 * `response.read` (the trend `metrics.read`) and see the caller's locations only; import, correction and
 * delete need `response.exclude` (owner, admin, analyst: the people who curate feedback data), within the
 * caller's locations too.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import {
  ReviewImportBody, ReviewSentimentBody, ReviewsQuery, ReviewTextQuery, ReviewTrendQuery, type Review, type ReviewFilterInput,
  type ReviewImportPreview, type ReviewImportResult, type ReviewKeyPhrasesAnswer, type ReviewsAnswer, type ReviewSourcesAnswer,
  type ReviewThemesAnswer, type ReviewTrendAnswer,
} from '../../core/api/reviews.ts';
import { REVIEW_RATING_DEFINITION, ratingTrend } from '../../core/reviews/trend.ts';
import { isRatingScale } from '../../core/reviews/rating.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { getLocation } from '../../db/locations/listLocations.ts';
import { countReviewThemes, getReview, getReviewRatingCounts, listReviews, listReviewSources, listReviewTexts } from '../../db/reviews/listReviews.ts';
import { correctReviewSentiment } from '../../db/reviews/reviewSentiment.ts';
import type { ReviewFilter } from '../../db/reviews/reviewFilters.ts';
import { deleteReview } from '../../db/reviews/saveReviews.ts';
import { withTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../db/users/writeAudit.ts';
import type { Queryable } from '../../db/connection.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { commitReviewImport, previewReviewImport } from './commands/importReviews.ts';
import { presentReview } from './present.ts';
import { analyseCommentsJob } from '../jobs/analyseCommentsJob.ts';
import { comparePhrases, KEYPHRASE_TEXTS } from '../text/commentViews.ts';

/** A 15 MB spreadsheet as base64, with room for the JSON around it. */
const IMPORT_BODY_LIMIT = 21 * 1024 * 1024;

const timeZoneOf = (request: FastifyRequest) => request.sessionUser?.orgTimezone ?? 'UTC';

/** The query's filters for SQL: a `location` outside the caller's scope is not found. */
async function filterOf(db: Queryable, principal: Principal, q: ReviewFilterInput, timeZone: string): Promise<ReviewFilter> {
  if (q.from && q.to && q.from > q.to) throw invalid('to: must not be before from', { field: 'to' });
  if (q.minRating !== undefined && q.maxRating !== undefined && q.minRating > q.maxRating) throw invalid('maxRating: must not be below minRating', { field: 'maxRating' });
  let locationPath: string | undefined;
  if (q.location) {
    const location = await getLocation(db, scopeOf(principal), q.location);
    if (!location) throw notFound('Location not found');
    locationPath = location.path;
  }
  return { source: q.source?.toLowerCase(), locationPath, minStars: q.minRating, maxStars: q.maxRating, from: q.from, to: q.to, q: q.q, sentiment: q.sentiment, theme: q.theme, timeZone };
}

/**
 * Registers /api/v1/reviews, /reviews/sources, /reviews/trend, /reviews/keyphrases, /reviews/themes,
 * /reviews/import/preview, /reviews/import, PATCH /reviews/:id/sentiment and DELETE /reviews/:id.
 */
export async function registerReviewRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const reads = deps.readPool ?? pool;
  const now = deps.now ?? (() => new Date());

  app.get('/api/v1/reviews', async (request): Promise<ReviewsAnswer> => {
    const principal = authorize(request, 'response.read');
    const q = parse(ReviewsQuery, request.query);
    const filter = await filterOf(reads, principal, q, timeZoneOf(request));
    const { rows, total } = await listReviews(reads, scopeOf(principal), filter, { limit: q.limit, offset: q.offset });
    return { reviews: rows.map(presentReview), total, limit: q.limit, offset: q.offset };
  });

  app.get('/api/v1/reviews/sources', async (request): Promise<ReviewSourcesAnswer> => {
    const principal = authorize(request, 'response.read');
    return { sources: await listReviewSources(reads, scopeOf(principal), timeZoneOf(request)) };
  });

  app.get('/api/v1/reviews/trend', async (request): Promise<ReviewTrendAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const q = parse(ReviewTrendQuery, request.query);
    const timeZone = timeZoneOf(request);
    const filter = await filterOf(reads, principal, q, timeZone);
    const counts = (await getReviewRatingCounts(reads, scopeOf(principal), filter, q.by)).filter((c) => isRatingScale(c.scale));
    const labels = new Map(counts.map((c) => [c.key, c.label]));
    const series = ratingTrend(counts, { from: q.from, to: q.to }, orgToday(timeZone, now()));
    return {
      definition: REVIEW_RATING_DEFINITION,
      scale: { min: 1, max: 5 },
      by: q.by,
      series: series.map((s) => ({ key: s.key, label: labels.get(s.key) ?? null, overall: s.overall, points: s.points })),
    };
  });

  // What negative reviews say more than positive ones and the reverse (src/core/nlp/keyphrases.ts), in the filters;
  // a sentiment filter leaves the other group empty.
  app.get('/api/v1/reviews/keyphrases', async (request): Promise<ReviewKeyPhrasesAnswer> => {
    const principal = authorize(request, 'response.read');
    const filter = await filterOf(reads, principal, parse(ReviewTextQuery, request.query), timeZoneOf(request));
    const group = (sentiment: 'negative' | 'positive') =>
      filter.sentiment === undefined || filter.sentiment === sentiment ? listReviewTexts(reads, scopeOf(principal), { ...filter, sentiment }, KEYPHRASE_TEXTS) : Promise.resolve([]);
    const [negative, positive] = await Promise.all([group('negative'), group('positive')]);
    // Against an empty group nothing is "said more": no phrases rather than every frequent word.
    const phrases = negative.length > 0 && positive.length > 0 ? comparePhrases(negative, positive) : { a: [], b: [] };
    return { negative: { n: negative.length, phrases: phrases.a }, positive: { n: positive.length, phrases: phrases.b } };
  });

  app.get('/api/v1/reviews/themes', async (request): Promise<ReviewThemesAnswer> => {
    const principal = authorize(request, 'response.read');
    const filter = await filterOf(reads, principal, parse(ReviewTextQuery, request.query), timeZoneOf(request));
    return { themes: await countReviewThemes(reads, scopeOf(principal), filter) };
  });

  app.post('/api/v1/reviews/import/preview', { bodyLimit: IMPORT_BODY_LIMIT }, async (request): Promise<ReviewImportPreview> => {
    const principal = authorize(request, 'response.exclude');
    const input = parse(ReviewImportBody, request.body);
    return previewReviewImport(reads, principal, input, timeZoneOf(request), now());
  });

  app.post('/api/v1/reviews/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (request): Promise<ReviewImportResult> => {
    const principal = authorize(request, 'response.exclude');
    const input = parse(ReviewImportBody, request.body);
    const result = await withTransaction(pool, (tx) => commitReviewImport(tx, principal, input, timeZoneOf(request), now()));
    // Sentiment of the new reviews (src/server/text/analyseReviews.ts); the sweep covers a failed send.
    if (result.added > 0) await app.jobs.send(analyseCommentsJob, { orgId: principal.orgId }).catch((err) => request.log.error({ err }, 'could not enqueue review analysis'));
    return result;
  });

  // A person's sentiment: 'manual', kept when the review is analysed again, training data of the model.
  app.patch('/api/v1/reviews/:id/sentiment', async (request): Promise<Review> => {
    const id = parseIdParam(request.params, 'Review not found');
    const principal = authorize(request, 'response.exclude');
    const { sentiment } = parse(ReviewSentimentBody, request.body ?? {});
    const outcome = await correctReviewSentiment(pool, scopeOf(principal), id, { sentiment, userId: principal.userId });
    if (outcome === 'missing') throw notFound('Review not found');
    if (outcome === 'no_text') throw invalid('sentiment: a review without text has no sentiment', { field: 'sentiment' });
    const review = await getReview(pool, scopeOf(principal), id);
    if (!review) throw notFound('Review not found');
    return presentReview(review);
  });

  app.delete('/api/v1/reviews/:id', async (request, reply) => {
    const id = parseIdParam(request.params, 'Review not found');
    const principal = authorize(request, 'response.exclude');
    await withTransaction(pool, async (tx) => {
      if (!(await deleteReview(tx, scopeOf(principal), id))) throw notFound('Review not found');
      await writeAudit(tx, { orgId: principal.orgId, actorId: principal.userId, action: 'review.delete', targetType: 'review', targetId: id });
    });
    return reply.status(204).send();
  });
}
