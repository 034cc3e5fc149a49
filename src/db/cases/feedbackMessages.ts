/**
 * @module Letters read from the feedback mailbox (table feedback_messages, migrations 099 and 104): stored
 * once per Message-ID, linked to a store and a case; and the look-ups that thread an answer to its case.
 */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import { locationScopeSql } from '../scope.ts';

export interface NewFeedbackMessage {
  orgId: string;
  kind: 'feedback' | 'reply';
  messageId: string;
  inReplyTo: string | null;
  fromAddress: string;
  fromName: string | null;
  subject: string | null;
  body: string;
  receivedAt: Date;
  language: string | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  themes: string[];
  locationId: string | null;
  caseId: string | null;
  attachments: number;
  note: 'too_large' | 'truncated' | null;
}

/** Stores a letter unless one with its Message-ID is stored. @returns the new row's id, or null when it was there already. */
export async function insertFeedbackMessage(db: Queryable, m: NewFeedbackMessage): Promise<string | null> {
  const { rows } = await db.query(
    `/* insertFeedbackMessage */ insert into feedback_messages(org_id, kind, message_id, in_reply_to, from_address, from_name, subject, body,
       received_at, language, sentiment, themes, location_id, case_id, attachments, note)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     on conflict (org_id, message_id) do nothing returning id`,
    [m.orgId, m.kind, m.messageId, m.inReplyTo, m.fromAddress, m.fromName, m.subject, m.body, m.receivedAt, m.language, m.sentiment,
      m.themes, m.locationId, m.caseId, m.attachments, m.note],
  );
  return rows[0]?.id ?? null;
}

/** True when a letter with this Message-ID is stored (the reader skips it before analysing it). */
export async function feedbackMessageExists(db: Queryable, orgId: string, messageId: string): Promise<boolean> {
  const { rows } = await db.query(`/* feedbackMessageExists */ select 1 from feedback_messages where org_id = $1 and message_id = $2`, [orgId, messageId]);
  return rows.length > 0;
}

export async function setFeedbackMessageCase(db: Queryable, orgId: string, id: string, caseId: string): Promise<void> {
  await db.query(`/* setFeedbackMessageCase */ update feedback_messages set case_id = $3 where org_id = $1 and id = $2`, [orgId, id, caseId]);
}

/** The location whose code is `code` (compared case-insensitively), or null. */
export async function locationIdByCode(db: Queryable, orgId: string, code: string): Promise<string | null> {
  const { rows } = await db.query(`/* locationIdByCode */ select id from locations where org_id = $1 and lower(code) = lower($2) limit 1`, [orgId, code]);
  return rows[0]?.id ?? null;
}

export interface ThreadedCase {
  id: string;
  number: number;
  status: string;
  ownerUserId: string | null;
  teamId: string | null;
}

const CASE_COLUMNS = 'c.id, c.number, c.status, c.owner_user_id, c.team_id';
const toCase = (r: any): ThreadedCase => ({ id: r.id, number: r.number, status: r.status, ownerUserId: r.owner_user_id, teamId: r.team_id });

/**
 * The case a letter referencing these Message-IDs continues: one whose reply (sent or received) carried one
 * of them, or whose letter from the mailbox did (the customer writing again in the same thread); the latest.
 */
export async function caseByReplyMessageIds(db: Queryable, orgId: string, messageIds: readonly string[]): Promise<ThreadedCase | null> {
  if (messageIds.length === 0) return null;
  const { rows } = await db.query(
    `/* caseByReplyMessageIds */ select ${CASE_COLUMNS} from cases c join (
         select e.case_id, e.at from case_events e
          where e.org_id = $1 and e.kind in ('reply_sent', 'reply_received') and e.message_id = any($2::text[])
         union all
         select m.case_id, m.received_at from feedback_messages m
          where m.org_id = $1 and m.case_id is not null and m.message_id = any($2::text[])
       ) x on x.case_id = c.id
     where c.org_id = $1 order by x.at desc limit 1`,
    [orgId, messageIds],
  );
  return rows[0] ? toCase(rows[0]) : null;
}

/** The case with this number whose customer's e-mail is `email` (compared case-insensitively), or null. */
export async function caseByNumberAndCustomer(db: Queryable, orgId: string, number: number, email: string): Promise<ThreadedCase | null> {
  const { rows } = await db.query(
    `/* caseByNumberAndCustomer */ select ${CASE_COLUMNS} from cases c where c.org_id = $1 and c.number = $2 and lower(c.customer_email) = lower($3)`,
    [orgId, number, email],
  );
  return rows[0] ? toCase(rows[0]) : null;
}

/** The customer answered: a case waiting for them is back in progress. @returns true when the status changed. */
export async function resumeCaseAfterReply(db: Queryable, orgId: string, caseId: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* resumeCaseAfterReply */ update cases set status = 'in_progress', updated_at = $3 where org_id = $1 and id = $2 and status = 'waiting_customer'`,
    [orgId, caseId, at],
  );
  return (rowCount ?? 0) > 0;
}

export type FeedbackMessageListRow = Pick<
  NewFeedbackMessage, 'kind' | 'fromName' | 'fromAddress' | 'subject' | 'body' | 'receivedAt' | 'language' | 'sentiment' | 'themes' | 'attachments' | 'note'
> & {
  id: string;
  location: { id: string; name: string } | null;
  case: { id: string; number: number; status: string } | null;
};

/**
 * Letters in the caller's scope, newest first: a location manager sees the letters matched to their stores
 * (a letter without a store is for the whole organisation's callers only).
 */
export async function listFeedbackMessages(
  db: Queryable,
  scope: Scope,
  filter: { kind?: 'feedback' | 'reply'; sentiment?: 'negative' | 'neutral' | 'positive' },
  page: { limit: number; offset: number },
): Promise<{ rows: FeedbackMessageListRow[]; total: number }> {
  const params: unknown[] = [scope.orgId];
  const where = ['m.org_id = $1', locationScopeSql(scope, 'm.location_id', params)];
  if (filter.kind) where.push(`m.kind = $${params.push(filter.kind)}`);
  if (filter.sentiment) where.push(`m.sentiment = $${params.push(filter.sentiment)}`);
  const count = await db.query(`/* listFeedbackMessages.count */ select count(*)::int as n from feedback_messages m where ${where.join(' and ')}`, params);
  const { rows } = await db.query(
    `/* listFeedbackMessages */ select m.id, m.kind, m.from_name, m.from_address, m.subject, m.body, m.received_at, m.language, m.sentiment,
       m.themes, m.attachments, m.note, l.id as location_id, l.name as location_name, c.id as case_id, c.number as case_number, c.status as case_status
     from feedback_messages m
     left join locations l on l.org_id = m.org_id and l.id = m.location_id
     left join cases c on c.org_id = m.org_id and c.id = m.case_id
     where ${where.join(' and ')}
     order by m.received_at desc, m.id limit $${params.push(page.limit)} offset $${params.push(page.offset)}`,
    params,
  );
  return {
    total: count.rows[0].n,
    rows: rows.map((r) => ({
      id: r.id, kind: r.kind, fromName: r.from_name, fromAddress: r.from_address, subject: r.subject, body: r.body, receivedAt: r.received_at,
      language: r.language, sentiment: r.sentiment, themes: r.themes, attachments: r.attachments, note: r.note,
      location: r.location_id ? { id: r.location_id, name: r.location_name } : null,
      case: r.case_id ? { id: r.case_id, number: r.case_number, status: r.case_status } : null,
    })),
  };
}
