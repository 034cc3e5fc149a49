/**
 * Saved views API (docs/analytics.md "Saved views"): list, save, read, change, delete, pin and unpin.
 * Every route needs `metrics.read` (a view is a dashboard state) and a session: API keys are refused (a view
 * belongs to a user). A caller sees their own views and the organisation's shared ones; a shared view naming
 * a location outside the caller's scope is listed, its query narrowed to the caller's locations (`narrowed`).
 * Only the owner changes or deletes a view, or an owner / admin a shared one (403 for others who can see it).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import { SavedViewBody, SavedViewPatch, SavedViewsQuery, type SavedViewAnswer, type SavedViewsAnswer } from '../../core/api/savedViews.ts';
import { mayChangeView, narrowViewQuery, normaliseViewQuery, viewLocationIds, viewUrl } from '../../core/views/savedViews.ts';
import type { Queryable } from '../../db/connection.ts';
import {
  deleteOthersPins, deleteSavedView, getSavedView, insertSavedView, listLocationIdsInScope, listSavedViews, pinSavedView, unpinSavedView, updateSavedView,
  type SavedViewRow,
} from '../../db/savedViews/savedViews.ts';
import { withTransaction } from '../../db/tx.ts';
import type { AppDeps } from '../../http/deps.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { surveyOf } from '../analytics/context.ts';
import { DomainError } from '../../core/errors.ts';

/** The signed-in user allowed to read metrics; API keys are refused (views belong to users). */
function viewer(request: FastifyRequest): Principal {
  const principal = authorize(request, 'metrics.read');
  if (request.apiKey) throw new DomainError('forbidden', 'Saved views belong to users: sign in to use them');
  return principal;
}

async function present(db: Queryable, principal: Principal, rows: SavedViewRow[]): Promise<SavedViewAnswer[]> {
  const visible = await listLocationIdsInScope(db, scopeOf(principal), [...new Set(rows.flatMap((v) => viewLocationIds(v.query)))]);
  return rows.map((v) => {
    const { query, narrowed } = narrowViewQuery(v.query, visible);
    return {
      id: v.id, name: v.name, surveyId: v.surveyId, surveyName: v.surveyName, query, url: viewUrl(v.surveyId, query), narrowed,
      shared: v.shared, mine: v.ownerUserId === principal.userId, owner: { id: v.ownerUserId, name: v.ownerName }, pinned: v.pinned,
      mayChange: mayChangeView(principal, v), createdAt: v.createdAt.toISOString(), updatedAt: v.updatedAt.toISOString(),
    };
  });
}

export async function registerSavedViewRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  async function one(principal: Principal, id: string): Promise<SavedViewAnswer> {
    const row = await getSavedView(pool, principal, id);
    if (!row) throw notFound('Saved view not found');
    return (await present(pool, principal, [row]))[0];
  }

  /** The view the caller may change. @throws not_found when they cannot see it, forbidden when they may not change it */
  async function changeable(principal: Principal, id: string): Promise<SavedViewRow> {
    const row = await getSavedView(pool, principal, id);
    if (!row) throw notFound('Saved view not found');
    if (!mayChangeView(principal, row)) throw forbidden('Only the view\'s owner, or an owner or admin for a shared view, may change it');
    return row;
  }

  app.get('/api/v1/saved-views', async (request): Promise<SavedViewsAnswer> => {
    const principal = viewer(request);
    const q = parse(SavedViewsQuery, request.query ?? {});
    return { views: await present(pool, principal, await listSavedViews(pool, principal, q.survey)) };
  });

  app.post('/api/v1/saved-views', async (request, reply): Promise<SavedViewAnswer> => {
    const principal = viewer(request);
    const body = parse(SavedViewBody, request.body);
    await surveyOf(pool, principal, body.surveyId);
    const id = await withTransaction(pool, async (tx) => {
      const created = await insertSavedView(tx, principal, { name: body.name, surveyId: body.surveyId, query: normaliseViewQuery(body.query), shared: body.shared });
      if (body.pinned) await pinSavedView(tx, principal, created);
      return created;
    });
    reply.code(201);
    return one(principal, id);
  });

  app.get('/api/v1/saved-views/:id', async (request): Promise<SavedViewAnswer> => {
    const principal = viewer(request);
    return one(principal, parseIdParam(request.params, 'Saved view not found'));
  });

  app.patch('/api/v1/saved-views/:id', async (request): Promise<SavedViewAnswer> => {
    const principal = viewer(request);
    const id = parseIdParam(request.params, 'Saved view not found');
    const body = parse(SavedViewPatch, request.body);
    const row = await changeable(principal, id);
    await withTransaction(pool, async (tx) => {
      await updateSavedView(tx, principal.orgId, id, { name: body.name, query: body.query === undefined ? undefined : normaliseViewQuery(body.query), shared: body.shared });
      if (body.shared === false) await deleteOthersPins(tx, principal.orgId, id, row.ownerUserId);
    });
    return one(principal, id);
  });

  app.delete('/api/v1/saved-views/:id', async (request) => {
    const principal = viewer(request);
    const id = parseIdParam(request.params, 'Saved view not found');
    await changeable(principal, id);
    await deleteSavedView(pool, principal.orgId, id);
    return { ok: true };
  });

  app.put('/api/v1/saved-views/:id/pin', async (request): Promise<SavedViewAnswer> => {
    const principal = viewer(request);
    const id = parseIdParam(request.params, 'Saved view not found');
    if (!(await getSavedView(pool, principal, id))) throw notFound('Saved view not found');
    await pinSavedView(pool, principal, id);
    return one(principal, id);
  });

  app.delete('/api/v1/saved-views/:id/pin', async (request): Promise<SavedViewAnswer> => {
    const principal = viewer(request);
    const id = parseIdParam(request.params, 'Saved view not found');
    if (!(await getSavedView(pool, principal, id))) throw notFound('Saved view not found');
    await unpinSavedView(pool, principal, id);
    return one(principal, id);
  });
}
