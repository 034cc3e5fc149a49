/** Printable QR posters per survey and location: `poster.svg` (vector, any size) and `poster.pdf` (A4). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import { buildPosterSvg, POSTER_DEFAULT_COLOR, type PosterInput } from '../../core/surveys/poster.ts';
import { localize } from '../../core/surveys/localize.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { getLinkLocation } from '../../db/surveys/listLinkLocations.ts';
import { authorize } from '../../http/session.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { publicBase, qrMatrix, surveyUrl } from './links.ts';
import { renderPosterPdf } from './pdfPoster.ts';
import { accentOnWhite } from '../../core/branding/branding.ts';
import { getBranding, getOrgLogo } from '../../db/org/branding.ts';
import { PosterQuerySchema } from '../../core/api/surveys.ts';

/** Resolves survey, location (in the caller's scope) and language into the poster's content. */
async function posterInput(deps: AppDeps, request: FastifyRequest, principal: Principal): Promise<{ input: PosterInput; fileName: string }> {
  const id = parseIdParam(request.params, 'Survey not found');
  const query = parse(PosterQuerySchema, request.query);
  const survey = await loadSurvey(deps.pool, principal.orgId, id);
  if (!survey) throw notFound('Survey not found');
  const location = query.location ? await getLinkLocation(deps.pool, scopeOf(principal), query.location) : null;
  if (query.location && !location) throw notFound('Location not found');
  if (!location && principal.locationPaths !== null) throw invalid('location: choose one of your locations', { field: 'location' });
  const lang = query.lang && survey.languages.includes(query.lang) ? query.lang : survey.defaultLanguage;
  const base = publicBase(deps, request);
  // The QR link marks its answers as coming from the poster; the printed one stays short.
  const url = surveyUrl(base, survey.slug, location, { channel: 'qr' });
  const input: PosterInput = {
    lang,
    // The respondent page's title (surveyTitle in src/respond/render/surveyPage.ts).
    title: localize(survey.title, lang, survey.defaultLanguage, survey.name),
    locationName: location?.name ?? null,
    url,
    shortUrl: surveyUrl(base, survey.slug, location).replace(/^https?:\/\//, ''),
    qr: qrMatrix(url),
    brand: await posterBrand(deps, principal.orgId),
  };
  const suffix = (location?.code || location?.id || 'all').toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return { input, fileName: `poster-${survey.slug}-${suffix}-${lang}` };
}

/** The organisation's colour (kept readable on white paper) and logo, or nothing to use the posters' own look. */
async function posterBrand(deps: AppDeps, orgId: string): Promise<PosterInput['brand']> {
  const [branding, logo] = await Promise.all([getBranding(deps.pool, orgId), getOrgLogo(deps.pool, orgId)]);
  if (!branding.accentColor && !logo) return undefined;
  return { color: branding.accentColor ? accentOnWhite(branding.accentColor) : POSTER_DEFAULT_COLOR, logo: logo ? { type: logo.type, base64: logo.bytes.toString('base64') } : null };
}

function sendFile(reply: FastifyReply, type: string, fileName: string, body: string | Buffer) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `inline; filename="${fileName}"`)
    .header('x-content-type-options', 'nosniff')
    // An SVG opened directly is a document: forbid scripts in it, whatever the text contains.
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    .send(body);
}

export async function registerPosterRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/surveys/:id/poster.svg', async (request, reply) => {
    const principal = authorize(request, 'survey.read');
    const { input, fileName } = await posterInput(deps, request, principal);
    return sendFile(reply, 'image/svg+xml; charset=utf-8', `${fileName}.svg`, buildPosterSvg(input));
  });

  app.get('/api/v1/surveys/:id/poster.pdf', async (request, reply) => {
    const principal = authorize(request, 'survey.read');
    const { input, fileName } = await posterInput(deps, request, principal);
    return sendFile(reply, 'application/pdf', `${fileName}.pdf`, await renderPosterPdf(input));
  });
}
