/**
 * /api/v1/audit-waves (+ assignments), /api/v1/audit-assignments/:id (docs/audits.md "Waves and assignments").
 * Everything needs `audit.manage`. Waves belong to the organisation; assignments are planned, listed and
 * changed only in the caller's locations (others answer 404), and a wave's progress counts those.
 */
import type { FastifyInstance } from 'fastify';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import {
  AssignmentPatchSchema, AssignmentsCreateSchema, WaveCreateSchema, WaveListQuery, WavePatchSchema,
  type AssignmentAnswer, type AssignmentsAnswer, type Wave, type WaveAnswer, type WaveOptionsAnswer, type WavesAnswer,
} from '../../core/api/auditWaves.ts';
import { canBeAuditor, dueInWave, spreadDueDates } from '../../core/audits/waves.ts';
import { DomainError } from '../../core/errors.ts';
import {
  activeUserRole, assignmentsDueOutside, auditableLocations, getAssignment, getWave, insertAssignments, insertWave, waveChecklist,
  listAssignments, listAuditors, listWaveChecklists, listWaves, updateAssignment, updateWave, waveVisitCount,
} from '../../db/audits/waves.ts';
import type { Queryable } from '../../db/connection.ts';
import { withTransaction } from '../../db/tx.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';

/** Refuses a user who cannot carry out visits. @throws validation naming `auditorId` */
async function checkAuditor(db: Queryable, orgId: string, auditorId: string | null | undefined): Promise<void> {
  if (!auditorId) return;
  const role = await activeUserRole(db, orgId, auditorId);
  if (!role) throw invalid('auditorId: no such user', { field: 'auditorId' });
  if (!canBeAuditor(role)) throw invalid('auditorId: this user cannot carry out visits (give an auditor, or an owner, admin or analyst for internal checks)', { field: 'auditorId' });
}

