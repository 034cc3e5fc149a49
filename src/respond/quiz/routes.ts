/**
 * The public knowledge-quiz page (docs/audits.md "Knowledge quizzes"): GET /quiz/:slug shows the quiz
 * (greeting the employee of a personal link `?e=<token>`, else asking for the employee code), POST
 * /quiz/:slug stores the attempt (once per hidden client key) and shows the result. Only live quizzes take
 * attempts; the others answer 410 "this quiz is closed". Rate-limited per address and quiz like the survey pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { isLanguage, type Language } from '../../core/i18n/languages.ts';
import { checkAnswers, firstName, parseQuiz, QuizError, scoreAttempt, type QuizAnswers, type QuizDefinition } from '../../core/audits/quiz.ts';
import { getQuizBySlug } from '../../db/quizzes/quizzes.ts';
import { getActiveEmployee, getActiveEmployeeByCode, getAttemptByClientKey, insertAttempt, type QuizEmployee } from '../../db/quizzes/attempts.ts';
import { quizTokenEmployee } from '../../server/quizzes/commands/quizToken.ts';
import { first, newIdempotencyKey, type Fields } from '../context.ts';
import { chooseLanguage } from '../i18n.ts';
import { sendMessage, sendPage, standardErrorPages } from '../pageReply.ts';
import { QUIZ_CSS, quizText, renderQuizClosed, renderQuizForm, renderQuizResult, type QuizPageQuiz } from './page.ts';

const SLUG_RE = /^[a-z0-9-]{6,64}$/;
const CLIENT_KEY_RE = /^[A-Za-z0-9_-]{8,100}$/;
const BODY_LIMIT = 64 * 1024;
/** Submissions per minute per address and quiz unless deps say otherwise (the survey pages' limit); page views get four times as many. */
export const QUIZ_POSTS_PER_MINUTE = 30;

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;
type LoadedQuiz = NonNullable<Awaited<ReturnType<typeof getQuizBySlug>>>;

const keyGenerator = (request: FastifyRequest) => `${request.ip}|quiz|${(request.params as { slug?: string }).slug ?? ''}`;

function pageLanguage(request: FastifyRequest, quiz: LoadedQuiz): Language {
  const explicit = first((request.body as Fields | undefined)?._lang) || first((request.query as Fields | undefined)?.lang);
  const lang = chooseLanguage(quiz.languages, quiz.defaultLanguage, explicit, request.headers['accept-language']);
  return isLanguage(lang) ? lang : 'en';
}

/** The live quiz behind the slug, or the reply already sent (404 unknown, 410 not live). */
async function liveQuiz(deps: AppDeps, request: SlugRequest, reply: FastifyReply): Promise<{ quiz: LoadedQuiz; definition: QuizDefinition } | null> {
  const slug = request.params.slug;
  const quiz = SLUG_RE.test(slug) ? await getQuizBySlug(deps.pool, slug) : null;
  if (!quiz) {
    await sendMessage(request, reply, 404, 'notFound', 'not_found');
    return null;
  }
  if (quiz.status !== 'live') {
    await sendPage(reply, 410, renderQuizClosed(pageLanguage(request, quiz)));
    return null;
  }
  return { quiz, definition: parseQuiz(quiz.definition) };
}

/** The employee of a personal link's token (active, of the quiz's organisation), or null. */
async function tokenEmployee(deps: AppDeps, quiz: LoadedQuiz, token: string): Promise<QuizEmployee | null> {
  const employeeId = quizTokenEmployee(quiz.linkKey, quiz.id, token);
  return employeeId ? getActiveEmployee(deps.pool, quiz.orgId, employeeId) : null;
}

const pageQuiz = (quiz: LoadedQuiz, definition: QuizDefinition): QuizPageQuiz => ({ slug: quiz.slug, name: quiz.name, definition });

function againHref(quiz: LoadedQuiz, lang: string, token: string | null): string {
  return `/quiz/${quiz.slug}?lang=${lang}${token ? `&e=${encodeURIComponent(token)}` : ''}`;
}

