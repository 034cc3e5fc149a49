/** The promoter's referral block on the thank-you page (GET /s/:slug/thanks?ref=<code>, where the submission redirects). */
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { normalizeReferralCode } from '../../core/referrals/codes.ts';
import { findPublicReferralCode } from '../../db/referrals/codes.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { referralLink } from '../../server/referrals/commands/links.ts';
import { first } from '../context.ts';
import type { Html } from '../html.ts';
import { referralBlock } from './page.ts';

/**
 * The block of `?ref=` when it is a code earned on this survey of an organisation still running the loop;
 * otherwise null (the plain thank-you page).
 */
export async function referralOfThanks(deps: AppDeps, request: FastifyRequest, survey: LoadedSurvey, lang: string, ref: unknown): Promise<Html | null> {
  const code = first(ref) ? normalizeReferralCode(first(ref)) : null;
  const found = code ? await findPublicReferralCode(deps.pool, code) : null;
  if (!found || found.orgId !== survey.orgId || found.surveyId !== survey.id) return null;
  return referralBlock(lang, found.code, referralLink(deps, request, found.code), found.orgName);
}
