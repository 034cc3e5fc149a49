/**
 * @module The organisation's question library (migration 131 question_library; docs/api.md "Question library").
 * Every query is scoped to the organisation: another organisation's entry is simply not found.
 */
import type { LibraryQuestion } from '../../core/surveys/libraryEntry.ts';
import type { Queryable } from '../connection.ts';

export interface LibraryRow {
  id: string;
  key: string;
  question: LibraryQuestion;
  savedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `q.id, q.key, q.definition, coalesce(nullif(u.name, ''), u.email) as saved_by, q.created_at, q.updated_at`;
const FROM = `from question_library q left join users u on u.org_id = q.org_id and u.id = q.created_by`;

const toRow = (r: Record<string, any>): LibraryRow => ({
  id: r.id, key: r.key, question: r.definition, savedBy: r.saved_by ?? null, createdAt: r.created_at, updatedAt: r.updated_at,
});

/** The organisation's entries by key. */
export async function listLibraryQuestions(db: Queryable, orgId: string): Promise<LibraryRow[]> {
  const { rows } = await db.query(`/* listLibraryQuestions */ select ${COLUMNS} ${FROM} where q.org_id = $1 order by q.key`, [orgId]);
  return rows.map(toRow);
}

/**
 * Stores the question under its key; with `replace` an entry of the same key is overwritten (its id kept).
 * @returns the entry, or null when the key is taken and `replace` is not set
 */
export async function saveLibraryQuestion(db: Queryable, orgId: string, userId: string, question: LibraryQuestion, replace: boolean): Promise<LibraryRow | null> {
  const conflict = replace
    ? `on conflict (org_id, key) do update set definition = excluded.definition, created_by = excluded.created_by, updated_at = now()`
    : `on conflict (org_id, key) do nothing`;
  const { rows } = await db.query(
    `/* saveLibraryQuestion */ with saved as (
       insert into question_library (org_id, key, definition, created_by) values ($1, $2, $3, $4) ${conflict} returning *
     ) select ${COLUMNS} from saved q left join users u on u.org_id = q.org_id and u.id = q.created_by`,
    [orgId, question.key, JSON.stringify(question), userId],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Deletes one entry; false when the organisation has no such entry. */
export async function deleteLibraryQuestion(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`/* deleteLibraryQuestion */ delete from question_library where org_id = $1 and id = $2`, [orgId, id]);
  return (rowCount ?? 0) > 0;
}
