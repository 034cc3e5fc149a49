/** SLA targets per priority (support_sla_targets): read and replaced as a whole from the support dashboard. */
import type { SlaTarget } from '../../core/api/supportKpis.ts';
import type { Queryable } from '../connection.ts';

/** The organisation's targets, by priority. */
export async function listSlaTargets(db: Queryable, orgId: string): Promise<SlaTarget[]> {
  const { rows } = await db.query(
    `/* listSlaTargets */ select priority, first_response_s, resolution_s from support_sla_targets where org_id = $1 order by priority`,
    [orgId],
  );
  return rows.map((r) => ({ priority: r.priority, first_response_s: r.first_response_s, resolution_s: r.resolution_s }));
}

/** Replaces every target of the organisation (inside the caller's transaction). */
export async function replaceSlaTargets(tx: Queryable, orgId: string, targets: readonly SlaTarget[]): Promise<void> {
  await tx.query(`/* deleteSlaTargets */ delete from support_sla_targets where org_id = $1`, [orgId]);
  if (targets.length === 0) return;
  await tx.query(
    `/* insertSlaTargets */ insert into support_sla_targets(org_id, priority, first_response_s, resolution_s)
     select $1, t.priority, t.first_response_s, t.resolution_s
     from unnest($2::text[], $3::int[], $4::int[]) as t(priority, first_response_s, resolution_s)`,
    [orgId, targets.map((t) => t.priority), targets.map((t) => t.first_response_s), targets.map((t) => t.resolution_s)],
  );
}
