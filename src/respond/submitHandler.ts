/**
 * POST /s/:slug: a form or JSON submission. Validation errors re-render the form with the
 * respondent's values and messages (nothing stored); success answers only after the commit.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { DomainError } from '../core/errors.ts';
import { parseAnswers, type RawAnswer } from '../core/surveys/logic.ts';
import { loadSurveyBySlug, type LoadedSurvey } from '../db/surveys/loadSurvey.ts';
import {
  IDEMPOTENCY_KEY_RE, prepareSubmission, quotaEndOf, submissionContext, submitResponse, SurveyChangedError,
} from '../server/responses/commands/submitResponse.ts';
import { END, thanksText, type FlowEnd } from '../core/surveys/flow.ts';
import { isPreviewRequest, loadPreviewSurvey, redirectFromEarlierSlug, sendClosed } from './lifecycle.ts';
import { PUBLIC_SLUG_RE } from '../core/surveys/publicSlug.ts';
import { createSurveyCache } from './surveyCache.ts';
import { createSubmissionBatcher } from '../server/responses/commands/submissionBatcher.ts';
import type { SubmissionInserter } from '../server/responses/commands/submitResponse.ts';
import {
  first, hiddenFromBody, newIdempotencyKey, parseChannel, parseStarted, resolveLocation, surveyLanguage, type Fields,
} from './context.ts';
import { pageText } from './i18n.ts';
import { sendMessage, sendPage, wantsJson } from './pageReply.ts';
import { renderSurveyPage, renderThanksPage } from './render/surveyPage.ts';
import { surveyDisplayOrder } from '../core/surveys/displayOrder.ts';
import { renderMessagePage } from './render/layout.ts';
import { localize } from '../core/surveys/localize.ts';
import { accentStyle } from './render/brand.ts';
import { linkSubmission, submissionInvitation } from './invitation.ts';
import { issueReferralCode } from '../server/referrals/commands/issueCode.ts';
import { referralLink } from '../server/referrals/commands/links.ts';


/** Loads a survey that the public may see (live or closed); drafts and unknown slugs are null. */
export async function loadPublicSurvey(deps: AppDeps, slug: string): Promise<LoadedSurvey | null> {
  if (!PUBLIC_SLUG_RE.test(slug)) return null;
  const survey = await loadSurveyBySlug(deps.pool, slug);
  return survey && survey.status !== 'draft' ? survey : null;
}

/**
 * Where a form submission is redirected once it is stored (GET /s/:slug/thanks), with a promoter's referral code
 * and, when a jump ended the survey, that jump (`end=<question key>.<jump index>`) whose thank-you text is shown.
 */
export function thanksPath(slug: string, lang: string, preview = false, referralCode: string | null = null, end: FlowEnd | null = null): string {
  return `/s/${encodeURIComponent(slug)}/thanks?lang=${encodeURIComponent(lang)}${preview ? '&preview=1' : ''}${referralCode ? `&ref=${referralCode}` : ''}${
    end ? `&end=${end.at}.${end.jump}` : ''
  }`;
}

/** The thank-you text of GET /s/:slug/thanks?end=<key>.<index> (a jump's own; nothing to pipe but fallbacks), or undefined. */
export function endedThanks(survey: LoadedSurvey, lang: string, end: unknown): string | undefined {
  const m = /^([a-z0-9_]{1,40})\.(\d{1,2})$/.exec(first(end));
  const jump = m ? survey.questions.find((q) => q.key === m[1])?.jumps?.[Number(m[2])] : undefined;
  if (!m || !jump || jump.to !== END) return undefined;
  const flow = { answers: {}, end: { at: m[1], jump: Number(m[2]), thanks: jump.thanks } };
  return thanksText(survey, flow, { lang, fallback: survey.defaultLanguage }, pageText(lang, 'thanksTitle'));
}

/** Keeps strings and numbers (or lists of them): JSON bodies may carry anything. */
export function rawValue(v: unknown): RawAnswer {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v)) return v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').slice(0, 100);
  return undefined;
}

