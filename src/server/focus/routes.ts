/**
 * Focus groups and key-client debriefs (docs/staff.md "Focus groups and key-client debriefs"):
 * GET/POST /api/v1/focus-sessions, GET/PUT/DELETE /api/v1/focus-sessions/:id, POST /api/v1/focus-sessions/:id/findings,
 * PUT/DELETE /api/v1/focus-findings/:id. Reading needs `metrics.read`, writing `staff.manage`; a caller restricted
 * to locations sees and changes only the sessions held at their locations (others are not found). The notes are
 * analysed on every save (sentiment and themes per sentence); a finding links to an action plan the caller can see.
 */
import type { FastifyInstance } from 'fastify';
import { can, scopeOf, type Principal } from '../../core/access/index.ts';
import {
  FocusFindingInputSchema, FocusFindingPatchSchema, FocusSessionInputSchema, FocusSessionListQuery,
  type FocusFindingAnswer, type FocusSessionAnswer, type FocusSessionInput, type FocusSessionsAnswer,
} from '../../core/api/focusSessions.ts';
import type { OkAnswer } from '../../core/api/common.ts';
import { suggestFindings } from '../../core/focus/notes.ts';
import { namedGroup, nameNotAllowed } from '../../core/focus/session.ts';
import { getActionPlan } from '../../db/cases/actionPlans.ts';
import type { Queryable } from '../../db/connection.ts';
import {
  deleteFocusFinding, deleteFocusSession, getFocusFinding, getFocusSession, insertFocusFinding, insertFocusSession, listFocusFindings,
  listFocusSessions, updateFocusFinding, updateFocusSession, type FocusSessionRow, type FocusSessionWrite,
} from '../../db/focus/sessions.ts';
import { getLocationInScope } from '../../db/queries/listLocationNodes.ts';
import { withTransaction } from '../../db/tx.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { locationInScope } from '../analytics/context.ts';
import { loadAnalyser, orgThemes } from '../text/analyseComments.ts';
import { analyseNotes, notesLanguage } from './analyseNotes.ts';

const SESSION_NOT_FOUND = 'Session not found';
const FINDING_NOT_FOUND = 'Finding not found';

