/**
 * @module An organisation's feedback mailbox (table feedback_mailboxes, migrations 099 and 104): the IMAP
 * settings (password sealed by the caller), the case policy, where reading stopped (UIDVALIDITY, last UID)
 * and the reader's status and retry pause.
 */
import type { Queryable } from '../connection.ts';
import type { CasePriority } from '../../core/closedLoop/model.ts';
import type { MailboxCasePolicy } from '../../core/closedLoop/mailbox.ts';

export interface FeedbackMailboxRow {
  orgId: string;
  address: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  /** Sealed (src/server/auth/secretBox.ts). */
  password: string;
  folder: string;
  enabled: boolean;
  openCases: MailboxCasePolicy;
  casePriority: CasePriority;
  uidValidity: string | null;
  lastUid: number;
  lastCheckedAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lettersRead: number;
  lettersSkipped: number;
  failures: number;
  nextAttemptAt: Date | null;
}

const COLUMNS = `org_id, address, host, port, secure, username, password, folder, enabled, open_cases, case_priority,
  uid_validity::text as uid_validity, last_uid::float8 as last_uid, last_checked_at, last_success_at, last_error, letters_read,
  letters_skipped, failures, next_attempt_at`;

function toRow(r: any): FeedbackMailboxRow {
  return {
    orgId: r.org_id, address: r.address, host: r.host, port: r.port, secure: r.secure, username: r.username, password: r.password,
    folder: r.folder, enabled: r.enabled, openCases: r.open_cases, casePriority: r.case_priority, uidValidity: r.uid_validity,
    lastUid: r.last_uid, lastCheckedAt: r.last_checked_at, lastSuccessAt: r.last_success_at, lastError: r.last_error,
    lettersRead: r.letters_read, lettersSkipped: r.letters_skipped, failures: r.failures, nextAttemptAt: r.next_attempt_at,
  };
}

export async function getFeedbackMailbox(db: Queryable, orgId: string): Promise<FeedbackMailboxRow | null> {
  const { rows } = await db.query(`/* getFeedbackMailbox */ select ${COLUMNS} from feedback_mailboxes where org_id = $1`, [orgId]);
  return rows[0] ? toRow(rows[0]) : null;
}

export interface FeedbackMailboxSettings {
  address: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  /** Sealed; undefined keeps the stored one. */
  password: string | undefined;
  folder: string;
  enabled: boolean;
  openCases: MailboxCasePolicy;
  casePriority: CasePriority;
}

/**
 * Saves the settings. `resetTracking`: another server, user or folder, so reading starts again from its
 * first letter (letters already stored are recognised by Message-ID). Any save clears the error and the retry pause.
 */
export async function saveFeedbackMailbox(db: Queryable, orgId: string, s: FeedbackMailboxSettings, resetTracking: boolean): Promise<void> {
  await db.query(
    `/* saveFeedbackMailbox */ insert into feedback_mailboxes(org_id, address, host, port, secure, username, password, folder, enabled, open_cases, case_priority)
     values ($1, $2, $3, $4, $5, $6, coalesce($7, ''), $8, $9, $10, $11)
     on conflict (org_id) do update set address = excluded.address, host = excluded.host, port = excluded.port, secure = excluded.secure,
       username = excluded.username, password = coalesce($7, feedback_mailboxes.password), folder = excluded.folder, enabled = excluded.enabled,
       open_cases = excluded.open_cases, case_priority = excluded.case_priority,
       uid_validity = case when $12 then null else feedback_mailboxes.uid_validity end,
       last_uid = case when $12 then 0 else feedback_mailboxes.last_uid end,
       last_error = null, failures = 0, next_attempt_at = null, updated_at = now()`,
    [orgId, s.address, s.host, s.port, s.secure, s.username, s.password ?? null, s.folder, s.enabled, s.openCases, s.casePriority, resetTracking],
  );
}

export async function deleteFeedbackMailbox(db: Queryable, orgId: string): Promise<void> {
  await db.query(`/* deleteFeedbackMailbox */ delete from feedback_mailboxes where org_id = $1`, [orgId]);
}

/** Organisations whose enabled mailbox is due for reading (no retry pause pending). */
export async function listDueFeedbackMailboxes(db: Queryable, now: Date): Promise<string[]> {
  const { rows } = await db.query(
    `/* listDueFeedbackMailboxes */ select org_id from feedback_mailboxes
     where enabled and password <> '' and (next_attempt_at is null or next_attempt_at <= $1) order by org_id`,
    [now],
  );
  return rows.map((r) => r.org_id);
}

/**
 * Where reading stopped, after a letter was handled (or the folder's UIDVALIDITY changed: `lastUid` 0).
 * `uidValidity` is a decimal string (IMAP's 32-bit unsigned value).
 */
export async function saveMailboxPosition(db: Queryable, orgId: string, uidValidity: string, lastUid: number): Promise<void> {
  await db.query(`/* saveMailboxPosition */ update feedback_mailboxes set uid_validity = $2::bigint, last_uid = $3 where org_id = $1`, [orgId, uidValidity, lastUid]);
}

/** A read that worked: the status and how many letters were stored or skipped. */
export async function recordMailboxSuccess(db: Queryable, orgId: string, at: Date, counts: { read: number; skipped: number }): Promise<void> {
  await db.query(
    `/* recordMailboxSuccess */ update feedback_mailboxes set last_checked_at = $2, last_success_at = $2, last_error = null, failures = 0,
       next_attempt_at = null, letters_read = letters_read + $3, letters_skipped = letters_skipped + $4 where org_id = $1`,
    [orgId, at, counts.read, counts.skipped],
  );
}

/** A read that failed (perhaps after some letters): the problem (a short code, never a letter's content) and the next attempt's time. */
export async function recordMailboxFailure(db: Queryable, orgId: string, at: Date, problem: string, nextAttemptAt: Date, counts: { read: number; skipped: number }): Promise<void> {
  await db.query(
    `/* recordMailboxFailure */ update feedback_mailboxes set last_checked_at = $2, last_error = $3, failures = failures + 1, next_attempt_at = $4,
       letters_read = letters_read + $5, letters_skipped = letters_skipped + $6
     where org_id = $1`,
    [orgId, at, problem.slice(0, 300), nextAttemptAt, counts.read, counts.skipped],
  );
}

/**
 * Runs `fn` while holding the organisation's mailbox lock (a session advisory lock on a connection of its own),
 * so two readers (two processes, a queued job and the sweep's) never read one mailbox at once: the second waits.
 */
export async function withMailboxLock<T>(pool: import('pg').Pool, orgId: string, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(`/* lockFeedbackMailbox */ select pg_advisory_lock(hashtext('sarafan.feedback-mailbox'), hashtext($1))`, [orgId]);
    try {
      return await fn();
    } finally {
      await client.query(`/* unlockFeedbackMailbox */ select pg_advisory_unlock(hashtext('sarafan.feedback-mailbox'), hashtext($1))`, [orgId]);
    }
  } finally {
    client.release();
  }
}
