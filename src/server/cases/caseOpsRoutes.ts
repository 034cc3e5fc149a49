/**
 * Case operations settings (docs/closed-loop.md "Routing and business hours"), for whoever configures
 * cases (case.configure) with the whole organisation in view: the ordered routing rules, case teams and
 * their members, business hours of the organisation and of each location, compensation limits per role.
 */
import type { FastifyInstance } from 'fastify';
import { scopeOf } from '../../core/access/index.ts';
import {
  CreateCaseTeamSchema, PutBusinessHoursSchema, PutCompensationLimitsSchema, PutRoutingRulesSchema, UpdateCaseTeamSchema,
  type BusinessHoursAnswer, type CaseTeamAnswer, type CaseTeamsAnswer, type CompensationLimitsAnswer, type RoutingRulesAnswer,
} from '../../core/api/caseOps.ts';
import { getOrgBusinessHours, listLocationBusinessHours, setLocationBusinessHours, setOrgBusinessHours } from '../../db/cases/businessHours.ts';
import { replaceCompensationLimits } from '../../db/cases/compensationLimits.ts';
import { listRoutingRules, replaceRoutingRules } from '../../db/cases/routingRules.ts';
import { deleteCaseTeam, listCaseTeams } from '../../db/cases/teams.ts';
import { withTransaction } from '../../db/tx.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { requireWholeOrg } from '../org/routes.ts';
import { checkRoutingTargets, createCaseTeam, updateCaseTeam } from './commands/caseTeams.ts';
import { presentBusinessHours, presentCompensationLimits } from './presentCaseOps.ts';

export async function registerCaseOpsRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const configurer = (request: Parameters<typeof authorize>[0]) => requireWholeOrg(authorize(request, 'case.configure'));

  app.get('/api/v1/org/case-routing', async (request): Promise<RoutingRulesAnswer> => {
    const principal = configurer(request);
    return { rules: await listRoutingRules(pool, principal.orgId) };
  });

  app.put('/api/v1/org/case-routing', async (request): Promise<RoutingRulesAnswer> => {
    const principal = configurer(request);
    const { rules } = parse(PutRoutingRulesSchema, request.body);
    return withTransaction(pool, async (tx) => {
      await checkRoutingTargets(tx, principal.orgId, rules);
      await replaceRoutingRules(tx, principal.orgId, rules);
      return { rules: await listRoutingRules(tx, principal.orgId) };
    });
  });

  app.get('/api/v1/org/case-teams', async (request): Promise<CaseTeamsAnswer> => {
    const principal = configurer(request);
    return { teams: await listCaseTeams(pool, principal.orgId) };
  });

  app.post('/api/v1/org/case-teams', async (request, reply) => {
    const principal = configurer(request);
    const input = parse(CreateCaseTeamSchema, request.body);
    const team = await withTransaction(pool, (tx) => createCaseTeam(tx, principal.orgId, input));
    return reply.status(201).send({ team } satisfies CaseTeamAnswer);
  });

  app.patch('/api/v1/org/case-teams/:id', async (request): Promise<CaseTeamAnswer> => {
    const principal = configurer(request);
    const id = parseIdParam(request.params, 'Team not found');
    const input = parse(UpdateCaseTeamSchema, request.body);
    return { team: await withTransaction(pool, (tx) => updateCaseTeam(tx, principal.orgId, id, input)) };
  });

  app.delete('/api/v1/org/case-teams/:id', async (request, reply) => {
    const principal = configurer(request);
    const id = parseIdParam(request.params, 'Team not found');
    if (!(await deleteCaseTeam(pool, principal.orgId, id))) throw notFound('Team not found');
    return reply.status(204).send();
  });

  app.get('/api/v1/org/business-hours', async (request): Promise<BusinessHoursAnswer> => {
    const principal = configurer(request);
    const org = await getOrgBusinessHours(pool, principal.orgId);
    return presentBusinessHours(org, await listLocationBusinessHours(pool, scopeOf(principal)));
  });

  app.put('/api/v1/org/business-hours', async (request): Promise<BusinessHoursAnswer> => {
    const principal = configurer(request);
    const { businessHours } = parse(PutBusinessHoursSchema, request.body);
    await setOrgBusinessHours(pool, principal.orgId, businessHours);
    const org = await getOrgBusinessHours(pool, principal.orgId);
    return presentBusinessHours(org, await listLocationBusinessHours(pool, scopeOf(principal)));
  });

  app.put('/api/v1/locations/:id/business-hours', async (request): Promise<BusinessHoursAnswer> => {
    const principal = configurer(request);
    const id = parseIdParam(request.params, 'Location not found');
    const { businessHours } = parse(PutBusinessHoursSchema, request.body);
    if (!(await setLocationBusinessHours(pool, scopeOf(principal), id, businessHours))) throw notFound('Location not found');
    const org = await getOrgBusinessHours(pool, principal.orgId);
    return presentBusinessHours(org, await listLocationBusinessHours(pool, scopeOf(principal)));
  });

  app.get('/api/v1/org/compensation-limits', async (request): Promise<CompensationLimitsAnswer> => {
    const principal = configurer(request);
    return presentCompensationLimits(pool, principal.orgId);
  });

  app.put('/api/v1/org/compensation-limits', async (request): Promise<CompensationLimitsAnswer> => {
    const principal = configurer(request);
    const input = parse(PutCompensationLimitsSchema, request.body);
    const limits = input.limits.flatMap((l) => (l.maxAmount === null ? [] : [{ role: l.role, maxAmount: l.maxAmount }]));
    await withTransaction(pool, (tx) => replaceCompensationLimits(tx, principal.orgId, input.currency, limits));
    return presentCompensationLimits(pool, principal.orgId);
  });
}
