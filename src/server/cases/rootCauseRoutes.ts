/**
 * The root-cause taxonomy (docs/closed-loop.md "Root causes and Pareto"): GET /api/v1/root-causes for whoever
 * works or reads cases (the resolve dialog, the Pareto chart); POST, PATCH /:id (rename, move, archive or bring
 * back) and DELETE /:id (only a cause no case or action plan uses; the others are archived) for `case.configure`.
 */
import type { FastifyInstance } from 'fastify';
import {
  RootCauseCreateSchema, RootCausePatchSchema, type RootCauseAnswer, type RootCausesAnswer,
} from '../../core/api/rootCauses.ts';
import type { OkAnswer } from '../../core/api/common.ts';
import { moveTo, rootCauseKey } from '../../core/closedLoop/rootCauses.ts';
import { DomainError } from '../../core/errors.ts';
import {
  deleteUnusedRootCause, ensureRootCausesSeeded, getRootCause, insertRootCause, listRootCauseIdsForUpdate, listRootCauseKeys, listRootCauses,
  setRootCauseOrder, updateRootCause,
} from '../../db/cases/rootCauses.ts';
import { withTransaction } from '../../db/tx.ts';
import type { AppDeps } from '../../http/deps.ts';
import { notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';

const clean = (name: Record<string, string | undefined>) => Object.fromEntries(Object.entries(name).filter((e): e is [string, string] => !!e[1]));

export async function registerRootCauseRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  app.get('/api/v1/root-causes', async (request): Promise<RootCausesAnswer> => {
    const principal = authorize(request, 'case.read');
    return { items: await listRootCauses(pool, principal.orgId) };
  });

  app.post('/api/v1/root-causes', async (request, reply): Promise<RootCauseAnswer> => {
    const principal = authorize(request, 'case.configure');
    const body = parse(RootCauseCreateSchema, request.body ?? {});
    // The defaults first, so that the new cause comes after them and cannot take one of their keys.
    await ensureRootCausesSeeded(pool, principal.orgId);
    const cause = await withTransaction(pool, async (tx) => {
      await listRootCauseIdsForUpdate(tx, principal.orgId);
      const key = rootCauseKey(body.name, await listRootCauseKeys(tx, principal.orgId));
      return insertRootCause(tx, principal.orgId, key, clean(body.name));
    });
    reply.code(201);
    return { cause };
  });

  app.patch('/api/v1/root-causes/:id', async (request): Promise<RootCauseAnswer> => {
    const principal = authorize(request, 'case.configure');
    const id = parseIdParam(request.params, 'Root cause not found');
    const body = parse(RootCausePatchSchema, request.body ?? {});
    const cause = await withTransaction(pool, async (tx) => {
      const ids = await listRootCauseIdsForUpdate(tx, principal.orgId);
      if (!ids.includes(id)) throw notFound('Root cause not found');
      if (body.name || body.archived !== undefined) await updateRootCause(tx, principal.orgId, id, { name: body.name && clean(body.name), archived: body.archived });
      if (body.position !== undefined) await setRootCauseOrder(tx, principal.orgId, moveTo(ids, id, body.position));
      return (await getRootCause(tx, principal.orgId, id))!;
    });
    return { cause };
  });

  app.delete('/api/v1/root-causes/:id', async (request): Promise<OkAnswer> => {
    const principal = authorize(request, 'case.configure');
    const id = parseIdParam(request.params, 'Root cause not found');
    let outcome: Awaited<ReturnType<typeof deleteUnusedRootCause>>;
    try {
      outcome = await deleteUnusedRootCause(pool, principal.orgId, id);
    } catch (err) {
      // A case resolved with this cause between the check and the delete: the foreign key refuses it.
      if ((err as { code?: string }).code !== '23503') throw err;
      outcome = 'in_use';
    }
    if (outcome === 'missing') throw notFound('Root cause not found');
    if (outcome === 'in_use') throw new DomainError('conflict', 'This root cause is used by cases or action plans: archive it instead');
    return { ok: true };
  });
}
