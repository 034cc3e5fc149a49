/** @module Alert rules (alert_rules): their CRUD for the API and the enabled ones the evaluation reads. */
import type { Queryable } from '../connection.ts';
import type { AlertTrigger, CasePriority } from '../../core/closedLoop/model.ts';

export interface AlertRuleRow {
  id: string;
  name: string;
  enabled: boolean;
  trigger: AlertTrigger;
  params: Record<string, unknown>;
  surveyId: string | null;
  locationId: string | null;
  /** The materialised path of the rule's location (its subtree is the scope). */
  locationPath: string | null;
  channel: string | null;
  segment: string | null;
  recipients: { userIds: string[]; locationRoles: string[]; emails: string[]; webhook: boolean };
  quietMinutes: number;
  opensCase: boolean;
  casePriority: CasePriority;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  alertsLast30Days: number;
}

/** What a rule is made of (the stored row without its ids, times and counts). */
export type AlertRuleInput = Omit<AlertRuleRow, 'id' | 'locationPath' | 'createdBy' | 'createdAt' | 'updatedAt' | 'alertsLast30Days'>;

const ALERTS_30D = `(select count(*) from alerts a where a.org_id = r.org_id and a.rule_id = r.id and a.fired_at > now() - interval '30 days') as alerts_30d`;
const COLUMNS = `r.id, r.name, r.enabled, r.trigger, r.params, r.survey_id, r.location_id, l.path as location_path, r.channel, r.segment,
  r.recipients, r.quiet_minutes, r.opens_case, r.case_priority, r.created_by, r.created_at, r.updated_at`;

function toRow(r: Record<string, any>): AlertRuleRow {
  const rec = r.recipients ?? {};
  return {
    id: r.id, name: r.name, enabled: r.enabled, trigger: r.trigger, params: r.params ?? {}, surveyId: r.survey_id, locationId: r.location_id,
    locationPath: r.location_path ?? null, channel: r.channel, segment: r.segment,
    recipients: { userIds: rec.userIds ?? [], locationRoles: rec.locationRoles ?? [], emails: rec.emails ?? [], webhook: rec.webhook === true },
    quietMinutes: r.quiet_minutes, opensCase: r.opens_case, casePriority: r.case_priority, createdBy: r.created_by,
    createdAt: r.created_at, updatedAt: r.updated_at, alertsLast30Days: Number(r.alerts_30d ?? 0),
  };
}

/** Every rule of the organisation (name order) with its alert count of the last 30 days. */
export async function listAlertRules(db: Queryable, orgId: string): Promise<AlertRuleRow[]> {
  const { rows } = await db.query(
    `/* listAlertRules */ select ${COLUMNS}, ${ALERTS_30D}
       from alert_rules r left join locations l on l.org_id = r.org_id and l.id = r.location_id
      where r.org_id = $1 order by lower(r.name), r.created_at`,
    [orgId],
  );
  return rows.map(toRow);
}

export async function findAlertRule(db: Queryable, orgId: string, id: string): Promise<AlertRuleRow | null> {
  const { rows } = await db.query(
    `/* findAlertRule */ select ${COLUMNS}, ${ALERTS_30D}
       from alert_rules r left join locations l on l.org_id = r.org_id and l.id = r.location_id
      where r.org_id = $1 and r.id = $2`,
    [orgId, id],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** The enabled rules of these triggers (the evaluation's read). */
export async function listEnabledRules(db: Queryable, orgId: string, triggers: readonly AlertTrigger[]): Promise<AlertRuleRow[]> {
  const { rows } = await db.query(
    `/* listEnabledRules */ select ${COLUMNS} from alert_rules r left join locations l on l.org_id = r.org_id and l.id = r.location_id
      where r.org_id = $1 and r.enabled and r.trigger = any($2::text[]) order by r.created_at`,
    [orgId, triggers],
  );
  return rows.map(toRow);
}

/** Whether the organisation has an enabled rule of these triggers (the emitter's cached check). */
export async function hasEnabledRules(db: Queryable, orgId: string, triggers: readonly AlertTrigger[]): Promise<boolean> {
  const { rows } = await db.query(
    '/* hasEnabledRules */ select exists (select 1 from alert_rules where org_id = $1 and enabled and trigger = any($2::text[])) as has',
    [orgId, triggers],
  );
  return rows[0].has === true;
}

/** Organisations with an enabled rule of this trigger (the periodic sweeps). */
export async function orgsWithEnabledRules(db: Queryable, trigger: AlertTrigger): Promise<string[]> {
  const { rows } = await db.query('/* orgsWithEnabledRules */ select distinct org_id from alert_rules where enabled and trigger = $1', [trigger]);
  return rows.map((r) => r.org_id);
}

export async function insertAlertRule(db: Queryable, orgId: string, input: AlertRuleInput, createdBy: string): Promise<string> {
  const { rows } = await db.query(
    `/* insertAlertRule */ insert into alert_rules (org_id, name, enabled, trigger, params, survey_id, location_id, channel, segment, recipients,
       quiet_minutes, opens_case, case_priority, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
    [orgId, input.name, input.enabled, input.trigger, JSON.stringify(input.params), input.surveyId, input.locationId, input.channel, input.segment,
      JSON.stringify(input.recipients), input.quietMinutes, input.opensCase, input.casePriority, createdBy],
  );
  return rows[0].id;
}

/** Replaces every field of a rule (the caller merged the change into the stored rule). */
export async function updateAlertRule(db: Queryable, orgId: string, id: string, input: AlertRuleInput): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* updateAlertRule */ update alert_rules set name = $3, enabled = $4, trigger = $5, params = $6, survey_id = $7, location_id = $8, channel = $9,
       segment = $10, recipients = $11, quiet_minutes = $12, opens_case = $13, case_priority = $14, updated_at = now()
      where org_id = $1 and id = $2`,
    [orgId, id, input.name, input.enabled, input.trigger, JSON.stringify(input.params), input.surveyId, input.locationId, input.channel, input.segment,
      JSON.stringify(input.recipients), input.quietMinutes, input.opensCase, input.casePriority],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteAlertRule(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('/* deleteAlertRule */ delete from alert_rules where org_id = $1 and id = $2', [orgId, id]);
  return (rowCount ?? 0) > 0;
}

/** Which of these ids are active users of the organisation (recipients must be). */
export async function existingUserIds(db: Queryable, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query('/* existingUserIds */ select id from users where org_id = $1 and id = any($2::uuid[])', [orgId, ids]);
  return rows.map((r) => r.id);
}

/** Whether the survey is the organisation's (a rule's scope). */
export async function surveyExists(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rows } = await db.query('/* alertSurveyExists */ select exists (select 1 from surveys where org_id = $1 and id = $2) as has', [orgId, id]);
  return rows[0].has === true;
}
