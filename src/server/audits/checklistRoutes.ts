/**
 * /api/v1/checklists (+ import, export, versions), /api/v1/checklist-starters (docs/audits.md "Checklists").
 * Reading: `audit.manage`, `audit.review` or `audit.read` (definitions are not secret within the
 * organisation); writing: `audit.manage`. Checklists belong to the organisation, not to a location: another
 * organisation's id answers 404. Whether a save replaces the current version or adds one is
 * src/core/audits/versioning.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ChecklistError, checklistItems, exportChecklist, parseChecklist, textIn, type ChecklistChannel, type ChecklistDefinition } from '../../core/audits/checklist.ts';
import { checklistDisposition } from '../../core/audits/checklistFile.ts';
import { STARTER_CHECKLISTS, starterChecklist } from '../../core/audits/starters.ts';
import { answeredItemTypes, planChecklistEdit } from '../../core/audits/versioning.ts';
import {
  ChecklistCreateSchema, ChecklistExportQuery, ChecklistImportQuery, ChecklistListQuery, ChecklistStartersQuery, ChecklistUpdateSchema,
  type ChecklistAnswer, type ChecklistSaveAnswer, type ChecklistsAnswer, type ChecklistStartersAnswer,
} from '../../core/api/checklists.ts';
import type { Principal } from '../../core/access/index.ts';
import { isUuid } from '../../core/ids.ts';
import { exportLanguage } from '../../core/responses/exportTable.ts';
import {
  checklistVersionHasVisits, getChecklist, insertChecklist, insertChecklistVersion, listAnsweredChecklistDefinitions, listChecklists,
  listChecklistVersions, lockChecklistVersion, replaceChecklistVersion, updateChecklist, type ChecklistRow,
} from '../../db/audits/checklists.ts';
import { loadChecklistVersion } from '../../db/audits/visitScore.ts';
import type { Queryable } from '../../db/connection.ts';
import { withTransaction } from '../../db/tx.ts';
import { recordAuditEvent } from '../../db/audit/recordAuditEvent.ts';
import { auditRequest } from '../../http/auditRequest.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam, pathParam } from '../../http/validate.ts';

const NOT_FOUND = 'Checklist not found';

/** Every role that may manage or review audits may also read them (src/core/access/index.ts): `audit.read` covers all three. */
const authorizeRead = (request: FastifyRequest): Principal => authorize(request, 'audit.read');

/** Checklist JSON, or a 400 naming the place of the first problem (`prefix` + the parser's path). */
function definitionOf(value: unknown, prefix = ''): ChecklistDefinition {
  try {
    return parseChecklist(value);
  } catch (err) {
    if (!(err instanceof ChecklistError)) throw err;
    const field = prefix + err.path;
    throw invalid(`${field}: ${err.problem}`, { field, path: err.path, problem: err.problem });
  }
}

const callerLanguage = (request: FastifyRequest, lang?: string) => exportLanguage(lang, request.headers['accept-language'], 'en');
const nameOf = (definition: ChecklistDefinition, request: FastifyRequest, lang?: string) => textIn(definition.name, callerLanguage(request, lang)).trim().slice(0, 200) || 'Checklist';
const creator = (p: Principal) => (isUuid(p.userId) ? p.userId : null);

async function answer(db: Queryable, orgId: string, c: ChecklistRow, version: number): Promise<ChecklistAnswer | null> {
  const definition = await loadChecklistVersion(db, orgId, c.id, version);
  if (!definition) return null;
  return {
    checklist: c,
    version,
    definition,
    versions: await listChecklistVersions(db, orgId, c.id),
  };
}

