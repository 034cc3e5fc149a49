/**
 * @module `loyalty-refresh` (docs/store-economics.md "Loyalty economics"): after a transactions import, computes
 * and stores the loyalty dashboard's default views for the whole organisation (all time and the last 12 months, by
 * month, with the NPS groups), so the first visit reads a snapshot. Idempotent: a view already stored for the
 * current data is read, not computed again.
 */
import { defineJob, onePendingPerOrganisation } from '../jobs/queue.ts';
import { refreshDefaultLoyaltyViews } from './loyaltyAnswers.ts';

export const loyaltyRefreshJob = defineJob({
  name: 'loyalty-refresh',
  ...onePendingPerOrganisation,
  schedule: 'after a transactions import (import-store-file)',
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 30 * 60,
  async handler({ orgId }, ctx) {
    return { views: await refreshDefaultLoyaltyViews({ pool: ctx.pool, reads: ctx.pool }, orgId) };
  },
});
