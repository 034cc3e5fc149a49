/**
 * The public kiosk routes (no session; docs/kiosk.md), each found by the kiosk token in the path:
 *   GET  /k/:token/                      the kiosk page (GET /k/:token redirects here)
 *   POST /k/:token/answers               a slice of the tablet's queue (JSON), stored with the kiosk's location and channel kiosk
 *   POST /k/:token/pin                   checks the exit PIN (for browsers without crypto.subtle: plain-HTTP pages)
 *   GET  /k/:token/sw.js                 the service worker that keeps the page for offline reloads
 *   GET  /k/:token/manifest.webmanifest  "add to home screen" in full screen
 * Rate-limited per address (sized for a busy store: docs/kiosk.md "Rate limits"); every field validated.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { DomainError } from '../../core/errors.ts';
import { KIOSK_CHANNEL, KIOSK_TOKEN_RE, KioskAnswerSchema, KioskSyncRequestSchema, answerTime, kioskQuestions, kioskSurvey, type KioskAnswerOutcome, type KioskSyncAnswer } from '../../core/kiosk/kiosk.ts';
import { localize } from '../../core/surveys/localize.ts';
import { findKioskByTokenHash, touchKiosk, type PublicKiosk } from '../../db/kiosks/kiosks.ts';
import { loadSurvey, type LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { quotaEndOf, submitResponse } from '../../server/responses/commands/submitResponse.ts';
import { isOpenAt } from '../../core/surveys/schedule.ts';
import { hashKioskToken, kioskPinMatches } from '../../server/kiosks/commands/kioskSecrets.ts';
import { first, surveyLanguage, type Fields } from '../context.ts';
import { interfaceLanguage, respondentErrorHandler, wantsJson } from '../pageReply.ts';
import { pageText } from '../i18n.ts';
import { kioskText } from './messages.ts';
import { KIOSK_PAGE_HEADERS, KIOSK_SERVICE_WORKER, kioskManifest, renderKioskMessage, renderKioskPage } from './page.ts';

/** Requests per minute per address (a store's tablets may share one): page loads, sync requests (up to 50 answers each), PIN checks. */
export const KIOSK_RATE_LIMITS = { page: 240, answers: 120, pin: 10 } as const;
const BODY_LIMIT = 512 * 1024;

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

type Found =
  | { kind: 'ok'; kiosk: PublicKiosk; survey: LoadedSurvey }
  | { kind: 'unknown' | 'revoked' | 'closed'; lang?: string };

/** The kiosk of the token with its survey, or why there is none to show. */
async function findKiosk(deps: AppDeps, token: string): Promise<Found> {
  if (!KIOSK_TOKEN_RE.test(token)) return { kind: 'unknown' };
  const kiosk = await findKioskByTokenHash(deps.pool, hashKioskToken(token));
  if (!kiosk) return { kind: 'unknown' };
  const survey = await loadSurvey(deps.pool, kiosk.orgId, kiosk.surveyId);
  if (!survey) return { kind: 'unknown' };
  if (kiosk.revoked) return { kind: 'revoked', lang: survey.defaultLanguage };
  // Outside its schedule a kiosk shows the closed page, as for a closed survey (answers queued meanwhile keep their own time).
  if (!isOpenAt(survey, new Date())) return { kind: 'closed', lang: survey.defaultLanguage };
  return { kind: 'ok', kiosk, survey };
}

const STATUS = { unknown: 404, revoked: 403, closed: 410 } as const;
const CODE = { unknown: 'not_found', revoked: 'kiosk_revoked', closed: 'survey_closed' } as const;

function sendKioskMessage(request: FastifyRequest, reply: FastifyReply, status: number, title: string, text: string, code: string, lang: string) {
  if (wantsJson(request)) return reply.status(status).header('x-content-type-options', 'nosniff').send({ ok: false, error: code, message: text });
  return reply.status(status).headers(KIOSK_PAGE_HEADERS).send(renderKioskMessage(lang, title, text));
}

