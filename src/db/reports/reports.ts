/** Report templates and their schedules (docs/reports.md). One named function per statement; scope checks by the report's location path. */
import type { Scope } from '../../core/access/index.ts';
import type { ReportDefinition } from '../../core/api/reportTemplates.ts';
import type { ScheduleRecipient, ScheduleRule } from '../../core/reports/schedule.ts';
import type { Queryable } from '../connection.ts';

export interface ReportRow {
  id: string;
  orgId: string;
  name: string;
  definition: ReportDefinition;
  locationPath: string | null;
  ownerId: string | null;
  /** A dashboard view sent once (POST /reports/send): not listed, no schedules, no links. */
  adHoc: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ScheduleRow extends ScheduleRule {
  id: string;
  orgId: string;
  reportId: string;
  recipients: ScheduleRecipient[];
  enabled: boolean;
  nextRunAt: Date;
  createdBy: string | null;
}

// A limited caller sees the reports whose location lies inside their subtrees (a whole-organisation report is not theirs).
const REPORT_IN_SCOPE = `($2::text[] is null or (r.location_path is not null and r.location_path like any($2::text[])))`;
const scopeParam = (scope: Scope) => (scope.locationPaths === null ? null : scope.locationPaths.map((p) => `${p}%`));

const toReport = (r: Record<string, any>): ReportRow => ({
  id: r.id, orgId: r.org_id, name: r.name, definition: r.definition, locationPath: r.location_path, ownerId: r.owner_id, adHoc: r.ad_hoc, createdAt: r.created_at, updatedAt: r.updated_at,
});

const toSchedule = (r: Record<string, any>): ScheduleRow => ({
  id: r.id, orgId: r.org_id, reportId: r.report_id, frequency: r.frequency, dayOfWeek: r.day_of_week, dayOfMonth: r.day_of_month, hour: r.hour,
  recipients: r.recipients, enabled: r.enabled, nextRunAt: r.next_run_at, createdBy: r.created_by,
});

export async function listReports(db: Queryable, scope: Scope): Promise<ReportRow[]> {
  const { rows } = await db.query(
    `/* listReports */ select r.* from reports r where r.org_id = $1 and ${REPORT_IN_SCOPE} and not r.ad_hoc order by lower(r.name), r.id`,
    [scope.orgId, scopeParam(scope)],
  );
  return rows.map(toReport);
}

/** A saved report in scope; `adHoc: true` finds a sent dashboard view too (its deliveries are built and retried from it). */
export async function getReport(db: Queryable, scope: Scope, id: string, opts: { adHoc?: boolean } = {}): Promise<ReportRow | null> {
  const { rows } = await db.query(
    `/* getReport */ select r.* from reports r where r.org_id = $1 and ${REPORT_IN_SCOPE} and r.id = $3 and (not r.ad_hoc or $4)`,
    [scope.orgId, scopeParam(scope), id, opts.adHoc === true],
  );
  return rows[0] ? toReport(rows[0]) : null;
}

export async function insertReport(db: Queryable, r: { orgId: string; name: string; definition: ReportDefinition; locationPath: string | null; ownerId: string; adHoc?: boolean }): Promise<string> {
  const { rows } = await db.query(
    `/* insertReport */ insert into reports(org_id, name, definition, location_path, owner_id, ad_hoc) values ($1, $2, $3, $4, $5, $6) returning id`,
    [r.orgId, r.name, JSON.stringify(r.definition), r.locationPath, r.ownerId, r.adHoc === true],
  );
  return rows[0].id;
}

export async function updateReport(db: Queryable, orgId: string, id: string, r: { name: string; definition: ReportDefinition; locationPath: string | null }): Promise<void> {
  await db.query(
    `/* updateReport */ update reports set name = $3, definition = $4, location_path = $5, updated_at = now() where org_id = $1 and id = $2`,
    [orgId, id, r.name, JSON.stringify(r.definition), r.locationPath],
  );
}

export async function deleteReport(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query(`/* deleteReport */ delete from reports where org_id = $1 and id = $2`, [orgId, id]);
}

export async function listSchedules(db: Queryable, orgId: string, reportId: string): Promise<ScheduleRow[]> {
  const { rows } = await db.query(`/* listReportSchedules */ select * from report_schedules where org_id = $1 and report_id = $2 order by created_at, id`, [orgId, reportId]);
  return rows.map(toSchedule);
}

export async function getSchedule(db: Queryable, orgId: string, id: string): Promise<ScheduleRow | null> {
  const { rows } = await db.query(`/* getReportSchedule */ select * from report_schedules where org_id = $1 and id = $2`, [orgId, id]);
  return rows[0] ? toSchedule(rows[0]) : null;
}

export interface ScheduleWrite extends ScheduleRule {
  recipients: ScheduleRecipient[];
  enabled: boolean;
  nextRunAt: Date;
}

export async function insertSchedule(db: Queryable, orgId: string, reportId: string, createdBy: string, s: ScheduleWrite): Promise<string> {
  const { rows } = await db.query(
    `/* insertReportSchedule */ insert into report_schedules(org_id, report_id, frequency, day_of_week, day_of_month, hour, recipients, enabled, next_run_at, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [orgId, reportId, s.frequency, s.dayOfWeek, s.dayOfMonth, s.hour, JSON.stringify(s.recipients), s.enabled, s.nextRunAt, createdBy],
  );
  return rows[0].id;
}

export async function updateSchedule(db: Queryable, orgId: string, id: string, s: ScheduleWrite): Promise<void> {
  await db.query(
    `/* updateReportSchedule */ update report_schedules set frequency = $3, day_of_week = $4, day_of_month = $5, hour = $6, recipients = $7, enabled = $8, next_run_at = $9
      where org_id = $1 and id = $2`,
    [orgId, id, s.frequency, s.dayOfWeek, s.dayOfMonth, s.hour, JSON.stringify(s.recipients), s.enabled, s.nextRunAt],
  );
}

export async function deleteSchedule(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query(`/* deleteReportSchedule */ delete from report_schedules where org_id = $1 and id = $2`, [orgId, id]);
}

/** The enabled schedules due at `now`, locked (others skip them), with their report and organisation's time zone. */
export async function lockDueSchedules(db: Queryable, now: Date, limit: number): Promise<Array<ScheduleRow & { timeZone: string; reportLocationPath: string | null; reportOwnerId: string | null }>> {
  const { rows } = await db.query(
    `/* lockDueReportSchedules */ select s.*, o.timezone, r.location_path as report_location_path, r.owner_id as report_owner_id
       from report_schedules s join reports r on r.org_id = s.org_id and r.id = s.report_id join orgs o on o.id = s.org_id
      where s.enabled and s.next_run_at <= $1
      order by s.next_run_at limit $2
      for update of s skip locked`,
    [now, limit],
  );
  return rows.map((r) => ({ ...toSchedule(r), timeZone: r.timezone, reportLocationPath: r.report_location_path, reportOwnerId: r.report_owner_id }));
}

export async function setScheduleNextRun(db: Queryable, orgId: string, id: string, nextRunAt: Date): Promise<void> {
  await db.query(`/* setReportScheduleNextRun */ update report_schedules set next_run_at = $3 where org_id = $1 and id = $2`, [orgId, id, nextRunAt]);
}

/** The enabled users of an organisation with their granted locations (recipient expansion). */
export async function listScheduleUsers(db: Queryable, orgId: string): Promise<Array<{ id: string; email: string; role: any; locale: string; locations: Array<{ id: string; path: string }> }>> {
  const { rows } = await db.query(
    `/* listReportScheduleUsers */ select u.id, u.email, u.role, u.locale,
            coalesce(json_agg(json_build_object('id', l.id, 'path', l.path) order by l.path) filter (where l.id is not null), '[]') as locations
       from users u left join user_locations ul on ul.org_id = u.org_id and ul.user_id = u.id
       left join locations l on l.org_id = ul.org_id and l.id = ul.location_id
      where u.org_id = $1 and not u.disabled group by u.org_id, u.id order by u.email`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, locale: r.locale, locations: r.locations }));
}

/** A user's role, granted location paths and language (a delivery is built in its recipient's scope), or null when gone or disabled. */
export async function getRecipientUser(db: Queryable, orgId: string, userId: string): Promise<{ id: string; role: any; locale: string; email: string; grantedPaths: string[] } | null> {
  const { rows } = await db.query(
    `/* getReportRecipientUser */ select u.id, u.role, u.locale, u.email,
            coalesce(array_agg(l.path) filter (where l.path is not null), '{}') as paths
       from users u left join user_locations ul on ul.org_id = u.org_id and ul.user_id = u.id
       left join locations l on l.org_id = ul.org_id and l.id = ul.location_id
      where u.org_id = $1 and u.id = $2 and not u.disabled group by u.org_id, u.id`,
    [orgId, userId],
  );
  return rows[0] ? { id: rows[0].id, role: rows[0].role, locale: rows[0].locale, email: rows[0].email, grantedPaths: rows[0].paths } : null;
}

/** The organisation's time zone. */
export async function orgTimeZone(db: Queryable, orgId: string): Promise<string> {
  const { rows } = await db.query(`/* reportOrgTimeZone */ select timezone from orgs where id = $1`, [orgId]);
  return rows[0]?.timezone ?? 'UTC';
}

/** A location's path in the organisation, or null. */
export async function reportLocationPath(db: Queryable, orgId: string, locationId: string): Promise<string | null> {
  const { rows } = await db.query(`/* reportLocationPath */ select path from locations where org_id = $1 and id = $2`, [orgId, locationId]);
  return rows[0]?.path ?? null;
}

/** True when the survey is one of the organisation's. */
export async function reportSurveyExists(db: Queryable, orgId: string, surveyId: string): Promise<boolean> {
  const { rows } = await db.query(`/* reportSurveyExists */ select 1 from surveys where org_id = $1 and id = $2`, [orgId, surveyId]);
  return rows.length > 0;
}
