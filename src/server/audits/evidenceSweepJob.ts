/**
 * @module The daily clean-up of audit evidence (kind `audit-evidence-sweep`, cron): uploads no visit took
 * within a day (the auditor gave up the draft, or the phone uploaded and never submitted) are deleted,
 * row first and then the bytes, so a visit can never point at a deleted file.
 */
import { z } from 'zod';
import type pg from 'pg';
import { UNLINKED_EVIDENCE_HOURS } from '../../core/audits/evidence.ts';
import { deleteUnlinkedEvidence, listStaleEvidence } from '../../db/audits/field.ts';
import { defineJob } from '../jobs/queue.ts';
import { evidenceSettingsFromEnv, openEvidenceStores, type EvidenceStores } from './evidenceStore.ts';

const BATCH = 500;

/** Deletes unlinked uploads older than `hours`; returns how many. */
export async function sweepUnlinkedEvidence(pool: pg.Pool, stores: EvidenceStores, opts: { hours?: number; aborted?: () => boolean } = {}): Promise<number> {
  let deleted = 0;
  for (;;) {
    const stale = await listStaleEvidence(pool, opts.hours ?? UNLINKED_EVIDENCE_HOURS, BATCH);
    for (const e of stale) {
      if (!(await deleteUnlinkedEvidence(pool, e.orgId, e.id))) continue;
      await stores.of(e.storage)?.delete(e.storageKey);
      deleted++;
    }
    if (stale.length < BATCH || opts.aborted?.()) return deleted;
  }
}

export const evidenceSweepJob = defineJob({
  name: 'audit-evidence-sweep',
  payload: z.object({}),
  schedule: 'every day at 04:23 UTC (cron)',
  cron: '23 4 * * *',
  policy: 'short',
  // The next day sweeps again.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  expireInSeconds: 30 * 60,
  async handler(_payload, ctx) {
    return { deleted: await sweepUnlinkedEvidence(ctx.pool, openEvidenceStores(evidenceSettingsFromEnv()), { aborted: ctx.aborted }) };
  },
});
