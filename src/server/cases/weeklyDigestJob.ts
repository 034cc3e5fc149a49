/**
 * @module `case-digest` (cron Mondays 06:00 UTC): one e-mail per owner of open cases (or of cases
 * resolved in the past week): counts by status, the overdue ones, the resolved ones; in the owner's
 * language (src/core/closedLoop/digest.ts), through sendMail (the outbox without SMTP), plus a `digest`
 * notification, which also marks the week done: a retried run sends nobody a second digest.
 */
import type pg from 'pg';
import { z } from 'zod';
import { digestMail, digestWeek } from '../../core/closedLoop/digest.ts';
import { listDigestRecipients, overdueCasesOf } from '../../db/cases/digest.ts';
import { insertNotifications } from '../../db/cases/notifications.ts';
import { defaultPublicUrl } from '../invitations/runtime.ts';
import { defineJob } from '../jobs/queue.ts';
import { sendMail } from '../mail/sendMail.ts';

const OVERDUE_LISTED = 20;
const WEEK_MS = 7 * 86_400_000;

export interface DigestOptions {
  smtpUrl: string | undefined;
  publicUrl: string;
  now: Date;
  aborted?: () => boolean;
}

export async function sendWeeklyDigests(pool: pg.Pool, opts: DigestOptions): Promise<{ sent: number }> {
  const week = digestWeek(opts.now);
  const recipients = await listDigestRecipients(pool, new Date(opts.now.getTime() - WEEK_MS), opts.now, week);
  let sent = 0;
  for (const r of recipients) {
    if (opts.aborted?.()) break;
    const overdue = await overdueCasesOf(pool, r.orgId, r.userId, opts.now, OVERDUE_LISTED);
    const mail = digestMail(r.locale, {
      name: r.name, counts: r.counts, overdue: overdue.items, overdueMore: overdue.total - overdue.items.length,
      resolvedLastWeek: r.resolvedLastWeek, link: `${opts.publicUrl.replace(/\/$/, '')}/app/cases`, timeZone: r.timeZone,
    });
    await sendMail(pool, opts.smtpUrl, { orgId: r.orgId, senderId: null, to: r.email, ...mail });
    const open = r.counts.new + r.counts.inProgress + r.counts.waitingCustomer;
    await insertNotifications(pool, r.orgId, [r.userId], {
      kind: 'digest', body: { week, open, overdue: overdue.total, resolvedLastWeek: r.resolvedLastWeek },
    });
    sent++;
  }
  return { sent };
}

export const weeklyDigestJob = defineJob({
  name: 'case-digest',
  payload: z.object({}),
  schedule: 'Mondays at 06:00 UTC (cron)',
  cron: '0 6 * * 1',
  policy: 'short',
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  expireInSeconds: 60 * 60,
  async handler(_payload, ctx) {
    return sendWeeklyDigests(ctx.pool, { smtpUrl: process.env.SMTP_URL, publicUrl: defaultPublicUrl(), now: new Date(), aborted: ctx.aborted });
  },
});
