/**
 * /api/v1/audit-visits: list, one visit, corrections, review, publish, the employee link, appeals;
 * /api/v1/audit-appeals/:id/decision (docs/audits.md "Review, publishing and appeals").
 * Reading needs `audit.read`: reviewers (`audit.review`) see every visit in their locations, others only
 * published ones; anything else is not found (404). Status moves follow src/core/audits/visitStatus.ts;
 * scores are rewritten only by writeVisitScore.
 */
import type { FastifyInstance } from 'fastify';
import { roleAllows, scopeOf, type Principal } from '../../core/access/index.ts';
import {
  AppealCreateSchema, AppealDecisionSchema, CorrectionCreateSchema, VisitListQuery, VisitPatchSchema,
  type AppealAnswer, type Visit, type VisitAnswer, type VisitsAnswer,
} from '../../core/api/auditVisits.ts';
import { parseStoredAnswers, type StoredAnswers } from '../../core/audits/answers.ts';
import { checklistItems, parseChecklist } from '../../core/audits/checklist.ts';
import { VisitAnswerError } from '../../core/audits/scoring.ts';
import { canAppeal, canCorrect, moveVisit, VisitStatusError, type VisitMove } from '../../core/audits/visitStatus.ts';
import { DomainError } from '../../core/errors.ts';
import { loadChecklistVersion, writeVisitScore } from '../../db/audits/visitScore.ts';
import {
  decideAppeal, getAppeal, getVisit, insertAppeal, insertCorrection, isOrgEmployee, listVisits, lockVisit, moveVisitStatus, updateVisitEmployee,
  type VisitViewer,
} from '../../db/audits/visits.ts';
import type { Queryable } from '../../db/connection.ts';
import { withTransaction } from '../../db/tx.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';

const viewerOf = (p: Principal): VisitViewer => ({ scope: scopeOf(p), reviewer: roleAllows(p.role, 'audit.review') });
const conflict = (message: string) => new DomainError('conflict', message);

/**
 * The visit's answers with `itemKey` replaced by `answer` (an empty answer removes it), checked against its
 * checklist version. @throws validation naming `answer`
 */
async function correctedAnswers(tx: Queryable, orgId: string, visit: { checklistId: string; checklistVersion: number; answers: StoredAnswers }, itemKey: string, answer: unknown) {
  const definition = (await loadChecklistVersion(tx, orgId, visit.checklistId, visit.checklistVersion))!;
  if (!checklistItems(definition).some((i) => i.key === itemKey)) throw invalid('itemKey: no item of the visit\'s checklist has this key', { field: 'itemKey' });
  const merged: Record<string, unknown> = { ...visit.answers, [itemKey]: answer ?? {} };
  try {
    return { definition, answers: parseStoredAnswers(definition, merged) };
  } catch (err) {
    if (err instanceof VisitAnswerError) throw invalid(`answer: ${err.problem}`, { field: 'answer' });
    throw err;
  }
}

