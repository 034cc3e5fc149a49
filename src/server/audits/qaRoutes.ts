/**
 * /api/v1/employees (+ coaching notes), /api/v1/coaching-notes/:id, /api/v1/qa/*, /api/v1/audit-calibrations (docs/audits.md
 * "Staff", "Quality reviews of support contacts", "Calibration", "Coaching"). Every read and write is limited to the caller's
 * location subtrees: an employee by their location, a contact, a review or a calibration session by the contact's location;
 * anything outside is a 404 (a path id) or "no such ..." (a body id).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { effectiveLocationPaths, isRole, pathInScope, roleAllows, scopeOf, type Principal } from '../../core/access/index.ts';
import {
  CalibrationBody, CalibrationScoreBody, CoachingNoteBody, CoachingNotePatchBody, EmployeeBody, EmployeePatchBody, EmployeeQuery, EmployeesQuery,
  QaAgentsQuery, QaContactsQuery, QaReviewBody, QaReviewsQuery, type Employee, type QaAgentRow,
} from '../../core/api/qa.ts';
import { agreement, categoryOf } from '../../core/audits/agreement.ts';
import { missingAnswers, parseStoredAnswers, type StoredAnswers } from '../../core/audits/answers.ts';
import { checklistItems, type ChecklistDefinition } from '../../core/audits/checklist.ts';
import { meanVisitScore, VisitAnswerError } from '../../core/audits/scoring.ts';
import { scopesOverlap } from '../../core/closedLoop/cases.ts';
import { DomainError } from '../../core/errors.ts';
import {
  closeCalibration, getCalibration, insertCalibration, listCalibrations, listCalibrationScorings, type CalibrationRow,
} from '../../db/audits/calibrations.ts';
import {
  employeeByAgentName, getCoachingNote, getEmployee, insertCoachingNote, insertEmployee, listCoachingNotes, listEmployees, listEmployeeVisits,
  updateCoachingNote, updateEmployee, type EmployeeRow,
} from '../../db/audits/employees.ts';
import {
  checklistHead, getQaReview, getSupportContactInScope, listQaContacts, listQaReviews, listScorecards, markQaReviewPublished, qaByEmployee, visitInScope,
} from '../../db/audits/qaReviews.ts';
import { insertVisit, loadChecklistVersion } from '../../db/audits/visitScore.ts';
import { listCasePeople, locationPathOf } from '../../db/cases/updateCase.ts';
import type { Queryable } from '../../db/connection.ts';
import { cesAfterContactsByAgent, satisfactionAfterContacts } from '../../db/support/satisfaction.ts';
import { withTransaction } from '../../db/tx.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';

const timeZoneOf = (request: FastifyRequest) => request.sessionUser?.orgTimezone ?? 'UTC';

/** The path of a location the caller may see, or null. */
async function locationInScope(db: Queryable, principal: Principal, locationId: string): Promise<string | null> {
  const path = await locationPathOf(db, principal.orgId, locationId);
  return path !== null && pathInScope(principal, path) ? path : null;
}

/** A taken code or agent name (the unique indexes of 105) as a 409 naming the field. */
function uniqueConflict(err: unknown): never {
  const pg = err as { code?: string; constraint?: string };
  if (pg?.code === '23505' && pg.constraint === 'employees_code') throw new DomainError('conflict', 'code: another employee already has this code', { field: 'code' });
  if (pg?.code === '23505' && pg.constraint === 'employees_agent') throw new DomainError('conflict', 'agentName: another employee already has this agent name', { field: 'agentName' });
  throw err;
}

/** Stored answers read against the checklist, all scored items answered; 400 naming the item otherwise. */
function completeAnswers(definition: ChecklistDefinition, raw: unknown): StoredAnswers {
  let answers: StoredAnswers;
  try {
    answers = parseStoredAnswers(definition, raw);
  } catch (err) {
    if (err instanceof VisitAnswerError) throw invalid(err.itemKey ? `answers.${err.itemKey}: ${err.problem}` : `answers: ${err.problem}`, { field: err.itemKey ? `answers.${err.itemKey}` : 'answers' });
    throw err;
  }
  const missing = missingAnswers(definition, answers);
  if (missing.length > 0) throw invalid(`answers: answer every scored item (missing: ${missing.join(', ')})`, { field: `answers.${missing[0]}`, missing });
  return answers;
}