export async function registerFocusRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  /** The session the caller can see. @throws not_found */
  const visibleSession = async (db: Queryable, principal: Principal, id: string, forUpdate = false): Promise<FocusSessionRow> => {
    const session = await getFocusSession(db, scopeOf(principal), id, { forUpdate });
    if (!session) throw notFound(SESSION_NOT_FOUND);
    return session;
  };

  /** The input checked against the caller and analysed, as it will be stored. @throws validation naming the field */
  async function sessionWrite(principal: Principal, input: FocusSessionInput): Promise<FocusSessionWrite> {
    const named = nameNotAllowed(input.participants, input.namesAllowed);
    if (named) throw invalid(`participants.${named.index}.name: names are not recorded for this session (turn on namesAllowed, or give roles and counts only)`, { field: `participants.${named.index}.name` });
    const group = namedGroup(input.participants);
    if (group) throw invalid(`participants.${group.index}.count: a named participant is one person (count 1)`, { field: `participants.${group.index}.count` });
    if (input.locationId) {
      if (!(await getLocationInScope(pool, scopeOf(principal), input.locationId))) throw invalid('locationId: not one of your locations', { field: 'locationId' });
    } else if (principal.locationPaths !== null) {
      throw invalid('locationId: choose one of your locations', { field: 'locationId' });
    }
    const language = notesLanguage(input.language, input.notes);
    const analyser = await loadAnalyser(pool, principal.orgId);
    return { ...input, participants: input.participants.map((p) => ({ ...p, name: input.namesAllowed ? p.name?.trim() || null : null })), language, analysis: analyseNotes(analyser, input.notes, language) };
  }

  /** An action plan the caller can see (so of their organisation), or null to unlink. @throws validation */
  async function planOf(principal: Principal, id: string | null | undefined): Promise<string | null> {
    if (!id) return null;
    if (!(await getActionPlan(pool, scopeOf(principal), id))) throw invalid('actionPlanId: no such action plan', { field: 'actionPlanId' });
    return id;
  }

  /** A theme id of the organisation's dictionary, or null. @throws validation */
  async function themeOf(orgId: string, theme: string | null | undefined): Promise<string | null> {
    if (!theme) return null;
    if (!(await orgThemes(pool, orgId)).some((t) => t.id === theme)) throw invalid('theme: not a theme of your dictionary', { field: 'theme' });
    return theme;
  }

  async function present(principal: Principal, session: FocusSessionRow): Promise<FocusSessionAnswer> {
    const [findingList, themes] = await Promise.all([listFocusFindings(pool, scopeOf(principal), session.id), orgThemes(pool, principal.orgId)]);
    const used = new Set([...(session.analysis?.themes.map((t) => t.id) ?? []), ...findingList.flatMap((f) => (f.theme ? [f.theme] : []))]);
    return {
      session: {
        ...session,
        themeNames: Object.fromEntries(themes.filter((t) => used.has(t.id)).map((t) => [t.id, Object.fromEntries(Object.entries(t.names ?? {}).filter((e): e is [string, string] => !!e[1]))])),
        findingList,
        suggestions: session.analysis ? suggestFindings(session.analysis, findingList.map((f) => f.text)) : [],
        canEdit: can(principal, 'staff.manage'),
      },
    };
  }

  app.get('/api/v1/focus-sessions', async (request): Promise<FocusSessionsAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const q = parse(FocusSessionListQuery, request.query ?? {});
    if (q.from && q.to && q.from > q.to) throw invalid('to: must not be before from', { field: 'to' });
    const location = q.location ? await locationInScope(pool, principal, q.location) : undefined;
    return { items: await listFocusSessions(deps.readPool ?? pool, scopeOf(principal), { kind: q.kind, locationPath: location?.path, from: q.from, to: q.to }) };
  });

  app.post('/api/v1/focus-sessions', async (request, reply): Promise<FocusSessionAnswer> => {
    const principal = authorize(request, 'staff.manage');
    const input = parse(FocusSessionInputSchema, request.body ?? {});
    const id = await insertFocusSession(pool, principal.orgId, principal.userId ?? null, await sessionWrite(principal, input));
    reply.code(201);
    return present(principal, await visibleSession(pool, principal, id));
  });

  app.get('/api/v1/focus-sessions/:id', async (request): Promise<FocusSessionAnswer> => {
    const principal = authorize(request, 'metrics.read');
    return present(principal, await visibleSession(pool, principal, parseIdParam(request.params, SESSION_NOT_FOUND)));
  });

  app.put('/api/v1/focus-sessions/:id', async (request): Promise<FocusSessionAnswer> => {
    const principal = authorize(request, 'staff.manage');
    const id = parseIdParam(request.params, SESSION_NOT_FOUND);
    await visibleSession(pool, principal, id);
    const write = await sessionWrite(principal, parse(FocusSessionInputSchema, request.body ?? {}));
    await withTransaction(pool, async (tx) => {
      await visibleSession(tx, principal, id, true);
      await updateFocusSession(tx, principal.orgId, id, write);
    });
    return present(principal, await visibleSession(pool, principal, id));
  });

  app.delete('/api/v1/focus-sessions/:id', async (request): Promise<OkAnswer> => {
    const principal = authorize(request, 'staff.manage');
    const session = await visibleSession(pool, principal, parseIdParam(request.params, SESSION_NOT_FOUND));
    await deleteFocusSession(pool, principal.orgId, session.id);
    return { ok: true };
  });

  app.post('/api/v1/focus-sessions/:id/findings', async (request, reply): Promise<FocusFindingAnswer> => {
    const principal = authorize(request, 'staff.manage');
    const session = await visibleSession(pool, principal, parseIdParam(request.params, SESSION_NOT_FOUND));
    const body = parse(FocusFindingInputSchema, request.body ?? {});
    const write = { text: body.text, theme: await themeOf(principal.orgId, body.theme), actionPlanId: await planOf(principal, body.actionPlanId) };
    const id = await insertFocusFinding(pool, principal.orgId, session.id, write);
    reply.code(201);
    return { finding: (await getFocusFinding(pool, scopeOf(principal), id))! };
  });

  /** The finding the caller can see (its session is theirs). @throws not_found */
  const visibleFinding = async (principal: Principal, params: unknown) => {
    const finding = await getFocusFinding(pool, scopeOf(principal), parseIdParam(params, FINDING_NOT_FOUND));
    if (!finding) throw notFound(FINDING_NOT_FOUND);
    return finding;
  };

  app.put('/api/v1/focus-findings/:id', async (request): Promise<FocusFindingAnswer> => {
    const principal = authorize(request, 'staff.manage');
    const finding = await visibleFinding(principal, request.params);
    const change = parse(FocusFindingPatchSchema, request.body ?? {});
    await updateFocusFinding(pool, principal.orgId, finding.id, {
      text: change.text ?? finding.text,
      theme: change.theme === undefined ? finding.theme : await themeOf(principal.orgId, change.theme),
      actionPlanId: change.actionPlanId === undefined ? finding.actionPlanId : await planOf(principal, change.actionPlanId),
    });
    return { finding: (await getFocusFinding(pool, scopeOf(principal), finding.id))! };
  });

  app.delete('/api/v1/focus-findings/:id', async (request): Promise<OkAnswer> => {
    const principal = authorize(request, 'staff.manage');
    const finding = await visibleFinding(principal, request.params);
    await deleteFocusFinding(pool, principal.orgId, finding.id);
    return { ok: true };
  });
}
