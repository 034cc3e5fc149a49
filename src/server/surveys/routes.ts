/**
 * Survey builder API (docs/api.md "Surveys"): templates, list, create, read, update, status, links.
 * Posters are in posterRoutes.ts. Each handler: authorize → validate → one command or query → present.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { scopeOf } from '../../core/access/index.ts';
import { SURVEY_TEMPLATES } from '../../core/surveys/templates.ts';
import { withTransaction } from '../../db/tx.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { listSurveys } from '../../db/surveys/listSurveys.ts';
import { listLinkLocations } from '../../db/surveys/listLinkLocations.ts';
import { authorize } from '../../http/session.ts';
import { notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { createSurvey, inputFromRequest } from './commands/createSurvey.ts';
import { updateSurvey } from './commands/updateSurvey.ts';
import { setSurveyStatus } from './commands/setSurveyStatus.ts';
import { deleteSurvey, duplicateSurvey, setArchived } from './commands/lifecycle.ts';
import { listEarlierSlugs } from '../../db/surveys/slugHistory.ts';
import { surveyArchivedAt } from '../../db/surveys/lifecycle.ts';
import { presentSurveyListItem, presentSurveyWithWarnings } from './present.ts';
import { MIN_GROUP } from '../../core/staff/anonymity.ts';
import { publicBase, surveyUrl } from './links.ts';
import { SurveyInputSchema } from '../../core/surveys/definition.ts';
import {
  CreateSurveyRequestSchema, DeleteSurveyRequestSchema, SetStatusRequestSchema, SurveyListQuerySchema, type SurveyAnswer, type SurveyArchiveAnswer,
  type SurveyDeleteAnswer, type SurveyDetailAnswer, type SurveyLink, type SurveyLinksAnswer, type SurveyListAnswer, type SurveyStatusAnswer,
  type SurveyTemplatesAnswer, type SurveyDropoffAnswer,
} from '../../core/api/surveys.ts';
import { activeQuestions } from '../../core/surveys/logic.ts';
import { dropoff } from '../../core/surveys/progress.ts';
import { listProgressRecords } from '../../db/responses/progress.ts';

/** A body with questions or texts is a full SurveyInput; otherwise it is the short template form. */
const isFullInput = (body: unknown) => typeof body === 'object' && body !== null && ('questions' in body || 'title' in body);

