/** The unsubscribe link's reads and write (public: the token alone identifies the contact). */
import type { Queryable } from '../connection.ts';

export interface UnsubscribeTarget {
  orgId: string;
  contactId: string;
  orgName: string;
  language: string | null;
  unsubscribedAt: string | null;
}

/** The contact a token belongs to (not erased), with what the page shows: the organisation's name. */
export async function findContactByUnsubscribeToken(db: Queryable, token: string): Promise<UnsubscribeTarget | null> {
  const { rows } = await db.query(
    `/* findContactByUnsubscribeToken */ select c.org_id, c.id, o.name as org_name, c.language, c.unsubscribed_at
       from contacts c join orgs o on o.id = c.org_id where c.unsubscribe_token = $1 and c.erased_at is null`,
    [token],
  );
  const r = rows[0];
  return r
    ? { orgId: r.org_id, contactId: r.id, orgName: r.org_name, language: r.language, unsubscribedAt: r.unsubscribed_at?.toISOString() ?? null }
    : null;
}

/** Sets the opt-out of the token's contact (an earlier one's time is kept). @returns null for an unknown token. */
export async function unsubscribeByToken(db: Queryable, token: string): Promise<{ orgId: string; contactId: string } | null> {
  const { rows } = await db.query(
    `/* unsubscribeByToken */ update contacts set unsubscribed_at = coalesce(unsubscribed_at, now()), updated_at = now()
      where unsubscribe_token = $1 and erased_at is null returning org_id, id`,
    [token],
  );
  return rows[0] ? { orgId: rows[0].org_id, contactId: rows[0].id } : null;
}

/** The unsubscribe tokens of contacts, by contact id, for the links of outgoing messages (core/contacts/unsubscribe.ts unsubscribeUrl). */
export async function getUnsubscribeTokens(db: Queryable, orgId: string, contactIds: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await db.query(
    `/* getUnsubscribeTokens */ select id, unsubscribe_token from contacts where org_id = $1 and id = any($2::uuid[])`,
    [orgId, contactIds],
  );
  return new Map(rows.map((r) => [r.id, r.unsubscribe_token]));
}
