/**
 * Cases API (docs/api.md "Cases"): the inbox list, a case by hand (the complaints book), one case, its
 * changes, notes, replies to the customer, resolution and compensation, and bulk changes. Reads need
 * `case.read`, writes `case.work`; everything is limited to the caller's location subtrees (another
 * store's case is a 404, a case without a location is for unrestricted callers only). API keys: `read`
 * keys read, `cases` keys read and write (src/core/api/keyRoutes.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { effectiveLocationPaths, isRole, pathInScope, roleAllows, scopeOf, type Principal } from '../../core/access/index.ts';
import {
  CaseBulkBody, CaseCompensationBody, CaseNoteBody, CasePatchBody, CaseReplyBody, CaseResolveBody, CasesQuery, NewCaseBody,
  type CaseAnswer, type CaseBulkAnswer, type CaseCreatedAnswer, type CaseEventAnswer, type CasePeopleAnswer, type CasesAnswer,
} from '../../core/api/cases.ts';
import { mentionHandle, scopesOverlap } from '../../core/closedLoop/cases.ts';
import { keyScopeAllows } from '../../core/integrations/apiKeys.ts';
import type { Queryable } from '../../db/connection.ts';
import { countCasesByStatus, listCases, type CaseFilter } from '../../db/cases/listCases.ts';
import { getCase, getCaseSource, listCaseCompensations, listCaseEvents } from '../../db/cases/getCase.ts';
import { listCasePeople, listCaseTeams, locationPathOf } from '../../db/cases/updateCase.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { publicBase } from '../surveys/links.ts';
import { openCase } from './commands/openCase.ts';
import { bulkChangeCases, bulkPatch, changeCase, checkAssignee } from './commands/changeCase.ts';
import { addCaseNote, compensationLimitFor, giveCompensation, resolveCase } from './commands/caseActivity.ts';
import { replyToCase } from './commands/replyToCase.ts';
import { recoverySurveyJob } from './recoverySurveyJob.ts';
import { presentCase, presentCaseListItem } from './present.ts';

const timeZoneOf = (request: FastifyRequest) => request.sessionUser?.orgTimezone ?? 'UTC';

/** Whether the caller may change cases (a session's role, or an API key's scope). */
function mayWork(request: FastifyRequest, principal: Principal): boolean {
  return request.apiKey ? keyScopeAllows(request.apiKey.scope, 'case.work') : roleAllows(principal.role, 'case.work');
}

/** The path of `locationId` when the caller may see it; `field` names it in the 400 (body) or it is a 404 (query filter). */
async function locationInScope(db: Queryable, principal: Principal, locationId: string): Promise<string | null> {
  const path = await locationPathOf(db, principal.orgId, locationId);
  return path !== null && pathInScope(principal, path) ? path : null;
}

