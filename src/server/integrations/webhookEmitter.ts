/**
 * After a response is stored (and committed), its webhooks are made by a job (webhook-event), never on
 * the submission's path: the respondent's answer does not wait for, nor fail with, any webhook. Only
 * organisations with an enabled endpoint get the job; whether one has is cached for 10 s per process
 * (so an endpoint added in another process gets events within 10 s; in this one at once).
 */
import type pg from 'pg';
import { hasActiveWebhooks } from '../../db/integrations/webhooks.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { ResponseEventSink } from '../../http/deps.ts';
import { webhookEventJob } from './webhookEventJob.ts';

const CACHE_MS = 10_000;

export interface ResponseEvents extends ResponseEventSink {
  /** Forget what is known about an organisation's endpoints (after one changed). */
  endpointsChanged(orgId: string): void;
  /** Resolves when every event this process is enqueueing has been sent to the queue (tests). */
  settled(): Promise<void>;
}

export function createResponseEvents(pool: pg.Pool, queue: JobQueue, onError: (err: unknown) => void): ResponseEvents {
  const known = new Map<string, { has: boolean; at: number }>();
  const inFlight = new Set<Promise<void>>();
  const hasEndpoints = async (orgId: string) => {
    const k = known.get(orgId);
    if (k && Date.now() - k.at < CACHE_MS) return k.has;
    const has = await hasActiveWebhooks(pool, orgId);
    if (known.size > 10_000) known.clear();
    known.set(orgId, { has, at: Date.now() });
    return has;
  };
  return {
    created(orgId, responseId) {
      const p = (async () => {
        if (await hasEndpoints(orgId)) await queue.send(webhookEventJob, { orgId, responseId });
      })()
        .catch(onError)
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
    endpointsChanged: (orgId) => known.delete(orgId),
    async settled() {
      await Promise.all([...inFlight]);
    },
  };
}
