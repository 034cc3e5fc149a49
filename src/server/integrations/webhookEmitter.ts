/**
 * After a response is stored (and committed), its webhooks are made by a job (webhook-event), and its
 * alerts evaluated by another (alerts-response), never on
 * the submission's path: the respondent's answer does not wait for, nor fail with, any webhook or alert.
 * Only organisations with an enabled endpoint (an enabled low_score or comment_match rule) get the job;
 * whether one has is cached for 10 s per process (so an endpoint or rule added in another process gets
 * events within 10 s; in this one at once).
 */
import type pg from 'pg';
import { hasActiveWebhooks } from '../../db/integrations/webhooks.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { ResponseEventSink } from '../../http/deps.ts';
import { webhookEventJob } from './webhookEventJob.ts';
import { hasEnabledRules } from '../../db/alerts/alertRules.ts';
import { alertsResponseJob } from '../alerts/alertJobs.ts';

const CACHE_MS = 10_000;

export interface ResponseEvents extends ResponseEventSink {
  /** Forget what is known about an organisation's endpoints (after one changed). */
  endpointsChanged(orgId: string): void;
  /** Forget what is known about an organisation's alert rules (after one changed). */
  alertRulesChanged(orgId: string): void;
  /** Resolves when every event this process is enqueueing has been sent to the queue (tests). */
  settled(): Promise<void>;
}

export function createResponseEvents(pool: pg.Pool, queue: JobQueue, onError: (err: unknown) => void): ResponseEvents {
  const inFlight = new Set<Promise<void>>();
  const cached = (check: (orgId: string) => Promise<boolean>) => {
    const known = new Map<string, { has: boolean; at: number }>();
    const has = async (orgId: string) => {
      const k = known.get(orgId);
      if (k && Date.now() - k.at < CACHE_MS) return k.has;
      const yes = await check(orgId);
      if (known.size > 10_000) known.clear();
      known.set(orgId, { has: yes, at: Date.now() });
      return yes;
    };
    return { has, forget: (orgId: string) => known.delete(orgId) };
  };
  const endpoints = cached((orgId) => hasActiveWebhooks(pool, orgId));
  // Alerts evaluated when a response is stored (low scores, keywords): src/server/alerts/evaluate.ts.
  const alertRules = cached((orgId) => hasEnabledRules(pool, orgId, ['low_score', 'comment_match']));
  return {
    created(orgId, responseId) {
      const p = (async () => {
        if (await endpoints.has(orgId)) await queue.send(webhookEventJob, { orgId, responseId });
        if (await alertRules.has(orgId)) await queue.send(alertsResponseJob, { orgId, responseId });
      })()
        .catch(onError)
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
    endpointsChanged: (orgId) => {
      endpoints.forget(orgId);
    },
    alertRulesChanged: (orgId) => {
      alertRules.forget(orgId);
    },
    async settled() {
      await Promise.all([...inFlight]);
    },
  };
}