function refuse(request: FastifyRequest, reply: FastifyReply, found: Exclude<Found, { kind: 'ok' }>) {
  const lang = found.lang ?? interfaceLanguage(request);
  const [title, text] =
    found.kind === 'revoked' ? [kioskText(lang, 'revokedTitle'), kioskText(lang, 'revoked')]
      : found.kind === 'closed' ? [pageText(lang, 'closedTitle'), pageText(lang, 'closedText')]
        : [kioskText(lang, 'notFoundTitle'), kioskText(lang, 'notFoundText')];
  return sendKioskMessage(request, reply, STATUS[found.kind], title, text, CODE[found.kind], lang);
}

/** Stores one queued answer (idempotent on its key); a malformed or invalid one is `invalid` and dropped by the tablet. */
async function storeAnswer(deps: AppDeps, kiosk: PublicKiosk, survey: LoadedSurvey, raw: unknown, now: number): Promise<{ k: string; outcome: KioskAnswerOutcome } | null> {
  const parsed = KioskAnswerSchema.safeParse(raw);
  const key = raw && typeof raw === 'object' && typeof (raw as { k?: unknown }).k === 'string' ? ((raw as { k: string }).k).slice(0, 100) : null;
  if (!parsed.success) return key === null ? null : { k: key, outcome: 'invalid' };
  const a = parsed.data;
  const picked = kioskQuestions(survey);
  if (!picked) return { k: a.k, outcome: 'invalid' };
  const answers: Record<string, string | number> = { [picked.score.key]: a.score };
  if (picked.comment && a.comment?.trim()) answers[picked.comment.key] = a.comment;
  try {
    const result = await submitResponse(deps.pool, {
      survey: kioskSurvey(survey, picked),
      answers,
      language: surveyLanguage(survey, a.lang, undefined),
      idempotencyKey: a.k,
      locationId: kiosk.locationId,
      channel: KIOSK_CHANNEL,
      hidden: {},
      submittedAt: answerTime(a.at, now),
    });
    if (result.created) deps.rollupFolder?.kick(survey.orgId);
    if (result.created) deps.responseEvents?.created(survey.orgId, result.responseId);
    return { k: a.k, outcome: result.created ? 'stored' : 'duplicate' };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'validation') return { k: a.k, outcome: 'invalid' };
    // The tablet thanked the visitor when it queued the answer: a full "end" quota only keeps it out of the results.
    if (quotaEndOf(err, survey, survey.defaultLanguage)) return { k: a.k, outcome: 'ended' };
    throw err;
  }
}

