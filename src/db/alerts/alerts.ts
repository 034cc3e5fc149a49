/** @module Alerts fired (alerts), the evaluation cursors (alert_cursors) and who an alert reaches. */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import type { AlertSourceKind } from '../../core/closedLoop/model.ts';
import { locationScopeSql } from '../scope.ts';

/**
 * Serialises the alerts of one rule and location (the quiet period is read, then written): a
 * transaction-scoped advisory lock on the pair.
 */
export async function lockRuleLocation(db: Queryable, ruleId: string, locationId: string | null): Promise<void> {
  await db.query('/* lockRuleLocation */ select pg_advisory_xact_lock(hashtextextended($1, 13))', [`alert:${ruleId}:${locationId ?? '-'}`]);
}

/** When the rule last delivered an alert for this location (null location: alerts without one). */
export async function lastDeliveredAt(db: Queryable, orgId: string, ruleId: string, locationId: string | null): Promise<Date | null> {
  const { rows } = await db.query(
    `/* lastDeliveredAt */ select max(fired_at) as at from alerts
      where org_id = $1 and rule_id = $2 and location_id is not distinct from $3 and delivered`,
    [orgId, ruleId, locationId],
  );
  return rows[0].at ?? null;
}

export interface NewAlert {
  ruleId: string;
  sourceKind: AlertSourceKind;
  sourceId: string;
  locationId: string | null;
  summary: Record<string, unknown>;
  delivered: boolean;
  firedAt: Date;
  caseId: string | null;
}

/** Records an alert once per (rule, source); null when that source already fired the rule. */
export async function insertAlert(db: Queryable, orgId: string, a: NewAlert): Promise<string | null> {
  const { rows } = await db.query(
    `/* insertAlert */ insert into alerts (org_id, rule_id, source_kind, source_id, location_id, summary, delivered, fired_at, case_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (org_id, rule_id, source_kind, source_id) do nothing returning id`,
    [orgId, a.ruleId, a.sourceKind, a.sourceId, a.locationId, JSON.stringify(a.summary), a.delivered, a.firedAt, a.caseId],
  );
  return rows[0]?.id ?? null;
}

/** The alert this source already fired for the rule (with what its delivery still owes), or null. */
export async function findSourceAlert(db: Queryable, orgId: string, ruleId: string, sourceKind: AlertSourceKind, sourceId: string) {
  const { rows } = await db.query(
    `/* findSourceAlert */ select a.id, a.delivered, a.notified_at, a.fired_at, a.case_id, c.number as case_number
       from alerts a left join cases c on c.org_id = a.org_id and c.id = a.case_id
      where a.org_id = $1 and a.rule_id = $2 and a.source_kind = $3 and a.source_id = $4`,
    [orgId, ruleId, sourceKind, sourceId],
  );
  const r = rows[0];
  return r ? { id: r.id as string, delivered: r.delivered as boolean, notifiedAt: r.notified_at as Date | null, firedAt: r.fired_at as Date, caseId: r.case_id as string | null, caseNumber: r.case_number as number | null } : null;
}

/** Marks the alert's delivery as finished. */
export async function markAlertNotified(db: Queryable, orgId: string, alertId: string): Promise<void> {
  await db.query('/* markAlertNotified */ update alerts set notified_at = now() where org_id = $1 and id = $2', [orgId, alertId]);
}

/** The alert's in-app notifications, once per user however often delivery runs (a retry after a failure part-way). */
export async function insertAlertNotifications(db: Queryable, orgId: string, alertId: string, caseId: string | null, userIds: readonly string[], body: Record<string, unknown>): Promise<number> {
  if (userIds.length === 0) return 0;
  const { rowCount } = await db.query(
    `/* insertAlertNotifications */ insert into notifications(org_id, user_id, kind, alert_id, case_id, body)
     select $1, u.id, 'alert', $2, $3, $5 from users u
      where u.org_id = $1 and u.id = any($4::uuid[]) and not u.disabled
        and not exists (select 1 from notifications n where n.org_id = $1 and n.alert_id = $2 and n.user_id = u.id)`,
    [orgId, alertId, caseId, [...new Set(userIds)], JSON.stringify(body)],
  );
  return rowCount ?? 0;
}

