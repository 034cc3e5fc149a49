/** @module SLA targets per priority (support_sla_targets): seconds to the first response and to resolution. */
import type { Queryable } from '../connection.ts';

export interface SlaTarget {
  priority: string;
  /** Seconds from creation to the first agent reply; null = no target. */
  firstResponseS: number | null;
  /** Seconds from creation to resolution; null = no target. */
  resolutionS: number | null;
}

/** The organisation's targets, by priority. */
export async function listSlaTargets(db: Queryable, orgId: string): Promise<SlaTarget[]> {
  const { rows } = await db.query<{ priority: string; first_response_s: number | null; resolution_s: number | null }>(
    '/* listSlaTargets */ select priority, first_response_s, resolution_s from support_sla_targets where org_id = $1 order by priority',
    [orgId],
  );
  return rows.map((r) => ({ priority: r.priority, firstResponseS: r.first_response_s, resolutionS: r.resolution_s }));
}

/** Creates or changes the target of one priority. */
export async function saveSlaTarget(db: Queryable, orgId: string, t: SlaTarget): Promise<void> {
  await db.query(
    `/* saveSlaTarget */ insert into support_sla_targets (org_id, priority, first_response_s, resolution_s) values ($1, $2, $3, $4)
      on conflict (org_id, priority) do update set first_response_s = excluded.first_response_s, resolution_s = excluded.resolution_s`,
    [orgId, t.priority, t.firstResponseS, t.resolutionS],
  );
}


/** Replaces all targets with `targets` (one per priority). */
export async function replaceSlaTargets(db: Queryable, orgId: string, targets: readonly SlaTarget[]): Promise<void> {
  await db.query('/* replaceSlaTargets */ delete from support_sla_targets where org_id = $1', [orgId]);
  for (const t of targets) await saveSlaTarget(db, orgId, t);
}
