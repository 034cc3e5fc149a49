/** @module Attempts of a knowledge quiz: who took it (the staff directory) and the stored attempts with their per-question outcomes. */
import type { Queryable } from '../connection.ts';

export interface QuizEmployee {
  id: string;
  name: string;
  locationId: string | null;
}

/** An active employee of the organisation by id (a personal link). */
export async function getActiveEmployee(db: Queryable, orgId: string, id: string): Promise<QuizEmployee | null> {
  const { rows } = await db.query(`/* getActiveEmployee */ select id, name, location_id from employees where org_id = $1 and id = $2 and active`, [orgId, id]);
  return rows[0] ? { id: rows[0].id, name: rows[0].name, locationId: rows[0].location_id } : null;
}

/** An active employee of the organisation by their code (the public link asks for it); codes compare case-insensitively. */
export async function getActiveEmployeeByCode(db: Queryable, orgId: string, code: string): Promise<QuizEmployee | null> {
  const { rows } = await db.query(
    `/* getActiveEmployeeByCode */ select id, name, location_id from employees where org_id = $1 and lower(code) = lower($2) and active order by code = $2 desc limit 1`,
    [orgId, code],
  );
  return rows[0] ? { id: rows[0].id, name: rows[0].name, locationId: rows[0].location_id } : null;
}

export interface NewAttempt {
  quizId: string;
  quizVersion: number;
  employeeId: string;
  locationId: string | null;
  clientKey: string;
  language: string;
  answers: Record<string, string[]>;
  correct: number;
  total: number;
  questions: { key: string; topic: string | null; correct: boolean }[];
}

/**
 * Stores an attempt and its per-question rows, once per client key: a repeated submission returns the
 * attempt stored the first time. @returns its id and the answers it stored
 */
export async function insertAttempt(db: Queryable, orgId: string, a: NewAttempt): Promise<StoredAttempt | null> {
  const { rows } = await db.query(
    `/* insertAttempt */ with ins as (
       insert into quiz_attempts(org_id, quiz_id, quiz_version, employee_id, location_id, client_key, language, answers, correct, total)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (org_id, quiz_id, client_key) where client_key is not null do nothing
       returning id, answers),
     answers as (
       insert into quiz_attempt_answers(org_id, attempt_id, question_key, topic, correct)
       select $1, ins.id, q.key, q.topic, q.correct from ins, jsonb_to_recordset($11::jsonb) as q(key text, topic text, correct boolean))
     select id, answers, true as created from ins
     union all
     select id, answers, false from quiz_attempts where org_id = $1 and quiz_id = $2 and client_key = $6 and not exists (select 1 from ins)`,
    [orgId, a.quizId, a.quizVersion, a.employeeId, a.locationId, a.clientKey, a.language, JSON.stringify(a.answers), a.correct, a.total, JSON.stringify(a.questions)],
  );
  // null: the same key was being stored concurrently and committed after this statement began (getAttemptByClientKey).
  return rows[0] ? { id: rows[0].id, created: rows[0].created, answers: rows[0].answers } : null;
}

export interface StoredAttempt {
  id: string;
  created: boolean;
  answers: Record<string, string[]>;
}

/** The attempt stored with this client key. */
export async function getAttemptByClientKey(db: Queryable, orgId: string, quizId: string, clientKey: string): Promise<StoredAttempt | null> {
  const { rows } = await db.query(`/* getAttemptByClientKey */ select id, answers from quiz_attempts where org_id = $1 and quiz_id = $2 and client_key = $3`, [orgId, quizId, clientKey]);
  return rows[0] ? { id: rows[0].id, created: false, answers: rows[0].answers } : null;
}
