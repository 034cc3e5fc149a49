/** Creating a wave (and its preview): checked, stored, then planned by the `plan-invitation-wave` job. */
import type pg from 'pg';
import type { Principal } from '../../../core/access/index.ts';
import type { WaveCreate, WavePreviewResponse } from '../../../core/api/invitations.ts';
import { DomainError } from '../../../core/errors.ts';
import { effectiveGapDays } from '../../../core/contacts/frequency.ts';
import { parseMinute } from '../../../core/invitations/sendWindow.ts';
import { insertWave, loadPolicySettings, type WaveAudience } from '../../../db/invitations/waves.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { planInvitationWaveJob } from '../../jobs/planInvitationWaveJob.ts';
import { previewPlan } from '../planWave.ts';
import type { SenderRegistry } from '../sender.ts';

function checked(principal: Principal, input: WaveCreate, channels: SenderRegistry, now: Date) {
  if (!channels.get(input.channel)) throw new DomainError('validation', `The ${input.channel} channel is not set up`, { field: 'channel' });
  const audience: WaveAudience = { ...input.audience, scopePaths: principal.locationPaths };
  const startAt = input.sendAt && new Date(input.sendAt) > now ? new Date(input.sendAt) : now;
  // 24:00 as a start is midnight; an end of 00:00 is the end of the day.
  const windowStart = parseMinute(input.window.start)! % 1440;
  const end = parseMinute(input.window.end)!;
  const windowEnd = end === 0 ? 1440 : end;
  return { audience, startAt, windowStart, windowEnd };
}

async function liveSurvey(pool: pg.Pool, orgId: string, surveyId: string) {
  const settings = await loadPolicySettings(pool, orgId, surveyId);
  if (!settings) throw new DomainError('not_found', 'Survey not found');
  if (settings.surveyStatus !== 'live') throw new DomainError('validation', 'Only a live survey can be sent', { field: 'surveyId' });
  return settings;
}

export async function previewWave(pool: pg.Pool, principal: Principal, input: WaveCreate, channels: SenderRegistry, now: Date): Promise<WavePreviewResponse> {
  const settings = await liveSurvey(pool, principal.orgId, input.surveyId);
  const c = checked(principal, input, channels, now);
  const result = await previewPlan(pool, principal.orgId, { surveyId: input.surveyId, channel: input.channel, ...c });
  if (!result) throw new DomainError('not_found', 'Survey not found');
  return { ...result.summary, gapDays: effectiveGapDays(settings.orgGapDays, settings.surveyGapDays), surveyGapDays: settings.surveyGapDays };
}

export async function createWave(pool: pg.Pool, jobs: JobQueue, principal: Principal, input: WaveCreate, channels: SenderRegistry, now: Date): Promise<string> {
  await liveSurvey(pool, principal.orgId, input.surveyId);
  const c = checked(principal, input, channels, now);
  const waveId = await insertWave(pool, {
    orgId: principal.orgId, surveyId: input.surveyId, name: input.name, channel: input.channel, audience: c.audience,
    reminderDays: input.reminderDays, windowStart: c.windowStart, windowEnd: c.windowEnd, sendAfter: c.startAt, createdBy: principal.userId,
  });
  await jobs.send(planInvitationWaveJob, { orgId: principal.orgId, waveId });
  return waveId;
}
