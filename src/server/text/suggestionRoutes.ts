/**
 * @module Theme suggestion routes (docs/api.md "Comments: sentiment and themes"). Reading needs
 * response.read and sees only the comments of the caller's locations, like the other comment routes;
 * accepting, merging and dismissing change the organisation's dictionary, so they need survey.edit and
 * access to all of it. Accepting or merging queues the re-analysis of the comments.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { requirePrincipal } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { notFound } from '../../http/errors.ts';
import {
  AcceptSuggestionSchema, DismissSuggestionSchema, MergeSuggestionSchema, ThemeSuggestionsQuery, type ThemeSuggestionsAnswer,
} from '../../core/api/themeSuggestions.ts';
import type { ThemeItem } from '../../core/api/comments.ts';
import { analyticsRequest } from '../analytics/request.ts';
import { surveyOf } from '../analytics/context.ts';
import { addOrgThemeTerms } from '../../db/text/orgThemes.ts';
import { dismissSuggestion } from '../../db/text/themeSuggestionDismissals.ts';
import { analyseCommentsJob } from '../jobs/analyseCommentsJob.ts';
import { orgThemes } from './analyseComments.ts';
import { orgWide } from './routes.ts';
import { acceptSuggestion, getThemeSuggestions } from './themeSuggestions.ts';

export async function registerThemeSuggestionRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const readPool = deps.readPool ?? deps.pool;

  app.get('/api/v1/surveys/:id/text/theme-suggestions', async (request): Promise<ThemeSuggestionsAnswer> => {
    const r = await analyticsRequest(readPool, request, ThemeSuggestionsQuery, 'response.read');
    const survey = await surveyOf(readPool, r.principal, r.surveyId);
    // The dictionary is read from the primary: a theme accepted a moment ago must hide its comments.
    return getThemeSuggestions({ read: readPool, primary: pool }, r.principal.orgId, r.ctx, survey, r.query);
  });

  app.post('/api/v1/text/theme-suggestions/accept', async (request, reply): Promise<ThemeItem> => {
    requirePrincipal(request);
    const body = parse(AcceptSuggestionSchema, request.body ?? {});
    const principal = orgWide(request, 'survey.edit');
    const theme = await acceptSuggestion(pool, principal.orgId, body);
    await app.jobs.send(analyseCommentsJob, { orgId: principal.orgId });
    reply.code(201);
    return theme;
  });

  app.post('/api/v1/text/theme-suggestions/merge', async (request): Promise<ThemeItem> => {
    requirePrincipal(request);
    const body = parse(MergeSuggestionSchema, request.body ?? {});
    const principal = orgWide(request, 'survey.edit');
    await orgThemes(pool, principal.orgId);
    const theme = await addOrgThemeTerms(pool, principal.orgId, body.into, body.lang, body.terms);
    if (!theme) throw notFound('Theme not found');
    await app.jobs.send(analyseCommentsJob, { orgId: principal.orgId });
    return theme;
  });

  app.post('/api/v1/text/theme-suggestions/dismiss', async (request, reply) => {
    requirePrincipal(request);
    const { key } = parse(DismissSuggestionSchema, request.body ?? {});
    const principal = orgWide(request, 'survey.edit');
    await dismissSuggestion(pool, principal.orgId, key, principal.userId);
    reply.code(204);
  });
}
