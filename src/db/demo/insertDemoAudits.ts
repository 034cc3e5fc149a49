/**
 * The demo's audits (src/core/demo/audits.ts; docs/audits.md "In the demo"), in the demo's transaction and
 * after its support contacts: the checklists, competitor locations, staff, the auditor and the QA lead,
 * the waves with their assignments and visits (scored by `insertVisit`, the one writer of scores), an
 * appeal decided and one pending, a calibration session, coaching notes and the knowledge quiz with its
 * attempts.
 */
import crypto from 'node:crypto';
import type { PoolClient } from '../connection.ts';
import { DEMO_ANALYST_EMAIL, DEMO_LOCATIONS, DEMO_MANAGER_EMAIL, DEMO_OWNER_EMAIL, DEMO_TIMEZONE } from '../../core/demo/structure.ts';
import {
  DEMO_AUDITOR, DEMO_CHECKLISTS, DEMO_COMPETITORS, DEMO_QA_LEAD, planDemoAudits, type DemoChecklistKey, type DemoVisit,
} from '../../core/demo/audits.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { insertVisit, writeVisitScore } from '../audits/visitScore.ts';
import type { DemoIds } from './insertDemoStructure.ts';

/** What was written, for the loader's summary and the tests. */
export interface DemoAuditsResult { visits: number; employees: number; quizAttempts: number }

async function insertUsers(tx: PoolClient, orgId: string, passwordHash: string): Promise<Map<string, string>> {
  for (const u of [DEMO_AUDITOR, DEMO_QA_LEAD]) {
    await tx.query(
      `/* demoAuditUser */ insert into users(org_id, email, name, password_hash, role, locale) values ($1, $2, $3, $4, $5, $6)`,
      [orgId, u.email, u.name, passwordHash, u.role, u.locale],
    );
  }
  const { rows } = await tx.query(
    `/* demoAuditUsers */ select lower(email) as email, id from users where org_id = $1 and lower(email) = any($2::text[])`,
    [orgId, [DEMO_OWNER_EMAIL, DEMO_ANALYST_EMAIL, DEMO_MANAGER_EMAIL, DEMO_AUDITOR.email, DEMO_QA_LEAD.email]],
  );
  return new Map(rows.map((r) => [r.email as string, r.id as string]));
}

async function insertCompetitors(tx: PoolClient, ids: DemoIds): Promise<Map<string, string>> {
  const locations = new Map(ids.locations);
  for (const c of DEMO_COMPETITORS) {
    const id = crypto.randomUUID();
    await tx.query(
      `/* demoCompetitor */ insert into locations(org_id, id, parent_id, kind, name, code, path)
       select $1, $2::uuid, p.id, 'competitor', $4, $5, p.path || $2::text || '/' from locations p where p.org_id = $1 and p.id = $3`,
      [ids.orgId, id, ids.locations.get(c.parentKey), c.name, c.code],
    );
    locations.set(c.key, id);
  }
  return locations;
}

async function supportAgents(tx: PoolClient, orgId: string) {
  const { rows } = await tx.query<{ agent: string; team: string | null }>(
    `/* demoSupportAgents */ select agent, min(team) as team from support_contacts where org_id = $1 and agent is not null group by agent order by agent`,
    [orgId],
  );
  const teamKey = (team: string | null) => DEMO_LOCATIONS.find((l) => l.kind === 'team' && l.name === team)?.key ?? 'CC';
  const contacts = await tx.query<{ id: string; agent: string; created_at: Date }>(
    `/* demoSupportContactsByAgent */ select id, agent, created_at from support_contacts where org_id = $1 and agent is not null order by created_at, id`,
    [orgId],
  );
  return {
    agents: rows.map((r) => ({ name: r.agent, teamKey: teamKey(r.team) })),
    contacts: contacts.rows.map((r) => ({ id: r.id, agent: r.agent, createdAt: r.created_at })),
  };
}

