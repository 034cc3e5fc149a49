/**
 * The send pipeline's statements (src/server/invitations/sendDue.ts). A message (the invitation, seq 0,
 * or its k-th reminder, seq k) is claimed in a committed transaction before any provider is called and
 * its outcome recorded after; a claim older than the lease is a process that died mid-send.
 */
import type { Queryable } from '../connection.ts';

export interface DueMessage {
  orgId: string;
  id: string;
  seq: number;
}

/** Messages due at `now`: queued invitations, reminders, and claims older than the lease; oldest first, at most `limit`. */
export async function listDueMessages(db: Queryable, now: Date, leaseSeconds: number, limit: number): Promise<DueMessage[]> {
  const { rows } = await db.query(
    `/* listDueMessages */ select org_id, id, seq from (
       (select org_id, id, 0 as seq, send_after as due from survey_invitations where status = 'queued' and send_after <= $1 order by send_after limit $3)
       union all
       (select org_id, id, coalesce(claim_seq, 0), claimed_at from survey_invitations
         where claimed_at < $1 - make_interval(secs => $2) order by claimed_at limit $3)
       union all
       (select org_id, id, reminders_sent + 1, next_reminder_at from survey_invitations
         where next_reminder_at <= $1 and claimed_at is null and responded_at is null and status in ('sent', 'delivered')
         order by next_reminder_at limit $3)
     ) d order by due limit $3`,
    [now, leaseSeconds, limit],
  );
  return rows.map((r) => ({ orgId: r.org_id, id: r.id, seq: r.seq }));
}

/** Serialises the sends to one contact (the frequency policy reads what the others sent): held until the transaction ends. */
export async function lockContactForSend(db: Queryable, orgId: string, contactId: string): Promise<void> {
  await db.query(`/* lockContactForSend */ select pg_advisory_xact_lock(hashtextextended($1 || '/' || $2, 42))`, [orgId, contactId]);
}

export interface InvitationForSend {
  orgId: string;
  id: string;
  surveyId: string;
  contactId: string;
  waveId: string | null;
  channel: 'email' | 'sms' | 'telegram';
  status: string;
  sendAfter: Date;
  sentAt: Date | null;
  claimedAt: Date | null;
  claimSeq: number | null;
  remindersSent: number;
  nextReminderAt: Date | null;
  respondedAt: Date | null;
  attempts: number;
  language: string | null;
  contact: {
    email: string | null; phone: string | null; name: string | null; language: string | null; timeZone: string | null;
    unsubscribedAt: Date | null; erasedAt: Date | null; attributes: Record<string, unknown>;
    /** The contact's opt-out link token (migration 081). */
    unsubscribeToken: string;
  };
  orgGapDays: number;
  surveyGapDays: number | null;
  orgTimeZone: string;
  orgName: string;
  invitationKey: string | null;
  surveyStatus: string;
  reminderDays: number[];
  windowStart: number;
  windowEnd: number;
  waveStatus: string | null;
  /** Another invitation of the contact sent or in flight, or an answer they gave, whichever is latest. */
  lastSurveyedAt: Date | null;
}

