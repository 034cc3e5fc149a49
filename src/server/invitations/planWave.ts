/**
 * Planning a wave: its audience becomes invitation rows, each queued for the opening of its send
 * window or skipped with the reason (policy as of the wave's start; checked again at send time).
 * One transaction; a wave already planned is left alone (the job may run twice).
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import { effectiveGapDays } from '../../core/contacts/frequency.ts';
import { planInvitations, summarizePlan, type PlanContact, type PlanSummary } from '../../core/invitations/plan.ts';
import { isTimeZone } from '../../core/time/timeZone.ts';
import type { Queryable } from '../../db/connection.ts';
import {
  ensureInvitationKey, insertInvitations, loadPolicySettings, lockWaveForPlanning, markWavePlanned, selectAudience,
  type InvitationChannel, type WaveAudience,
} from '../../db/invitations/waves.ts';
import { withTransaction } from '../../db/tx.ts';
import { invitationToken, newInvitationKey, tokenHash } from './commands/links.ts';

/** Contacts one wave may reach. */
export const MAX_AUDIENCE = 50_000;
const INSERT_CHUNK = 1000;

export interface PlanInput {
  surveyId: string;
  channel: InvitationChannel;
  audience: WaveAudience;
  windowStart: number;
  windowEnd: number;
  startAt: Date;
}

/** What a wave would do (the create page's preview and the planning itself). */
export async function previewPlan(db: Queryable, orgId: string, input: PlanInput) {
  const settings = await loadPolicySettings(db, orgId, input.surveyId);
  if (!settings) return null;
  const contacts: PlanContact[] = await selectAudience(db, orgId, input.audience, MAX_AUDIENCE);
  const plan = settings.surveyStatus === 'live'
    ? planInvitations(contacts, {
        channel: input.channel, gapDays: effectiveGapDays(settings.orgGapDays, settings.surveyGapDays),
        window: { startMinute: input.windowStart, endMinute: input.windowEnd }, orgTimeZone: settings.orgTimeZone, startAt: input.startAt, isTimeZone,
      })
    : contacts.map((c) => ({ contactId: c.id, status: 'skipped' as const, skipReason: 'survey_closed' as const, sendAfter: input.startAt }));
  return { plan, summary: summarizePlan(plan, input.startAt) };
}

/** Plans the wave once; null when it was planned (or cancelled) already or is gone. */
export async function planWave(pool: pg.Pool, orgId: string, waveId: string, now: Date): Promise<PlanSummary | null> {
  return withTransaction(pool, async (tx) => {
    const wave = await lockWaveForPlanning(tx, orgId, waveId);
    if (!wave) return null;
    const startAt = wave.sendAfter > now ? wave.sendAfter : now;
    const result = await previewPlan(tx, orgId, { ...wave, startAt });
    if (!result) return null;
    const key = await ensureInvitationKey(tx, orgId, newInvitationKey());
    const rows = result.plan.map((p) => {
      const id = crypto.randomUUID();
      return { id, contactId: p.contactId, tokenHash: tokenHash(invitationToken(key, id)), status: p.status, skipReason: p.skipReason, sendAfter: p.sendAfter };
    });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await insertInvitations(tx, orgId, wave.surveyId, wave.id, wave.channel, rows.slice(i, i + INSERT_CHUNK));
    }
    await markWavePlanned(tx, orgId, wave.id);
    return result.summary;
  });
}