export async function registerChecklistRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { pool } = deps;

  /** Creates a checklist with version 1 and answers it (201). */
  const create = async (principal: Principal, c: { name: string; channel: ChecklistChannel; starter: string | null; definition: ChecklistDefinition }) =>
    withTransaction(pool, async (tx) => {
      const row = await insertChecklist(tx, { orgId: principal.orgId, createdBy: creator(principal), ...c });
      return (await answer(tx, principal.orgId, row, 1))!;
    });

  app.get('/api/v1/checklists', async (request): Promise<ChecklistsAnswer> => {
    const principal = authorizeRead(request);
    const query = parse(ChecklistListQuery, request.query ?? {});
    const rows = await listChecklists(pool, principal.orgId, query.archived === 'true');
    return { checklists: rows.map(({ createdAt: _c, ...r }) => r) };
  });

  app.get('/api/v1/checklist-starters', async (request): Promise<ChecklistStartersAnswer> => {
    authorizeRead(request);
    const query = parse(ChecklistStartersQuery, request.query ?? {});
    const lang = callerLanguage(request, query.lang);
    return {
      starters: STARTER_CHECKLISTS.map((s) => {
        const items = checklistItems(s.definition);
        return {
          key: s.key, channel: s.channel, name: textIn(s.definition.name, lang), sectionsCount: s.definition.sections.length,
          itemsCount: items.length, pointsTotal: items.reduce((sum, i) => sum + i.points, 0),
        };
      }),
    };
  });

  app.post('/api/v1/checklists', async (request, reply): Promise<ChecklistAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const body = parse(ChecklistCreateSchema, request.body ?? {});
    let made: ChecklistAnswer;
    if (body.starter) {
      const starter = starterChecklist(body.starter);
      made = await create(principal, {
        name: body.name ?? nameOf(starter.definition, request), channel: body.channel ?? starter.channel, starter: starter.key, definition: starter.definition,
      });
    } else {
      const definition = definitionOf(body.definition, 'definition.');
      made = await create(principal, { name: body.name ?? nameOf(definition, request), channel: body.channel ?? 'store', starter: null, definition });
    }
    reply.code(201);
    return made;
  });

  app.post('/api/v1/checklists/import', async (request, reply): Promise<ChecklistAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const query = parse(ChecklistImportQuery, request.query ?? {});
    const definition = definitionOf(request.body);
    const made = await create(principal, { name: nameOf(definition, request, query.lang), channel: query.channel ?? 'store', starter: null, definition });
    reply.code(201);
    return made;
  });

  app.get('/api/v1/checklists/:id', async (request): Promise<ChecklistAnswer> => {
    const principal = authorizeRead(request);
    const id = parseIdParam(request.params, NOT_FOUND);
    const c = await getChecklist(pool, principal.orgId, id);
    const found = c && (await answer(pool, principal.orgId, c, c.version));
    if (!found) throw notFound(NOT_FOUND);
    return found;
  });

  app.get('/api/v1/checklists/:id/versions/:version', async (request): Promise<ChecklistAnswer> => {
    const principal = authorizeRead(request);
    const id = parseIdParam(request.params, NOT_FOUND);
    const version = Number(pathParam(request.params, 'version', (v) => /^[1-9][0-9]{0,8}$/.test(v), NOT_FOUND));
    const c = await getChecklist(pool, principal.orgId, id);
    const found = c && (await answer(pool, principal.orgId, c, version));
    if (!found) throw notFound(NOT_FOUND);
    return found;
  });

  app.get('/api/v1/checklists/:id/export', async (request, reply) => {
    const principal = authorizeRead(request);
    const id = parseIdParam(request.params, NOT_FOUND);
    const query = parse(ChecklistExportQuery, request.query ?? {});
    const c = await getChecklist(pool, principal.orgId, id);
    const definition = c && (await loadChecklistVersion(pool, principal.orgId, id, query.version ?? c.version));
    if (!c || !definition) throw notFound(NOT_FOUND);
    await recordAuditEvent(pool, {
      ...auditRequest(request), orgId: principal.orgId, actorId: principal.userId, action: 'checklist.export', targetType: 'checklist', targetId: id,
      targetLabel: c.name, details: { version: query.version ?? c.version },
    });
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', checklistDisposition(c.name).header)
      .header('cache-control', 'no-store')
      .send(`${JSON.stringify(exportChecklist(definition), null, 2)}\n`);
  });

  app.put('/api/v1/checklists/:id', async (request): Promise<ChecklistSaveAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const id = parseIdParam(request.params, NOT_FOUND);
    const body = parse(ChecklistUpdateSchema, request.body ?? {});
    const next = body.definition === undefined ? null : definitionOf(body.definition, 'definition.');
    return withTransaction(pool, async (tx) => {
      const c = await getChecklist(tx, principal.orgId, id, { forUpdate: true });
      if (!c) throw notFound(NOT_FOUND);
      let saved: ChecklistSaveAnswer['saved'] = 'details';
      let version = c.version;
      if (next) {
        // No visit may start using the current version while it is judged unused and rewritten.
        await lockChecklistVersion(tx, principal.orgId, id, c.version);
        const current = (await loadChecklistVersion(tx, principal.orgId, id, c.version))!;
        const answered = await listAnsweredChecklistDefinitions(tx, principal.orgId, id);
        const plan = planChecklistEdit(current, next, {
          version: c.version,
          currentHasVisits: await checklistVersionHasVisits(tx, principal.orgId, id, c.version),
          answeredTypes: answeredItemTypes(answered.map((a) => a.definition)),
        });
        if (plan.kind === 'replace') await replaceChecklistVersion(tx, principal.orgId, id, c.version, next);
        if (plan.kind === 'new_version') await insertChecklistVersion(tx, principal.orgId, id, plan.version, next, creator(principal));
        saved = plan.kind;
        version = plan.version;
      }
      const detailsChanged = (body.name !== undefined && body.name !== c.name) || (body.channel !== undefined && body.channel !== c.channel);
      if (saved === 'unchanged') {
        if (!detailsChanged) return { ...(await answer(tx, principal.orgId, c, c.version))!, saved };
        saved = 'details';
      }
      const row = (await updateChecklist(tx, principal.orgId, id, { name: body.name, channel: body.channel, version }))!;
      return { ...(await answer(tx, principal.orgId, row, row.version))!, saved };
    });
  });

  for (const [action, archived] of [['archive', true], ['unarchive', false]] as const) {
    app.post(`/api/v1/checklists/:id/${action}`, async (request): Promise<ChecklistAnswer> => {
      const principal = authorize(request, 'audit.manage');
      const id = parseIdParam(request.params, NOT_FOUND);
      return withTransaction(pool, async (tx) => {
        const row = await updateChecklist(tx, principal.orgId, id, { archived });
        if (!row) throw notFound(NOT_FOUND);
        return (await answer(tx, principal.orgId, row, row.version))!;
      });
    });
  }
}
