/** Invitation counts by status (folded into counts and rates by src/core/invitations/counts.ts) and the invitations of a wave. */
import type { StatusCountRow } from '../../core/invitations/counts.ts';
import type { Queryable } from '../connection.ts';

export interface CountFilter {
  waveIds?: string[];
  surveyId?: string;
  /** The caller's location scope: only contacts inside it (null: the whole organisation). */
  scopePaths: string[] | null;
}

export interface GroupedStatusRow extends StatusCountRow {
  /** The wave id, the channel, or '' (see `groupBy`). */
  key: string | null;
}

/** Invitations counted by status and skip reason, grouped by wave, by channel or not at all. */
export async function countInvitations(db: Queryable, orgId: string, groupBy: 'wave' | 'channel' | 'none', f: CountFilter): Promise<GroupedStatusRow[]> {
  const key = groupBy === 'wave' ? 'i.wave_id::text' : groupBy === 'channel' ? 'i.channel' : `''`;
  const { rows } = await db.query(
    `/* countInvitations */ select ${key} as key, i.status, i.skip_reason, count(*)::int as n, count(i.opened_at)::int as opened,
        count(i.responded_at)::int as responded, coalesce(sum(i.reminders_sent), 0)::int as reminders
       from survey_invitations i
      where i.org_id = $1
        and ($2::uuid[] is null or i.wave_id = any($2))
        and ($3::uuid is null or i.survey_id = $3)
        and ($4::text[] is null or exists (
              select 1 from contacts c join locations l on l.org_id = c.org_id and l.id = c.location_id
               where c.org_id = i.org_id and c.id = i.contact_id and l.path like any(select p || '%' from unnest($4::text[]) p)))
      group by 1, 2, 3`,
    [orgId, f.waveIds ?? null, f.surveyId ?? null, f.scopePaths],
  );
  return rows.map((r) => ({ key: r.key, status: r.status, skipReason: r.skip_reason, n: r.n, opened: r.opened, responded: r.responded, reminders: r.reminders }));
}

/** The organisation's waves, newest first. */
export async function listWaveIds(db: Queryable, orgId: string, limit: number): Promise<string[]> {
  const { rows } = await db.query(`/* listWaveIds */ select id from invitation_waves where org_id = $1 order by created_at desc, id limit $2`, [orgId, limit]);
  return rows.map((r) => r.id);
}

export interface WaveInvitationRow {
  id: string;
  contactId: string;
  contact: string | null;
  contactName: string | null;
  status: string;
  skipReason: string | null;
  sendAfter: Date;
  sentAt: Date | null;
  openedAt: Date | null;
  respondedAt: Date | null;
  remindersSent: number;
  nextReminderAt: Date | null;
  lastError: string | null;
}

/** A wave's invitations (at most `limit`), within the caller's scope. */
export async function listWaveInvitations(db: Queryable, orgId: string, waveId: string, scopePaths: string[] | null, limit: number): Promise<WaveInvitationRow[]> {
  const { rows } = await db.query(
    `/* listWaveInvitations */ select i.id, i.contact_id, coalesce(case when i.channel = 'email' then c.email else c.phone end, c.email, c.phone) as contact, c.name,
        i.status, i.skip_reason, i.send_after, i.sent_at, i.opened_at, i.responded_at, i.reminders_sent, i.next_reminder_at, i.last_error
       from survey_invitations i
       join contacts c on c.org_id = i.org_id and c.id = i.contact_id
       left join locations l on l.org_id = c.org_id and l.id = c.location_id
      where i.org_id = $1 and i.wave_id = $2
        and ($3::text[] is null or l.path like any(select p || '%' from unnest($3::text[]) p))
      order by i.status, c.email nulls last, i.id
      limit $4`,
    [orgId, waveId, scopePaths, limit],
  );
  return rows.map((r) => ({
    id: r.id, contactId: r.contact_id, contact: r.contact, contactName: r.name, status: r.status, skipReason: r.skip_reason,
    sendAfter: r.send_after, sentAt: r.sent_at, openedAt: r.opened_at, respondedAt: r.responded_at, remindersSent: r.reminders_sent,
    nextReminderAt: r.next_reminder_at, lastError: r.last_error,
  }));
}

/** Names of the waves of a survey. */
export async function waveNames(db: Queryable, orgId: string, waveIds: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query(`/* waveNames */ select id, name from invitation_waves where org_id = $1 and id = any($2)`, [orgId, waveIds]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
