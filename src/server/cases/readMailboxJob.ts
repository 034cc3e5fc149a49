/**
 * @module Reads an organisation's feedback mailbox (kind `read-feedback-mailbox`, src/server/cases/mailbox):
 * queued every minute by `sweep-feedback-mailboxes` for mailboxes due, and at once after the settings are saved.
 * Idempotent (letters are stored once per Message-ID); bounded runs, queued again when more letters wait.
 * Each letter stored as a feedback item is evaluated by the alert rules (job `alerts-feedback`: trigger
 * comment_match, docs/closed-loop.md "Alerts").
 */
import { defineJob, onePendingPerOrganisation } from '../jobs/queue.ts';
import { alertsFeedbackJob } from '../alerts/alertJobs.ts';
import { readMailbox } from './mailbox/readMailbox.ts';

export const readMailboxJob = defineJob({
  name: 'read-feedback-mailbox',
  ...onePendingPerOrganisation,
  schedule: 'every minute for mailboxes due (sweep-feedback-mailboxes), and after the mailbox settings are saved',
  // A mailbox problem is recorded on the mailbox (with its own backoff), not retried here; database failures are.
  retry: { limit: 2, delaySeconds: 20, backoff: true },
  expireInSeconds: 10 * 60,
  async handler({ orgId }, ctx) {
    const run = await readMailbox(ctx.pool, orgId, { stop: ctx.aborted });
    for (const messageId of run.feedbackMessageIds) await ctx.queue.send(alertsFeedbackJob, { orgId, messageId });
    if (run.more && !ctx.aborted()) await ctx.queue.send(readMailboxJob, { orgId });
    const { feedbackMessageIds: _ids, ...summary } = run;
    return summary;
  },
});
