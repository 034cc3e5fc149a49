/**
 * @module The audit results' reads (docs/audits.md "Results"): published visits of kinds visit / call / chat /
 * internal (never QA reviews, never unpublished ones) in the caller's location scope, filtered by org-local
 * days of visited_at, a location subtree, a checklist, a wave and a kind. Every read names its side: `own`
 * (locations of any kind but competitor, and visits without a location) or `competitor` (locations of kind
 * competitor), so competitors never count in the own figures. Visit roll-ups are avg(score) (the mean of
 * visit scores, src/core/audits/scoring.ts meanVisitScore); items, sections and standards pool earned /
 * possible of audit_visit_items (pooledScore), summed here and divided in core.
 */
import type { Scope } from '../../core/access/index.ts';
import type { LocalizedText } from '../../core/audits/checklist.ts';
import type { Queryable } from '../connection.ts';
import { binder } from '../queries/analyticsSource.ts';
import { locationScopeSql } from '../scope.ts';

export const RESULT_KINDS = ['visit', 'call', 'chat', 'internal'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];
export type Side = 'own' | 'competitor';

export interface AuditResultFilter {
  /** Inclusive organisation-local days of visited_at. */
  from?: string;
  to?: string;
  /** Path of a location in scope: its subtree. */
  locationPath?: string;
  checklistId?: string;
  waveId?: string;
  kind?: ResultKind;
  timeZone: string;
}

type P = (v: unknown) => string;

/** The published visits `v` (joined to their location `l`, possibly null) of the side, in scope and filters. */
function visitsWhere(scope: Scope, f: AuditResultFilter, side: Side, params: unknown[], p: P): string {
  const where = [
    `v.org_id = ${p(scope.orgId)}`,
    `v.status = 'published'`,
    f.kind ? `v.kind = ${p(f.kind)}` : `v.kind = any(${p(RESULT_KINDS)}::text[])`,
    locationScopeSql(scope, 'v.location_id', params),
    side === 'own' ? `(l.kind is null or l.kind <> 'competitor')` : `l.kind = 'competitor'`,
  ];
  if (f.locationPath !== undefined) where.push(`l.path like ${p(`${f.locationPath}%`)}`);
  if (f.checklistId !== undefined) where.push(`v.checklist_id = ${p(f.checklistId)}`);
  if (f.waveId !== undefined) where.push(`v.wave_id = ${p(f.waveId)}`);
  if (f.from !== undefined) where.push(`v.visited_at >= (${p(f.from)}::date)::timestamp at time zone ${p(f.timeZone)}::text`);
  if (f.to !== undefined) where.push(`v.visited_at < (${p(f.to)}::date + 1)::timestamp at time zone ${p(f.timeZone)}::text`);
  return where.join(' and ');
}

const FROM_VISITS = `audit_visits v left join locations l on l.org_id = v.org_id and l.id = v.location_id`;

