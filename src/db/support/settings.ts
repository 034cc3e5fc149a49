/** @module An organisation's support settings: whom follow-up answers credit (orgs.support_credit). */
import type { SupportCredit } from '../../core/support/storing.ts';
import type { Queryable } from '../connection.ts';

export async function getSupportCredit(db: Queryable, orgId: string): Promise<SupportCredit> {
  const { rows } = await db.query<{ support_credit: SupportCredit }>('/* getSupportCredit */ select support_credit from orgs where id = $1', [orgId]);
  return rows[0]?.support_credit ?? 'solved_by';
}

export async function setSupportCredit(db: Queryable, orgId: string, credit: SupportCredit): Promise<void> {
  await db.query('/* setSupportCredit */ update orgs set support_credit = $2 where id = $1', [orgId, credit]);
}
