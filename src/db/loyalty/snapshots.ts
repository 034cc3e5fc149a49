/**
 * @module Stored loyalty answers (docs/store-economics.md "Loyalty economics"; migration 121): the
 * organisation's loyalty data version, bumped by every transactions import and the demo loader (which also
 * drop the organisation's snapshots), and the snapshots keyed by kind, parameters, scope, data version, time
 * zone and NPS fingerprint.
 *
 * Exports: `loyaltyDataState`, `bumpLoyaltyData`, `readLoyaltySnapshot`, `writeLoyaltySnapshot`, `LoyaltySnapshotKey`.
 */
import type { Queryable } from '../connection.ts';

export interface LoyaltySnapshotKey {
  orgId: string;
  kind: 'summary' | 'nps-value';
  params: string;
  scope: string;
  dataVersion: number;
  timeZone: string;
  npsFingerprint: string;
}

/** The organisation's time zone and loyalty data version; null when there is no such organisation. */
export async function loyaltyDataState(db: Queryable, orgId: string): Promise<{ timeZone: string; dataVersion: number } | null> {
  const { rows } = await db.query<{ time_zone: string; data_version: string }>(
    `/* loyaltyDataState */ select timezone as time_zone, loyalty_data_version as data_version from orgs where id = $1`, [orgId],
  );
  return rows[0] ? { timeZone: rows[0].time_zone, dataVersion: Number(rows[0].data_version) } : null;
}

/** The transactions changed (call inside the writing transaction): a new data version, the old snapshots gone. */
export async function bumpLoyaltyData(tx: Queryable, orgId: string): Promise<void> {
  await tx.query(`/* bumpLoyaltyData */ update orgs set loyalty_data_version = loyalty_data_version + 1 where id = $1`, [orgId]);
  await tx.query(`/* dropLoyaltySnapshots */ delete from loyalty_snapshots where org_id = $1`, [orgId]);
}

const KEY_WHERE = 'org_id = $1 and kind = $2 and params = $3 and scope = $4 and data_version = $5 and time_zone = $6 and nps_fingerprint = $7';
const keyParams = (k: LoyaltySnapshotKey) => [k.orgId, k.kind, k.params, k.scope, k.dataVersion, k.timeZone, k.npsFingerprint];

/** The stored answer of exactly this key, or null. */
export async function readLoyaltySnapshot<T>(db: Queryable, key: LoyaltySnapshotKey): Promise<{ answer: T; computedAt: Date } | null> {
  const { rows } = await db.query<{ answer: T; computed_at: Date }>(
    `/* readLoyaltySnapshot */ select answer, computed_at from loyalty_snapshots where ${KEY_WHERE}`, keyParams(key),
  );
  return rows[0] ? { answer: rows[0].answer, computedAt: rows[0].computed_at } : null;
}

/** Stores an answer computed at `computedAt` (a concurrent equal one already stored wins: same inputs, same answer). */
export async function writeLoyaltySnapshot(db: Queryable, key: LoyaltySnapshotKey, answer: unknown, computedAt: Date): Promise<void> {
  await db.query(
    `/* writeLoyaltySnapshot */ insert into loyalty_snapshots (org_id, kind, params, scope, data_version, time_zone, nps_fingerprint, answer, computed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing`,
    [...keyParams(key), JSON.stringify(answer), computedAt],
  );
}
