/**
 * @module `report-scheduler` (cron every minute: due schedules become deliveries, lost ones are marked
 * `unknown` or queued again) and `send-report` (one delivery: build, render, send at most once). docs/reports.md.
 */
import { z } from 'zod';
import { defineJob } from '../jobs/queue.ts';
import { runReportScheduler, sendDelivery } from './deliver.ts';

export const sendReportJob = defineJob({
  name: 'send-report',
  payload: z.object({ orgId: z.uuid(), deliveryId: z.uuid() }),
  schedule: 'per report delivery: from report-scheduler when a schedule is due, "send now" and a manual retry',
  policy: 'short',
  singletonKey: (p) => p.deliveryId,
  // A retry is safe: a delivery that reached `sending` is never sent again by a job.
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  expireInSeconds: 15 * 60,
  concurrency: 2,
  pollSeconds: 1,
  async handler({ orgId, deliveryId }, ctx) {
    return { status: await sendDelivery(ctx.pool, orgId, deliveryId) };
  },
});

export const reportSchedulerJob = defineJob({
  name: 'report-scheduler',
  payload: z.object({}),
  schedule: 'cron every minute',
  cron: '* * * * *',
  policy: 'short',
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  expireInSeconds: 5 * 60,
  async handler(_payload, ctx) {
    return runReportScheduler(ctx.pool, (orgId, deliveryId) => ctx.queue.send(sendReportJob, { orgId, deliveryId }));
  },
});
