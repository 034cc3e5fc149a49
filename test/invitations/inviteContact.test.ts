/**
 * One invitation after an event (`inviteContact`, what the API trigger calls) and the pipeline's
 * retries, on a clock the test moves: nothing before `sendAfter`, a temporary SMTP refusal retried
 * after the backoff (1 minute, then 2), a permanent one bounced and never tried again, an opted-out
 * contact skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteContact } from '../../src/server/invitations/commands/inviteContact.ts';
import { setupInvitations, type InvitationRuntime } from '../../src/server/invitations/runtime.ts';
import { sendDueBatch } from '../../src/server/invitations/sendDue.ts';
import { buildOrg } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildSurvey } from '../respond/factory.ts';
import { buildContact } from './fixtures.ts';
import { startTestSmtp, type TestSmtp } from './smtp.ts';

let db: TestDatabase;
let smtp: TestSmtp;
let rt: InvitationRuntime;
let clock = new Date('2026-06-01T10:00:00Z');
let orgId: string;
let surveyId: string;
/** Temporary refusals still to give per address. */
const refusals = new Map<string, number>([['flaky@event.test', 2]]);

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startTestSmtp((mail) => {
    if (mail.to === 'nobody@event.test') return 'permanent';
    const left = refusals.get(mail.to) ?? 0;
    if (left > 0) {
      refusals.set(mail.to, left - 1);
      return 'temporary';
    }
    return 'accept';
  });
  rt = setupInvitations(db.pool, { smtpUrl: smtp.url, publicUrl: 'https://e.example.test', now: () => clock });
  orgId = (await buildOrg(db.pool, 'Event Org')).orgId;
  await db.pool.query(`update orgs set contact_gap_days = 0 where id = $1`, [orgId]);
  surveyId = (await buildSurvey(db.pool, orgId)).id;
});
afterAll(async () => {
  await smtp?.close();
  await db?.drop();
});

const row = async (id: string) => (await db.pool.query(`select status, skip_reason, attempts, send_after, last_error, bounced_at from survey_invitations where id = $1`, [id])).rows[0];
const at = (ms: number) => new Date(clock.getTime() + ms);

describe('inviteContact', () => {
  it('sends at sendAfter, not before', async () => {
    const contactId = await buildContact(db.pool, orgId, { email: 'later@event.test' });
    const inv = await inviteContact(db.pool, undefined, { orgId, surveyId, contactId, channel: 'email', sendAfter: at(30 * 60_000) }, clock);
    expect(inv).toMatchObject({ status: 'queued', skipReason: null, sendAfter: at(30 * 60_000) });
    expect(await sendDueBatch(db.pool, rt)).toMatchObject({ due: 0, sent: 0 });
    expect(smtp.arrived).toHaveLength(0);
    clock = at(30 * 60_000);
    expect(await sendDueBatch(db.pool, rt)).toMatchObject({ due: 1, sent: 1 });
    expect(smtp.accepted.map((m) => m.to)).toEqual(['later@event.test']);
    expect((await row(inv.invitationId)).status).toBe('delivered');
  });

  it('skips an opted-out contact at once, with the reason', async () => {
    const contactId = await buildContact(db.pool, orgId, { email: 'gone@event.test', unsubscribed: true });
    const inv = await inviteContact(db.pool, undefined, { orgId, surveyId, contactId, channel: 'email' }, clock);
    expect(inv).toMatchObject({ status: 'skipped', skipReason: 'unsubscribed' });
    expect((await row(inv.invitationId)).skip_reason).toBe('unsubscribed');
  });

  it('retries a temporary refusal after 1 minute, then 2, and delivers it', async () => {
    const contactId = await buildContact(db.pool, orgId, { email: 'flaky@event.test' });
    const inv = await inviteContact(db.pool, undefined, { orgId, surveyId, contactId, channel: 'email' }, clock);
    await sendDueBatch(db.pool, rt);
    expect(await row(inv.invitationId)).toMatchObject({ status: 'queued', attempts: 1, send_after: at(60_000) });
    expect((await row(inv.invitationId)).last_error).toBeTruthy();
    clock = at(59_000);
    expect(await sendDueBatch(db.pool, rt)).toMatchObject({ due: 0 });
    clock = at(1_000);
    await sendDueBatch(db.pool, rt);
    expect(await row(inv.invitationId)).toMatchObject({ status: 'queued', attempts: 2, send_after: at(120_000) });
    clock = at(120_000);
    await sendDueBatch(db.pool, rt);
    expect(await row(inv.invitationId)).toMatchObject({ status: 'delivered', attempts: 0, last_error: null });
    expect(smtp.arrived.filter((m) => m.to === 'flaky@event.test')).toHaveLength(3);
    expect(smtp.accepted.filter((m) => m.to === 'flaky@event.test')).toHaveLength(1);
  });

  it('bounces a permanent refusal and never tries it again', async () => {
    const contactId = await buildContact(db.pool, orgId, { email: 'nobody@event.test' });
    const inv = await inviteContact(db.pool, undefined, { orgId, surveyId, contactId, channel: 'email' }, clock);
    await sendDueBatch(db.pool, rt);
    expect(await row(inv.invitationId)).toMatchObject({ status: 'bounced', bounced_at: clock });
    clock = at(24 * 3_600_000);
    expect(await sendDueBatch(db.pool, rt)).toMatchObject({ due: 0 });
    expect(smtp.arrived.filter((m) => m.to === 'nobody@event.test')).toHaveLength(1);
  });

  it('refuses an unknown contact or a survey that is not live', async () => {
    await expect(inviteContact(db.pool, undefined, { orgId, surveyId, contactId: crypto.randomUUID(), channel: 'email' })).rejects.toMatchObject({ code: 'not_found' });
    const draft = (await buildSurvey(db.pool, orgId, { status: 'draft' })).id;
    const contactId = await buildContact(db.pool, orgId, { email: 'draft@event.test' });
    await expect(inviteContact(db.pool, undefined, { orgId, surveyId: draft, contactId, channel: 'email' })).rejects.toMatchObject({ code: 'validation' });
  });
});
