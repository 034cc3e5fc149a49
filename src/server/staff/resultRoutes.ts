/**
 * Staff survey results with enforced anonymity and the staff results links (docs/staff.md "Employee surveys
 * and anonymity", "Telling staff the results"). Each handler: authorize → validate → one query or command → present.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { pathInScope, scopeOf, type Principal } from '../../core/access/index.ts';
import { DomainError } from '../../core/errors.ts';
import {
  CreateResultLinkSchema, StaffResultsQuerySchema, type ResultLinkCreated, type ResultLinkList, type ResultLinkRevoked, type StaffResultLink,
  type StaffResultsAnswer,
} from '../../core/api/staffResults.ts';
import type { Queryable } from '../../db/connection.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { resultLocationPath } from '../../db/staff/staffResults.ts';
import { getResultLink, insertResultLink, listResultLinks, revokeResultLink, type ResultLinkRow } from '../../db/staff/resultLinks.ts';
import { withTransaction } from '../../db/tx.ts';
import { authorize, hashToken, newToken } from '../../http/session.ts';
import { notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { publicBase } from '../surveys/links.ts';
import { queryStaffResults } from './commands/staffResultsQuery.ts';

/** The organisation's staff survey, or a 400 naming `field`. */
async function staffSurvey(db: Queryable, orgId: string, surveyId: string, field: string) {
  const survey = await loadSurvey(db, orgId, surveyId);
  if (!survey) throw new DomainError('validation', `${field}: no such survey`, { field });
  if (survey.audience !== 'staff') throw new DomainError('validation', `${field}: not a staff survey`, { field });
  return survey;
}

/** The path of a location in the caller's scope, or a 400 naming `field`. */
async function scopedLocationPath(db: Queryable, principal: Principal, locationId: string, field: string): Promise<string> {
  const path = await resultLocationPath(db, principal.orgId, locationId);
  if (!path || !pathInScope(scopeOf(principal), path)) throw new DomainError('validation', `${field}: not a location you can see`, { field });
  return path;
}

const presentLink = (r: ResultLinkRow): StaffResultLink => ({
  id: r.id, surveyId: r.surveyId, surveyName: r.surveyName, locationId: r.locationId, locationName: r.locationName,
  createdAt: r.createdAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null,
});

export async function registerStaffResultRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const reads = deps.readPool ?? pool;

  app.get('/api/v1/staff/results', async (request): Promise<StaffResultsAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const query = parse(StaffResultsQuerySchema, request.query ?? {});
    const survey = await staffSurvey(reads, principal.orgId, query.survey, 'survey');
    const paths = query.location ? [await scopedLocationPath(reads, principal, query.location, 'location')] : scopeOf(principal).locationPaths;
    return queryStaffResults(reads, survey, paths, { from: query.from, to: query.to });
  });

  app.post('/api/v1/staff/result-links', async (request, reply) => {
    const principal = authorize(request, 'staff.manage');
    const input = parse(CreateResultLinkSchema, request.body ?? {});
    const token = newToken();
    const id = await withTransaction(pool, async (tx) => {
      await staffSurvey(tx, principal.orgId, input.surveyId, 'surveyId');
      await scopedLocationPath(tx, principal, input.locationId, 'locationId');
      return insertResultLink(tx, { orgId: principal.orgId, surveyId: input.surveyId, locationId: input.locationId, tokenHash: hashToken(token), createdBy: principal.userId });
    });
    const link = (await getResultLink(pool, principal.orgId, id))!;
    const url = `${publicBase(deps, request)}/staff-results/${token}`;
    return reply.status(201).send({ link: presentLink(link), token, url } satisfies ResultLinkCreated);
  });

  app.get('/api/v1/staff/result-links', async (request): Promise<ResultLinkList> => {
    const principal = authorize(request, 'staff.manage');
    const rows = await listResultLinks(pool, principal.orgId, scopeOf(principal).locationPaths);
    return { links: rows.map(presentLink) };
  });

  app.post('/api/v1/staff/result-links/:id/revoke', async (request): Promise<ResultLinkRevoked> => {
    const principal = authorize(request, 'staff.manage');
    const id = parseIdParam(request.params, 'Results link not found');
    const link = await getResultLink(pool, principal.orgId, id);
    if (!link || !pathInScope(scopeOf(principal), link.locationPath)) throw notFound('Results link not found');
    await revokeResultLink(pool, principal.orgId, id);
    return { link: presentLink((await getResultLink(pool, principal.orgId, id))!) };
  });
}
