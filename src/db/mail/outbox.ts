/** The outbox: every outgoing message, sent or not (src/server/mail/sendMail.ts). */
import type { Queryable } from '../connection.ts';

export interface OutboxInsert {
  orgId: string;
  senderId: string | null;
  to: string;
  subject: string;
  body: string;
  ownersOnly: boolean;
}

/** Records a message as unsent and returns its id. */
export async function insertOutbox(db: Queryable, msg: OutboxInsert): Promise<string> {
  const { rows } = await db.query(
    `/* insertOutbox */ insert into outbox(org_id, sender_id, to_address, subject, body, owners_only) values ($1, $2, $3, $4, $5, $6) returning id`,
    [msg.orgId, msg.senderId, msg.to, msg.subject, msg.body, msg.ownersOnly],
  );
  return rows[0].id;
}

export async function markOutboxSent(db: Queryable, orgId: string, outboxId: string): Promise<void> {
  await db.query(`/* markOutboxSent */ update outbox set sent_at = now() where org_id = $1 and id = $2`, [orgId, outboxId]);
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * Recent outbox messages (at most 200); `senderId` limits them to one sender's messages, and
 * owners-only messages are left out unless `owner`.
 */
export async function listOutbox(db: Queryable, orgId: string, senderId: string | null, owner: boolean): Promise<OutboxMessage[]> {
  const { rows } = await db.query(
    `/* listOutbox */ select id, to_address, subject, body, created_at, sent_at from outbox
      where org_id = $1 and ($2::uuid is null or sender_id = $2) and ($3 or not owners_only) order by created_at desc, id limit 200`,
    [orgId, senderId, owner],
  );
  return rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body, createdAt: r.created_at, sentAt: r.sent_at }));
}
