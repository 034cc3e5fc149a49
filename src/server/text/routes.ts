/**
 * @module Text analytics routes (docs/api.md "Comments: sentiment and themes"). Reading needs
 * response.read and is limited to the caller's locations like the other comment routes; correcting a
 * comment needs response.exclude (analysts, admins) within those locations; retraining and editing the
 * theme dictionary act on the whole organisation, so they need survey.edit and access to all of it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import type { Action, Principal } from '../../core/access/index.ts';
import { authorize, requirePrincipal } from '../../http/session.ts';
import { parse, pathParam } from '../../http/validate.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { UUID_RE } from '../../core/ids.ts';
import {
  CommentCorrectionSchema, CommentFilterSchema, TextCommentsQuery, ThemeDeleteQuery, ThemeWriteSchema,
  type TextModelStatusAnswer, type ThemeLocationsAnswer, type ThemesAnswer, type ThemeTrendAnswer,
} from '../../core/api/comments.ts';
import { analyticsRequest } from '../analytics/request.ts';
import { analyticsContext, surveyOf } from '../analytics/context.ts';
import { commentFilter, getKeyPhrases, getTextComments } from './commentViews.ts';
import { correctComment, countThemesByLocation, countThemesByMonth } from '../../db/text/commentAnalysis.ts';
import { getTextModelStatus } from '../../db/text/textModels.ts';
import { deleteOrgTheme, upsertOrgTheme } from '../../db/text/orgThemes.ts';
import { orgThemes } from './analyseComments.ts';
import { countTrainingTexts, MIN_TRAINING_COMMENTS } from './textModel.ts';
import { trainTextModelJob } from '../jobs/trainTextModelJob.ts';
import { analyseCommentsJob } from '../jobs/analyseCommentsJob.ts';

/** Authorizes an organisation-wide change (retrain, theme dictionary). @throws unauthorized, forbidden */
export function orgWide(request: FastifyRequest, action: Action): Principal {
  requirePrincipal(request);
  const principal = authorize(request, action);
  if (principal.locationPaths !== null) throw forbidden('This changes the whole organisation: it needs access to all of it');
  return principal;
}

export async function registerTextRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const readPool = deps.readPool ?? deps.pool;

  app.get('/api/v1/surveys/:id/text/comments', async (request) => {
    const r = await analyticsRequest(readPool, request, TextCommentsQuery, 'response.read');
    return getTextComments(readPool, r.ctx, await surveyOf(readPool, r.principal, r.surveyId), r.query);
  });

  app.get('/api/v1/surveys/:id/text/keyphrases', async (request) => {
    const r = await analyticsRequest(readPool, request, CommentFilterSchema, 'response.read');
    return getKeyPhrases(readPool, r.ctx, await surveyOf(readPool, r.principal, r.surveyId), r.query);
  });

  app.get('/api/v1/surveys/:id/text/themes/trend', async (request): Promise<ThemeTrendAnswer> => {
    const r = await analyticsRequest(readPool, request, CommentFilterSchema, 'response.read');
    const survey = await surveyOf(readPool, r.principal, r.surveyId);
    return { rows: await countThemesByMonth(readPool, r.ctx, commentFilter(survey, r.query)) };
  });

  app.get('/api/v1/surveys/:id/text/themes/locations', async (request): Promise<ThemeLocationsAnswer> => {
    const r = await analyticsRequest(readPool, request, CommentFilterSchema, 'response.read');
    const survey = await surveyOf(readPool, r.principal, r.surveyId);
    return { rows: await countThemesByLocation(readPool, r.ctx, commentFilter(survey, r.query)) };
  });

  app.patch('/api/v1/text/comments/:responseId/:questionId', async (request) => {
    requirePrincipal(request);
    const responseId = pathParam(request.params, 'responseId', (v) => UUID_RE.test(v), 'Comment not found');
    const questionId = pathParam(request.params, 'questionId', (v) => UUID_RE.test(v), 'Comment not found');
    const body = parse(CommentCorrectionSchema, request.body ?? {});
    const principal = authorize(request, 'response.exclude');
    const ctx = await analyticsContext(pool, principal, {});
    const stored = await correctComment(pool, ctx, { responseId, questionId }, { ...body, userId: principal.userId });
    if (!stored) throw notFound('Comment not found');
    return stored;
  });

  app.get('/api/v1/text/model', async (request): Promise<TextModelStatusAnswer> => {
    requirePrincipal(request);
    const principal = authorize(request, 'response.read');
    const [status, labelled] = await Promise.all([getTextModelStatus(readPool, principal.orgId), countTrainingTexts(readPool, principal.orgId)]);
    return {
      mode: status ? 'model' : 'lexicon',
      n: status?.n ?? null,
      accuracy: status?.accuracy ?? null,
      macroF1: status?.macroF1 ?? null,
      trainedAt: status?.trainedAt ?? null,
      classes: status?.classes ?? [],
      labelled,
      minComments: MIN_TRAINING_COMMENTS,
    };
  });

  app.post('/api/v1/text/model/retrain', async (request, reply) => {
    const principal = orgWide(request, 'survey.edit');
    await app.jobs.send(trainTextModelJob, { orgId: principal.orgId });
    reply.code(202);
    return { queued: true };
  });

  app.get('/api/v1/text/themes', async (request): Promise<ThemesAnswer> => {
    requirePrincipal(request);
    const principal = authorize(request, 'response.read');
    return { themes: await orgThemes(pool, principal.orgId) };
  });

  // The theme id travels in the body (PUT) or the query (DELETE): it names a dictionary entry, not an object with an id.
  app.put('/api/v1/text/themes', async (request, reply) => {
    requirePrincipal(request);
    const body = parse(ThemeWriteSchema, request.body ?? {});
    const principal = orgWide(request, 'survey.edit');
    await orgThemes(pool, principal.orgId);
    const created = await upsertOrgTheme(pool, principal.orgId, body);
    await app.jobs.send(analyseCommentsJob, { orgId: principal.orgId });
    reply.code(created ? 201 : 200);
    return body;
  });

  app.delete('/api/v1/text/themes', async (request, reply) => {
    requirePrincipal(request);
    const { id } = parse(ThemeDeleteQuery, request.query ?? {});
    const principal = orgWide(request, 'survey.edit');
    await orgThemes(pool, principal.orgId);
    if (!(await deleteOrgTheme(pool, principal.orgId, id))) throw notFound('Theme not found');
    await app.jobs.send(analyseCommentsJob, { orgId: principal.orgId });
    reply.code(204);
  });
}
