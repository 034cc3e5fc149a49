/**
 * POST /api/v1/surveys/preview, the builder's live preview (docs/api.md "Live preview"): the unsaved draft rendered by the respondent page's
 * own code (src/respond/render/surveyPage.ts) in preview mode. Nothing is stored; the HTML goes into a
 * sandboxed frame beside the editor (src/web/admin/builder/PreviewPane.tsx).
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { SurveyInputSchema } from '../../core/surveys/definition.ts';
import { draftSurvey, previewLanguage } from '../../core/surveys/preview.ts';
import { directionOf } from '../../core/i18n/languages.ts';
import { SurveyPreviewRequestSchema, type SurveyPreviewAnswer } from '../../core/api/surveyPreview.ts';
import { getPageBranding } from '../../db/org/branding.ts';
import { renderSurveyPage } from '../render/surveyPage.ts';
import { hash, PAGE_SCRIPT } from '../assets.ts';

/**
 * A frame's srcdoc takes the CSP of the page that holds it (the dashboard's, src/server/web/routes.ts): the
 * dashboard allows the respondent page's inline script by this hash, so the preview runs it as respondents do.
 */
export const PREVIEW_SCRIPT_SOURCE = hash(PAGE_SCRIPT);

export async function registerSurveyPreviewRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post('/api/v1/surveys/preview', async (request): Promise<SurveyPreviewAnswer> => {
    const principal = authorize(request, 'survey.edit');
    const body = parse(SurveyPreviewRequestSchema, request.body ?? {});
    const input = parse(SurveyInputSchema, body.survey ?? {});
    const survey = { ...draftSurvey(input), orgId: principal.orgId, branding: await getPageBranding(deps.pool, principal.orgId) };
    const lang = previewLanguage(survey, body.lang);
    const html = renderSurveyPage({
      survey, lang, idempotencyKey: 'preview', startedMs: Date.now(), locationId: null, channel: 'link', hidden: {}, preview: true, frame: true,
    });
    return { html, lang, dir: directionOf(lang) };
  });
}