/** Registers the kiosk routes in their own scope (kiosk error pages, rate limits, body limit). */
export async function registerKioskPageRoutes(app: FastifyInstance, deps: AppDeps) {
  const limit = (max: number) => ({ rateLimit: { max: deps.publicRateLimitPerMinute ?? max, timeWindow: '1 minute' }, invalidUnicode: 'replace' as const });
  // The token is in every URL: request lines are not logged (warnings and errors are).
  const logLevel = 'warn';

  await app.register(async (scope) => {
    scope.setErrorHandler(respondentErrorHandler((status, lang, reply) => {
      const title = status === 429 ? pageText(lang, 'rateLimitedTitle') : pageText(lang, 'errorTitle');
      const text = status === 429 ? pageText(lang, 'rateLimitedText') : pageText(lang, 'errorText');
      return reply.status(status).headers(KIOSK_PAGE_HEADERS).send(renderKioskMessage(lang, title, text));
    }));

    scope.get('/k/:token', { logLevel, config: limit(KIOSK_RATE_LIMITS.page) }, async (request: TokenRequest, reply) => {
      const token = request.params.token;
      if (!KIOSK_TOKEN_RE.test(token)) return refuse(request, reply, { kind: 'unknown' });
      const lang = first(((request.query ?? {}) as Fields).lang);
      return reply.redirect(`/k/${token}/${/^[a-z]{2}$/.test(lang) ? `?lang=${lang}` : ''}`, 308);
    });

    scope.get('/k/:token/', { logLevel, config: limit(KIOSK_RATE_LIMITS.page) }, async (request: TokenRequest, reply) => {
      const found = await findKiosk(deps, request.params.token);
      if (found.kind !== 'ok') return refuse(request, reply, found);
      const { kiosk, survey } = found;
      const picked = kioskQuestions(survey);
      if (!picked) return refuse(request, reply, { kind: 'closed', lang: survey.defaultLanguage });
      // The page opens (and returns after each answer) in ?lang= when offered, else the survey's default:
      // a kiosk serves many people, so the tablet's own language settings say nothing about the next one.
      const lang = surveyLanguage(survey, ((request.query ?? {}) as Fields).lang, undefined);
      const page = renderKioskPage({ survey, picked, kioskId: kiosk.id, locationName: kiosk.locationName, lang, pinSalt: kiosk.pinSalt, pinHash: kiosk.pinHash });
      return reply.status(200).headers(KIOSK_PAGE_HEADERS).send(page);
    });

    scope.post('/k/:token/answers', { logLevel, bodyLimit: BODY_LIMIT, config: limit(KIOSK_RATE_LIMITS.answers) }, async (request: TokenRequest, reply) => {
      const found = await findKiosk(deps, request.params.token);
      if (found.kind !== 'ok') return refuse(request, reply, found);
      const parsed = KioskSyncRequestSchema.safeParse(request.body);
      if (!parsed.success) {
        return reply.status(400).send({ ok: false, error: 'validation', message: 'Send {"answers": [...]} with 1 to 50 answers' });
      }
      const now = (deps.now?.() ?? new Date()).getTime();
      const results: KioskSyncAnswer['results'] = [];
      // One at a time: a tablet's queue is small, and each answer commits before it is acknowledged.
      for (const raw of parsed.data.answers) {
        const r = await storeAnswer(deps, found.kiosk, found.survey, raw, now);
        if (r) results.push(r);
      }
      await touchKiosk(deps.pool, found.kiosk.orgId, found.kiosk.id);
      const answer: KioskSyncAnswer = { ok: true, results };
      return reply.status(200).send(answer);
    });

    scope.post('/k/:token/pin', { logLevel, config: limit(KIOSK_RATE_LIMITS.pin) }, async (request: TokenRequest, reply) => {
      const found = await findKiosk(deps, request.params.token);
      if (found.kind !== 'ok') return refuse(request, reply, found);
      const pin = first(((request.body ?? {}) as Fields).pin);
      const ok = /^[0-9]{4,8}$/.test(pin) && kioskPinMatches(found.kiosk.pinSalt, found.kiosk.pinHash, pin);
      return reply.status(200).send({ ok });
    });

    scope.get('/k/:token/sw.js', { logLevel, config: limit(KIOSK_RATE_LIMITS.page) }, async (request: TokenRequest, reply) => {
      const found = await findKiosk(deps, request.params.token);
      if (found.kind !== 'ok') return reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('Not found');
      return reply.status(200).headers({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' }).send(KIOSK_SERVICE_WORKER);
    });

    scope.get('/k/:token/manifest.webmanifest', { logLevel, config: limit(KIOSK_RATE_LIMITS.page) }, async (request: TokenRequest, reply) => {
      const found = await findKiosk(deps, request.params.token);
      if (found.kind !== 'ok') return refuse(request, reply, found);
      const { survey } = found;
      const name = localize(survey.title, survey.defaultLanguage, survey.defaultLanguage, survey.name);
      return reply.status(200).headers({ 'content-type': 'application/manifest+json; charset=utf-8', 'x-content-type-options': 'nosniff' }).send(kioskManifest(name, survey.defaultLanguage));
    });
  });
}
