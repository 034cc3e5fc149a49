import type { Queryable } from '../connection.ts';

/** Whether the organisation has any stored answer (an empty one needs no rollup rebuild). */
export async function orgHasAnswers(db: Queryable, orgId: string): Promise<boolean> {
  const { rows } = await db.query('/* orgHasAnswers */ select exists(select 1 from answers where org_id = $1) as has', [orgId]);
  return rows[0].has;
}
