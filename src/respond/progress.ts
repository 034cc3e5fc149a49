/**
 * Partial responses on the public pages (docs/api.md "Partial responses"): POST /s/:slug/progress saves the answers
 * of the screens passed so far under the form's idempotency key (the enhancement script sends it after each screen
 * on phones); POST /s/:slug/resume gives them back to the script of a page opened again, which then continues
 * where the respondent left. JSON only. Answers are validated like a submission (parseAnswers): only valid ones
 * are kept, a required question not answered yet is no error.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { activeQuestions, parseAnswers, type RawAnswer } from '../core/surveys/logic.ts';
import { answerAsRaw, cleanTimes } from '../core/surveys/progress.ts';
import { findProgress, saveProgress } from '../db/responses/progress.ts';
import { IDEMPOTENCY_KEY_RE } from '../server/responses/commands/submitResponse.ts';
import { first, hiddenFromBody, parseChannel, parseStarted, surveyLanguage, type Fields } from './context.ts';
import { isPreviewRequest } from './lifecycle.ts';
import { sendMessage } from './pageReply.ts';
import { pageText } from './i18n.ts';
import { loadPublicSurvey, rawValue } from './submitHandler.ts';

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

const bodyOf = (request: FastifyRequest): Fields =>
  request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Fields) : {};

/** The live survey and the well-formed key of a progress request, or the reply already sent. */
async function surveyAndKey(deps: AppDeps, request: SlugRequest, reply: FastifyReply) {
  const body = bodyOf(request);
  const survey = await loadPublicSurvey(deps, request.params.slug);
  if (!survey) return { reply: sendMessage(request, reply, 404, 'notFound', 'not_found') };
  const lang = surveyLanguage(survey, body._lang, request.headers['accept-language']);
  if (survey.status !== 'live') return { reply: sendMessage(request, reply, 410, 'closed', 'survey_closed', lang) };
  const key = first(body._k);
  if (!IDEMPOTENCY_KEY_RE.test(key)) {
    return { reply: reply.status(400).send({ ok: false, error: 'validation', message: pageText(lang, 'expiredText'), errors: { _k: pageText(lang, 'expiredText') } }) };
  }
  return { survey, key, lang, body };
}

/** POST /s/:slug/progress: {_k, _lang, _loc, _channel, _started, h_*, q_*, _at: question key on screen, _t: {key: ms}} → {ok, done}. */
export async function progressHandler(deps: AppDeps, request: SlugRequest, reply: FastifyReply) {
  // The author's preview stores nothing.
  if (isPreviewRequest(request)) return reply.status(200).send({ ok: true, preview: true, done: false });
  const found = await surveyAndKey(deps, request, reply);
  if (!found.survey) return found.reply;
  const { survey, key, lang, body } = found;
  const raw: Record<string, RawAnswer> = {};
  for (const q of survey.questions) {
    if (Object.hasOwn(body, `q_${q.key}`)) raw[q.key] = rawValue(body[`q_${q.key}`]);
  }
  const keys = new Set(activeQuestions(survey).map((q) => q.key));
  const at = first(body._at);
  const { done } = await saveProgress(deps.pool, {
    orgId: survey.orgId, surveyId: survey.id, idempotencyKey: key, locRef: first(body._loc).trim() || null,
    channel: parseChannel(body._channel), language: lang,
    // A staff survey stores no identity (docs/staff.md).
    hidden: survey.audience === 'staff' ? {} : hiddenFromBody(body),
    answers: parseAnswers(survey, raw, lang).answers, atKey: keys.has(at) ? at : null, times: cleanTimes(body._t, keys),
    startedAt: parseStarted(body._started, new Date()),
  });
  return reply.status(200).send({ ok: true, done });
}

/**
 * POST /s/:slug/resume: {_k} → {ok, values: {q_<key>: string | string[]}, at, started (ms)} while the progress is
 * open; {ok, done: true} once it became a response; 404 when nothing was saved under the key.
 */
export async function resumeHandler(deps: AppDeps, request: SlugRequest, reply: FastifyReply) {
  const found = await surveyAndKey(deps, request, reply);
  if (!found.survey) return found.reply;
  const progress = await findProgress(deps.pool, found.survey.orgId, found.survey.id, found.key);
  if (!progress) return sendMessage(request, reply, 404, 'notFound', 'not_found', found.lang);
  if (progress.done) return reply.status(200).send({ ok: true, done: true });
  const values = Object.fromEntries(
    Object.entries(progress.answers).map(([k, v]) => {
      const r = answerAsRaw(v);
      return [`q_${k}`, Array.isArray(r) ? r.map(String) : String(r ?? '')];
    }),
  );
  return reply.status(200).send({ ok: true, done: false, values, at: progress.atKey, started: progress.startedAt.getTime() });
}
