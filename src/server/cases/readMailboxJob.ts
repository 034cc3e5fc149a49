/**
 * @module Reads an organisation's feedback mailbox (kind `read-feedback-mailbox`, src/server/cases/mailbox):
 * queued every minute by `sweep-feedback-mailboxes` for mailboxes due, and at once after the settings are saved.
 * Idempotent (letters are stored once per Message-ID); bounded runs, queued again when more letters wait.
 * Letters stored as feedback items go to {@link evaluateLetterAlerts}.
 */
import type { JobContext } from '../jobs/queue.ts';
import { defineJob, onePendingPerOrganisation } from '../jobs/queue.ts';
import { readMailbox } from './mailbox/readMailbox.ts';

/**
 * The hook for alert rules of trigger `comment_match` over feedback letters (docs/closed-loop.md "Alerts"):
 * called with the letters each run stored as feedback items. The alerts work enqueues its evaluation job here;
 * until then it does nothing.
 */
export async function evaluateLetterAlerts(_ctx: JobContext, _orgId: string, _feedbackMessageIds: readonly string[]): Promise<void> {}

export const readMailboxJob = defineJob({
  name: 'read-feedback-mailbox',
  ...onePendingPerOrganisation,
  schedule: 'every minute for mailboxes due (sweep-feedback-mailboxes), and after the mailbox settings are saved',
  // A mailbox problem is recorded on the mailbox (with its own backoff), not retried here; database failures are.
  retry: { limit: 2, delaySeconds: 20, backoff: true },
  expireInSeconds: 10 * 60,
  async handler({ orgId }, ctx) {
    const run = await readMailbox(ctx.pool, orgId, { stop: ctx.aborted });
    if (run.feedbackMessageIds.length > 0) await evaluateLetterAlerts(ctx, orgId, run.feedbackMessageIds);
    if (run.more && !ctx.aborted()) await ctx.queue.send(readMailboxJob, { orgId });
    const { feedbackMessageIds: _ids, ...summary } = run;
    return summary;
  },
});