export async function registerSurveyRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  app.get('/api/v1/survey-templates', async (request): Promise<SurveyTemplatesAnswer> => {
    authorize(request, 'survey.read');
    return { templates: SURVEY_TEMPLATES.map(({ key, name, description, survey }) => ({ key, name, description, survey })) };
  });

  app.get('/api/v1/surveys', async (request): Promise<SurveyListAnswer> => {
    const principal = authorize(request, 'survey.read');
    const { archived } = parse(SurveyListQuerySchema, request.query ?? {});
    const rows = await listSurveys(pool, scopeOf(principal), { archived: archived === '1' });
    return { surveys: rows.map(presentSurveyListItem), staffMinGroup: MIN_GROUP };
  });

  app.post('/api/v1/surveys', async (request, reply) => {
    const principal = authorize(request, 'survey.create');
    const input = isFullInput(request.body)
      ? parse(SurveyInputSchema, request.body)
      : inputFromRequest(parse(CreateSurveyRequestSchema, request.body ?? {}), request.sessionUser?.locale ?? 'en');
    const id = await withTransaction(pool, (tx) => createSurvey(tx, principal, input));
    const survey = await loadSurvey(pool, principal.orgId, id);
    return reply.status(201).send(presentSurveyWithWarnings(survey!) satisfies SurveyAnswer);
  });

  app.get('/api/v1/surveys/:id', async (request): Promise<SurveyDetailAnswer> => {
    const principal = authorize(request, 'survey.read');
    const id = parseIdParam(request.params, 'Survey not found');
    const survey = await loadSurvey(pool, principal.orgId, id);
    if (!survey) throw notFound('Survey not found');
    const [earlierSlugs, archivedAt] = await Promise.all([listEarlierSlugs(pool, principal.orgId, id), surveyArchivedAt(pool, principal.orgId, id)]);
    return {
      ...presentSurveyWithWarnings(survey),
      publicUrl: surveyUrl(publicBase(deps, request), survey.slug, null),
      earlierSlugs,
      archivedAt: archivedAt?.toISOString() ?? null,
    };
  });

  app.put('/api/v1/surveys/:id', async (request): Promise<SurveyAnswer> => {
    const principal = authorize(request, 'survey.edit');
    const id = parseIdParam(request.params, 'Survey not found');
    const input = parse(SurveyInputSchema, request.body);
    await withTransaction(pool, (tx) => updateSurvey(tx, principal, id, input));
    return presentSurveyWithWarnings((await loadSurvey(pool, principal.orgId, id))!);
  });

  app.post('/api/v1/surveys/:id/status', async (request): Promise<SurveyStatusAnswer> => {
    const principal = authorize(request, 'survey.edit');
    const id = parseIdParam(request.params, 'Survey not found');
    const { status } = parse(SetStatusRequestSchema, request.body);
    await withTransaction(pool, (tx) => setSurveyStatus(tx, principal, id, status));
    return { survey: presentSurveyWithWarnings((await loadSurvey(pool, principal.orgId, id))!).survey };
  });

  app.post('/api/v1/surveys/:id/duplicate', async (request, reply) => {
    const principal = authorize(request, 'survey.create');
    const id = parseIdParam(request.params, 'Survey not found');
    const copyId = await withTransaction(pool, (tx) => duplicateSurvey(tx, principal, id, request.sessionUser?.locale ?? 'en'));
    return reply.status(201).send(presentSurveyWithWarnings((await loadSurvey(pool, principal.orgId, copyId))!) satisfies SurveyAnswer);
  });

  for (const [action, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(`/api/v1/surveys/:id/${action}`, async (request): Promise<SurveyArchiveAnswer> => {
      const principal = authorize(request, 'survey.edit');
      const id = parseIdParam(request.params, 'Survey not found');
      await withTransaction(pool, (tx) => setArchived(tx, principal, id, archived));
      const archivedAt = await surveyArchivedAt(pool, principal.orgId, id);
      return { survey: presentSurveyWithWarnings((await loadSurvey(pool, principal.orgId, id))!).survey, archivedAt: archivedAt?.toISOString() ?? null };
    });
  }

  app.delete('/api/v1/surveys/:id', async (request): Promise<SurveyDeleteAnswer> => {
    const principal = authorize(request, 'survey.edit');
    const id = parseIdParam(request.params, 'Survey not found');
    const { confirm } = parse(DeleteSurveyRequestSchema, request.body ?? {});
    const { responses } = await withTransaction(pool, (tx) => deleteSurvey(tx, principal, id, confirm));
    return { ok: true, deletedResponses: responses };
  });

  app.get('/api/v1/surveys/:id/links', async (request): Promise<SurveyLinksAnswer> => {
    const principal = authorize(request, 'survey.read');
    const id = parseIdParam(request.params, 'Survey not found');
    const survey = await loadSurvey(pool, principal.orgId, id);
    if (!survey) throw notFound('Survey not found');
    const base = publicBase(deps, request);
    const locations = await listLinkLocations(pool, scopeOf(principal));
    // The location-less link is offered only to callers who see the whole organisation: answers
    // through it belong to no location, which a location manager could not see afterwards.
    const general: SurveyLink[] =
      principal.locationPaths === null ? [{ locationId: null, locationName: null, code: null, url: surveyUrl(base, survey.slug, null) }] : [];
    const links: SurveyLink[] = locations.map((l) => ({ locationId: l.id, locationName: l.name, code: l.code, url: surveyUrl(base, survey.slug, l) }));
    return { links: [...general, ...links] };
  });

  // The drop-off view (docs/api.md "Partial responses"): started, finished, and per question reached / answered / left.
  app.get('/api/v1/surveys/:id/dropoff', async (request): Promise<SurveyDropoffAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const id = parseIdParam(request.params, 'Survey not found');
    const survey = await loadSurvey(deps.readPool ?? pool, principal.orgId, id);
    if (!survey) throw notFound('Survey not found');
    const questions = activeQuestions(survey);
    const d = dropoff(questions.map((q) => q.key), await listProgressRecords(deps.readPool ?? pool, scopeOf(principal), id));
    return {
      surveyId: id, countPartial: survey.countPartial ?? false, started: d.started, finished: d.finished,
      questions: d.questions.map((row, i) => ({ ...row, text: questions[i].text })),
    };
  });
}
