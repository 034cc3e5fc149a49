/** @module Dismissed theme suggestions (table theme_suggestion_dismissals, migration 096). */
import type { Queryable } from '../connection.ts';

/** The organisation's dismissed suggestion keys. */
export async function listDismissedSuggestions(db: Queryable, orgId: string): Promise<string[]> {
  const { rows } = await db.query(
    `/* listDismissedSuggestions */
     select key from theme_suggestion_dismissals where org_id = $1 order by key`,
    [orgId],
  );
  return rows.map((r) => r.key);
}

/** Remembers a dismissed suggestion (again: nothing changes). */
export async function dismissSuggestion(db: Queryable, orgId: string, key: string, userId: string | null): Promise<void> {
  await db.query(
    `/* dismissSuggestion */
     insert into theme_suggestion_dismissals (org_id, key, dismissed_by) values ($1, $2, $3)
     on conflict (org_id, key) do nothing`,
    [orgId, key, userId],
  );
}
