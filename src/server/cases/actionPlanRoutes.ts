/**
 * Action plans (docs/api.md "Action plans"): GET /api/v1/action-plans, POST, GET/PATCH/DELETE /:id and
 * GET /:id/effect. Reading needs `metrics.read` and shows the plans touching the caller's locations; writing
 * needs `plan.manage` and every location of the plan in the caller's scope (a plan that also touches another
 * branch is read-only for them: 403). Outside the scope a plan is not found (404).
 */
import type { FastifyInstance } from 'fastify';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import {
  ActionPlanCreateSchema, ActionPlanListQuery, ActionPlanPatchSchema,
  type ActionPlan, type ActionPlanAnswer, type ActionPlanCreate, type ActionPlanEffectAnswer, type ActionPlansAnswer,
} from '../../core/api/actionPlans.ts';
import type { OkAnswer } from '../../core/api/common.ts';
import { scoredQuestion } from '../../core/analytics/metrics.ts';
import {
  deleteActionPlan, getActionPlan, insertActionPlan, isOrgRootCause, isOrgUser, listActionPlans, locationsInScope, updateActionPlan,
} from '../../db/cases/actionPlans.ts';
import type { Queryable } from '../../db/connection.ts';
import { getLocation } from '../../db/locations/listLocations.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import type { AppDeps } from '../../http/deps.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { getPlanEffect } from './planEffect.ts';

export async function registerActionPlanRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const now = deps.now ?? (() => new Date());

  /** The plan the caller can see. @throws not_found */
  const visiblePlan = async (principal: Principal, params: unknown): Promise<ActionPlan> => {
    const id = parseIdParam(params, 'Action plan not found');
    const plan = await getActionPlan(pool, scopeOf(principal), id);
    if (!plan) throw notFound('Action plan not found');
    return plan;
  };
  /** The plan the caller may change. @throws not_found, forbidden */
  const editablePlan = async (principal: Principal, params: unknown): Promise<ActionPlan> => {
    const plan = await visiblePlan(principal, params);
    if (!plan.canEdit) throw forbidden('This plan also covers locations outside yours: only someone with all of them may change it');
    return plan;
  };

  app.get('/api/v1/action-plans', async (request): Promise<ActionPlansAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const query = parse(ActionPlanListQuery, request.query ?? {});
    let locationPath: string | undefined;
    if (query.location) {
      const loc = await getLocation(pool, scopeOf(principal), query.location);
      if (!loc) throw notFound('Location not found');
      locationPath = loc.path;
    }
    return { items: await listActionPlans(pool, scopeOf(principal), { status: query.status, locationPath }) };
  });

  app.post('/api/v1/action-plans', async (request, reply): Promise<ActionPlanAnswer> => {
    const principal = authorize(request, 'plan.manage');
    const body = parse(ActionPlanCreateSchema, request.body ?? {});
    await checkPlan(pool, principal, body);
    const id = await insertActionPlan(pool, principal.orgId, principal.userId ?? null, body);
    reply.code(201);
    return { plan: (await getActionPlan(pool, scopeOf(principal), id))! };
  });

  app.get('/api/v1/action-plans/:id', async (request): Promise<ActionPlanAnswer> => {
    const principal = authorize(request, 'metrics.read');
    return { plan: await visiblePlan(principal, request.params) };
  });

  app.patch('/api/v1/action-plans/:id', async (request): Promise<ActionPlanAnswer> => {
    const principal = authorize(request, 'plan.manage');
    const plan = await editablePlan(principal, request.params);
    const change = parse(ActionPlanPatchSchema, request.body ?? {});
    await checkPlan(pool, principal, { ...plan, ...change });
    await updateActionPlan(pool, principal.orgId, plan.id, change);
    return { plan: (await getActionPlan(pool, scopeOf(principal), plan.id))! };
  });

  app.delete('/api/v1/action-plans/:id', async (request): Promise<OkAnswer> => {
    const principal = authorize(request, 'plan.manage');
    const plan = await editablePlan(principal, request.params);
    await deleteActionPlan(pool, principal.orgId, plan.id);
    return { ok: true };
  });

  app.get('/api/v1/action-plans/:id/effect', async (request): Promise<ActionPlanEffectAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const plan = await visiblePlan(principal, request.params);
    return getPlanEffect(deps.readPool ?? pool, principal, plan, now());
  });
}

type PlanFields = Pick<ActionPlanCreate, 'startDate' | 'dueDate' | 'surveyId' | 'questionId' | 'locationIds' | 'ownerUserId' | 'rootCauseId'>;

/** The plan as it would be stored is consistent and refers to the caller's own things. @throws validation naming the field */
async function checkPlan(db: Queryable, principal: Principal, p: PlanFields): Promise<void> {
  if (p.dueDate && p.dueDate < p.startDate) throw invalid('dueDate: must not be before startDate', { field: 'dueDate' });
  if (!p.surveyId !== !p.questionId) {
    const field = p.surveyId ? 'questionId' : 'surveyId';
    throw invalid(`${field}: give the survey and its question together`, { field });
  }
  if (p.surveyId && p.questionId) {
    const survey = await loadSurvey(db, principal.orgId, p.surveyId);
    if (!survey) throw invalid('surveyId: no such survey', { field: 'surveyId' });
    if (!scoredQuestion(survey, p.questionId)) throw invalid('questionId: not a scored question (NPS, CSAT, CES or rating) of this survey', { field: 'questionId' });
  }
  const ids = [...new Set(p.locationIds)];
  const found = await locationsInScope(db, scopeOf(principal), ids);
  if (found.length !== ids.length) throw invalid('locationIds: a location is not one of yours', { field: 'locationIds' });
  if (principal.locationPaths !== null && ids.length === 0) throw invalid('locationIds: choose at least one of your locations', { field: 'locationIds' });
  if (p.ownerUserId && !(await isOrgUser(db, principal.orgId, p.ownerUserId))) throw invalid('ownerUserId: no such user', { field: 'ownerUserId' });
  if (p.rootCauseId && !(await isOrgRootCause(db, principal.orgId, p.rootCauseId))) throw invalid('rootCauseId: no such root cause', { field: 'rootCauseId' });
}