async function read(db: Queryable, name: string, scope: Scope, f: AuditResultFilter, side: Side, build: (where: string, p: P) => string) {
  const params: unknown[] = [];
  const p = binder(params);
  const where = visitsWhere(scope, f, side, params, p);
  return (await db.query(`/* ${name} */ ${build(where, p)}`, params)).rows;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const localDay = (tz: string, p: P) => `to_char(v.visited_at at time zone ${p(tz)}::text, 'YYYY-MM-DD')`;

export interface VisitTotals {
  /** Published visits. */
  n: number;
  /** Of them with a score (something applicable). */
  scored: number;
  /** avg(score): the mean of visit scores. */
  mean: number | null;
  autofails: number;
}

/** Visit count, mean visit score and autofails of the side. */
export async function getVisitTotals(db: Queryable, scope: Scope, f: AuditResultFilter, side: Side): Promise<VisitTotals> {
  const [r] = await read(db, 'getAuditVisitTotals', scope, f, side, (where) =>
    `select count(*)::int as n, count(v.score)::int as scored, avg(v.score) as mean, count(*) filter (where v.autofail)::int as autofails
       from ${FROM_VISITS} where ${where}`);
  return { n: r.n, scored: r.scored, mean: num(r.mean), autofails: r.autofails };
}

export interface PooledRow {
  earned: number;
  possible: number;
  /** Applicable item outcomes pooled. */
  items: number;
  /** Visits contributing. */
  visits: number;
}

/** Pooled earned / possible per standard of the side's applicable items (items without a standard left out). */
export async function getStandardRows(db: Queryable, scope: Scope, f: AuditResultFilter, side: Side): Promise<({ standard: string } & PooledRow)[]> {
  const rows = await read(db, 'getAuditStandardRows', scope, f, side, (where) =>
    `select i.standard, sum(i.earned)::float8 as earned, sum(i.possible)::float8 as possible, count(*)::int as items, count(distinct v.id)::int as visits
       from ${FROM_VISITS} join audit_visit_items i on i.org_id = v.org_id and i.visit_id = v.id
      where ${where} and i.applicable and i.standard is not null
      group by i.standard order by i.standard`);
  return rows.map((r) => ({ standard: r.standard, earned: r.earned, possible: r.possible, items: r.items, visits: r.visits }));
}

/** Pooled earned / possible per location and standard of the side (the benchmark's competitors, the customer link's stores). */
export async function getLocationStandardRows(db: Queryable, scope: Scope, f: AuditResultFilter, side: Side): Promise<({ locationId: string; standard: string } & PooledRow)[]> {
  const rows = await read(db, 'getAuditLocationStandardRows', scope, f, side, (where) =>
    `select v.location_id, i.standard, sum(i.earned)::float8 as earned, sum(i.possible)::float8 as possible, count(*)::int as items, count(distinct v.id)::int as visits
       from ${FROM_VISITS} join audit_visit_items i on i.org_id = v.org_id and i.visit_id = v.id
      where ${where} and i.applicable and i.standard is not null and v.location_id is not null
      group by v.location_id, i.standard order by v.location_id, i.standard`);
  return rows.map((r) => ({ locationId: r.location_id, standard: r.standard, earned: r.earned, possible: r.possible, items: r.items, visits: r.visits }));
}

export interface SectionRow extends PooledRow {
  checklistId: string;
  checklistName: string;
  key: string;
  /** The section's name in the checklist's latest version (null: the section is no longer in it). */
  name: LocalizedText | null;
}

/** Pooled earned / possible per checklist section of the own side. */
export async function getSectionRows(db: Queryable, scope: Scope, f: AuditResultFilter): Promise<SectionRow[]> {
  const rows = await read(db, 'getAuditSectionRows', scope, f, 'own', (where, p) =>
    `select x.*, c.name as checklist_name,
            (select s->'name' from jsonb_array_elements(cv.definition->'sections') s where s->>'key' = x.section_key limit 1) as name
       from (select v.checklist_id, i.section_key, sum(i.earned)::float8 as earned, sum(i.possible)::float8 as possible,
                    count(*)::int as items, count(distinct v.id)::int as visits
               from ${FROM_VISITS} join audit_visit_items i on i.org_id = v.org_id and i.visit_id = v.id
              where ${where} and i.applicable
              group by v.checklist_id, i.section_key) x
       join checklists c on c.org_id = ${p(scope.orgId)} and c.id = x.checklist_id
       left join checklist_versions cv on cv.org_id = c.org_id and cv.checklist_id = c.id and cv.version = c.version
      order by c.name, x.checklist_id, x.section_key`);
  return rows.map((r) => ({ checklistId: r.checklist_id, checklistName: r.checklist_name, key: r.section_key, name: r.name ?? null, earned: r.earned, possible: r.possible, items: r.items, visits: r.visits }));
}

export interface GroupRow {
  n: number;
  mean: number | null;
  autofails: number;
  /** Org-local day of the latest visit. */
  latest: string;
}

/** Per own location: visits, mean visit score, autofails, latest visit day. */
export async function getLocationRows(db: Queryable, scope: Scope, f: AuditResultFilter): Promise<({ locationId: string; name: string; path: string } & GroupRow)[]> {
  const rows = await read(db, 'getAuditLocationRows', scope, f, 'own', (where, p) =>
    `select v.location_id, l.name, l.path, count(*)::int as n, avg(v.score) as mean, count(*) filter (where v.autofail)::int as autofails,
            max(${localDay(f.timeZone, p)}) as latest
       from ${FROM_VISITS} where ${where} and v.location_id is not null
      group by v.location_id, l.name, l.path order by l.name, v.location_id`);
  return rows.map((r) => ({ locationId: r.location_id, name: r.name, path: r.path, n: r.n, mean: num(r.mean), autofails: r.autofails, latest: r.latest }));
}

/** Per competitor location: its name, visits and mean visit score (no staff details). */
export async function getCompetitorRows(db: Queryable, scope: Scope, f: AuditResultFilter): Promise<{ locationId: string; name: string; n: number; mean: number | null }[]> {
  const rows = await read(db, 'getAuditCompetitorRows', scope, f, 'competitor', (where) =>
    `select v.location_id, l.name, count(*)::int as n, avg(v.score) as mean
       from ${FROM_VISITS} where ${where}
      group by v.location_id, l.name, l.path order by l.name, v.location_id`);
  return rows.map((r) => ({ locationId: r.location_id, name: r.name, path: r.path, n: r.n, mean: num(r.mean) }));
}

/** Per employee of the own side: the directory's name, or the auditor's free-text label (per location: "the cashier" of two stores are two people); visits naming neither are left out. */
export async function getEmployeeRows(db: Queryable, scope: Scope, f: AuditResultFilter): Promise<({ employeeId: string | null; name: string; locationName: string | null } & GroupRow)[]> {
  const rows = await read(db, 'getAuditEmployeeRows', scope, f, 'own', (where, p) =>
    `select v.employee_id, coalesce(e.name, v.employee_label) as name, min(l.name) as location_name, count(*)::int as n, avg(v.score) as mean,
            count(*) filter (where v.autofail)::int as autofails, max(${localDay(f.timeZone, p)}) as latest
       from ${FROM_VISITS} left join employees e on e.org_id = v.org_id and e.id = v.employee_id
      where ${where} and (v.employee_id is not null or v.employee_label is not null)
      group by v.employee_id, coalesce(e.name, v.employee_label), case when v.employee_id is null then v.location_id end order by 2, 1, 3`);
  return rows.map((r) => ({ employeeId: r.employee_id, name: r.name, locationName: r.location_name, n: r.n, mean: num(r.mean), autofails: r.autofails, latest: r.latest }));
}

/** Per org-local week (Monday) or month of the own side: visits, mean visit score, autofails. */
export async function getTrendRows(db: Queryable, scope: Scope, f: AuditResultFilter, interval: 'week' | 'month'): Promise<{ period: string; n: number; mean: number | null; autofails: number }[]> {
  const rows = await read(db, 'getAuditTrendRows', scope, f, 'own', (where, p) =>
    `select to_char(date_trunc(${p(interval)}::text, v.visited_at at time zone ${p(f.timeZone)}::text), 'YYYY-MM-DD') as period,
            count(*)::int as n, avg(v.score) as mean, count(*) filter (where v.autofail)::int as autofails
       from ${FROM_VISITS} where ${where} group by 1 order by 1`);
  return rows.map((r) => ({ period: r.period, n: r.n, mean: num(r.mean), autofails: r.autofails }));
}

export interface ItemRow {
  checklistId: string;
  checklistName: string;
  key: string;
  sectionKey: string;
  standard: string | null;
  critical: boolean;
  /** The item's text in the checklist's latest version (null: no longer in it). */
  text: LocalizedText | null;
  applicable: number;
  failed: number;
  earned: number;
  possible: number;
}

/** Per checklist item of the own side: applicable and failed outcomes, pooled earned / possible. */
export async function getItemRows(db: Queryable, scope: Scope, f: AuditResultFilter): Promise<ItemRow[]> {
  const rows = await read(db, 'getAuditItemRows', scope, f, 'own', (where, p) =>
    `select x.*, c.name as checklist_name,
            jsonb_path_query_first(cv.definition, '$.sections[*].items[*] ? (@.key == $k)', jsonb_build_object('k', x.item_key))->'text' as text
       from (select v.checklist_id, i.item_key, min(i.section_key) as section_key, min(i.standard) as standard, bool_or(i.critical) as critical,
                    count(*)::int as applicable, count(*) filter (where i.failed)::int as failed,
                    sum(i.earned)::float8 as earned, sum(i.possible)::float8 as possible
               from ${FROM_VISITS} join audit_visit_items i on i.org_id = v.org_id and i.visit_id = v.id
              where ${where} and i.applicable
              group by v.checklist_id, i.item_key) x
       join checklists c on c.org_id = ${p(scope.orgId)} and c.id = x.checklist_id
       left join checklist_versions cv on cv.org_id = c.org_id and cv.checklist_id = c.id and cv.version = c.version`);
  return rows.map((r) => ({
    checklistId: r.checklist_id, checklistName: r.checklist_name, key: r.item_key, sectionKey: r.section_key, standard: r.standard, critical: r.critical,
    text: r.text ?? null, applicable: r.applicable, failed: r.failed, earned: r.earned, possible: r.possible,
  }));
}

export interface FailedItem {
  key: string;
  text: LocalizedText | null;
  critical: boolean;
}

export interface VisitWithItems {
  visitId: string;
  day: string;
  kind: string;
  locationId: string | null;
  locationName: string | null;
  checklistId: string;
  checklistName: string;
  score: number | null;
  autofail: boolean;
  items: FailedItem[];
}

const FAILED_ITEMS = (critical: boolean) => `coalesce((select json_agg(json_build_object('key', i.item_key, 'critical', i.critical,
          'text', jsonb_path_query_first(cv.definition, '$.sections[*].items[*] ? (@.key == $k)', jsonb_build_object('k', i.item_key))->'text') order by i.item_key)
        from audit_visit_items i where i.org_id = v.org_id and i.visit_id = v.id and i.failed${critical ? ' and i.critical' : ''}), '[]')`;

function toVisit(r: Record<string, any>): VisitWithItems {
  return {
    visitId: r.id, day: r.day, kind: r.kind, locationId: r.location_id, locationName: r.location_name, checklistId: r.checklist_id,
    checklistName: r.checklist_name, score: num(r.score), autofail: r.autofail,
    items: (r.items as Array<{ key: string; critical: boolean; text: LocalizedText | null }>).map((i) => ({ key: i.key, critical: i.critical, text: i.text ?? null })),
  };
}

/** The own side's autofailed visits, newest first (at most `limit`), with their failed critical items. */
export async function getAutofailRows(db: Queryable, scope: Scope, f: AuditResultFilter, limit: number): Promise<VisitWithItems[]> {
  const rows = await read(db, 'getAuditAutofailRows', scope, f, 'own', (where, p) =>
    `select v.id, ${localDay(f.timeZone, p)} as day, v.kind, v.location_id, l.name as location_name, v.checklist_id, c.name as checklist_name, v.score, v.autofail,
            ${FAILED_ITEMS(true)} as items
       from ${FROM_VISITS}
       join checklists c on c.org_id = v.org_id and c.id = v.checklist_id
       left join checklist_versions cv on cv.org_id = c.org_id and cv.checklist_id = c.id and cv.version = c.version
      where ${where} and v.autofail
      order by v.visited_at desc, v.id limit ${p(limit)}`);
  return rows.map(toVisit);
}

/** The latest visit of each own location of the side (in the filters) with its failed items: what to fix. */
export async function getLatestFailedRows(db: Queryable, scope: Scope, f: AuditResultFilter): Promise<VisitWithItems[]> {
  const rows = await read(db, 'getAuditLatestFailedRows', scope, f, 'own', (where, p) =>
    `select * from (
       select distinct on (v.location_id) v.id, ${localDay(f.timeZone, p)} as day, v.kind, v.location_id, l.name as location_name, v.checklist_id,
              c.name as checklist_name, v.score, v.autofail, ${FAILED_ITEMS(false)} as items
         from ${FROM_VISITS}
         join checklists c on c.org_id = v.org_id and c.id = v.checklist_id
         left join checklist_versions cv on cv.org_id = c.org_id and cv.checklist_id = c.id and cv.version = c.version
        where ${where} and v.location_id is not null
        order by v.location_id, v.visited_at desc, v.id) x
     order by x.location_name, x.location_id`);
  return rows.map(toVisit);
}

/** The checklists and waves of the published visits (own and competitor) the caller may see: the results page's filter choices. */
export async function getResultOptions(db: Queryable, scope: Scope): Promise<{ checklists: { id: string; name: string }[]; waves: { id: string; name: string }[] }> {
  const params: unknown[] = [];
  const p = binder(params);
  const visible = `v.org_id = ${p(scope.orgId)} and v.status = 'published' and v.kind = any(${p(RESULT_KINDS)}::text[]) and ${locationScopeSql(scope, 'v.location_id', params)}`;
  const { rows } = await db.query(
    `/* getAuditResultOptions */
     select 'checklist' as type, c.id, c.name from checklists c
      where c.org_id = ${p(scope.orgId)} and exists (select 1 from audit_visits v where ${visible} and v.checklist_id = c.id)
     union all
     select 'wave', w.id, w.name from audit_waves w
      where w.org_id = ${p(scope.orgId)} and exists (select 1 from audit_visits v where ${visible} and v.wave_id = w.id)
     order by 1, 3, 2`,
    params,
  );
  const of = (type: string) => rows.filter((r) => r.type === type).map((r) => ({ id: r.id as string, name: r.name as string }));
  return { checklists: of('checklist'), waves: of('wave') };
}

/** Pooled earned / possible per section of each location's latest published own visit (up to `to`), with the section's name in that visit's checklist version. */
export async function getLatestVisitSections(db: Queryable, scope: Scope, f: AuditResultFilter, locationIds: string[]): Promise<{ locationId: string; visitedAt: Date; key: string; name: LocalizedText | null; earned: number; possible: number }[]> {
  if (locationIds.length === 0) return [];
  const rows = await read(db, 'getLatestVisitSections', scope, f, 'own', (where, p) =>
    `with latest as (select distinct on (v.location_id) v.org_id, v.location_id, v.id, v.visited_at, v.checklist_id, v.checklist_version
                       from ${FROM_VISITS} where ${where} and v.location_id = any(${p(locationIds)}::uuid[])
                      order by v.location_id, v.visited_at desc, v.id)
     select lt.location_id, lt.visited_at, i.section_key, sum(i.earned)::float8 as earned, sum(i.possible)::float8 as possible,
            (select s->'name' from checklist_versions cv, jsonb_array_elements(cv.definition->'sections') s
              where cv.org_id = lt.org_id and cv.checklist_id = lt.checklist_id and cv.version = lt.checklist_version and s->>'key' = i.section_key limit 1) as name
       from latest lt join audit_visit_items i on i.org_id = lt.org_id and i.visit_id = lt.id and i.applicable
      group by lt.org_id, lt.location_id, lt.visited_at, lt.checklist_id, lt.checklist_version, i.section_key
      order by lt.location_id, i.section_key`);
  return rows.map((r) => ({ locationId: r.location_id, visitedAt: r.visited_at, key: r.section_key, name: r.name ?? null, earned: r.earned, possible: r.possible }));
}
