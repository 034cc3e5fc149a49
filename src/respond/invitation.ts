/**
 * Personal links: GET /i/:token opens the invitation's survey in the contact's language, with the
 * first question pre-filled from ?s=<score> (the score links of the e-mail), and the form carries the
 * token back (`_inv`); a submission with it is linked to the contact and the invitation, and gets the
 * contact's location and dimension attributes. Nobody is asked who they are.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { embeddedQuestion } from '../core/invitations/message.ts';
import { findInvitationByTokenHash, linkResponseToInvitation, markInvitationOpened, type InvitationByToken } from '../db/invitations/respond.ts';
import type { LoadedSurvey } from '../db/surveys/loadSurvey.ts';
import { INVITATION_TOKEN_RE, tokenHash } from '../server/invitations/commands/links.ts';
import { recordRecoveryResponse } from '../server/cases/commands/recordRecoveryResponse.ts';
import { first, newIdempotencyKey, surveyLanguage, type Fields } from './context.ts';
import { sendMessage, sendPage } from './pageReply.ts';
import { accentStyle } from './render/brand.ts';
import { renderSurveyPage, renderThanksPage } from './render/surveyPage.ts';
import { loadSurvey, loadSurveyBySlug } from '../db/surveys/loadSurvey.ts';
import { sendIfUnavailable } from './lifecycle.ts';

/** The invitation of a token as sent by a respondent, or null (malformed, unknown, erased contact). */
export async function invitationOfToken(deps: AppDeps, token: unknown): Promise<InvitationByToken | null> {
  const t = first(token);
  if (!INVITATION_TOKEN_RE.test(t)) return null;
  return findInvitationByTokenHash(deps.pool, tokenHash(t));
}

/** The survey of an invitation when the public may answer it (by its current slug). */
async function surveyOf(deps: AppDeps, inv: InvitationByToken): Promise<LoadedSurvey | null> {
  const bare = await loadSurvey(deps.pool, inv.orgId, inv.surveyId);
  const survey = bare ? await loadSurveyBySlug(deps.pool, bare.slug) : null;
  return survey && survey.status !== 'draft' ? survey : null;
}

export async function invitationPage(deps: AppDeps, request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) {
  const inv = await invitationOfToken(deps, request.params.token);
  const survey = inv ? await surveyOf(deps, inv) : null;
  if (!inv || !survey) return sendMessage(request, reply, 404, 'notFound', 'not_found');
  const query = (request.query ?? {}) as Fields;
  const lang = surveyLanguage(survey, first(query.lang) || inv.language, request.headers['accept-language']);
  if (await sendIfUnavailable(deps, request, reply, survey, lang)) return reply;
  await markInvitationOpened(deps.pool, inv.orgId, inv.id);
  if (inv.respondedAt) return sendPage(reply, 200, renderThanksPage(survey, lang), accentStyle(survey));
  const embedded = embeddedQuestion(survey);
  const score = Number(first(query.s));
  const values = embedded && first(query.s) !== '' && embedded.scores.includes(score) ? { [embedded.question.key]: [String(score)] } : undefined;
  const page = renderSurveyPage({
    survey, lang, idempotencyKey: newIdempotencyKey(), startedMs: Date.now(), locationId: inv.contactLocationId,
    channel: inv.channel, hidden: {}, values, invitationToken: first(request.params.token), contact: inv.contactFields,
  });
  return sendPage(reply, 200, page, accentStyle(survey));
}

/** A submission's invitation when it carries one of this survey (else null: an ordinary answer). */
export async function submissionInvitation(deps: AppDeps, body: Fields, survey: LoadedSurvey): Promise<InvitationByToken | null> {
  if (!body._inv) return null;
  const inv = await invitationOfToken(deps, body._inv);
  return inv && inv.orgId === survey.orgId && inv.surveyId === survey.id ? inv : null;
}

/** After the commit of a new response: link it to the contact and the invitation. */
export async function linkSubmission(deps: AppDeps, inv: InvitationByToken, responseId: string): Promise<void> {
  await linkResponseToInvitation(deps.pool, inv.orgId, inv.id, inv.contactId, responseId);
  // The answer to a case's "was your problem solved?" follow-up is recorded on the case.
  await recordRecoveryResponse(deps.pool, inv.orgId, inv.id, responseId);
}
