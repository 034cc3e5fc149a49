/**
 * The demo's e-mail invitations (src/core/demo/invitations.ts): contacts of the demo stores (created
 * here by insertDemoInvitationContacts, the one place the demo makes contacts for invitations), three
 * waves of `demo-nps`, their invitations, and demo responses of the contact's store near the time of
 * each answer linked to the contact and invitation (channel `email`). Runs inside the demo's
 * transaction, before the rollups are built.
 */
import crypto from 'node:crypto';
import type { PoolClient } from '../connection.ts';
import { DEMO_WAVES, demoContacts, demoInvitations, type DemoContact } from '../../core/demo/invitations.ts';
import type { DemoIds } from './insertDemoStructure.ts';

const DEMO_SURVEY = 'demo-nps';

/** Creates the demo contacts of the invitations (the contacts directory may add more of its own). */
async function insertDemoInvitationContacts(tx: PoolClient, ids: DemoIds, contacts: DemoContact[], now: Date): Promise<void> {
  await tx.query(
    `/* insertDemoInvitationContacts */ insert into contacts(org_id, id, email, name, language, time_zone, location_id, segment, unsubscribed_at)
     select $1, x.id, x.email, x.name, x.language, x.tz, x.loc, x.segment, case when x.unsub is not null then $10::timestamptz - make_interval(days => x.unsub) end
       from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::int[]) x(id, email, name, language, tz, loc, segment, unsub)`,
    [
      ids.orgId, contacts.map((c) => c.id), contacts.map((c) => c.email), contacts.map((c) => c.name), contacts.map((c) => c.language),
      contacts.map((c) => c.timeZone), contacts.map((c) => ids.locations.get(c.storeCode)!), contacts.map((c) => c.segment),
      contacts.map((c) => c.unsubscribedDaysAgo), now,
    ],
  );
}

export async function insertDemoInvitations(tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date }): Promise<{ invitations: number; linked: number }> {
  const survey = ids.surveys.get(DEMO_SURVEY)!;
  const contacts = demoContacts(opts.seed);
  await insertDemoInvitationContacts(tx, ids, contacts, opts.now);
  const waveIds = new Map<string, string>();
  for (const w of DEMO_WAVES) {
    const sendAfter = new Date(opts.now.getTime() - w.daysAgo * 86_400_000);
    const audience = { ...(w.storeCode ? { locationId: ids.locations.get(w.storeCode) } : {}), ...(w.segments ? { segments: w.segments } : {}) };
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
  const storeOf = new Map(contacts.map((c) => [c.id, ids.locations.get(c.storeCode)!]));
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
