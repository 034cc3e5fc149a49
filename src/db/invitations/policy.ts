/** The contact-frequency settings: the organisation's gap and a survey's own (src/core/contacts/frequency.ts). */
import type { Queryable } from '../connection.ts';

export async function getOrgContactGap(db: Queryable, orgId: string): Promise<number> {
  const { rows } = await db.query(`/* getOrgContactGap */ select contact_gap_days from orgs where id = $1`, [orgId]);
  return rows[0].contact_gap_days;
}

export async function setOrgContactGap(db: Queryable, orgId: string, days: number): Promise<void> {
  await db.query(`/* setOrgContactGap */ update orgs set contact_gap_days = $2 where id = $1`, [orgId, days]);
}

/** Sets a survey's own gap (null: the organisation's); false when there is no such survey. */
export async function setSurveyContactGap(db: Queryable, orgId: string, surveyId: string, days: number | null): Promise<boolean> {
  const { rowCount } = await db.query(`/* setSurveyContactGap */ update surveys set contact_gap_days = $3 where org_id = $1 and id = $2`, [orgId, surveyId, days]);
  return rowCount === 1;
}
