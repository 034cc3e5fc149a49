/** @module Knowledge quizzes (docs/audits.md "Knowledge quizzes"): the quizzes table. */
import type { Queryable } from '../connection.ts';
import type { QuizStatus, QuizSummary } from '../../core/api/quizzes.ts';

export interface QuizRow extends Omit<QuizSummary, 'questions'> {
  orgId: string;
  definition: unknown;
}

const COLUMNS = `q.org_id, q.id, q.slug, q.name, q.topic, q.languages, q.default_language, q.definition, q.version, q.status, q.updated_at,
  (select count(*)::int from quiz_attempts a where a.org_id = q.org_id and a.quiz_id = q.id) as attempts`;

const present = (r: any): QuizRow => ({
  orgId: r.org_id, id: r.id, slug: r.slug, name: r.name, topic: r.topic, languages: r.languages, defaultLanguage: r.default_language,
  definition: r.definition, version: r.version, status: r.status, attempts: r.attempts, updatedAt: new Date(r.updated_at).toISOString(),
});

/** The organisation's quizzes, latest edit first. */
export async function listQuizzes(db: Queryable, orgId: string): Promise<QuizRow[]> {
  const { rows } = await db.query(`/* listQuizzes */ select ${COLUMNS} from quizzes q where q.org_id = $1 order by q.updated_at desc, q.id`, [orgId]);
  return rows.map(present);
}

/** One quiz of the organisation (locked for an edit when `forUpdate`). */
export async function getQuiz(db: Queryable, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<QuizRow | null> {
  const { rows } = await db.query(`/* getQuiz */ select ${COLUMNS} from quizzes q where q.org_id = $1 and q.id = $2${opts.forUpdate ? ' for update of q' : ''}`, [orgId, id]);
  return rows[0] ? present(rows[0]) : null;
}

/**
 * The quiz behind a public address, any organisation (the slug is unique), with the organisation's name and
 * its key for personal links (null until the first link was made).
 */
export async function getQuizBySlug(db: Queryable, slug: string): Promise<(QuizRow & { orgName: string; linkKey: string | null }) | null> {
  const { rows } = await db.query(
    `/* getQuizBySlug */ select ${COLUMNS}, o.name as org_name, o.invitation_key from quizzes q join orgs o on o.id = q.org_id where q.slug = $1`,
    [slug],
  );
  return rows[0] ? { ...present(rows[0]), orgName: rows[0].org_name, linkKey: rows[0].invitation_key } : null;
}

export interface QuizWrite {
  name: Record<string, string>;
  topic: string | null;
  languages: string[];
  defaultLanguage: string;
  definition: unknown;
  status: QuizStatus;
}

export async function insertQuiz(db: Queryable, orgId: string, slug: string, q: QuizWrite, createdBy: string): Promise<string> {
  const { rows } = await db.query(
    `/* insertQuiz */ insert into quizzes(org_id, slug, name, topic, languages, default_language, definition, status, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [orgId, slug, JSON.stringify(q.name), q.topic, q.languages, q.defaultLanguage, JSON.stringify(q.definition), q.status, createdBy],
  );
  return rows[0].id;
}

/** Writes the whole quiz; `version` is the caller's (bumped when questions of a quiz in use changed). */
export async function updateQuiz(db: Queryable, orgId: string, id: string, q: QuizWrite & { version: number }): Promise<void> {
  await db.query(
    `/* updateQuiz */ update quizzes set name = $3, topic = $4, languages = $5, default_language = $6, definition = $7, status = $8, version = $9, updated_at = now()
     where org_id = $1 and id = $2`,
    [orgId, id, JSON.stringify(q.name), q.topic, q.languages, q.defaultLanguage, JSON.stringify(q.definition), q.status, q.version],
  );
}
