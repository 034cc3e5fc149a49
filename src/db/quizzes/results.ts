/**
 * @module The results of a knowledge quiz: its attempts and the per-question counts, limited to the
 * caller's locations (by the attempt's location: where the employee worked when taking it), a period in
 * the organisation's days and a location's subtree. The roll-ups are src/core/audits/quiz.ts.
 */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import type { AttemptRow } from '../../core/audits/quiz.ts';
import { locationScopeSql } from '../scope.ts';

export interface QuizResultsFilter {
  quizId: string;
  from?: string;
  to?: string;
  timeZone: string;
  /** Only attempts at this location's subtree. */
  locationPath?: string;
}

function where(scope: Scope, f: QuizResultsFilter, params: unknown[]): string {
  params.push(scope.orgId, f.quizId);
  const cond = ['a.org_id = $1', 'a.quiz_id = $2', locationScopeSql(scope, 'a.location_id', params)];
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  if (f.from !== undefined) cond.push(`a.created_at >= (${p(f.from)}::date)::timestamp at time zone ${p(f.timeZone)}::text`);
  if (f.to !== undefined) cond.push(`a.created_at < (${p(f.to)}::date + 1)::timestamp at time zone ${p(f.timeZone)}::text`);
  if (f.locationPath !== undefined) cond.push(`a.location_id in (select l.id from locations l where l.org_id = $1 and l.path like ${p(`${f.locationPath}%`)})`);
  return cond.join(' and ');
}

export interface ResultAttempt extends AttemptRow {
  employee: { name: string; code: string | null; location: { id: string; name: string } | null } | null;
  location: { id: string; name: string } | null;
}

/** The attempts, oldest first, with the employee (as now) and the attempt's location. */
export async function listQuizResultAttempts(db: Queryable, scope: Scope, f: QuizResultsFilter): Promise<ResultAttempt[]> {
  const params: unknown[] = [];
  const { rows } = await db.query(
    `/* listQuizResultAttempts */ select a.id, a.employee_id, a.location_id, a.correct, a.total, a.created_at,
       e.name as employee_name, e.code as employee_code, e.location_id as employee_location_id, el.name as employee_location_name, al.name as location_name
     from quiz_attempts a
     left join employees e on e.org_id = a.org_id and e.id = a.employee_id
     left join locations el on el.org_id = a.org_id and el.id = e.location_id
     left join locations al on al.org_id = a.org_id and al.id = a.location_id
     where ${where(scope, f, params)}
     order by a.created_at, a.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    employeeId: r.employee_id,
    locationId: r.location_id,
    correct: r.correct,
    total: r.total,
    at: new Date(r.created_at),
    employee: r.employee_id
      ? { name: r.employee_name, code: r.employee_code, location: r.employee_location_id ? { id: r.employee_location_id, name: r.employee_location_name } : null }
      : null,
    location: r.location_id ? { id: r.location_id, name: r.location_name } : null,
  }));
}

/** Answers per question and topic of the same attempts: how many, how many right. */
export async function countQuizAnswers(db: Queryable, scope: Scope, f: QuizResultsFilter): Promise<{ key: string; topic: string | null; n: number; correct: number }[]> {
  const params: unknown[] = [];
  const { rows } = await db.query(
    `/* countQuizAnswers */ select qa.question_key, qa.topic, count(*)::int as n, count(*) filter (where qa.correct)::int as correct
     from quiz_attempts a join quiz_attempt_answers qa on qa.org_id = a.org_id and qa.attempt_id = a.id
     where ${where(scope, f, params)}
     group by qa.question_key, qa.topic`,
    params,
  );
  return rows.map((r) => ({ key: r.question_key, topic: r.topic, n: r.n, correct: r.correct }));
}

/** The active employees (of the scope, and of a location's subtree) for personal links, by name. */
export async function listLinkEmployees(db: Queryable, scope: Scope, locationPath?: string): Promise<{ id: string; name: string; code: string | null; location: { id: string; name: string } | null }[]> {
  const params: unknown[] = [scope.orgId];
  const cond = ['e.org_id = $1', 'e.active', locationScopeSql(scope, 'e.location_id', params)];
  if (locationPath !== undefined) {
    params.push(`${locationPath}%`);
    cond.push(`l.path like $${params.length}`);
  }
  const { rows } = await db.query(
    `/* listLinkEmployees */ select e.id, e.name, e.code, l.id as location_id, l.name as location_name
     from employees e left join locations l on l.org_id = e.org_id and l.id = e.location_id
     where ${cond.join(' and ')} order by e.name, e.id`,
    params,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, code: r.code, location: r.location_id ? { id: r.location_id, name: r.location_name } : null }));
}
