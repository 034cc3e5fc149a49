/**
 * Translation files of a survey (docs/api.md "Translation files"): download as XLIFF 2.0 or CSV, upload them back.
 * An upload is saved through the survey edit (updateSurvey: versioning rules, `survey.update` audit), in one transaction.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { storedAsInput, SurveyInputSchema } from '../../core/surveys/definition.ts';
import { applyTranslations, missingTranslations } from '../../core/surveys/translationUnits.ts';
import { attachmentDisposition } from '../../core/text/disposition.ts';
import { TranslationsQuerySchema, type TranslationReport } from '../../core/api/surveys.ts';
import { withTransaction } from '../../db/tx.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { lockSurvey } from '../../db/surveys/saveSurvey.ts';
import { authorize } from '../../http/session.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { updateSurvey } from './commands/updateSurvey.ts';
import { readTranslationsCsv, readXliff, surveyTranslationsCsv, surveyXliff } from './translationFiles.ts';

const XLIFF_TYPES = ['application/xliff+xml', 'application/xml', 'text/xml'];
const MAX_FILE_BYTES = 2 * 1024 * 1024;

const contentType = (request: FastifyRequest) => String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

export async function registerTranslationRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  // Translation files are an editing tool: the same permission as changing the survey's texts.
  app.get('/api/v1/surveys/:id/translations', async (request, reply) => {
    const principal = authorize(request, 'survey.edit');
    const id = parseIdParam(request.params, 'Survey not found');
    const query = parse(TranslationsQuerySchema, request.query ?? {});
    const stored = await loadSurvey(pool, principal.orgId, id);
    if (!stored) throw notFound('Survey not found');
    const survey = storedAsInput(stored);
    if (query.format === 'csv') {
      const { header } = attachmentDisposition(`${stored.slug}-translations`, 'csv', 'translations');
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', header).send(surveyTranslationsCsv(survey));
    }
    const source = query.source ?? stored.defaultLanguage;
    const target = query.target ?? stored.languages.find((l) => l !== source);
    for (const [field, lang] of [['source', source], ['target', target]] as const) {
      if (!lang || !stored.languages.includes(lang)) {
        throw invalid(`${field}: choose one of the survey's languages (${stored.languages.join(', ')})`, { field });
      }
    }
    const { header } = attachmentDisposition(`${stored.slug}-${target}`, 'xlf', 'translations');
    return reply
      .header('content-type', 'application/xliff+xml; charset=utf-8')
      .header('content-disposition', header)
      .send(await surveyXliff({ ...survey, slug: stored.slug }, source, target!));
  });

  await app.register(async (scope) => {
    scope.addContentTypeParser(XLIFF_TYPES, { parseAs: 'string', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));

    scope.post('/api/v1/surveys/:id/translations', async (request): Promise<TranslationReport> => {
      const principal = authorize(request, 'survey.edit');
      const id = parseIdParam(request.params, 'Survey not found');
      const type = contentType(request);
      const body = typeof request.body === 'string' ? request.body : '';
      return withTransaction(pool, async (tx) => {
        // Locked before reading, so an edit saved meanwhile is not overwritten with older texts; another
        // organisation's survey is a 404 whatever the file holds.
        if (!(await lockSurvey(tx, principal.orgId, id))) throw notFound('Survey not found');
        let entries;
        if (type === 'text/csv') entries = readTranslationsCsv(body);
        else if (XLIFF_TYPES.includes(type)) entries = await readXliff(body);
        else throw invalid('Send the file with content-type application/xliff+xml or text/csv');
        const stored = (await loadSurvey(tx, principal.orgId, id))!;
        const plan = applyTranslations(storedAsInput(stored), entries);
        if (plan.unknownKeys.length || plan.unknownLanguages.length) {
          const parts = [
            ...(plan.unknownKeys.length ? [`unknown keys: ${plan.unknownKeys.slice(0, 20).join(', ')}`] : []),
            ...(plan.unknownLanguages.length ? [`languages the survey does not have: ${plan.unknownLanguages.join(', ')}`] : []),
          ];
          throw invalid(`file: ${parts.join('; ')}`, { field: 'file', unknownKeys: plan.unknownKeys, unknownLanguages: plan.unknownLanguages });
        }
        // The same checks as an edit in the builder (text lengths), then the same save.
        const input = parse(SurveyInputSchema, plan.survey);
        if (plan.updated > 0) await updateSurvey(tx, principal, id, input);
        return { updated: plan.updated, missing: missingTranslations(input) };
      });
    });
  });
}