/** The invitation with everything a send decides on, its row locked until the transaction ends; null when gone. */
export async function loadInvitationForSend(db: Queryable, orgId: string, id: string): Promise<InvitationForSend | null> {
  const { rows } = await db.query(
    `/* loadInvitationForSend */ select i.*, c.email, c.phone, c.name as contact_name, c.language as contact_language, c.time_zone,
        c.unsubscribed_at, c.erased_at, c.attributes, c.unsubscribe_token, o.contact_gap_days as org_gap_days, o.timezone as org_time_zone, o.name as org_name,
        o.invitation_key, s.contact_gap_days as survey_gap_days, s.status as survey_status,
        coalesce(w.reminder_days, '{}') as reminder_days, coalesce(w.window_start, 0) as window_start, coalesce(w.window_end, 1440) as window_end,
        w.status as wave_status,
        greatest(
          (select max(coalesce(o2.sent_at, o2.claimed_at)) from survey_invitations o2
            where o2.org_id = i.org_id and o2.contact_id = i.contact_id and o2.id <> i.id and o2.status in ('sending', 'sent', 'delivered')),
          (select max(r.submitted_at) from responses r where r.org_id = i.org_id and r.contact_id = i.contact_id)
        ) as last_surveyed_at
       from survey_invitations i
       join contacts c on c.org_id = i.org_id and c.id = i.contact_id
       join orgs o on o.id = i.org_id
       join surveys s on s.org_id = i.org_id and s.id = i.survey_id
       left join invitation_waves w on w.org_id = i.org_id and w.id = i.wave_id
      where i.org_id = $1 and i.id = $2
      for update of i`,
    [orgId, id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    orgId: r.org_id, id: r.id, surveyId: r.survey_id, contactId: r.contact_id, waveId: r.wave_id, channel: r.channel, status: r.status,
    sendAfter: r.send_after, sentAt: r.sent_at, claimedAt: r.claimed_at, claimSeq: r.claim_seq, remindersSent: r.reminders_sent,
    nextReminderAt: r.next_reminder_at, respondedAt: r.responded_at, attempts: r.attempts, language: r.language,
    contact: {
      email: r.email, phone: r.phone, name: r.contact_name, language: r.contact_language, timeZone: r.time_zone,
      unsubscribedAt: r.unsubscribed_at, erasedAt: r.erased_at, attributes: r.attributes ?? {}, unsubscribeToken: r.unsubscribe_token,
    },
    orgGapDays: r.org_gap_days, surveyGapDays: r.survey_gap_days, orgTimeZone: r.org_time_zone, orgName: r.org_name,
    invitationKey: r.invitation_key, surveyStatus: r.survey_status, reminderDays: r.reminder_days,
    windowStart: r.window_start, windowEnd: r.window_end, waveStatus: r.wave_status, lastSurveyedAt: r.last_surveyed_at,
  };
}

/** Claims message `seq` of the invitation (committed before the provider is called). */
export async function claimMessage(db: Queryable, orgId: string, id: string, seq: number, now: Date, language: string): Promise<void> {
  await db.query(
    `/* claimMessage */ update survey_invitations set claimed_at = $4, claim_seq = $3, attempts = attempts + 1, language = $5,
        status = case when $3 = 0 then 'sending' else status end
      where org_id = $1 and id = $2`,
    [orgId, id, seq, now, language],
  );
}

/** Moves a queued invitation whose window is closed to the window's next opening (nothing claimed). */
export async function postponeInvitation(db: Queryable, orgId: string, id: string, seq: number, until: Date): Promise<void> {
  await db.query(
    `/* postponeInvitation */ update survey_invitations set
        send_after = case when $3 = 0 then $4 else send_after end,
        next_reminder_at = case when $3 = 0 then next_reminder_at else $4 end,
        status = case when $3 = 0 and status = 'sending' then 'queued' else status end, claimed_at = null, claim_seq = null
      where org_id = $1 and id = $2`,
    [orgId, id, seq, until],
  );
}

/** The invitation is not sent (policy, opt-out, no address, closed survey); its reminders stop. */
export async function skipInvitation(db: Queryable, orgId: string, id: string, reason: string): Promise<void> {
  await db.query(
    `/* skipInvitation */ update survey_invitations set status = 'skipped', skip_reason = $3, claimed_at = null, claim_seq = null, next_reminder_at = null
      where org_id = $1 and id = $2`,
    [orgId, id, reason],
  );
}

/** No more reminders for the invitation (answered, opted out, erased...). */
export async function stopReminders(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query(
    `/* stopReminders */ update survey_invitations set next_reminder_at = null, claimed_at = null, claim_seq = null where org_id = $1 and id = $2`,
    [orgId, id],
  );
}

/**
 * Records that the provider took message `seq` (delivered: it confirmed acceptance, e.g. SMTP 250;
 * else only handed over, e.g. to the outbox). Only the holder of the claim records; false otherwise.
 */
export async function recordSent(
  db: Queryable, orgId: string, id: string, seq: number,
  r: { at: Date; delivered: boolean; providerId: string | null; nextReminderAt: Date | null },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* recordSent */ update survey_invitations set claimed_at = null, claim_seq = null, last_error = null, attempts = 0, next_reminder_at = $7,
        status = case when $3 = 0 then (case when $5 then 'delivered' else 'sent' end) else status end,
        sent_at = case when $3 = 0 then $4 else sent_at end,
        delivered_at = case when $3 = 0 and $5 then $4 else delivered_at end,
        provider_id = case when $3 = 0 then $6 else provider_id end,
        reminders_sent = case when $3 = 0 then reminders_sent else $3 end,
        last_reminder_at = case when $3 = 0 then last_reminder_at else $4 end
      where org_id = $1 and id = $2 and claim_seq = $3 and claimed_at is not null`,
    [orgId, id, seq, r.at, r.delivered, r.providerId, r.nextReminderAt],
  );
  return rowCount === 1;
}

/**
 * Records a failed attempt. permanent (the address was refused): bounced, no reminders. Otherwise, with
 * `retryAt`, the message is due again then; without, the invitation failed (seq 0) or its reminders stop.
 */
export async function recordFailure(
  db: Queryable, orgId: string, id: string, seq: number, r: { at: Date; permanent: boolean; error: string; retryAt: Date | null },
): Promise<void> {
  await db.query(
    `/* recordFailure */ update survey_invitations set claimed_at = null, claim_seq = null, last_error = left($5, 500),
        status = case when $4 then 'bounced' when $3 = 0 then (case when $6::timestamptz is null then 'failed' else 'queued' end) else status end,
        bounced_at = case when $4 then $7 else bounced_at end,
        send_after = case when not $4 and $3 = 0 and $6::timestamptz is not null then $6 else send_after end,
        next_reminder_at = case when $4 or $3 = 0 then null else $6 end
      where org_id = $1 and id = $2 and claim_seq = $3`,
    [orgId, id, seq, r.permanent, r.error, r.retryAt, r.at],
  );
}

/** The contact of an invitation (to take the contact's lock before the row's). */
export async function invitationContactId(db: Queryable, orgId: string, id: string): Promise<string | null> {
  const { rows } = await db.query(`/* invitationContactId */ select contact_id from survey_invitations where org_id = $1 and id = $2`, [orgId, id]);
  return rows[0]?.contact_id ?? null;
}

/** A later bounce (a DSN) of a delivered invitation of the organisation: bounced, reminders stop. Returns whether it changed. */
export async function markInvitationBounced(db: Queryable, orgId: string, id: string, error: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* markInvitationBounced */ update survey_invitations set status = 'bounced', bounced_at = now(), next_reminder_at = null, last_error = left($3, 500)
      where org_id = $1 and id = $2 and status in ('sent', 'delivered')`,
    [orgId, id, error],
  );
  return rowCount === 1;
}
