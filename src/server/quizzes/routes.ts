/**
 * /api/v1/quizzes (docs/audits.md "Knowledge quizzes"): list, create, one quiz, edit (questions of a quiz
 * in use make a new version; attempts keep theirs), the results and the personal links. Editing needs
 * `audit.manage`; results need `audit.read` and count only attempts at the caller's locations. The public
 * page /quiz/:slug is src/respond/quiz (registered by the route table).
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  QuizCreateSchema, QuizLinksQuery, QuizPatchSchema, QuizResultsQuery,
  type Quiz, type QuizAnswer, type QuizLinksAnswer, type QuizResultsAnswer, type QuizzesAnswer,
} from '../../core/api/quizzes.ts';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import {
  employeeProgress, locationScores, meanAttemptScore, missingTexts, mostMissed, parseQuiz, QuizError, topicScores, type QuizDefinition,
} from '../../core/audits/quiz.ts';
import type { Language } from '../../core/i18n/languages.ts';
import { getQuiz, insertQuiz, listQuizzes, updateQuiz, type QuizRow, type QuizWrite } from '../../db/quizzes/quizzes.ts';
import { countQuizAnswers, listLinkEmployees, listQuizResultAttempts, type QuizResultsFilter } from '../../db/quizzes/results.ts';
import { ensureInvitationKey } from '../../db/invitations/waves.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import { withTransaction } from '../../db/tx.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { locationInScope } from '../analytics/context.ts';
import { newInvitationKey } from '../invitations/commands/links.ts';
import { publicBase } from '../surveys/links.ts';
import { quizLink, quizToken } from './commands/quizToken.ts';

const NOT_FOUND = 'Quiz not found';

/** A new public address: 10 characters of [a-z0-9]. */
const newSlug = () => Array.from(crypto.randomBytes(10), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');

const cleanNames = (name: Record<string, string | undefined>) => Object.fromEntries(Object.entries(name).filter((e): e is [string, string] => !!e[1]));

/** The definition checked by the one parser; its problems become 400s naming `definition.<place>`. */
function definitionOf(value: unknown): QuizDefinition {
  try {
    return parseQuiz(value);
  } catch (err) {
    if (!(err instanceof QuizError)) throw err;
    const field = err.path === 'definition' ? 'definition' : `definition.${err.path}`;
    throw invalid(`${field}: ${err.problem}`, { field });
  }
}

/** The rules of a whole quiz: its default language among its languages, and a live quiz has every text in every language. */
function checkQuiz(q: QuizWrite, definition: QuizDefinition) {
  if (!q.languages.includes(q.defaultLanguage)) throw invalid(`defaultLanguage: must be one of the quiz's languages (${q.languages.join(', ')})`, { field: 'defaultLanguage' });
  if (q.status === 'live') {
    const [missing] = missingTexts(definition, q.languages as Language[]);
    if (missing) throw invalid(`definition.${missing.path}: no text in "${missing.language}", a language of the quiz (give it, or remove the language, before going live)`, { field: `definition.${missing.path}` });
  }
}

function present(row: QuizRow, base: string): Quiz {
  const { orgId: _org, ...rest } = row;
  const questions = (row.definition as { questions?: unknown[] } | null)?.questions?.length ?? 0;
  return { ...rest, questions, url: quizLink(base, row.slug) };
}

export async function registerQuizRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { pool } = deps;
  const reads = deps.readPool ?? pool;

  async function quizOf(principal: Principal, request: FastifyRequest): Promise<QuizRow> {
    const quiz = await getQuiz(pool, principal.orgId, parseIdParam(request.params, NOT_FOUND));
    if (!quiz) throw notFound(NOT_FOUND);
    return quiz;
  }

  app.get('/api/v1/quizzes', async (request): Promise<QuizzesAnswer> => {
    const principal = authorize(request, 'audit.read');
    const base = publicBase(deps, request);
    return { items: (await listQuizzes(pool, principal.orgId)).map((r) => { const { definition: _d, url: _u, ...summary } = present(r, base); return summary; }) };
  });

  app.post('/api/v1/quizzes', async (request, reply): Promise<QuizAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const body = parse(QuizCreateSchema, request.body ?? {});
    const definition = definitionOf(body.definition);
    const languages = body.languages ?? ['en'];
    const write: QuizWrite = {
      name: cleanNames(body.name), topic: body.topic || null, languages, defaultLanguage: body.defaultLanguage ?? languages[0],
      definition, status: body.status ?? 'draft',
    };
    checkQuiz(write, definition);
    const id = await insertQuiz(pool, principal.orgId, newSlug(), write, principal.userId);
    reply.code(201);
    return { quiz: present((await getQuiz(pool, principal.orgId, id))!, publicBase(deps, request)) };
  });

  app.get('/api/v1/quizzes/:id', async (request): Promise<QuizAnswer> => {
    const principal = authorize(request, 'audit.read');
    return { quiz: present(await quizOf(principal, request), publicBase(deps, request)) };
  });

  app.patch('/api/v1/quizzes/:id', async (request): Promise<QuizAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const id = parseIdParam(request.params, NOT_FOUND);
    const body = parse(QuizPatchSchema, request.body ?? {});
    const definition = body.definition === undefined ? undefined : definitionOf(body.definition);
    const row = await withTransaction(pool, async (tx) => {
      const old = await getQuiz(tx, principal.orgId, id, { forUpdate: true });
      if (!old) throw notFound(NOT_FOUND);
      const next: QuizWrite = {
        name: body.name ? { ...old.name, ...cleanNames(body.name) } : old.name,
        topic: body.topic === undefined ? old.topic : body.topic || null,
        languages: body.languages ?? old.languages,
        defaultLanguage: body.defaultLanguage ?? (body.languages && !(body.languages as string[]).includes(old.defaultLanguage) ? body.languages[0] : old.defaultLanguage),
        definition: definition ?? old.definition,
        status: body.status ?? old.status,
      };
      checkQuiz(next, definition ?? definitionOf(old.definition));
      // Questions changed after the quiz went out (it is live, or was and has attempts): a new version.
      const changed = definition !== undefined && JSON.stringify(definition) !== JSON.stringify(old.definition);
      const inUse = old.status === 'live' || old.attempts > 0;
      await updateQuiz(tx, principal.orgId, id, { ...next, version: changed && inUse ? old.version + 1 : old.version });
      return (await getQuiz(tx, principal.orgId, id))!;
    });
    return { quiz: present(row, publicBase(deps, request)) };
  });

  app.get('/api/v1/quizzes/:id/results', async (request): Promise<QuizResultsAnswer> => {
    const principal = authorize(request, 'audit.read');
    const quiz = await quizOf(principal, request);
    const q = parse(QuizResultsQuery, request.query ?? {});
    if (q.from && q.to && q.from > q.to) throw invalid('to: must not be before from', { field: 'to' });
    const [path, org] = await Promise.all([q.location ? locationInScope(pool, principal, q.location) : undefined, getOrgSettings(pool, principal.orgId)]);
    const filter: QuizResultsFilter = { quizId: quiz.id, from: q.from, to: q.to, timeZone: org?.timezone ?? 'UTC', locationPath: path?.path };
    const scope = scopeOf(principal);
    const [attempts, counts] = await Promise.all([listQuizResultAttempts(reads, scope, filter), countQuizAnswers(reads, scope, filter)]);

    const employees = new Map(attempts.filter((a) => a.employeeId && a.employee).map((a) => [a.employeeId!, a.employee!]));
    const places = new Map(attempts.filter((a) => a.location).map((a) => [a.location!.id, a.location!.name]));
    const perQuestion = new Map<string, { key: string; n: number; missed: number }>();
    for (const c of counts) {
      const p = perQuestion.get(c.key) ?? { key: c.key, n: 0, missed: 0 };
      perQuestion.set(c.key, { key: c.key, n: p.n + c.n, missed: p.missed + c.n - c.correct });
    }
    const texts = new Map(((quiz.definition as QuizDefinition).questions ?? []).map((qq) => [qq.key, qq.text as Record<string, string>]));
    return {
      attempts: attempts.length,
      mean: meanAttemptScore(attempts),
      employees: employeeProgress(attempts)
        .map((p) => {
          const e = employees.get(p.employeeId)!;
          return { id: p.employeeId, name: e.name, code: e.code, location: e.location, attempts: p.attempts, first: p.first, latest: p.latest, best: p.best, change: p.change };
        })
        .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)),
      locations: locationScores(attempts)
        .map((l) => ({ id: l.locationId, name: places.get(l.locationId)!, attempts: l.attempts, mean: l.mean }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      topics: topicScores(counts),
      mostMissed: mostMissed([...perQuestion.values()]).map((m) => ({ ...m, text: texts.get(m.key) ?? null })),
    };
  });

  app.get('/api/v1/quizzes/:id/links', async (request): Promise<QuizLinksAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const quiz = await quizOf(principal, request);
    const q = parse(QuizLinksQuery, request.query ?? {});
    const location = q.location ? await locationInScope(pool, principal, q.location) : undefined;
    const [key, employees] = await Promise.all([ensureInvitationKey(pool, principal.orgId, newInvitationKey()), listLinkEmployees(pool, scopeOf(principal), location?.path)]);
    const base = publicBase(deps, request);
    return { url: quizLink(base, quiz.slug), items: employees.map((employee) => ({ employee, url: quizLink(base, quiz.slug, quizToken(key, quiz.id, employee.id)) })) };
  });
}