/** Registers GET and POST /quiz/:slug in their own scope (respondent error pages, rate limits, 64 kB bodies). */
export async function registerQuizPageRoutes(app: FastifyInstance, deps: AppDeps) {
  const postMax = deps.publicRateLimitPerMinute ?? QUIZ_POSTS_PER_MINUTE;
  const config = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute', keyGenerator }, invalidUnicode: 'replace' as const });
  // The personal token is in the URL: log only warnings and errors.
  const logLevel = 'warn';

  await app.register(async (scope) => {
    scope.setErrorHandler(standardErrorPages());

    scope.get('/quiz/:slug', { logLevel, config: config(postMax * 4) }, async (request: SlugRequest, reply) => {
      const live = await liveQuiz(deps, request, reply);
      if (!live) return reply;
      const { quiz, definition } = live;
      const lang = pageLanguage(request, quiz);
      const token = first((request.query as Fields | undefined)?.e);
      const employee = token ? await tokenEmployee(deps, quiz, token) : null;
      const page = renderQuizForm({
        quiz: pageQuiz(quiz, definition), lang, clientKey: newIdempotencyKey(), token: employee ? token : null,
        firstName: employee ? firstName(employee.name) : null, errors: token && !employee ? { form: quizText(lang, 'badLink') } : undefined,
      });
      return sendPage(reply, 200, page, QUIZ_CSS);
    });

    scope.post('/quiz/:slug', { logLevel, bodyLimit: BODY_LIMIT, config: config(postMax) }, async (request: SlugRequest, reply) => {
      const live = await liveQuiz(deps, request, reply);
      if (!live) return reply;
      const { quiz, definition } = live;
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Fields;
      const lang = pageLanguage(request, quiz);
      const token = first(body.e) || first((request.query as Fields | undefined)?.e);
      const code = first(body.code).trim().slice(0, 100);
      const submittedKey = first(body._ck);
      const clientKey = CLIENT_KEY_RE.test(submittedKey) ? submittedKey : newIdempotencyKey();

      const byToken = token ? await tokenEmployee(deps, quiz, token) : null;
      const employee = byToken ?? (code ? await getActiveEmployeeByCode(deps.pool, quiz.orgId, code) : null);
      const values: QuizAnswers = Object.fromEntries(
        definition.questions.map((q) => {
          const raw = body[`q_${q.key}`];
          return [q.key, (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string' && v !== '')];
        }),
      );
      const again = (status: number, errors: Parameters<typeof renderQuizForm>[0]['errors'], keep: QuizAnswers = values) =>
        sendPage(reply, status, renderQuizForm({
          quiz: pageQuiz(quiz, definition), lang, clientKey, token: byToken ? token : null, firstName: byToken ? firstName(byToken.name) : null,
          code, values: keep, errors,
        }), QUIZ_CSS);

      let answers: QuizAnswers;
      try {
        answers = checkAnswers(definition, values);
      } catch (err) {
        if (!(err instanceof QuizError)) throw err;
        return again(400, { form: quizText(lang, 'invalidAnswer') }, {});
      }
      const score = scoreAttempt(definition, answers, quiz.topic);
      const codeError = employee ? undefined : code ? quizText(lang, 'codeUnknown', { code: `\u2068${code}\u2069` }) : quizText(lang, 'codeMissing');
      if (codeError || score.unanswered.length) {
        const questions = Object.fromEntries(score.unanswered.map((k) => [k, quizText(lang, 'notAnswered')]));
        return again(400, { code: codeError, questions, form: score.unanswered.length ? quizText(lang, 'unanswered', { count: score.unanswered.length }) : undefined });
      }

      const attempt = {
        quizId: quiz.id, quizVersion: quiz.version, employeeId: employee!.id, locationId: employee!.locationId, clientKey, language: lang, answers,
        correct: score.correct, total: score.total, questions: score.questions.map((q) => ({ key: q.key, topic: q.topic, correct: q.correct })),
      };
      const stored = (await insertAttempt(deps.pool, quiz.orgId, attempt)) ?? (await getAttemptByClientKey(deps.pool, quiz.orgId, quiz.id, clientKey))!;
      // A repeated submission (refresh, double click) shows the attempt stored the first time.
      let shown = score;
      if (!stored.created) {
        try {
          shown = scoreAttempt(definition, checkAnswers(definition, stored.answers), quiz.topic);
        } catch {
          shown = score;
        }
      }
      return sendPage(reply, 200, renderQuizResult(pageQuiz(quiz, definition), lang, shown, againHref(quiz, lang, byToken ? token : null)), QUIZ_CSS);
    });
  });
}