export async function registerAuditVisitRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { pool } = deps;

  /** The visit as `principal` sees it, with what they may do now. @throws not_found */
  const visibleVisit = async (principal: Principal, id: string): Promise<Visit> => {
    const visit = await getVisit(pool, viewerOf(principal), id);
    if (!visit) throw notFound('Visit not found');
    const review = roleAllows(principal.role, 'audit.review');
    const appealed = new Set(visit.appeals.map((a) => a.itemKey));
    return {
      ...visit,
      can: {
        correct: review && canCorrect(visit.status),
        review: review && visit.status === 'submitted',
        publish: review && visit.status !== 'published',
        appeal: roleAllows(principal.role, 'audit.appeal') && canAppeal(visit.status) && appealed.size < visit.items.length,
        decide: review && visit.appeals.some((a) => a.decision === null),
        editEmployee: review,
      },
    };
  };
  const idOf = (params: unknown) => parseIdParam(params, 'Visit not found');

  app.get('/api/v1/audit-visits', async (request): Promise<VisitsAnswer> => {
    const principal = authorize(request, 'audit.read');
    const query = parse(VisitListQuery, request.query ?? {});
    if (query.from && query.to && query.to < query.from) throw invalid('to: must not be before from', { field: 'to' });
    const { items, total } = await listVisits(pool, viewerOf(principal), query);
    return { items, total, limit: query.limit, offset: query.offset };
  });

  app.get('/api/v1/audit-visits/:id', async (request): Promise<VisitAnswer> => {
    const principal = authorize(request, 'audit.read');
    return { visit: await visibleVisit(principal, idOf(request.params)) };
  });

  app.patch('/api/v1/audit-visits/:id', async (request): Promise<VisitAnswer> => {
    const principal = authorize(request, 'audit.review');
    const visit = await visibleVisit(principal, idOf(request.params));
    const change = parse(VisitPatchSchema, request.body ?? {});
    if (change.employeeId && !(await isOrgEmployee(pool, principal.orgId, change.employeeId))) throw invalid('employeeId: no such employee', { field: 'employeeId' });
    await updateVisitEmployee(pool, principal.orgId, visit.id, { ...change, employeeLabel: change.employeeLabel === '' ? null : change.employeeLabel });
    return { visit: await visibleVisit(principal, visit.id) };
  });

  app.post('/api/v1/audit-visits/:id/corrections', async (request): Promise<VisitAnswer> => {
    const principal = authorize(request, 'audit.review');
    const { id } = await visibleVisit(principal, idOf(request.params));
    const body = parse(CorrectionCreateSchema, request.body ?? {});
    await withTransaction(pool, async (tx) => {
      const visit = (await lockVisit(tx, principal.orgId, id))!;
      if (!canCorrect(visit.status)) throw conflict('The visit is published: an answer changes now only through an upheld appeal');
      const { definition, answers } = await correctedAnswers(tx, principal.orgId, visit, body.itemKey, body.answer);
      await insertCorrection(tx, principal.orgId, id, { itemKey: body.itemKey, oldAnswer: visit.answers[body.itemKey], newAnswer: answers[body.itemKey], reason: body.reason, by: principal.userId });
      await writeVisitScore(tx, principal.orgId, id, definition, answers);
    });
    return { visit: await visibleVisit(principal, id) };
  });

  const move = (path: string, action: VisitMove) =>
    app.post(`/api/v1/audit-visits/:id/${path}`, async (request): Promise<VisitAnswer> => {
      const principal = authorize(request, 'audit.review');
      const { id } = await visibleVisit(principal, idOf(request.params));
      await withTransaction(pool, async (tx) => {
        const visit = (await lockVisit(tx, principal.orgId, id))!;
        try {
          const result = moveVisit(visit.status, action);
          await moveVisitStatus(tx, principal.orgId, id, visit.status, result, principal.userId);
        } catch (err) {
          if (err instanceof VisitStatusError) throw conflict(err.message);
          throw err;
        }
      });
      return { visit: await visibleVisit(principal, id) };
    });
  move('review', 'review');
  move('publish', 'publish');

  app.post('/api/v1/audit-visits/:id/appeals', async (request, reply): Promise<AppealAnswer> => {
    const principal = authorize(request, 'audit.appeal');
    const visit = await visibleVisit(principal, idOf(request.params));
    const body = parse(AppealCreateSchema, request.body ?? {});
    if (!canAppeal(visit.status)) throw conflict('Only a published visit can be appealed');
    if (!checklistItems(parseChecklist(visit.definition)).some((i) => i.key === body.itemKey)) throw invalid('itemKey: no item of the visit\'s checklist has this key', { field: 'itemKey' });
    const appealId = await insertAppeal(pool, principal.orgId, visit.id, { itemKey: body.itemKey, reason: body.reason, by: principal.userId });
    if (!appealId) throw conflict('This item was appealed already: each item of a visit may be appealed once');
    reply.code(201);
    return { appeal: (await getAppeal(pool, viewerOf(principal), appealId))! };
  });

  app.post('/api/v1/audit-appeals/:id/decision', async (request): Promise<AppealAnswer> => {
    const principal = authorize(request, 'audit.review');
    const id = parseIdParam(request.params, 'Appeal not found');
    const appeal = await getAppeal(pool, viewerOf(principal), id);
    if (!appeal) throw notFound('Appeal not found');
    const body = parse(AppealDecisionSchema, request.body ?? {});
    if (body.decision === 'rejected' && body.answer !== undefined) throw invalid('answer: a rejected appeal changes no answer', { field: 'answer' });
    await withTransaction(pool, async (tx) => {
      const visit = (await lockVisit(tx, principal.orgId, appeal.visitId))!;
      if (!(await decideAppeal(tx, principal.orgId, appeal.id, { decision: body.decision, note: body.note, by: principal.userId }))) {
        throw conflict('This appeal was decided already');
      }
      if (body.decision === 'upheld' && body.answer !== undefined) {
        const { definition, answers } = await correctedAnswers(tx, principal.orgId, visit, appeal.itemKey, body.answer);
        await insertCorrection(tx, principal.orgId, appeal.visitId, { itemKey: appeal.itemKey, oldAnswer: visit.answers[appeal.itemKey], newAnswer: answers[appeal.itemKey], reason: appeal.reason, by: principal.userId });
        await writeVisitScore(tx, principal.orgId, appeal.visitId, definition, answers);
      }
    });
    return { appeal: (await getAppeal(pool, viewerOf(principal), appeal.id))! };
  });
}