/** A checklist version of the organisation (the current one unless `version`), or a 400. */
async function checklistFor(db: Queryable, orgId: string, checklistId: string, version?: number) {
  const head = await checklistHead(db, orgId, checklistId);
  if (!head) throw invalid('checklistId: no such checklist', { field: 'checklistId' });
  const v = version ?? head.version;
  const definition = await loadChecklistVersion(db, orgId, checklistId, v);
  if (!definition) throw invalid(`checklistVersion: the checklist has no version ${v}`, { field: 'checklistVersion' });
  return { name: head.name, version: v, definition, archived: head.archived };
}

const scoredKeys = (definition: ChecklistDefinition) =>
  checklistItems(definition).filter((i) => i.answerType !== 'photo' && i.answerType !== 'comment').map((i) => i.key);

export async function registerQaRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { pool } = deps;

  /** Readers of the directory: `audit.read`, or those who review or manage. */
  function authorizeStaffRead(request: FastifyRequest): Principal {
    for (const action of ['audit.read', 'audit.review', 'audit.manage'] as const) {
      try {
        return authorize(request, action);
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'forbidden') throw err;
      }
    }
    return authorize(request, 'audit.read');
  }

  async function employeeInScope(principal: Principal, id: string): Promise<Employee> {
    const e = await getEmployee(pool, scopeOf(principal), id);
    if (!e) throw notFound('Employee not found');
    return e;
  }

  async function checkEmployeeLocation(principal: Principal, locationId: string | null | undefined) {
    if (locationId) {
      if ((await locationInScope(pool, principal, locationId)) === null) throw invalid('locationId: no such location', { field: 'locationId' });
    } else if (principal.locationPaths !== null) {
      throw invalid('locationId: choose one of your locations', { field: 'locationId' });
    }
  }

  // ---- Staff directory ----

  app.get('/api/v1/employees', async (request) => {
    const principal = authorizeStaffRead(request);
    const q = parse(EmployeesQuery, request.query);
    let locationPath: string | undefined;
    if (q.locationId) {
      const path = await locationInScope(pool, principal, q.locationId);
      if (path === null) throw notFound('Location not found');
      locationPath = path;
    }
    return { items: await listEmployees(pool, scopeOf(principal), { locationPath, q: q.q || undefined, active: q.active }) };
  });

  app.post('/api/v1/employees', async (request, reply) => {
    const principal = authorize(request, 'audit.manage');
    const body = parse(EmployeeBody, request.body ?? {});
    await checkEmployeeLocation(principal, body.locationId);
    const row: EmployeeRow = { name: body.name, code: body.code ?? null, locationId: body.locationId ?? null, agentName: body.agentName ?? null, active: body.active ?? true };
    const employee = await insertEmployee(pool, principal.orgId, row).catch(uniqueConflict);
    reply.code(201);
    return { employee };
  });

  app.get('/api/v1/employees/:id', async (request) => {
    const principal = authorizeStaffRead(request);
    const id = parseIdParam(request.params, 'Employee not found');
    const q = parse(EmployeeQuery, request.query);
    const employee = await employeeInScope(principal, id);
    const scope = scopeOf(principal);
    const period = { from: q.from, to: q.to, timeZone: timeZoneOf(request) };
    const visits = await listEmployeeVisits(pool, scope, id, period);
    let csat = null;
    let ces = null;
    if (employee.agentName) {
      const [sat, effort] = await Promise.all([satisfactionAfterContacts(pool, scope, 'agent', period), cesAfterContactsByAgent(pool, scope, period)]);
      csat = sat.find((g) => g.key === employee.agentName)?.csat ?? null;
      const e = effort.find((g) => g.key === employee.agentName);
      ces = e ? { result: e.ces, n: e.n } : null;
    }
    const qa = visits.filter((v) => v.kind === 'qa');
    return {
      employee,
      qa: { reviews: qa, mean: meanVisitScore(qa.map((v) => v.score)), autofails: qa.filter((v) => v.autofail).length },
      audits: visits.filter((v) => v.kind !== 'qa'),
      csat,
      ces,
      canCoach: roleAllows(principal.role, 'audit.review'),
      canManage: roleAllows(principal.role, 'audit.manage'),
    };
  });

  app.patch('/api/v1/employees/:id', async (request) => {
    const principal = authorize(request, 'audit.manage');
    const id = parseIdParam(request.params, 'Employee not found');
    const body = parse(EmployeePatchBody, request.body ?? {});
    const old = await employeeInScope(principal, id);
    if (body.locationId !== undefined) await checkEmployeeLocation(principal, body.locationId);
    const row: EmployeeRow = {
      name: body.name ?? old.name,
      code: body.code !== undefined ? body.code : old.code,
      locationId: body.locationId !== undefined ? body.locationId : old.locationId,
      agentName: body.agentName !== undefined ? body.agentName : old.agentName,
      active: body.active ?? old.active,
    };
    const employee = await updateEmployee(pool, principal.orgId, id, row).catch(uniqueConflict);
    if (!employee) throw notFound('Employee not found');
    return { employee };
  });

  // ---- Coaching ----

  app.get('/api/v1/employees/:id/coaching-notes', async (request) => {
    const principal = authorize(request, 'audit.review');
    const id = parseIdParam(request.params, 'Employee not found');
    await employeeInScope(principal, id);
    return { items: await listCoachingNotes(pool, principal.orgId, id, timeZoneOf(request)) };
  });

  app.post('/api/v1/employees/:id/coaching-notes', async (request, reply) => {
    const principal = authorize(request, 'audit.review');
    const id = parseIdParam(request.params, 'Employee not found');
    const body = parse(CoachingNoteBody, request.body ?? {});
    await employeeInScope(principal, id);
    if (body.visitId && !(await visitInScope(pool, scopeOf(principal), body.visitId))) throw invalid('visitId: no such visit', { field: 'visitId' });
    const noteId = await insertCoachingNote(pool, principal.orgId, { employeeId: id, note: body.note, followUpOn: body.followUpOn ?? null, visitId: body.visitId ?? null, createdBy: principal.userId });
    const { locationId: _l, ...note } = (await getCoachingNote(pool, principal.orgId, noteId, timeZoneOf(request)))!;
    reply.code(201);
    return { note };
  });

  app.patch('/api/v1/coaching-notes/:id', async (request) => {
    const principal = authorize(request, 'audit.review');
    const id = parseIdParam(request.params, 'Coaching note not found');
    const body = parse(CoachingNotePatchBody, request.body ?? {});
    const tz = timeZoneOf(request);
    const note = await getCoachingNote(pool, principal.orgId, id, tz);
    if (!note || !(await getEmployee(pool, scopeOf(principal), note.employeeId))) throw notFound('Coaching note not found');
    await updateCoachingNote(pool, principal.orgId, id, body);
    const { locationId: _l, ...changed } = (await getCoachingNote(pool, principal.orgId, id, tz))!;
    return { note: changed };
  });

  // ---- Quality reviews ----

  app.get('/api/v1/qa/contacts', async (request) => {
    const principal = authorize(request, 'audit.review');
    const q = parse(QaContactsQuery, request.query);
    return { items: await listQaContacts(pool, scopeOf(principal), { from: q.from, to: q.to, agent: q.agent, q: q.q || undefined, timeZone: timeZoneOf(request) }) };
  });

  app.get('/api/v1/qa/scorecards', async (request) => {
    const principal = authorize(request, 'audit.review');
    return { items: await listScorecards(pool, principal.orgId) };
  });

  app.get('/api/v1/qa/reviewers', async (request) => {
    const principal = authorize(request, 'audit.review');
    const people = await listCasePeople(pool, principal.orgId);
    const items = people
      .filter((u) => isRole(u.role) && roleAllows(u.role, 'audit.review') && scopesOverlap(effectiveLocationPaths(u.role, u.locationPaths), principal.locationPaths))
      .map((u) => ({ id: u.id, name: u.name }));
    return { items };
  });

  app.post('/api/v1/qa/reviews', async (request, reply) => {
    const principal = authorize(request, 'audit.review');
    const body = parse(QaReviewBody, request.body ?? {});
    const scope = scopeOf(principal);
    const checklist = await checklistFor(pool, principal.orgId, body.checklistId, body.checklistVersion);
    const contact = body.supportContactId ? await getSupportContactInScope(pool, scope, body.supportContactId) : null;
    if (body.supportContactId && !contact) throw invalid('supportContactId: no such support contact', { field: 'supportContactId' });
    let employee: Employee | null = null;
    if (body.employeeId) {
      employee = await getEmployee(pool, scope, body.employeeId);
      if (!employee) throw invalid('employeeId: no such employee', { field: 'employeeId' });
    } else if (contact) {
      for (const name of [contact.solvedBy, contact.agent]) {
        if (!employee && name) employee = await employeeByAgentName(pool, scope, name);
      }
    }
    const answers = completeAnswers(checklist.definition, body.answers);
    const locationId = contact?.locationId ?? employee?.locationId ?? null;
    if (locationId === null && principal.locationPaths !== null) {
      throw invalid('employeeId: choose an employee of your locations (a review needs a location you can see)', { field: 'employeeId' });
    }
    const stored = await withTransaction(pool, async (tx) => {
      const v = await insertVisit(tx, {
        orgId: principal.orgId, kind: 'qa', checklistId: body.checklistId, checklistVersion: checklist.version, locationId,
        employeeId: employee?.id ?? null, supportContactId: contact?.id ?? null, auditorId: principal.userId,
        visitedAt: contact?.createdAt ?? new Date(), notes: body.notes || null, status: 'published',
      }, checklist.definition, answers);
      await markQaReviewPublished(tx, principal.orgId, v.id, principal.userId, body.subject ?? null);
      return v;
    });
    reply.code(201);
    const s = stored.score!;
    return { id: stored.id, employeeId: employee?.id ?? null, score: s.score, earned: s.earned, possible: s.possible, autofail: s.autofail, failedCritical: s.failedCritical };
  });

  app.get('/api/v1/qa/reviews', async (request) => {
    const principal = authorize(request, 'audit.review');
    const q = parse(QaReviewsQuery, request.query);
    return { items: await listQaReviews(pool, scopeOf(principal), { from: q.from, to: q.to, agent: q.agent, employeeId: q.employeeId, timeZone: timeZoneOf(request) }) };
  });

  app.get('/api/v1/qa/reviews/:id', async (request) => {
    const principal = authorize(request, 'audit.review');
    const id = parseIdParam(request.params, 'Review not found');
    const review = await getQaReview(pool, scopeOf(principal), id);
    if (!review) throw notFound('Review not found');
    return { review };
  });

  app.get('/api/v1/qa/agents', async (request) => {
    const principal = authorize(request, 'audit.review');
    const q = parse(QaAgentsQuery, request.query);
    const scope = scopeOf(principal);
    const period = { from: q.from, to: q.to, timeZone: timeZoneOf(request) };
    const [employees, sat, effort] = await Promise.all([
      qaByEmployee(pool, scope, period), satisfactionAfterContacts(pool, scope, 'agent', period), cesAfterContactsByAgent(pool, scope, period),
    ]);
    const csatOf = (agent: string | null) => {
      const g = agent === null ? undefined : sat.find((x) => x.key === agent);
      return g ? { value: g.csat.value, n: g.csat.n } : null;
    };
    const cesOf = (agent: string | null) => {
      const g = agent === null ? undefined : effort.find((x) => x.key === agent);
      return g ? { value: g.ces?.value ?? null, n: g.n, direction: String(g.ces?.details?.direction ?? 'mixed') } : null;
    };
    const row = (r: Omit<QaAgentRow, 'belowQaTarget' | 'belowCsatTarget'>): QaAgentRow => ({
      ...r,
      belowQaTarget: r.qaScore !== null && r.qaScore < q.qaTarget,
      belowCsatTarget: r.csat !== null && r.csat.value !== null && r.csat.value < q.csatTarget,
    });
    const items: QaAgentRow[] = employees.map((e) => row({
      employeeId: e.employeeId, name: e.name, agentName: e.agentName, reviews: e.scores.length, qaScore: meanVisitScore(e.scores), autofails: e.autofails,
      csat: csatOf(e.agentName), ces: cesOf(e.agentName),
    }));
    // Agents the helpdesk names who are not in the directory: their customers' scores, no QA yet.
    const known = new Set(employees.map((e) => e.agentName));
    const strangers = [...new Set([...sat.map((g) => g.key), ...effort.map((g) => g.key)])].filter((k): k is string => k !== null && !known.has(k)).sort();
    for (const agent of strangers) items.push(row({ employeeId: null, name: agent, agentName: agent, reviews: 0, qaScore: null, autofails: 0, csat: csatOf(agent), ces: cesOf(agent) }));
    return { items, qaTarget: q.qaTarget, csatTarget: q.csatTarget };
  });

  // ---- Calibration ----

  async function calibrationAnswer(principal: Principal, c: CalibrationRow) {
    const definition = (await loadChecklistVersion(pool, principal.orgId, c.checklistId, c.checklistVersion))!;
    const [scorings, people] = await Promise.all([listCalibrationScorings(pool, principal.orgId, c.id), listCasePeople(pool, principal.orgId)]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const isReviewer = c.reviewerIds.includes(principal.userId);
    const mine = scorings.find((s) => s.reviewerId === principal.userId);
    // Blind: a listed reviewer sees the others' answers only once they scored (or the session is closed).
    const blind = isReviewer && !mine && c.status === 'open';
    const reviewers = c.reviewerIds.map((id) => {
      const s = scorings.find((x) => x.reviewerId === id);
      const base = { id, name: names.get(id) ?? null, scored: !!s };
      if (!s || (blind && id !== principal.userId)) return base;
      return { ...base, score: s.score, earned: s.earned, possible: s.possible, autofail: s.autofail, answers: s.answers, submittedAt: s.submittedAt };
    });
    const keys = scoredKeys(definition);
    const ratings = scorings.map((s) => Object.fromEntries(s.items.map((i) => [i.key, categoryOf(i)])));
    return {
      calibration: { ...c, definition },
      reviewers,
      you: { reviewer: isReviewer, scored: !!mine },
      blind,
      agreement: blind || scorings.length < 2 ? null : agreement(keys, ratings, scorings.map((s) => s.score)),
    };
  }

  app.post('/api/v1/audit-calibrations', async (request, reply) => {
    const principal = authorize(request, 'audit.manage');
    const body = parse(CalibrationBody, request.body ?? {});
    const checklist = await checklistFor(pool, principal.orgId, body.checklistId);
    if (body.supportContactId && !(await getSupportContactInScope(pool, scopeOf(principal), body.supportContactId))) {
      throw invalid('supportContactId: no such support contact', { field: 'supportContactId' });
    }
    const people = new Map((await listCasePeople(pool, principal.orgId)).map((p) => [p.id, p]));
    const bad = body.reviewerIds.filter((id) => {
      const p = people.get(id);
      return !p || !isRole(p.role) || !roleAllows(p.role, 'audit.review');
    });
    if (bad.length > 0) throw invalid('reviewerIds: each reviewer must be a user who may review audits', { field: 'reviewerIds', ids: bad });
    const id = await insertCalibration(pool, principal.orgId, {
      name: body.name, checklistId: body.checklistId, checklistVersion: checklist.version, supportContactId: body.supportContactId ?? null,
      subject: body.subject ?? null, reviewerIds: body.reviewerIds, createdBy: principal.userId,
    });
    reply.code(201);
    return calibrationAnswer(principal, (await getCalibration(pool, scopeOf(principal), id))!);
  });

  app.get('/api/v1/audit-calibrations', async (request) => {
    const principal = authorize(request, 'audit.review');
    const rows = await listCalibrations(pool, scopeOf(principal));
    return { items: rows.map((c) => ({ ...c, you: { reviewer: c.reviewerIds.includes(principal.userId) } })) };
  });

  app.get('/api/v1/audit-calibrations/:id', async (request) => {
    const principal = authorize(request, 'audit.review');
    const id = parseIdParam(request.params, 'Calibration session not found');
    const c = await getCalibration(pool, scopeOf(principal), id);
    if (!c) throw notFound('Calibration session not found');
    return calibrationAnswer(principal, c);
  });

  app.post('/api/v1/audit-calibrations/:id/scores', async (request, reply) => {
    const principal = authorize(request, 'audit.review');
    const id = parseIdParam(request.params, 'Calibration session not found');
    const body = parse(CalibrationScoreBody, request.body ?? {});
    const scope = scopeOf(principal);
    await withTransaction(pool, async (tx) => {
      const c = await getCalibration(tx, scope, id, { forUpdate: true });
      if (!c) throw notFound('Calibration session not found');
      if (!c.reviewerIds.includes(principal.userId)) throw new DomainError('forbidden', 'You are not a reviewer of this calibration session');
      if (c.status !== 'open') throw new DomainError('conflict', 'This calibration session is closed');
      const definition = (await loadChecklistVersion(tx, principal.orgId, c.checklistId, c.checklistVersion))!;
      const answers = completeAnswers(definition, body.answers);
      const contact = c.supportContactId ? await getSupportContactInScope(tx, scope, c.supportContactId) : null;
      try {
        await insertVisit(tx, {
          orgId: principal.orgId, kind: 'qa', checklistId: c.checklistId, checklistVersion: c.checklistVersion, calibrationId: c.id,
          supportContactId: c.supportContactId, locationId: contact?.locationId ?? null, auditorId: principal.userId, visitedAt: new Date(),
          notes: body.notes || null, status: 'submitted',
        }, definition, answers);
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw new DomainError('conflict', 'You have scored this calibration session already');
        throw err;
      }
    });
    reply.code(201);
    return calibrationAnswer(principal, (await getCalibration(pool, scope, id))!);
  });

  app.post('/api/v1/audit-calibrations/:id/close', async (request) => {
    const principal = authorize(request, 'audit.manage');
    const id = parseIdParam(request.params, 'Calibration session not found');
    const c = await getCalibration(pool, scopeOf(principal), id);
    if (!c) throw notFound('Calibration session not found');
    if (!(await closeCalibration(pool, principal.orgId, id))) throw new DomainError('conflict', 'This calibration session is closed already');
    return calibrationAnswer(principal, { ...c, status: 'closed' });
  });
}
