/**
 * @module The alert job kinds (docs/jobs.md, docs/closed-loop.md "Alerts"): evaluation after a response is
 * stored, after comments and reviews are analysed, on a feedback letter, the SLA sweep and the daily
 * metric_drop comparison. Each is idempotent: an alert exists once per (rule, source).
 */
import { z } from 'zod';
import { orgsWithEnabledRules } from '../../db/alerts/alertRules.ts';
import { defineJob, onePendingPerOrganisation, onePerStoredResponse } from '../jobs/queue.ts';
import { evaluateAnalysed, evaluateFeedbackMessage, evaluateMetricDrops, evaluateResponse, sweepSlaBreaches } from './evaluate.ts';

export const alertsResponseJob = defineJob({
  name: 'alerts-response',
  ...onePerStoredResponse,
  schedule: 'after each stored response of an organisation with an enabled low_score or comment_match rule',
  async handler({ orgId, responseId }, ctx) {
    return { fired: await evaluateResponse(ctx.pool, ctx.queue, orgId, responseId) };
  },
});

export const alertsAnalysedJob = defineJob({
  name: 'alerts-analysed',
  ...onePendingPerOrganisation,
  schedule: 'after each analyse-comments run: comments and reviews analysed since the last run',
  retry: { limit: 5, delaySeconds: 5, backoff: true },
  expireInSeconds: 600,
  pollSeconds: 1,
  async handler({ orgId }, ctx) {
    const result = await evaluateAnalysed(ctx.pool, ctx.queue, orgId, ctx.aborted);
    if (result.more && !ctx.aborted()) await ctx.queue.send(alertsAnalysedJob, { orgId });
    return result;
  },
});

/** The mailbox reader enqueues this for each new letter (or calls evaluateFeedbackMessage itself). */
export const alertsFeedbackJob = defineJob({
  name: 'alerts-feedback',
  payload: z.object({ orgId: z.uuid(), messageId: z.uuid() }),
  schedule: 'after each feedback letter is stored (and analysed) by the feedback mailbox reader',
  policy: 'standard',
  retry: { limit: 5, delaySeconds: 5, backoff: true },
  expireInSeconds: 120,
  pollSeconds: 1,
  async handler({ orgId, messageId }, ctx) {
    return { fired: await evaluateFeedbackMessage(ctx.pool, ctx.queue, orgId, messageId) };
  },
});

/** One organisation's SLA sweep; the cron sends one per organisation with an enabled sla_breach rule. */
export const alertsSlaJob = defineJob({
  name: 'alerts-sla',
  ...onePendingPerOrganisation,
  schedule: 'from alerts-sweep every 5 minutes for each organisation with an enabled sla_breach rule, and after an event file import added events',
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 600,
  async handler({ orgId }, ctx) {
    return { fired: await sweepSlaBreaches(ctx.pool, ctx.queue, orgId) };
  },
});

export const alertsSweepJob = defineJob({
  name: 'alerts-sweep',
  payload: z.object({}),
  schedule: 'cron every 5 minutes: an SLA is breached by time passing, so contacts are looked at again',
  cron: '*/5 * * * *',
  policy: 'short',
  singletonKey: () => 'alerts-sweep',
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  expireInSeconds: 300,
  async handler(_p, ctx) {
    const orgs = await orgsWithEnabledRules(ctx.pool, 'sla_breach');
    for (const orgId of orgs) await ctx.queue.send(alertsSlaJob, { orgId });
    return { orgs: orgs.length };
  },
});

export const alertsMetricDropJob = defineJob({
  name: 'alerts-metric-drop',
  payload: z.object({ orgId: z.uuid().optional() }),
  schedule: 'cron every day at 04:40 UTC (every organisation with an enabled metric_drop rule); with orgId, that organisation only',
  cron: '40 4 * * *',
  policy: 'short',
  singletonKey: (p) => p.orgId ?? 'all',
  retry: { limit: 3, delaySeconds: 300, backoff: true },
  expireInSeconds: 3600,
  async handler({ orgId }, ctx) {
    const orgs = orgId ? [orgId] : await orgsWithEnabledRules(ctx.pool, 'metric_drop');
    let fired = 0;
    for (const org of orgs) {
      if (ctx.aborted()) break;
      fired += await evaluateMetricDrops(ctx.pool, ctx.queue, org);
    }
    return { orgs: orgs.length, fired };
  },
});
