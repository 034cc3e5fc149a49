/**
 * The question library API (docs/api.md "Question library"): list (survey.read), save and delete (survey.edit),
 * each in the caller's organisation. The rules of what a library question keeps are src/core/surveys/library.ts's.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { authorize } from '../../http/session.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { DomainError } from '../../core/errors.ts';
import { toLibraryQuestion } from '../../core/surveys/library.ts';
import { LibrarySaveBody, type LibraryEntry, type LibraryEntryAnswer, type LibraryListAnswer } from '../../core/api/questionLibrary.ts';
import type { OkAnswer } from '../../core/api/common.ts';
import { deleteLibraryQuestion, listLibraryQuestions, saveLibraryQuestion, type LibraryRow } from '../../db/questionLibrary/questionLibrary.ts';

const present = (r: LibraryRow): LibraryEntry => ({
  id: r.id, key: r.key, question: r.question, savedBy: r.savedBy, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
});

export async function registerQuestionLibraryRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  app.get('/api/v1/question-library', async (request): Promise<LibraryListAnswer> => {
    const principal = authorize(request, 'survey.read');
    return { entries: (await listLibraryQuestions(pool, principal.orgId)).map(present) };
  });

  app.post('/api/v1/question-library', async (request, reply) => {
    const principal = authorize(request, 'survey.edit');
    const body = parse(LibrarySaveBody, request.body ?? {});
    const checked = toLibraryQuestion(body.question);
    if ('issue' in checked) {
      const field = ['question', ...checked.issue.path].join('.');
      throw invalid(`${field}: ${checked.issue.message}`, { field });
    }
    const saved = await saveLibraryQuestion(pool, principal.orgId, principal.userId, checked.question, body.replace === true);
    if (!saved) {
      throw new DomainError('conflict', `The library already has a question with the key "${checked.question.key}": replace it, or change the key first`, {
        field: 'question.key', key: checked.question.key,
      });
    }
    return reply.status(201).send({ entry: present(saved) } satisfies LibraryEntryAnswer);
  });

  app.delete('/api/v1/question-library/:id', async (request): Promise<OkAnswer> => {
    const principal = authorize(request, 'survey.edit');
    const id = parseIdParam(request.params, 'Library question not found');
    if (!(await deleteLibraryQuestion(pool, principal.orgId, id))) throw notFound('Library question not found');
    return { ok: true };
  });
}
