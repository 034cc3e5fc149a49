/** Invitation waves and the planning of their invitations (src/server/invitations/planWave.ts). */
import type { Queryable } from '../connection.ts';

export type InvitationChannel = 'email' | 'sms' | 'telegram';

export interface WaveAudience {
  contactIds?: string[];
  segment?: string;
  locationId?: string;
  /** The creator's location scope (null or absent: the whole organisation): contacts outside it are left out. */
  scopePaths?: string[] | null;
}

export interface WaveRow {
  id: string;
  surveyId: string;
  surveyName: string;
  name: string;
  channel: InvitationChannel;
  audience: WaveAudience;
  reminderDays: number[];
  windowStart: number;
  windowEnd: number;
  status: 'planning' | 'planned' | 'cancelled';
  sendAfter: Date;
  createdAt: Date;
  plannedAt: Date | null;
}

export interface WaveInsert extends Pick<WaveRow, 'surveyId' | 'name' | 'channel' | 'audience' | 'reminderDays' | 'windowStart' | 'windowEnd' | 'sendAfter'> {
  orgId: string;
  createdBy: string | null;
}

export async function insertWave(db: Queryable, w: WaveInsert): Promise<string> {
  const { rows } = await db.query(
    `/* insertWave */ insert into invitation_waves(org_id, survey_id, name, channel, audience, reminder_days, window_start, window_end, send_after, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [w.orgId, w.surveyId, w.name, w.channel, JSON.stringify(w.audience), w.reminderDays, w.windowStart, w.windowEnd, w.sendAfter, w.createdBy],
  );
  return rows[0].id;
}

const waveColumns = `w.id, w.survey_id, s.name as survey_name, w.name, w.channel, w.audience, w.reminder_days, w.window_start, w.window_end,
  w.status, w.send_after, w.created_at, w.planned_at`;

function toWave(r: any): WaveRow {
  return {
    id: r.id, surveyId: r.survey_id, surveyName: r.survey_name, name: r.name, channel: r.channel, audience: r.audience,
    reminderDays: r.reminder_days, windowStart: r.window_start, windowEnd: r.window_end, status: r.status,
    sendAfter: r.send_after, createdAt: r.created_at, plannedAt: r.planned_at,
  };
}

export async function loadWave(db: Queryable, orgId: string, waveId: string): Promise<WaveRow | null> {
  const { rows } = await db.query(
    `/* loadWave */ select ${waveColumns} from invitation_waves w join surveys s on s.org_id = w.org_id and s.id = w.survey_id
      where w.org_id = $1 and w.id = $2`,
    [orgId, waveId],
  );
  return rows[0] ? toWave(rows[0]) : null;
}

/** Takes the wave for planning (row lock) when it still waits for it; null otherwise. */
export async function lockWaveForPlanning(db: Queryable, orgId: string, waveId: string): Promise<WaveRow | null> {
  const { rows } = await db.query(
    `/* lockWaveForPlanning */ select ${waveColumns} from invitation_waves w join surveys s on s.org_id = w.org_id and s.id = w.survey_id
      where w.org_id = $1 and w.id = $2 and w.status = 'planning' for update of w`,
    [orgId, waveId],
  );
  return rows[0] ? toWave(rows[0]) : null;
}

export async function markWavePlanned(db: Queryable, orgId: string, waveId: string): Promise<void> {
  await db.query(`/* markWavePlanned */ update invitation_waves set status = 'planned', planned_at = now() where org_id = $1 and id = $2`, [orgId, waveId]);
}

/** Cancels a wave and skips (reason `cancelled`) what it still has queued; false when there was no such wave or it was cancelled already. */
export async function cancelWave(db: Queryable, orgId: string, waveId: string): Promise<boolean> {
  const { rows } = await db.query(
    `/* cancelWave */ with w as (update invitation_waves set status = 'cancelled' where org_id = $1 and id = $2 and status <> 'cancelled' returning id),
     i as (update survey_invitations i set status = 'skipped', skip_reason = 'cancelled', next_reminder_at = null
             from w where i.org_id = $1 and i.wave_id = w.id and i.status = 'queued' returning 1)
     select (select count(*) from w)::int as waves, (select count(*) from i)::int as skipped`,
    [orgId, waveId],
  );
  return rows[0].waves > 0;
}

/** A contact of an audience with what the contact-frequency policy needs. */
export interface AudienceContact {
  id: string;
  email: string | null;
  phone: string | null;
  telegramChatId: string | null;
  language: string | null;
  timeZone: string | null;
  unsubscribedAt: Date | null;
  erasedAt: Date | null;
  /** The last invitation sent (any survey, channel) or answer given. */
  lastSurveyedAt: Date | null;
}

/**
 * The contacts of an audience (ids, segment, location subtree; all given filters apply), at most
 * `limit`, with when each was last surveyed; limited to `audience.scopePaths` when set.
 */
export async function selectAudience(db: Queryable, orgId: string, audience: WaveAudience, limit: number): Promise<AudienceContact[]> {
  const { rows } = await db.query(
    `/* selectAudience */ select c.id, c.email, c.phone, c.attributes->>'telegram_chat_id' as telegram_chat_id, c.language, c.time_zone, c.unsubscribed_at, c.erased_at,
        greatest(
          (select max(i.sent_at) from survey_invitations i where i.org_id = c.org_id and i.contact_id = c.id),
          (select max(r.submitted_at) from responses r where r.org_id = c.org_id and r.contact_id = c.id)
        ) as last_surveyed_at
       from contacts c
       left join locations l on l.org_id = c.org_id and l.id = c.location_id
      where c.org_id = $1
        and ($2::uuid[] is null or c.id = any($2))
        and ($3::text is null or c.segment = $3)
        and ($4::uuid is null or l.path like (select path from locations where org_id = $1 and id = $4) || '%')
        and ($5::text[] is null or l.path like any(select p || '%' from unnest($5::text[]) p))
      order by c.created_at, c.id
      limit $6`,
    [orgId, audience.contactIds ?? null, audience.segment ?? null, audience.locationId ?? null, audience.scopePaths ?? null, limit],
  );
  return rows.map((r) => ({
    id: r.id, email: r.email, phone: r.phone, telegramChatId: r.telegram_chat_id, language: r.language, timeZone: r.time_zone,
    unsubscribedAt: r.unsubscribed_at, erasedAt: r.erased_at, lastSurveyedAt: r.last_surveyed_at,
  }));
}

export interface InvitationInsert {
  id: string;
  contactId: string;
  tokenHash: string;
  status: 'queued' | 'skipped';
  skipReason: string | null;
  sendAfter: Date;
}

/** Inserts a wave's (or a single) invitations in one statement; a contact already invited in the wave is left as it is. */
export async function insertInvitations(
  db: Queryable, orgId: string, surveyId: string, waveId: string | null, channel: InvitationChannel, rows: InvitationInsert[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const { rowCount } = await db.query(
    `/* insertInvitations */ insert into survey_invitations(org_id, id, survey_id, contact_id, wave_id, channel, token_hash, status, skip_reason, send_after)
     select $1, x.id, $2, x.contact_id, $3, $4, x.token_hash, x.status, x.skip_reason, x.send_after
       from unnest($5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::timestamptz[]) as x(id, contact_id, token_hash, status, skip_reason, send_after)
      where $3::uuid is null or not exists (select 1 from survey_invitations o where o.org_id = $1 and o.wave_id = $3 and o.contact_id = x.contact_id)`,
    [
      orgId, surveyId, waveId, channel, rows.map((r) => r.id), rows.map((r) => r.contactId), rows.map((r) => r.tokenHash),
      rows.map((r) => r.status), rows.map((r) => r.skipReason), rows.map((r) => r.sendAfter),
    ],
  );
  return rowCount ?? 0;
}

/** The organisation's key for personal links, created on first use (`candidate` when none exists yet). */
export async function ensureInvitationKey(db: Queryable, orgId: string, candidate: string): Promise<string> {
  const { rows } = await db.query(
    `/* ensureInvitationKey */ update orgs set invitation_key = coalesce(invitation_key, $2) where id = $1 returning invitation_key`,
    [orgId, candidate],
  );
  return rows[0].invitation_key;
}

export interface PolicySettings {
  orgGapDays: number;
  surveyGapDays: number | null;
  orgTimeZone: string;
  surveyStatus: string;
  defaultLanguage: string;
}

export async function loadPolicySettings(db: Queryable, orgId: string, surveyId: string): Promise<PolicySettings | null> {
  const { rows } = await db.query(
    `/* loadPolicySettings */ select o.contact_gap_days, s.contact_gap_days as survey_gap_days, o.timezone, s.status, s.default_language
       from surveys s join orgs o on o.id = s.org_id where s.org_id = $1 and s.id = $2`,
    [orgId, surveyId],
  );
  const r = rows[0];
  return r ? { orgGapDays: r.contact_gap_days, surveyGapDays: r.survey_gap_days, orgTimeZone: r.timezone, surveyStatus: r.status, defaultLanguage: r.default_language } : null;
}