export interface AlertListRow {
  id: string;
  ruleId: string;
  ruleName: string;
  trigger: string;
  sourceKind: AlertSourceKind;
  sourceId: string;
  location: { id: string; name: string } | null;
  summary: Record<string, unknown>;
  caseId: string | null;
  delivered: boolean;
  firedAt: Date;
}

/** The newest alerts the scope may see (alerts without a location only for unrestricted callers). */
export async function listAlerts(db: Queryable, scope: Scope, opts: { ruleId?: string; limit: number }): Promise<AlertListRow[]> {
  const params: unknown[] = [scope.orgId, opts.ruleId ?? null, opts.limit];
  const where = locationScopeSql(scope, 'a.location_id', params);
  const { rows } = await db.query(
    `/* listAlerts */ select a.id, a.rule_id, r.name as rule_name, r.trigger, a.source_kind, a.source_id, a.location_id, l.name as location_name,
            a.summary, a.case_id, a.delivered, a.fired_at
       from alerts a join alert_rules r on r.org_id = a.org_id and r.id = a.rule_id
       left join locations l on l.org_id = a.org_id and l.id = a.location_id
      where a.org_id = $1 and ($2::uuid is null or a.rule_id = $2) and ${where}
      order by a.fired_at desc, a.id limit $3`,
    params,
  );
  return rows.map((r) => ({
    id: r.id, ruleId: r.rule_id, ruleName: r.rule_name, trigger: r.trigger, sourceKind: r.source_kind, sourceId: r.source_id,
    location: r.location_id ? { id: r.location_id, name: r.location_name } : null, summary: r.summary, caseId: r.case_id, delivered: r.delivered, firedAt: r.fired_at,
  }));
}

/** Where the evaluation of analysed comments or reviews stopped; null before the first run. */
export async function getCursor(db: Queryable, orgId: string, kind: 'comments' | 'reviews'): Promise<Date | null> {
  const { rows } = await db.query('/* getAlertCursor */ select at from alert_cursors where org_id = $1 and kind = $2', [orgId, kind]);
  return rows[0]?.at ?? null;
}

export async function setCursor(db: Queryable, orgId: string, kind: 'comments' | 'reviews', at: Date): Promise<void> {
  await db.query(
    `/* setAlertCursor */ insert into alert_cursors (org_id, kind, at) values ($1, $2, $3)
     on conflict (org_id, kind) do update set at = greatest(alert_cursors.at, excluded.at)`,
    [orgId, kind, at],
  );
}

export interface RecipientUser {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  /** Granted location paths (empty: none granted). */
  grantedPaths: string[];
}

/** The organisation's active users with their grants (who a rule's roles and user ids reach). */
export async function listRecipientUsers(db: Queryable, orgId: string): Promise<RecipientUser[]> {
  const { rows } = await db.query(
    `/* listRecipientUsers */ select u.id, u.email, u.name, u.role, u.locale,
            coalesce(array_agg(l.path) filter (where l.path is not null), '{}') as paths
       from users u left join user_locations ul on ul.org_id = u.org_id and ul.user_id = u.id
       left join locations l on l.org_id = ul.org_id and l.id = ul.location_id
      where u.org_id = $1 and not u.disabled group by u.org_id, u.id`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, locale: r.locale, grantedPaths: r.paths }));
}

/** A location's name and path. */
export async function locationOf(db: Queryable, orgId: string, id: string): Promise<{ name: string; path: string } | null> {
  const { rows } = await db.query('/* alertLocationOf */ select name, path from locations where org_id = $1 and id = $2', [orgId, id]);
  return rows[0] ?? null;
}