export async function registerAuditWaveRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { pool } = deps;

  const visibleWave = async (principal: Principal, params: unknown): Promise<Wave> => {
    const id = parseIdParam(params, 'Audit wave not found');
    const wave = await getWave(pool, scopeOf(principal), id);
    if (!wave) throw notFound('Audit wave not found');
    return wave;
  };

  /** A wave's checklist must be the organisation's and not archived. @throws validation naming `checklistId` */
  const usableChecklist = async (orgId: string, checklistId: string): Promise<void> => {
    const checklist = await waveChecklist(pool, orgId, checklistId);
    if (!checklist) throw invalid('checklistId: no such checklist', { field: 'checklistId' });
    if (checklist.archived) throw invalid('checklistId: this checklist is archived and takes no new waves (unarchive it first, or pick another)', { field: 'checklistId' });
  };

  app.get('/api/v1/audit-waves', async (request): Promise<WavesAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const query = parse(WaveListQuery, request.query ?? {});
    return { items: await listWaves(pool, scopeOf(principal), query.status) };
  });

  app.get('/api/v1/audit-waves/options', async (request): Promise<WaveOptionsAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const [checklists, locations, auditors] = await Promise.all([
      listWaveChecklists(pool, principal.orgId), auditableLocations(pool, scopeOf(principal), null), listAuditors(pool, principal.orgId),
    ]);
    return { checklists, locations, auditors };
  });

  app.post('/api/v1/audit-waves', async (request, reply): Promise<WaveAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const body = parse(WaveCreateSchema, request.body ?? {});
    if (body.endsOn < body.startsOn) throw invalid('endsOn: must not be before startsOn', { field: 'endsOn' });
    await usableChecklist(principal.orgId, body.checklistId);
    const id = await insertWave(pool, principal.orgId, principal.userId, body);
    reply.code(201);
    return { wave: (await getWave(pool, scopeOf(principal), id))! };
  });

  app.get('/api/v1/audit-waves/:id', async (request): Promise<WaveAnswer> => {
    const principal = authorize(request, 'audit.manage');
    return { wave: await visibleWave(principal, request.params) };
  });

  app.patch('/api/v1/audit-waves/:id', async (request): Promise<WaveAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const wave = await visibleWave(principal, request.params);
    const change = parse(WavePatchSchema, request.body ?? {});
    const next = { ...wave, ...change };
    if (next.endsOn < next.startsOn) throw invalid(`${change.endsOn ? 'endsOn' : 'startsOn'}: the period must not end before it starts`, { field: change.endsOn ? 'endsOn' : 'startsOn' });
    if (change.checklistId && change.checklistId !== wave.checklistId) {
      await usableChecklist(principal.orgId, change.checklistId);
      if ((await waveVisitCount(pool, principal.orgId, wave.id)) > 0) throw new DomainError('conflict', 'Visits of this wave were submitted on its checklist: it cannot change now');
    }
    if ((change.startsOn || change.endsOn) && (await assignmentsDueOutside(pool, principal.orgId, wave.id, next.startsOn, next.endsOn)) > 0) {
      const field = change.startsOn ? 'startsOn' : 'endsOn';
      throw invalid(`${field}: some assignments are due outside the new period; move or cancel them first`, { field });
    }
    await updateWave(pool, principal.orgId, wave.id, change);
    return { wave: (await getWave(pool, scopeOf(principal), wave.id))! };
  });

  app.get('/api/v1/audit-waves/:id/assignments', async (request): Promise<AssignmentsAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const wave = await visibleWave(principal, request.params);
    return { items: await listAssignments(pool, scopeOf(principal), wave.id) };
  });

  app.post('/api/v1/audit-waves/:id/assignments', async (request, reply): Promise<AssignmentsAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const wave = await visibleWave(principal, request.params);
    const body = parse(AssignmentsCreateSchema, request.body ?? {});
    if (wave.status === 'closed') throw new DomainError('conflict', 'The wave is closed: reopen it to plan more visits');
    if (body.dueOn && !dueInWave(body.dueOn, wave)) throw invalid(`dueOn: must be inside the wave's period (${wave.startsOn} .. ${wave.endsOn})`, { field: 'dueOn' });
    const ids = [...new Set(body.locationIds)];
    const found = await auditableLocations(pool, scopeOf(principal), ids);
    if (found.length !== ids.length) throw invalid('locationIds: a location is not one of yours, or cannot be audited (the company itself)', { field: 'locationIds' });
    await checkAuditor(pool, principal.orgId, body.auditorId);
    const dues = body.dueOn ? Array<string>(wave.visitsPerLocation).fill(body.dueOn) : spreadDueDates(wave.startsOn, wave.endsOn, wave.visitsPerLocation);
    await withTransaction(pool, (tx) =>
      insertAssignments(tx, principal.orgId, wave.id, ids.flatMap((locationId) => dues.map((dueOn) => ({ locationId, auditorId: body.auditorId, dueOn })))),
    );
    reply.code(201);
    return { items: await listAssignments(pool, scopeOf(principal), wave.id) };
  });

  app.patch('/api/v1/audit-assignments/:id', async (request): Promise<AssignmentAnswer> => {
    const principal = authorize(request, 'audit.manage');
    const id = parseIdParam(request.params, 'Assignment not found');
    const assignment = await getAssignment(pool, scopeOf(principal), id);
    if (!assignment) throw notFound('Assignment not found');
    const change = parse(AssignmentPatchSchema, request.body ?? {});
    if (assignment.status === 'submitted' || assignment.visitId) throw new DomainError('conflict', 'The visit was submitted already: the assignment cannot change');
    const wave = (await getWave(pool, scopeOf(principal), assignment.waveId))!;
    if (change.dueOn && !dueInWave(change.dueOn, wave)) throw invalid(`dueOn: must be inside the wave's period (${wave.startsOn} .. ${wave.endsOn})`, { field: 'dueOn' });
    await checkAuditor(pool, principal.orgId, change.auditorId);
    await updateAssignment(pool, principal.orgId, assignment.id, change);
    return { assignment: (await getAssignment(pool, scopeOf(principal), assignment.id))! };
  });
}