function asStrings(v: RawAnswer): string[] {
  if (v === null || v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/**
 * The POST /s/:slug handler: parse → submitResponse (one statement) → thank-you (HTML or JSON) after
 * commit. Live surveys come from a per-app cache (src/respond/surveyCache.ts) whose stamp the insert
 * checks; when the survey changed meanwhile, it is loaded again and the submission handled anew.
 */
export function submitHandler(deps: AppDeps) {
  const surveys = createSurveyCache(deps.pool);
  const insert = createSubmissionBatcher(deps.pool);
  return async (request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) => {
    const slug = request.params.slug;
    if (isPreviewRequest(request)) {
      const survey = await loadPreviewSurvey(deps, request, slug);
      if (!survey) return sendMessage(request, reply, 404, 'notFound', 'not_found');
      return handleSubmission(deps, insert, request, reply, survey, null, true);
    }
    let entry = PUBLIC_SLUG_RE.test(slug) ? await surveys.get(slug) : null;
    // A survey edited or closed after it was cached: at most a few fresh loads (edits are rare).
    for (let attempt = 0; ; attempt++) {
      if (!entry || entry.survey.status === 'draft') {
        if (!entry && (await redirectFromEarlierSlug(deps, request, reply, slug, 308))) return reply;
        return sendMessage(request, reply, 404, 'notFound', 'not_found');
      }
      try {
        return await handleSubmission(deps, insert, request, reply, entry.survey, attempt < 3 ? entry.stamp : null);
      } catch (err) {
        if (!(err instanceof SurveyChangedError)) throw err;
        entry = await surveys.reload(slug);
      }
    }
  };
}

async function handleSubmission(
  deps: AppDeps,
  insert: SubmissionInserter,
  request: FastifyRequest<{ Params: { slug: string } }>,
  reply: FastifyReply,
  survey: LoadedSurvey,
  surveyStamp: string | null,
  preview = false,
) {
  const json = wantsJson(request);
  const body: Fields = request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Fields) : {};
  const lang = surveyLanguage(survey, body._lang, request.headers['accept-language']);
  // A personal link's answer: the contact's channel, location and dimension attributes (src/respond/invitation.ts).
  // A staff survey links no answer to a person: invitations (and their contact) are ignored (docs/staff.md).
  const invitation = preview || survey.audience === 'staff' ? null : await submissionInvitation(deps, body, survey);
  const channel = invitation?.channel ?? parseChannel(body._channel);
  const hidden = { ...hiddenFromBody(body), ...invitation?.dimensionFields };
  const idempotencyKey = first(body._k);
  const now = new Date();
  const started = parseStarted(body._started, now);
  const raw: Record<string, RawAnswer> = {};
  for (const q of survey.questions) {
    if (Object.hasOwn(body, `q_${q.key}`)) raw[q.key] = rawValue(body[`q_${q.key}`]);
  }

  const rerender = async (errors: Record<string, string>, formError?: string, pageLang = lang, status = 400) => {
    if (json) return reply.status(400).send({ ok: false, error: 'validation', message: formError ?? pageText(lang, 'errorSummary'), errors });
    // Only the re-rendered form needs the location looked up apart (a submission resolves it in its insert).
    const location = await resolveLocation(deps.pool, survey, body._loc);
    const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, asStrings(v)]));
    const page = renderSurveyPage({
      survey, lang: pageLang, channel, hidden, values, errors, formError,
      // The valid answers pick the "why?" wording, as the script would have shown it.
      answers: parseAnswers(survey, raw, pageLang).answers,
      // A missing or malformed key gets a fresh one so the corrected form can be sent.
      idempotencyKey: IDEMPOTENCY_KEY_RE.test(idempotencyKey) ? idempotencyKey : newIdempotencyKey(),
      startedMs: started?.getTime() ?? now.getTime(),
      locationId: location?.id ?? null,
      preview,
      invitationToken: invitation ? first(body._inv) : undefined,
      contact: invitation?.contactFields,
    });
    return sendPage(reply, status, page, accentStyle(survey));
  };

  // A language button of the form without JavaScript: the same answers, shown in the other language; nothing stored.
  const switchTo = first(body._switch);
  if (switchTo && !json) return rerender({}, undefined, surveyLanguage(survey, switchTo, request.headers['accept-language']), 200);

  if (!IDEMPOTENCY_KEY_RE.test(idempotencyKey)) return rerender({ _k: pageText(lang, 'expiredText') }, pageText(lang, 'expiredText'));
  try {
    const submission = {
      survey, language: lang, idempotencyKey, channel, hidden, answers: raw, displayOrder: surveyDisplayOrder(survey, idempotencyKey),
      locationId: null, locationRef: first(body._loc) || (invitation?.contactLocationId ?? ''), surveyStamp, startedAt: started, submittedAt: now,
    };
    if (preview) {
      // The author's preview: validated exactly like a real submission, then nothing is stored.
      prepareSubmission(submission);
      if (json) return reply.status(200).send({ ok: true, preview: true });
      return reply.redirect(thanksPath(survey.slug, lang, true, null, parseAnswers(survey, raw, lang, submissionContext(submission)).end), 303);
    }
    // One statement (with the submissions arriving meanwhile: group commit): committed when it returns.
    const result = await submitResponse(deps.pool, submission, insert);
    if (result.created) deps.rollupFolder?.kick(survey.orgId);
    // Also on a retry (created false): linking is idempotent and completes a first attempt cut short.
    if (invitation) await linkSubmission(deps, invitation, result.responseId);
    if (result.created) deps.responseEvents?.created(survey.orgId, result.responseId);
    // A promoter's personal "bring a friend" code (the same one on a retry), shown on the thank-you page.
    const parsed = parseAnswers(survey, raw, lang, submissionContext(submission));
    const code = await issueReferralCode(deps.pool, survey.orgId, result.responseId, survey.questions, parsed.answers);
    const thanks = thanksPath(survey.slug, lang, false, code, parsed.end);
    // A thank-you text that pipes answers (or hidden fields, a contact) is shown at once: the redirect would not carry them.
    const own = localize(parsed.end?.thanks, lang, survey.defaultLanguage) || localize(survey.thanks, lang, survey.defaultLanguage);
    if (!json && !code && own.includes('{{')) {
      const ctx = { ...submissionContext(submission), contact: invitation?.contactFields ?? {} };
      const text = thanksText(survey, parsed, { lang, fallback: survey.defaultLanguage, ctx }, pageText(lang, 'thanksTitle'));
      return sendPage(reply, 200, renderThanksPage(survey, lang, false, undefined, text), accentStyle(survey));
    }
    // Only now, after the commit, does the respondent get a 2xx.
    if (json) {
      const referral = code ? { referral: { code, url: referralLink(deps, request, code) }, next: thanks } : {};
      return reply.status(200).send({ ok: true, responseId: result.responseId, ...referral });
    }
    // POST/redirect/GET: Back and reload on the thank-you page never offer to send the form again.
    return reply.redirect(thanks, 303);
  } catch (err) {
    const ended = quotaEndOf(err, survey, lang);
    if (ended) {
      // A full "end" quota screens the respondent out with its message; nothing was stored.
      if (json) return reply.status(200).send({ ok: true, ended: true, ...ended });
      return sendPage(reply, 200, renderMessagePage(lang, localize(survey.title, lang, survey.defaultLanguage), ended.message), accentStyle(survey));
    }
    if (err instanceof DomainError && err.code === 'survey_closed') return sendClosed(deps, request, reply, survey, lang);
    if (err instanceof DomainError && err.code === 'validation' && err.details?.errors) {
      const errors = err.details.errors as Record<string, { message: string }>;
      return rerender(Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, e.message])));
    }
    throw err;
  }
}
