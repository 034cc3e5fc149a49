/**
 * @module `send-invitations`: sends the due invitations and reminders of every organisation in bounded
 * batches (src/server/invitations/sendDue.ts: claim, send, record). Runs every minute (reminders,
 * send windows that opened, retries after a backoff) and at once after a wave is planned or a
 * contact invited. Several processes may run it at the same time: each message is claimed by one.
 */
import { z } from 'zod';
import { invitationRuntime } from '../invitations/runtime.ts';
import { sendDueBatch } from '../invitations/sendDue.ts';
import { defineJob } from './queue.ts';

/** Batches one run sends at most before it leaves the rest to a follow-up job (other kinds get their turn). */
const MAX_BATCHES_PER_RUN = 40;

export const sendInvitationsJob = defineJob({
  name: 'send-invitations',
  payload: z.object({}),
  schedule: 'every minute (cron), and at once after a wave is planned or a contact is invited',
  cron: '* * * * *',
  policy: 'short',
  // Failures of single messages are retried per message (with backoff); a failed run is retried by the next minute.
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 30 * 60,
  async handler(_payload, ctx) {
    const rt = invitationRuntime(ctx.pool);
    const total = { sent: 0, skipped: 0, postponed: 0, failed: 0 };
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      if (ctx.aborted()) return total;
      const o = await sendDueBatch(ctx.pool, rt);
      total.sent += o.sent;
      total.skipped += o.skipped;
      total.postponed += o.postponed;
      total.failed += o.failed;
      if (o.due < rt.batchSize) return total;
    }
    await ctx.queue.send(sendInvitationsJob, {});
    return total;
  },
});
