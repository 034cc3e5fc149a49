/**
 * The website widget's settings of a survey (docs/api.md "Website widget"): GET and PUT
 * /api/v1/surveys/:id/widget. The public loader, prompt, config and submit routes are the respondent
 * side's (src/respond/widget/routes.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { authorize } from '../../http/session.ts';
import { notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { withTransaction } from '../../db/tx.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { getWidgetSettings } from '../../db/surveys/widgetSettings.ts';
import { WidgetSettingsSchema, type WidgetAnswer } from '../../core/api/widget.ts';
import { widgetQuestions } from '../../core/surveys/widget.ts';
import { publicBase } from '../surveys/links.ts';
import { updateWidgetSettings } from './commands/updateWidgetSettings.ts';

/** The snippet a website pastes (the slug is [A-Za-z0-9_-], the base an http(s) URL: nothing to escape but quotes). */
export function widgetSnippet(base: string, slug: string): string {
  return `<script src="${base.replace(/"/g, '%22')}/w.js" data-survey="${slug}" async></script>`;
}

export async function registerWidgetSettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  const answer = async (request: FastifyRequest, orgId: string, id: string): Promise<WidgetAnswer> => {
    const [survey, stored] = await Promise.all([loadSurvey(pool, orgId, id), getWidgetSettings(pool, orgId, id)]);
    if (!survey || !stored) throw notFound('Survey not found');
    const { gapDays, ...settings } = stored;
    const asked = widgetQuestions(survey);
    return { settings, snippet: widgetSnippet(publicBase(deps, request), survey.slug), problem: 'problem' in asked ? asked.problem : null, gapDays };
  };

  app.get('/api/v1/surveys/:id/widget', async (request): Promise<WidgetAnswer> => {
    const principal = authorize(request, 'survey.read');
    return answer(request, principal.orgId, parseIdParam(request.params, 'Survey not found'));
  });

  app.put('/api/v1/surveys/:id/widget', async (request): Promise<WidgetAnswer> => {
    const principal = authorize(request, 'survey.edit');
    const id = parseIdParam(request.params, 'Survey not found');
    const settings = parse(WidgetSettingsSchema, request.body);
    await withTransaction(pool, (tx) => updateWidgetSettings(tx, principal, id, settings));
    return answer(request, principal.orgId, id);
  });
}
