/**
 * Resolves what every analytics request needs once: the organisation's time zone and dimensions,
 * the survey (404 unless it belongs to the caller's organisation), and the filters with the
 * `location` filter checked against the caller's scope (404 outside it) and the `theme` filter against
 * the organisation's theme dictionary (400 for a theme it does not have).
 */
import type pg from 'pg';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import type { AnalyticsFilter, SourceContext } from '../../db/queries/analyticsSource.ts';
import { getLocationInScope, type LocationNode } from '../../db/queries/listLocationNodes.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import { loadSurvey, type LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { rollupsAwaitRebuild } from '../../db/rollups/rollupJobs.ts';
import { listUnknownThemes } from '../../db/queries/listUnknownThemes.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { scoredQuestion } from '../../core/analytics/metrics.ts';
import type { FilterQuery } from '../../core/api/analytics.ts';

/** Builds the source context for the caller and the validated filters. @throws not_found, validation */
export async function analyticsContext(pool: pg.Pool, principal: Principal, q: FilterQuery): Promise<SourceContext> {
  const scope = scopeOf(principal);
  const org = await getOrgSettings(pool, principal.orgId);
  if (!org) throw notFound();
  if (q.from && q.to && q.from > q.to) throw invalid('from: must not be after to');
  const filter: AnalyticsFilter = {
    from: q.from,
    to: q.to,
    channel: q.channel,
    language: q.language,
    dim: q.dim,
    sentiments: q.sentiment,
    themes: q.theme,
    includeExcluded: q.includeExcluded ?? false,
  };
  if (q.location) filter.locationPath = await locationPath(pool, principal, q.location);
  if (q.theme) {
    const [unknown] = await listUnknownThemes(pool, principal.orgId, q.theme);
    if (unknown !== undefined) throw invalid(`theme: ${JSON.stringify(unknown)} is not one of the organisation's themes (GET /api/v1/text/themes lists them)`, { field: 'theme' });
  }
  // While a rebuild is pending the rollups lack a level, a dimension or the new day boundaries: raw answers are exact.
  const rollupsStale = await rollupsAwaitRebuild(pool, principal.orgId);
  return { scope, timezone: org.timezone, dimensions: org.dimensions, filter, rollupsStale };
}

/** Path of a location in the caller's scope. @throws not_found */
export async function locationPath(pool: pg.Pool, principal: Principal, id: string): Promise<string> {
  return (await locationInScope(pool, principal, id)).path;
}

/** A location in the caller's scope (id, name, path). @throws not_found */
export async function locationInScope(pool: pg.Pool, principal: Principal, id: string): Promise<LocationNode> {
  const loc = await getLocationInScope(pool, scopeOf(principal), id);
  if (!loc) throw notFound('Location not found');
  return loc;
}

/** The caller's organisation's survey. @throws not_found */
export async function surveyOf(pool: pg.Pool, principal: Principal, id: string): Promise<LoadedSurvey> {
  const survey = await loadSurvey(pool, principal.orgId, id);
  if (!survey) throw notFound('Survey not found');
  return survey;
}

/** The caller's organisation's survey and its scored question `questionId` (default: the main question). @throws not_found */
export async function surveyAndQuestion(pool: pg.Pool, principal: Principal, surveyId: string, questionId?: string) {
  const survey = await surveyOf(pool, principal, surveyId);
  const question = scoredQuestion(survey, questionId);
  if (!question) throw notFound(questionId ? 'Question not found in this survey' : 'This survey has no rating question');
  return { survey, question };
}