export async function registerCaseRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const now = deps.now ?? (() => new Date());

  async function caseAnswer(request: FastifyRequest, principal: Principal, id: string): Promise<CaseAnswer> {
    const c = await getCase(pool, scopeOf(principal), id);
    if (!c) throw notFound('Case not found');
    const work = mayWork(request, principal);
    const [events, compensations, source, limit] = await Promise.all([
      listCaseEvents(pool, principal.orgId, c.id),
      listCaseCompensations(pool, principal.orgId, c.id),
      c.sourceKind && c.sourceId ? getCaseSource(pool, principal.orgId, c.sourceKind, c.sourceId) : null,
      work ? compensationLimitFor(pool, principal) : ({ kind: 'none' } as const),
    ]);
    const given = compensations.reduce((s, k) => s + Math.round(k.amount * 100), 0) / 100;
    const compensation = limit.kind === 'max'
      ? { kind: 'max' as const, limit: limit.amount, left: Math.max(0, Math.round((limit.amount - given) * 100) / 100) }
      : { kind: limit.kind, limit: null, left: null };
    return presentCase(c, {
      events, compensations, source,
      abilities: { work, compensation, reply: work && !!c.customerEmail, outbox: !deps.smtpUrl },
    }, now());
  }

  app.get('/api/v1/cases', async (request): Promise<CasesAnswer> => {
    const principal = authorize(request, 'case.read');
    const q = parse(CasesQuery, request.query);
    if (q.from && q.to && q.from > q.to) throw invalid('to: must not be before from', { field: 'to' });
    let locationPath: string | undefined;
    if (q.location) {
      const path = await locationInScope(pool, principal, q.location);
      if (path === null) throw notFound('Location not found');
      locationPath = path;
    }
    const filter: CaseFilter = {
      statuses: q.status, priority: q.priority, owner: q.owner === 'me' ? principal.userId : q.owner, team: q.team, locationPath,
      channel: q.channel, overdue: q.overdue, rootCause: q.rootCause, q: q.q, from: q.from, to: q.to, timeZone: timeZoneOf(request), now: now(),
    };
    const scope = scopeOf(principal);
    const [{ rows, total }, counts] = await Promise.all([
      listCases(pool, scope, filter, { sort: q.sort, limit: q.limit, offset: q.offset }),
      countCasesByStatus(pool, scope, filter),
    ]);
    return { items: rows.map((r) => presentCaseListItem(r, filter.now)), total, limit: q.limit, offset: q.offset, counts };
  });

  app.post('/api/v1/cases', async (request, reply): Promise<CaseCreatedAnswer> => {
    const principal = authorize(request, 'case.work');
    const body = parse(NewCaseBody, request.body);
    let locationPath: string | null = null;
    if (body.locationId) {
      locationPath = await locationInScope(pool, principal, body.locationId);
      if (locationPath === null) throw invalid('locationId: no such location', { field: 'locationId' });
    } else if (principal.locationPaths !== null) {
      throw invalid('locationId: choose one of your locations', { field: 'locationId' });
    }
    if (body.ownerUserId) await checkAssignee(pool, principal.orgId, body.ownerUserId, locationPath, 'ownerUserId');
    const opened = await openCase(pool, {
      orgId: principal.orgId, title: body.title, description: body.description, priority: body.priority, channel: body.channel,
      customerName: body.customerName || null, customerEmail: body.customerEmail || null, customerPhone: body.customerPhone || null,
      locationId: body.locationId ?? null, ownerUserId: body.ownerUserId ?? null, createdBy: principal.userId, now: now(),
    });
    reply.code(201);
    return { id: opened.id, number: opened.number };
  });

  app.get('/api/v1/cases/people', async (request): Promise<CasePeopleAnswer> => {
    const principal = authorize(request, 'case.read');
    const [users, teams] = await Promise.all([listCasePeople(pool, principal.orgId), listCaseTeams(pool, principal.orgId)]);
    // A caller limited to stores sees the people of those stores and the unrestricted ones, not other stores' staff.
    const visible = users.filter((u) => isRole(u.role) && scopesOverlap(effectiveLocationPaths(u.role, u.locationPaths), principal.locationPaths));
    return { users: visible.map((u) => ({ id: u.id, name: u.name, email: u.email, handle: mentionHandle(u.email) })), teams };
  });

  app.post('/api/v1/cases/bulk', async (request): Promise<CaseBulkAnswer> => {
    const principal = authorize(request, 'case.work');
    const body = parse(CaseBulkBody, request.body);
    return { updated: await bulkChangeCases(pool, principal, body.ids, bulkPatch(body.action, body.value), now()) };
  });

  app.get('/api/v1/cases/:id', async (request): Promise<CaseAnswer> => {
    const principal = authorize(request, 'case.read');
    return caseAnswer(request, principal, parseIdParam(request.params, 'Case not found'));
  });

  app.patch('/api/v1/cases/:id', async (request): Promise<CaseAnswer> => {
    const principal = authorize(request, 'case.work');
    const id = parseIdParam(request.params, 'Case not found');
    await changeCase(pool, principal, id, parse(CasePatchBody, request.body), now());
    return caseAnswer(request, principal, id);
  });

  app.post('/api/v1/cases/:id/notes', async (request, reply): Promise<CaseEventAnswer> => {
    const principal = authorize(request, 'case.work');
    const id = parseIdParam(request.params, 'Case not found');
    const body = parse(CaseNoteBody, request.body);
    const note = await addCaseNote(pool, principal, id, body.text, now());
    reply.code(201);
    return { eventId: note.eventId, mentioned: note.mentioned };
  });

  app.post('/api/v1/cases/:id/replies', async (request, reply): Promise<CaseEventAnswer> => {
    const principal = authorize(request, 'case.work');
    const id = parseIdParam(request.params, 'Case not found');
    const body = parse(CaseReplyBody, request.body);
    const host = new URL(publicBase(deps, request)).hostname;
    const sent = await replyToCase(deps, principal, id, body, host, now());
    reply.code(201);
    return { eventId: sent.eventId, emailed: sent.emailed };
  });

  app.post('/api/v1/cases/:id/resolve', async (request): Promise<CaseAnswer> => {
    const principal = authorize(request, 'case.work');
    const id = parseIdParam(request.params, 'Case not found');
    const body = parse(CaseResolveBody, request.body);
    const resolved = await resolveCase(pool, principal, id, body, now());
    if (resolved.askCustomer) await app.jobs.send(recoverySurveyJob, { orgId: principal.orgId, caseId: id });
    return caseAnswer(request, principal, id);
  });

  app.post('/api/v1/cases/:id/compensations', async (request, reply): Promise<CaseEventAnswer> => {
    const principal = authorize(request, 'case.work');
    const id = parseIdParam(request.params, 'Case not found');
    const body = parse(CaseCompensationBody, request.body);
    const given = await giveCompensation(pool, principal, id, body, now());
    reply.code(201);
    return { eventId: given.eventId };
  });
}
