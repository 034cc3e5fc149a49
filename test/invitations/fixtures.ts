/** Contacts and waves for the invitation tests, inserted in SQL (the contacts directory is another feature). */
import type pg from 'pg';

export interface ContactFixture {
  email?: string | null;
  phone?: string | null;
  name?: string | null;
  language?: string | null;
  timeZone?: string | null;
  segment?: string | null;
  locationId?: string | null;
  unsubscribed?: boolean;
  erased?: boolean;
}

export async function buildContact(pool: pg.Pool, orgId: string, c: ContactFixture): Promise<string> {
  const { rows } = await pool.query(
    `insert into contacts(org_id, email, phone, name, language, time_zone, segment, location_id, unsubscribed_at, erased_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, case when $9 then now() end, case when $10 then now() end) returning id`,
    [orgId, c.email ?? null, c.phone ?? null, c.name ?? null, c.language ?? null, c.timeZone ?? null, c.segment ?? null, c.locationId ?? null, c.unsubscribed ?? false, c.erased ?? false],
  );
  return rows[0].id;
}

export async function invitationRows(pool: pg.Pool, orgId: string, waveId: string) {
  const { rows } = await pool.query(
    `select i.id, c.email, i.status, i.skip_reason, i.claimed_at, i.reminders_sent, i.next_reminder_at, i.responded_at, i.response_id, i.send_after, i.sent_at
       from survey_invitations i join contacts c on c.org_id = i.org_id and c.id = i.contact_id
      where i.org_id = $1 and i.wave_id = $2 order by c.email`,
    [orgId, waveId],
  );
  return rows;
}
