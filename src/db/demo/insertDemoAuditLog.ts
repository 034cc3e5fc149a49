/**
 * The demo's audit log (src/core/demo/auditLog.ts): each event at its past time, by the demo user of its e-mail (the
 * actor's label as recordAuditEvent writes it), the NPS survey or a user as target. Inserted directly, not through
 * recordAuditEvent, because the events are in the past.
 */
import type { PoolClient } from '../connection.ts';
import { demoAuditEvents } from '../../core/demo/auditLog.ts';
import type { DemoIds } from './insertDemoStructure.ts';

const DAY_MS = 86_400_000;

export async function insertDemoAuditLog(tx: PoolClient, ids: DemoIds, opts: { now: Date; days: number; surveyId: string }): Promise<number> {
  const today = Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth(), opts.now.getUTCDate());
  const events = demoAuditEvents(opts.days).map((e, i) => ({
    // A minute apart within the hour, and never after `now`.
    at: new Date(Math.min(today - e.daysAgo * DAY_MS + e.hour * 3_600_000 + i * 60_000, opts.now.getTime() - (40 - i) * 60_000)),
    ...e,
  }));
  for (const e of events) {
    await tx.query(
      `/* insertDemoAuditEvent */ insert into audit_log(org_id, actor_id, actor_kind, actor_label, action, target_type, target_id, target_label, detail, ip, user_agent, created_at)
       select $1, a.id, case when a.id is null then 'system' else 'user' end, coalesce(nullif(a.name, '') || ' <' || a.email || '>', a.email),
         $3, $4, coalesce(t.id::text, $5), $6, $7, case when a.id is null then null else '192.0.2.10' end, case when a.id is null then null else $8 end, $9
       from (select 1) one
       left join users a on a.org_id = $1 and a.email = $2
       left join users t on t.org_id = $1 and t.email = $10`,
      [ids.orgId, e.actorEmail, e.action, e.targetType, e.targetType === 'survey' ? opts.surveyId : null, e.targetLabel ?? null,
        JSON.stringify(e.details ?? {}), e.userAgent, e.at, e.targetEmail ?? null],
    );
  }
  return events.length;
}
