/** @module `plan-invitation-wave`: turns a new wave's audience into invitation rows, then starts sending. */
import { z } from 'zod';
import { planWave } from '../invitations/planWave.ts';
import { invitationRuntime } from '../invitations/runtime.ts';
import { defineJob } from './queue.ts';
import { sendInvitationsJob } from './sendInvitationsJob.ts';

export const planInvitationWaveJob = defineJob({
  name: 'plan-invitation-wave',
  payload: z.object({ orgId: z.uuid(), waveId: z.uuid() }),
  schedule: 'when a wave is created (POST /api/v1/waves)',
  policy: 'short',
  singletonKey: (p) => p.waveId,
  retry: { limit: 5, delaySeconds: 10, backoff: true },
  expireInSeconds: 10 * 60,
  async handler({ orgId, waveId }, ctx) {
    const summary = await planWave(ctx.pool, orgId, waveId, invitationRuntime(ctx.pool).now());
    await ctx.queue.send(sendInvitationsJob, {});
    return summary ?? { alreadyPlanned: true };
  },
});
