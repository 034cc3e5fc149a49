/**
 * @module Partial responses (kind `close-partial-responses`, cron): progress abandoned for a day, of surveys that
 * count unfinished responses, becomes responses marked partial (src/server/responses/commands/closePartialResponses.ts);
 * their rollup changes are folded at once.
 */
import { z } from 'zod';
import { closePartialResponses } from '../responses/commands/closePartialResponses.ts';
import { foldRollupsJob } from './foldRollupsJob.ts';
import { defineJob } from './queue.ts';

/** Rows per transaction; a run takes up to MAX_BATCHES batches, until none is left or the process stops. */
const BATCH = 200;
const MAX_BATCHES = 50;

export const closePartialResponsesJob = defineJob({
  name: 'close-partial-responses',
  payload: z.object({}),
  schedule: 'every 10 minutes (cron)',
  cron: '*/10 * * * *',
  policy: 'short',
  // The next run takes what this one left.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  expireInSeconds: 15 * 60,
  async handler(_payload, ctx) {
    let created = 0;
    const orgs = new Set<string>();
    for (let i = 0; i < MAX_BATCHES && !ctx.aborted(); i++) {
      const run = await closePartialResponses(ctx.pool, BATCH);
      created += run.created;
      for (const o of run.orgIds) orgs.add(o);
      if (run.seen < BATCH) break;
    }
    for (const orgId of orgs) await ctx.queue.send(foldRollupsJob, { orgId });
    return { created };
  },
});
