/**
 * @module The minute sweep (kind `sweep-rollups`, cron): enqueues a fold for every organisation with
 * queued rollup changes and a rebuild for every organisation whose rebuild is requested. Normally
 * both are already queued by their triggers; the sweep covers what a trigger could not enqueue (the
 * database was down at that moment, a process died before its 50 ms debounce ended, a CLI asked for a
 * rebuild) so the queue heals itself within a minute. The queue's policies drop what already waits.
 */
import { z } from 'zod';
import { listOrgsWithPendingChanges } from '../../db/rollups/rollupQueue.ts';
import { foldRollupsJob } from './foldRollupsJob.ts';
import { defineJob } from './queue.ts';
import { enqueueWantedRollupRebuilds } from './rebuildOrgRollupsJob.ts';

export const sweepRollupsJob = defineJob({
  name: 'sweep-rollups',
  payload: z.object({}),
  schedule: 'every minute (cron), and once when the server starts',
  cron: '* * * * *',
  policy: 'short',
  // The next minute sweeps again.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  expireInSeconds: 5 * 60,
  async handler(_payload, ctx) {
    const orgs = await listOrgsWithPendingChanges(ctx.pool);
    for (const orgId of orgs) await ctx.queue.send(foldRollupsJob, { orgId });
    await enqueueWantedRollupRebuilds(ctx.queue, ctx.pool);
    return { folds: orgs.length };
  },
});
