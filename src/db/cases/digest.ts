/** @module The weekly digest's reads: who gets one (owners of open or recently resolved cases) and their overdue cases. */
import type { Queryable } from '../connection.ts';

export interface DigestRecipient {
  orgId: string;
  userId: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  counts: { new: number; inProgress: number; waitingCustomer: number };
  resolvedLastWeek: number;
}

/**
 * Active users owning open cases or cases resolved in [since, until), who have no digest of `week` yet
 * (the `digest` notification marks it sent).
 */
export async function listDigestRecipients(db: Queryable, since: Date, until: Date, week: string): Promise<DigestRecipient[]> {
  const { rows } = await db.query(
    `/* listDigestRecipients */ select u.org_id, u.id, u.email, u.name, u.locale, o.timezone,
            count(*) filter (where c.status = 'new')::int as n_new,
            count(*) filter (where c.status = 'in_progress')::int as n_progress,
            count(*) filter (where c.status = 'waiting_customer')::int as n_waiting,
            count(*) filter (where c.status in ('resolved', 'closed') and c.resolved_at >= $1 and c.resolved_at < $2)::int as n_resolved
       from cases c
       join users u on u.org_id = c.org_id and u.id = c.owner_user_id and not u.disabled
       join orgs o on o.id = c.org_id
      where c.status in ('new', 'in_progress', 'waiting_customer') or (c.resolved_at >= $1 and c.resolved_at < $2)
      group by u.org_id, u.id, u.email, u.name, u.locale, o.timezone
     having not exists (select 1 from notifications n where n.org_id = u.org_id and n.user_id = u.id and n.kind = 'digest' and n.body->>'week' = $3)
      order by u.org_id, u.id`,
    [since, until, week],
  );
  return rows.map((r) => ({
    orgId: r.org_id, userId: r.id, email: r.email, name: r.name, locale: r.locale, timeZone: r.timezone,
    counts: { new: r.n_new, inProgress: r.n_progress, waitingCustomer: r.n_waiting }, resolvedLastWeek: r.n_resolved,
  }));
}

/** The owner's open cases past due at `now`, most overdue first (the first `limit`), and how many there are in all. */
export async function overdueCasesOf(db: Queryable, orgId: string, userId: string, now: Date, limit: number): Promise<{ items: { number: number; title: string; dueAt: Date }[]; total: number }> {
  const { rows } = await db.query(
    `/* overdueCasesOf */ select number, title, due_at, count(*) over ()::int as total from cases
      where org_id = $1 and owner_user_id = $2 and status in ('new', 'in_progress', 'waiting_customer') and due_at < $3
      order by due_at, number limit $4`,
    [orgId, userId, now, limit],
  );
  return { items: rows.map((r) => ({ number: r.number, title: r.title, dueAt: r.due_at })), total: rows[0]?.total ?? 0 };
}
