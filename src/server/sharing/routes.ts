/**
 * Shared links API (docs/sharing.md, docs/api.md "Shared links"): make a read-only link to a survey's report
 * (a dashboard view) or to a saved report, list, read and revoke links. Every route needs `link.share`; a link keeps its creator's
 * locations, and a caller sees their own links (owners and admins: every link within their locations).
 * The token is returned once, by POST; only its hash is stored.
 */
import { recordAuditEvent } from '../../db/audit/recordAuditEvent.ts';
import { auditActor } from '../../http/auditRequest.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pathInScope, scopeOf, type Principal } from '../../core/access/index.ts';
import {
  CreateSharedLinkBody, SharedLinksQuery, type SharedLink, type SharedLinkAnswer, type SharedLinkCreated, type SharedLinkList,
} from '../../core/api/sharedLinks.ts';
import { embedSnippet, linkStatus, mayManageLink } from '../../core/sharing/links.ts';
import { locationPathOf } from '../../db/cases/updateCase.ts';
import { getReport } from '../../db/reports/reports.ts';
import { getSharedLink, insertSharedLink, listSharedLinks, revokeSharedLink, type SharedLinkRow } from '../../db/sharing/sharedLinks.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize, hashToken, newToken } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { hashPassword } from '../auth/passwords.ts';
import { publicBase } from '../surveys/links.ts';

const NOT_FOUND = 'Shared link not found';

const present = (r: SharedLinkRow, now: Date): SharedLink => ({
  id: r.id, kind: r.kind, reportId: r.reportId, title: r.title, surveyId: r.surveyId, surveyName: r.surveyName, lang: r.lang, includeComments: r.includeComments,
  hasPassword: r.passwordHash !== null, embedOrigins: r.embedOrigins, createdBy: { id: r.createdBy, name: r.createdByName },
  createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
  lastViewedAt: r.lastViewedAt?.toISOString() ?? null, viewCount: r.viewCount, status: linkStatus(r, now),
});

export async function registerSharedLinkRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const now = deps.now ?? (() => new Date());

  /** A link the caller may manage, or a 404 (also for another organisation's or another store's link). */
  async function visibleLink(request: FastifyRequest, principal: Principal): Promise<SharedLinkRow> {
    const link = await getSharedLink(pool, principal.orgId, parseIdParam(request.params, NOT_FOUND));
    if (!link || !mayManageLink(principal, link)) throw notFound(NOT_FOUND);
    return link;
  }

  app.get('/api/v1/shared-links', async (request): Promise<SharedLinkList> => {
    const principal = authorize(request, 'link.share');
    const query = parse(SharedLinksQuery, request.query ?? {});
    const everyone = principal.role === 'owner' || principal.role === 'admin';
    const rows = await listSharedLinks(pool, principal.orgId, { createdBy: everyone ? null : principal.userId, surveyId: query.survey ?? null });
    const at = now();
    const links = rows.filter((r) => mayManageLink(principal, r) && (query.all || linkStatus(r, at) === 'active'));
    return { links: links.map((r) => present(r, at)) };
  });

  app.post('/api/v1/shared-links', async (request, reply): Promise<SharedLinkCreated> => {
    const principal = authorize(request, 'link.share');
    const body = parse(CreateSharedLinkBody, request.body ?? {});
    const at = now();
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= at.getTime()) throw invalid('expiresAt: must be in the future', { field: 'expiresAt' });
    // A saved report the caller may see (its location inside their subtrees), shared as it is defined now.
    const report = body.reportId ? await getReport(pool, scopeOf(principal), body.reportId) : null;
    if (body.reportId && !report) throw invalid('reportId: no such report', { field: 'reportId' });
    const definition = report ? report.definition : body.definition!;
    const survey = await loadSurvey(pool, principal.orgId, definition.surveyId);
    if (!survey) throw invalid('definition.surveyId: no such survey', { field: 'definition.surveyId' });
    const location = definition.filters.location;
    if (location) {
      const path = await locationPathOf(pool, principal.orgId, location);
      if (path === null || !pathInScope(scopeOf(principal), path)) {
        throw invalid('definition.filters.location: not a location you can see', { field: 'definition.filters.location' });
      }
    }
    const token = newToken();
    const id = await insertSharedLink(pool, {
      orgId: principal.orgId, ...(report ? { reportId: report.id } : {}), surveyId: survey.id, definition: { ...definition, includeComments: body.includeComments }, title: body.title,
      lang: body.lang, tokenHash: hashToken(token), createdBy: principal.userId, creatorRole: principal.role, locationPaths: principal.locationPaths,
      expiresAt, passwordHash: body.password ? await hashPassword(body.password) : null, includeComments: body.includeComments,
      embedOrigins: body.embedOrigins,
    });
    const link = (await getSharedLink(pool, principal.orgId, id))!;
    await recordAuditEvent(pool, {
      ...auditActor(request, principal), action: 'link.create', targetType: 'shared_link', targetId: id, targetLabel: link.title,
      details: { surveyId: survey.id, reportId: report?.id ?? null, expiresAt: body.expiresAt ?? null, password: Boolean(body.password), includeComments: body.includeComments },
    });
    const url = `${publicBase(deps, request)}/p/${token}`;
    reply.status(201);
    return { link: present(link, at), url, embedUrl: `${url}/embed`, embedHtml: embedSnippet(`${url}/embed`, link.title) };
  });

  app.get('/api/v1/shared-links/:id', async (request): Promise<SharedLinkAnswer> => {
    const principal = authorize(request, 'link.share');
    return { link: present(await visibleLink(request, principal), now()) };
  });

  app.post('/api/v1/shared-links/:id/revoke', async (request): Promise<SharedLinkAnswer> => {
    const principal = authorize(request, 'link.share');
    const link = await visibleLink(request, principal);
    await revokeSharedLink(pool, principal.orgId, link.id, principal.userId);
    await recordAuditEvent(pool, { ...auditActor(request, principal), action: 'link.revoke', targetType: 'shared_link', targetId: link.id, targetLabel: link.title });
    return { link: present((await getSharedLink(pool, principal.orgId, link.id))!, now()) };
  });
}
