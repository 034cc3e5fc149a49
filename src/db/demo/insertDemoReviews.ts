/** The demo's reviews (src/core/demo/reviews.ts), written in the demo's transaction like an import would. */
import crypto from 'node:crypto';
import type { PoolClient } from '../connection.ts';
import { generateDemoReviews } from '../../core/demo/reviews.ts';
import { insertReviews } from '../reviews/saveReviews.ts';
import type { DemoIds } from './insertDemoStructure.ts';

/** @returns how many reviews were written */
export async function insertDemoReviews(tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date; days: number }): Promise<number> {
  const rows = [...generateDemoReviews(opts)].map((r, i) => ({
    draft: { ...r, row: i + 1, locationId: ids.locations.get(r.location) ?? null },
    hash: crypto.createHash('sha256').update(r.dedupeKey).digest('hex'),
  }));
  return insertReviews(tx, ids.orgId, rows);
}
