/**
 * The demo's e-mail invitations (src/core/demo/invitations.ts): three waves of `demo-nps` to the demo
 * contacts with an e-mail address (src/db/demo/insertDemoContacts.ts runs first), their invitations, and
 * demo responses of the contact's store near the time of each answer linked to the contact and
 * invitation (channel `email`). Runs inside the demo's transaction, before the rollups are built.
 */
import crypto from 'node:crypto';
import type { PoolClient } from '../connection.ts';
import { DEMO_WAVES, demoInvitations, type DemoContact } from '../../core/demo/invitations.ts';
import type { DemoIds } from './insertDemoStructure.ts';

const DEMO_SURVEY = 'demo-nps';

/** The demo contacts with an e-mail address (created by the contacts directory's demo before this runs). */
async function loadDemoMailContacts(tx: PoolClient, orgId: string, now: Date): Promise<DemoContact[]> {
  const { rows } = await tx.query(
    `/* loadDemoMailContacts */ select c.id, l.code, c.segment, c.unsubscribed_at from contacts c left join locations l on l.org_id = c.org_id and l.id = c.location_id
      where c.org_id = $1 and c.email is not null and c.erased_at is null order by c.created_at, c.id`,
    [orgId],
  );
  return rows.map((r) => ({
    id: r.id, storeCode: r.code, segment: r.segment,
    unsubscribedDaysAgo: r.unsubscribed_at ? Math.floor((now.getTime() - r.unsubscribed_at.getTime()) / 86_400_000) : null,
  }));
}

export async function insertDemoInvitations(tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date }): Promise<{ invitations: number; linked: number }> {
  const survey = ids.surveys.get(DEMO_SURVEY)!;
  const contacts = await loadDemoMailContacts(tx, ids.orgId, opts.now);
  const waveIds = new Map<string, string>();
  for (const w of DEMO_WAVES) {
    const sendAfter = new Date(opts.now.getTime() - w.daysAgo * 86_400_000);
    const audience = { ...(w.storePrefix ? { locationId: ids.locations.get(w.storePrefix.replace(/-$/, '')) } : {}), ...(w.segments ? { segments: w.segments } : {}) };
    const { rows } = await tx.query(
      `/* insertDemoWave */ insert into invitation_waves(org_id, survey_id, name, channel, audience, reminder_days, window_start, window_end, status, send_after, created_at, planned_at)
       values ($1, $2, $3, 'email', $4, $5, 540, 1200, 'planned', $6, $6, $6) returning id`,
      [ids.orgId, survey.id, w.name, JSON.stringify(audience), w.reminderDays, sendAfter],
    );
    waveIds.set(w.key, rows[0].id);
  }
  const invitations = demoInvitations(opts.seed, contacts, opts.now);
  await tx.query(
    `/* insertDemoInvitationRows */ insert into survey_invitations(org_id, id, survey_id, contact_id, wave_id, channel, token_hash, status, skip_reason,
        send_after, sent_at, delivered_at, bounced_at, opened_at, reminders_sent, last_reminder_at, language, created_at)
     select $1, x.id, $2, x.contact_id, x.wave_id, 'email', x.token_hash, x.status, x.skip_reason, coalesce(x.sent_at, x.wave_at), x.sent_at,
            case when x.status = 'delivered' then x.sent_at end, x.bounced_at, x.opened_at, x.reminders, x.last_reminder, c.language, x.wave_at
       from unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[],
                   $12::int[], $13::timestamptz[], $14::timestamptz[]) x(id, contact_id, wave_id, token_hash, status, skip_reason, sent_at, bounced_at, opened_at, reminders, last_reminder, wave_at)
       join contacts c on c.org_id = $1 and c.id = x.contact_id`,
    [
      ids.orgId, survey.id, invitations.map((i) => i.id), invitations.map((i) => i.contactId), invitations.map((i) => waveIds.get(i.waveKey)!),
      invitations.map(() => crypto.randomBytes(32).toString('hex')), invitations.map((i) => i.status), invitations.map((i) => i.skipReason),
      invitations.map((i) => i.sentAt), invitations.map((i) => i.bouncedAt), invitations.map((i) => i.openedAt), invitations.map((i) => i.remindersSent),
      invitations.map((i) => i.lastReminderAt),
      invitations.map((i) => new Date(opts.now.getTime() - DEMO_WAVES.find((w) => w.key === i.waveKey)!.daysAgo * 86_400_000)),
    ],
  );
  const storeOf = new Map(contacts.map((c) => [c.id, c.storeCode ? (ids.locations.get(c.storeCode) ?? null) : null]));
  let linked = 0;
  for (const inv of invitations) {
    if (!inv.answerAt) continue;
    // A demo answer at the contact's store close to the answer time becomes theirs, through e-mail.
    const { rows } = await tx.query(
      `/* linkDemoResponse */ with pick as (
         select id, submitted_at from responses
          where org_id = $1 and survey_id = $2 and location_id = $3 and contact_id is null
            and submitted_at between $4::timestamptz - interval '12 hours' and $4::timestamptz + interval '3 days'
          order by abs(extract(epoch from submitted_at - $4::timestamptz)) limit 1)
       , linked as (update responses r set contact_id = $5, invitation_id = $6, channel = 'email' from pick where r.org_id = $1 and r.id = pick.id
         returning r.id, r.submitted_at)
       , typed as (update answers a set channel = 'email' from linked where a.org_id = $1 and a.response_id = linked.id)
       select id, submitted_at from linked`,
      [ids.orgId, survey.id, storeOf.get(inv.contactId), inv.answerAt, inv.contactId, inv.id],
    );
    if (!rows[0]) continue;
    await tx.query(
      `/* markDemoInvitationAnswered */ update survey_invitations set responded_at = $3, response_id = $4, opened_at = coalesce(opened_at, $3) where org_id = $1 and id = $2`,
      [ids.orgId, inv.id, rows[0].submitted_at, rows[0].id],
    );
    linked++;
  }
  return { invitations: invitations.length, linked };
}