/** @returns counts of what was written */
export async function insertDemoAudits(tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date; passwordHash: string }): Promise<DemoAuditsResult> {
  const { orgId } = ids;
  const users = await insertUsers(tx, orgId, opts.passwordHash);
  const locations = await insertCompetitors(tx, ids);
  const { agents, contacts } = await supportAgents(tx, orgId);
  const plan = planDemoAudits({ seed: opts.seed, now: opts.now, today: orgToday(DEMO_TIMEZONE, opts.now), agents, contacts });

  const employees = new Map(plan.employees.map((e) => [e.code, crypto.randomUUID()]));
  await tx.query(
    `/* demoEmployees */ insert into employees(org_id, id, name, code, location_id, agent_name)
     select $1, e.id, e.name, e.code, e.location_id, e.agent_name from jsonb_to_recordset($2::jsonb) as e(id uuid, name text, code text, location_id uuid, agent_name text)`,
    [orgId, JSON.stringify(plan.employees.map((e) => ({ id: employees.get(e.code), name: e.name, code: e.code, location_id: locations.get(e.locationKey) ?? null, agent_name: e.agentName })))],
  );

  const owner = users.get(DEMO_OWNER_EMAIL) ?? null;
  const analyst = users.get(DEMO_ANALYST_EMAIL) ?? null;
  const checklists = new Map<DemoChecklistKey, string>();
  for (const c of DEMO_CHECKLISTS) {
    const id = crypto.randomUUID();
    checklists.set(c.key, id);
    await tx.query(
      `/* demoChecklist */ insert into checklists(org_id, id, name, channel, version, starter, created_by) values ($1, $2, $3, $4, 1, $5, $6)`,
      [orgId, id, typeof c.definition.name === 'string' ? c.definition.name : c.definition.name.en ?? c.key, c.channel, c.starter, owner],
    );
    await tx.query(
      `/* demoChecklistVersion */ insert into checklist_versions(org_id, checklist_id, version, definition, created_by) values ($1, $2, 1, $3, $4)`,
      [orgId, id, JSON.stringify(c.definition), owner],
    );
  }
  const definition = (key: DemoChecklistKey) => DEMO_CHECKLISTS.find((c) => c.key === key)!.definition;
  const by = { auditor: users.get(DEMO_AUDITOR.email)!, qa: users.get(DEMO_QA_LEAD.email)!, owner, analyst };

  const visitIds = new Map<string, string>();
  const published: { id: string; at: Date }[] = [];
  const store = async (v: DemoVisit, extra: { waveId?: string; assignmentId?: string; calibrationId?: string }) => {
    const { id } = await insertVisit(tx, {
      orgId, kind: v.kind, checklistId: checklists.get(v.checklist)!, checklistVersion: 1, ...extra,
      locationId: locations.get(v.locationKey) ?? null, employeeId: v.employee ? employees.get(v.employee) ?? null : null, employeeLabel: v.employeeLabel,
      supportContactId: v.supportContactId, auditorId: by[v.by], visitedAt: v.visitedAt, submittedAt: v.submittedAt, status: v.status, notes: v.notes,
    }, definition(v.checklist), v.answers);
    visitIds.set(v.ref, id);
    if (v.publishedAt) published.push({ id, at: v.publishedAt });
  };

  for (const w of plan.waves) {
    const waveId = crypto.randomUUID();
    await tx.query(
      `/* demoWave */ insert into audit_waves(org_id, id, name, checklist_id, starts_on, ends_on, visits_per_location, status, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [orgId, waveId, w.name, checklists.get(w.checklist), w.startsOn, w.endsOn, w.visitsPerLocation, w.status, analyst, new Date(`${w.startsOn}T09:00:00+03:00`)],
    );
    const assignments = w.assignments.map((a) => ({ ...a, id: crypto.randomUUID() }));
    await tx.query(
      `/* demoAssignments */ insert into audit_assignments(org_id, id, wave_id, location_id, auditor_id, due_on, status)
       select $1, a.id, $2, a.location_id, $3, a.due_on, a.status from jsonb_to_recordset($4::jsonb) as a(id uuid, location_id uuid, due_on date, status text)`,
      [orgId, waveId, by.auditor, JSON.stringify(assignments.map((a) => ({ id: a.id, location_id: locations.get(a.locationKey), due_on: a.dueOn, status: a.status })))],
    );
    for (const a of assignments) if (a.visit) await store(a.visit, { waveId, assignmentId: a.id });
  }
  for (const v of plan.qaReviews) await store(v, {});
  if (plan.calibration) {
    const calibrationId = crypto.randomUUID();
    await tx.query(
      `/* demoCalibration */ insert into audit_calibrations(org_id, id, name, checklist_id, support_contact_id, reviewer_ids, created_by) values ($1, $2, $3, $4, $5, $6, $7)`,
      [orgId, calibrationId, plan.calibration.name, checklists.get('qa'), plan.calibration.supportContactId, [by.qa, owner, analyst], by.qa],
    );
    for (const v of plan.calibration.visits) await store(v, { calibrationId });
  }
  // Published visits were reviewed and published by the analyst.
  await tx.query(
    `/* demoPublishVisits */ update audit_visits v set reviewed_at = p.at - interval '1 hour', reviewed_by = $2, published_at = p.at, published_by = $2
       from jsonb_to_recordset($3::jsonb) as p(id uuid, at timestamptz) where v.org_id = $1 and v.id = p.id`,
    [orgId, analyst, JSON.stringify(published)],
  );

  const manager = users.get(DEMO_MANAGER_EMAIL) ?? null;
  for (const a of plan.appeals) {
    const visitId = visitIds.get(a.visitRef)!;
    await tx.query(
      `/* demoAppeal */ insert into audit_appeals(org_id, visit_id, item_key, reason, appealed_by, created_at, decision, decision_note, decided_by, decided_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [orgId, visitId, a.itemKey, a.reason, manager, a.createdAt, a.decision?.decision ?? null, a.decision?.note ?? null, a.decision ? analyst : null, a.decision?.at ?? null],
    );
    if (a.decision?.newAnswer) {
      const visit = [...plan.waves.flatMap((w) => w.assignments.map((x) => x.visit))].find((v) => v?.ref === a.visitRef)!;
      await tx.query(
        `/* demoAppealCorrection */ insert into audit_corrections(org_id, visit_id, item_key, old_answer, new_answer, reason, corrected_by, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [orgId, visitId, a.itemKey, JSON.stringify(visit.answers[a.itemKey]), JSON.stringify(a.decision.newAnswer), `Appeal upheld: ${a.decision.note}`, analyst, a.decision.at],
      );
      await writeVisitScore(tx, orgId, visitId, definition(visit.checklist), { ...visit.answers, [a.itemKey]: a.decision.newAnswer });
    }
  }

  await tx.query(
    `/* demoCoachingNotes */ insert into coaching_notes(org_id, employee_id, visit_id, note, follow_up_on, done_at, created_by, created_at)
     select $1, n.employee_id, n.visit_id, n.note, n.follow_up_on, n.done_at, $2, n.created_at
       from jsonb_to_recordset($3::jsonb) as n(employee_id uuid, visit_id uuid, note text, follow_up_on date, done_at timestamptz, created_at timestamptz)`,
    [orgId, by.qa, JSON.stringify(plan.coaching.map((n) => ({
      employee_id: employees.get(n.employee), visit_id: n.visitRef ? visitIds.get(n.visitRef) ?? null : null, note: n.note, follow_up_on: n.followUpOn, done_at: n.doneAt, created_at: n.createdAt,
    })))],
  );

  const quizId = crypto.randomUUID();
  const { quiz } = plan;
  await tx.query(
    `/* demoQuiz */ insert into quizzes(org_id, id, slug, name, topic, languages, default_language, definition, status, created_by)
     values ($1, $2, $3, $4, $5, '{ru,en,fa}', 'ru', $6, 'live', $7)`,
    [orgId, quizId, quiz.slug, JSON.stringify(quiz.name), quiz.topic, JSON.stringify({ questions: quiz.questions }), owner],
  );
  const attempts = quiz.attempts.map((a) => ({ ...a, id: crypto.randomUUID() }));
  const employeeLocation = new Map(plan.employees.map((e) => [e.code, locations.get(e.locationKey) ?? null]));
  await tx.query(
    `/* demoQuizAttempts */ insert into quiz_attempts(org_id, id, quiz_id, quiz_version, employee_id, location_id, language, answers, correct, total, created_at)
     select $1, a.id, $2, 1, a.employee_id, a.location_id, a.language, a.answers, a.correct, a.total, a.created_at
       from jsonb_to_recordset($3::jsonb) as a(id uuid, employee_id uuid, location_id uuid, language text, answers jsonb, correct int, total int, created_at timestamptz)`,
    [orgId, quizId, JSON.stringify(attempts.map((a) => ({
      id: a.id, employee_id: employees.get(a.employee), location_id: employeeLocation.get(a.employee), language: a.language, answers: a.answers,
      correct: a.correct, total: a.total, created_at: a.createdAt,
    })))],
  );
  await tx.query(
    `/* demoQuizAttemptAnswers */ insert into quiz_attempt_answers(org_id, attempt_id, question_key, topic, correct)
     select $1, q.attempt_id, q.question_key, q.topic, q.correct from jsonb_to_recordset($2::jsonb) as q(attempt_id uuid, question_key text, topic text, correct boolean)`,
    [orgId, JSON.stringify(attempts.flatMap((a) => a.perQuestion.map((p) => ({ attempt_id: a.id, question_key: p.key, topic: p.topic, correct: p.correct }))))],
  );
  return { visits: visitIds.size, employees: plan.employees.length, quizAttempts: attempts.length };
}
