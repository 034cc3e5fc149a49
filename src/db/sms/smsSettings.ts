/** An organisation's SMS gateway (table sms_settings) and the log of messages sent through it (sms_messages), migration 086. */
import type { Queryable } from '../connection.ts';

export interface SmsSettingsRow {
  url: string;
  /** Sealed (src/server/auth/secretBox.ts). */
  authHeader: string | null;
  sender: string | null;
  bodyTemplate: string | null;
}

export async function getSmsSettings(db: Queryable, orgId: string): Promise<SmsSettingsRow | null> {
  const { rows } = await db.query(`/* getSmsSettings */ select url, auth_header, sender, body_template from sms_settings where org_id = $1`, [orgId]);
  const r = rows[0];
  return r ? { url: r.url, authHeader: r.auth_header, sender: r.sender, bodyTemplate: r.body_template } : null;
}

/** Saves the gateway; `authHeader` undefined keeps the stored one. */
export async function saveSmsSettings(db: Queryable, orgId: string, s: Omit<SmsSettingsRow, 'authHeader'> & { authHeader: string | null | undefined }): Promise<void> {
  await db.query(
    `/* saveSmsSettings */ insert into sms_settings(org_id, url, auth_header, sender, body_template) values ($1, $2, $3, $4, $5)
     on conflict (org_id) do update set url = excluded.url, sender = excluded.sender, body_template = excluded.body_template,
       auth_header = case when $6 then sms_settings.auth_header else excluded.auth_header end, updated_at = now()`,
    [orgId, s.url, s.authHeader ?? null, s.sender, s.bodyTemplate, s.authHeader === undefined],
  );
}

export async function deleteSmsSettings(db: Queryable, orgId: string): Promise<void> {
  await db.query(`/* deleteSmsSettings */ delete from sms_settings where org_id = $1`, [orgId]);
}

export interface SmsLogEntry {
  invitationId: string | null;
  contactId: string | null;
  to: string;
  status: 'sent' | 'failed';
  httpStatus: number | null;
  providerId: string | null;
  error: string | null;
}

export async function recordSmsMessage(db: Queryable, orgId: string, e: SmsLogEntry): Promise<void> {
  await db.query(
    `/* recordSmsMessage */ insert into sms_messages(org_id, invitation_id, contact_id, to_phone, status, http_status, provider_id, error)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [orgId, e.invitationId, e.contactId, e.to, e.status, e.httpStatus, e.providerId, e.error === null ? null : e.error.slice(0, 500)],
  );
}

/** The latest messages, newest first (`to` is null once the contact was erased). */
export async function listRecentSmsMessages(db: Queryable, orgId: string, limit = 10): Promise<Array<Omit<SmsLogEntry, 'to'> & { to: string | null; at: Date }>> {
  const { rows } = await db.query(
    `/* listRecentSmsMessages */ select invitation_id, contact_id, to_phone, status, http_status, provider_id, error, created_at
       from sms_messages where org_id = $1 order by created_at desc, id limit $2`,
    [orgId, limit],
  );
  return rows.map((r) => ({
    invitationId: r.invitation_id, contactId: r.contact_id, to: r.to_phone, status: r.status, httpStatus: r.http_status,
    providerId: r.provider_id, error: r.error, at: r.created_at,
  }));
}
