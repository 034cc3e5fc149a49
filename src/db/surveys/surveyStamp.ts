import type { Queryable } from '../connection.ts';

/** The survey's `updated_at` as text (microseconds kept, for an exact comparison later), or null when no survey has the slug. */
export async function getSurveyStamp(db: Queryable, slug: string): Promise<string | null> {
  const { rows } = await db.query(`/* getSurveyStamp */ select updated_at::text as stamp from surveys where slug = $1`, [slug]);
  return rows[0]?.stamp ?? null;
}
