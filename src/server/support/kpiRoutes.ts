/**
 * The support dashboard API (docs/api.md "Support operations"): KPIs of the caller's contacts by group and
 * period, the time distributions, the repeat-contact drill-down, SLA breaches, complaints next to NPS per
 * location. Aggregates need `metrics.read` (API keys with the read scope may call
 * GET /support/kpis and /support/trend); CSAT after contacts (/support/satisfaction) needs `metrics.read`; the lists that name customers and subjects need `response.read`.
 * Every read sees the caller's locations only. SLA targets are the support settings' (not set here).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { scopeOf, type Action, type Principal } from '../../core/access/index.ts';
import { isNpsQuestion } from '../../core/analytics/metrics.ts';
import {
  SupportComplaintsQuery, SupportFilterSchema, SupportKpiQuery, SupportListQuery, SupportSatisfactionQuery, SupportTrendQuery,
  type SupportComplaintsAnswer, type SupportDistributionAnswer, type SupportFilterQuery, type SupportKpisAnswer,
  type SupportRepeatsAnswer, type SupportSatisfactionAnswer, type SupportSlaBreachesAnswer, type SupportTrendAnswer,
} from '../../core/api/supportKpis.ts';
import type { Queryable } from '../../db/connection.ts';
import { getLocation } from '../../db/locations/listLocations.ts';
import {
  getSupportComplaintsByLocation, getSupportKpiGroups, getSupportKpis, getSupportKpiTrend, getSupportTimeDistribution, listSupportRepeats,
  listSupportSlaBreaches, type SupportFilter,
} from '../../db/support/kpiQueries.ts';
import { satisfactionAfterContacts } from '../../db/support/satisfaction.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { getBreakdown } from '../analytics/breakdown.ts';
import { analyticsContext, surveyOf } from '../analytics/context.ts';

/** Registers /api/v1/support/kpis, /trend, /distribution, /repeats, /sla-breaches, /complaints and /satisfaction. */
export async function registerSupportKpiRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const reads = deps.readPool ?? pool;
  const now = deps.now ?? (() => new Date());

  /** Authorizes, validates the query and turns its filters into SQL filters (a `location` outside the caller's scope is not found). */
  const supportRequest = async <S extends z.ZodType<SupportFilterQuery>>(request: FastifyRequest, schema: S, action: Action) => {
    const principal = authorize(request, action);
    const query = parse(schema, request.query ?? {});
    return { principal, query, filter: await filterOf(reads, principal, query, now()) };
  };

  app.get('/api/v1/support/kpis', async (request): Promise<SupportKpisAnswer> => {
    const { principal, query, filter } = await supportRequest(request, SupportKpiQuery, 'metrics.read');
    const scope = scopeOf(principal);
    const [all, groups] = await Promise.all([getSupportKpis(reads, scope, filter), query.by ? getSupportKpiGroups(reads, scope, filter, query.by) : []]);
    return {
      kpis: all.kpis,
      sla_by_priority: all.slaByPriority,
      by: query.by ?? null,
      groups,
    };
  });

  app.get('/api/v1/support/trend', async (request): Promise<SupportTrendAnswer> => {
    const { principal, query, filter } = await supportRequest(request, SupportTrendQuery, 'metrics.read');
    return { interval: query.interval, points: await getSupportKpiTrend(reads, scopeOf(principal), filter, query.interval) };
  });

  app.get('/api/v1/support/distribution', async (request): Promise<SupportDistributionAnswer> => {
    const { principal, filter } = await supportRequest(request, SupportFilterSchema, 'metrics.read');
    const d = await getSupportTimeDistribution(reads, scopeOf(principal), filter);
    return { first_response: d.firstResponse, first_resolution: d.firstResolution };
  });

  app.get('/api/v1/support/repeats', async (request): Promise<SupportRepeatsAnswer> => {
    const { principal, query, filter } = await supportRequest(request, SupportListQuery, 'response.read');
    return { repeat_window_s: filter.repeatDays * 86_400, ...(await listSupportRepeats(reads, scopeOf(principal), filter, query.limit)) };
  });

  app.get('/api/v1/support/sla-breaches', async (request): Promise<SupportSlaBreachesAnswer> => {
    const { principal, query, filter } = await supportRequest(request, SupportListQuery, 'response.read');
    return listSupportSlaBreaches(reads, scopeOf(principal), filter, query.limit);
  });

  app.get('/api/v1/support/satisfaction', async (request): Promise<SupportSatisfactionAnswer> => {
    const { principal, query, filter } = await supportRequest(request, SupportSatisfactionQuery, 'metrics.read');
    return { by: query.by, groups: await satisfactionAfterContacts(reads, scopeOf(principal), query.by, filter) };
  });

  app.get('/api/v1/support/complaints', async (request): Promise<SupportComplaintsAnswer> => {
    const { principal, query, filter } = await supportRequest(request, SupportComplaintsQuery, 'metrics.read');
    const complaints = await getSupportComplaintsByLocation(reads, scopeOf(principal), filter);
    if (!query.survey) {
      return { survey: null, locations: complaints.map((c) => ({ location_id: c.locationId, name: c.name, contacts: c.contacts, complaints: c.complaints, nps: null })) };
    }
    // NPS of the same locations and period from the analytics engine (nps.v1), not recomputed here.
    const survey = await surveyOf(reads, principal, query.survey);
    const question = survey.questions.find((q) => q.id && isNpsQuestion(q) && (!query.question || q.id === query.question));
    if (!question) throw notFound(query.question ? 'NPS question not found in this survey' : 'This survey has no NPS question');
    const ctx = await analyticsContext(reads, principal, { from: query.from, to: query.to, location: query.location });
    const nps = await getBreakdown(reads, principal, ctx, question, { by: 'location', leaf: true });
    const byLocation = new Map(nps.rows.map((r) => [r.key, r]));
    const locations: SupportComplaintsAnswer['locations'] = complaints.map((c) => ({
      location_id: c.locationId, name: c.name, contacts: c.contacts, complaints: c.complaints, nps: (c.locationId && byLocation.get(c.locationId)?.result) || null,
    }));
    const listed = new Set(complaints.map((c) => c.locationId));
    for (const r of nps.rows) if (!listed.has(r.key)) locations.push({ location_id: r.key, name: r.label, contacts: 0, complaints: null, nps: r.result });
    return { survey: { id: survey.id, question_id: question.id! }, locations };
  });
}

/** The query's filters for SQL, in the organisation's time zone. @throws validation, not_found */
async function filterOf(db: Queryable, principal: Principal, q: SupportFilterQuery, now: Date): Promise<SupportFilter> {
  if (q.from && q.to && q.from > q.to) throw invalid('to: must not be before from', { field: 'to' });
  let locationPath: string | undefined;
  if (q.location) {
    const location = await getLocation(db, scopeOf(principal), q.location);
    if (!location) throw notFound('Location not found');
    locationPath = location.path;
  }
  const org = await getOrgSettings(db, principal.orgId);
  return {
    from: q.from, to: q.to, locationPath, channel: q.channel, team: q.team, agent: q.agent, priority: q.priority, category: q.category,
    timeZone: org?.timezone ?? 'UTC', repeatDays: q.repeatWindow, now,
  };
}
