/**
 * The public referral link /r/:code (docs/store-economics.md "Bring a friend" referrals): the organisation's
 * invitation page with the friend's code in large type, in the visitor's language (en / ru / fa). A visit is
 * counted at most once per address, code and day (the address is kept only as a hash with the code); link
 * previews (HEAD) are not counted. Unknown codes and codes of organisations that stopped the loop are the same 404.
 * Rate-limited per address.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { normalizeReferralCode } from '../../core/referrals/codes.ts';
import { findPublicReferralCode, recordReferralVisit } from '../../db/referrals/codes.ts';
import { loadSurvey, loadSurveyBySlug, type LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { pageText } from '../i18n.ts';
import { interfaceLanguage, sendPage, standardErrorPages } from '../pageReply.ts';
import { accentStyle, logoHeader } from '../render/brand.ts';
import { renderMessagePage } from '../render/layout.ts';
import { renderInvitationPage } from './page.ts';


type CodeRequest = FastifyRequest<{ Params: { code: string } }>;

/** The survey the code was earned on, with the organisation's branding (a public survey), or null. */
async function brandedSurvey(deps: AppDeps, orgId: string, surveyId: string | null): Promise<LoadedSurvey | null> {
  const bare = surveyId ? await loadSurvey(deps.pool, orgId, surveyId) : null;
  return bare ? loadSurveyBySlug(deps.pool, bare.slug) : null;
}

/** The visitor of a code: the address hashed with the code, so visits cannot be followed across codes. */
const visitorOf = (ip: string, code: string) => crypto.createHash('sha256').update(`${ip}|${code}`).digest('hex');

export async function registerReferralPageRoutes(app: FastifyInstance, deps: AppDeps) {
  // As many views per minute and address as the survey pages allow (four times their 30 submissions).
  const max = (deps.publicRateLimitPerMinute ?? 30) * 4;
  const config = { rateLimit: { max, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => `${request.ip}|r` } };

  await app.register(async (scope) => {
    scope.setErrorHandler(standardErrorPages());
    scope.get('/r/:code', { logLevel: 'warn', config }, async (request: CodeRequest, reply: FastifyReply) => {
      const lang = interfaceLanguage(request);
      const code = normalizeReferralCode(request.params.code);
      const found = code ? await findPublicReferralCode(deps.pool, code) : null;
      if (!found) return sendPage(reply, 404, renderMessagePage(lang, pageText(lang, 'inviteNotFoundTitle'), pageText(lang, 'inviteNotFoundText')));
      if (request.method === 'GET') await recordReferralVisit(deps.pool, found.orgId, found.code, visitorOf(request.ip, found.code));
      const survey = await brandedSurvey(deps, found.orgId, found.surveyId);
      const style = survey ? accentStyle(survey) : '';
      return sendPage(reply, 200, renderInvitationPage(lang, found.orgName, found.code, survey ? logoHeader(survey) : '', style), style);
    });
  });
}
