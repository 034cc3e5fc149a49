/**
 * @module The case inbox: the list with its filters, sort and paging, and the count per status. Every
 * read is limited to the caller's location subtrees (a case without a location only for unrestricted
 * callers). Values are bound; the sort is chosen from a fixed table.
 */
import type { Scope } from '../../core/access/index.ts';
import type { CasePriority, CaseStatus, CaseChannel } from '../../core/closedLoop/model.ts';
import { OPEN_CASE_STATUSES } from '../../core/closedLoop/model.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';

export interface CaseFilter {
  statuses?: CaseStatus[];
  priority?: CasePriority;
  /** A user id, or 'unassigned' (no owner and no team). */
  owner?: string;
  team?: string;
  /** Path of a location in scope: its subtree. */
  locationPath?: string;
  channel?: CaseChannel;
  overdue?: boolean;
  rootCause?: string;
  q?: string;
  from?: string;
  to?: string;
  timeZone: string;
  now: Date;
}

export interface CaseListRow {
  id: string;
  number: number;
  title: string;
  status: CaseStatus;
  priority: CasePriority;
  channel: CaseChannel;
  customerName: string | null;
  locationId: string | null;
  locationName: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  teamId: string | null;
  teamName: string | null;
  dueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const SORTS = {
  due: 'c.due_at asc nulls last, c.number desc',
  created: 'c.created_at asc, c.number asc',
  '-created': 'c.created_at desc, c.number desc',
  priority: `array_position(array['urgent','high','normal','low'], c.priority), c.due_at asc nulls last, c.number desc`,
  number: 'c.number desc',
  '-updated': 'c.updated_at desc, c.number desc',
} as const;
export type CaseSort = keyof typeof SORTS;

const likeLiteral = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Conditions on `cases c`, pushing their parameters onto `params`; `withStatus` false leaves the status filter out (the counts). */
function caseWhere(scope: Scope, f: CaseFilter, params: unknown[], withStatus: boolean): string {
  params.push(scope.orgId);
  const where = [`c.org_id = $${params.length}`, locationScopeSql(scope, 'c.location_id', params)];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (withStatus && f.statuses?.length) add((p) => `c.status = any(${p}::text[])`, f.statuses);
  if (f.priority) add((p) => `c.priority = ${p}`, f.priority);
  if (f.owner === 'unassigned') where.push('c.owner_user_id is null and c.team_id is null');
  else if (f.owner) add((p) => `c.owner_user_id = ${p}::uuid`, f.owner);
  if (f.team) add((p) => `c.team_id = ${p}::uuid`, f.team);
  if (f.locationPath !== undefined) {
    add((p) => `c.location_id in (select l.id from locations l where l.org_id = c.org_id and l.path like ${p})`, `${f.locationPath}%`);
  }
  if (f.channel) add((p) => `c.channel = ${p}`, f.channel);
  if (f.overdue) {
    params.push([...OPEN_CASE_STATUSES]);
    const open = `$${params.length}`;
    add((p) => `c.status = any(${open}::text[]) and c.due_at < ${p}`, f.now);
  }
  if (f.rootCause) add((p) => `c.root_cause_id = ${p}::uuid`, f.rootCause);
  if (f.from !== undefined || f.to !== undefined) {
    params.push(f.timeZone);
    const tz = `$${params.length}`;
    if (f.from !== undefined) add((p) => `c.created_at >= (${p}::date)::timestamp at time zone ${tz}`, f.from);
    if (f.to !== undefined) add((p) => `c.created_at < (${p}::date + 1)::timestamp at time zone ${tz}`, f.to);
  }
  if (f.q !== undefined) {
    const num = /^#?(\d{1,9})$/.exec(f.q);
    if (num) add((p) => `c.number = ${p}::int`, Number(num[1]));
    else {
      add((p) => `(c.title ilike ${p} or c.customer_name ilike ${p} or c.customer_email ilike ${p} or c.customer_phone ilike ${p} or c.description ilike ${p})`, likeLiteral(f.q));
    }
  }
  return where.join(' and ');
}

/** One page of the inbox and the total under the filters. */
export async function listCases(
  db: Queryable, scope: Scope, f: CaseFilter, page: { sort: CaseSort; limit: number; offset: number },
): Promise<{ rows: CaseListRow[]; total: number }> {
  const params: unknown[] = [];
  const where = caseWhere(scope, f, params, true);
  params.push(page.limit, page.offset);
  const { rows } = await db.query(
    `/* listCases */ select c.id, c.number, c.title, c.status, c.priority, c.channel, c.customer_name, c.location_id, l.name as location_name,
       c.owner_user_id, nullif(coalesce(nullif(u.name, ''), u.email), '') as owner_name, c.team_id, t.name as team_name,
       c.due_at, c.created_at, c.updated_at, count(*) over ()::int as total
       from cases c
       left join locations l on l.org_id = c.org_id and l.id = c.location_id
       left join users u on u.org_id = c.org_id and u.id = c.owner_user_id
       left join case_teams t on t.org_id = c.org_id and t.id = c.team_id
      where ${where}
      order by ${SORTS[page.sort]}
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  const total = rows[0]?.total ?? (page.offset > 0 ? await countCases(db, scope, f) : 0);
  return { rows: rows.map(toListRow), total };
}

async function countCases(db: Queryable, scope: Scope, f: CaseFilter): Promise<number> {
  const params: unknown[] = [];
  const where = caseWhere(scope, f, params, true);
  const { rows } = await db.query(`/* countCases */ select count(*)::int as n from cases c where ${where}`, params);
  return rows[0].n;
}

/** Cases per status under every filter but the status one. */
export async function countCasesByStatus(db: Queryable, scope: Scope, f: CaseFilter): Promise<Record<string, number>> {
  const params: unknown[] = [];
  const where = caseWhere(scope, f, params, false);
  const { rows } = await db.query(`/* countCasesByStatus */ select c.status, count(*)::int as n from cases c where ${where} group by c.status`, params);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export function toListRow(r: any): CaseListRow {
  return {
    id: r.id, number: r.number, title: r.title, status: r.status, priority: r.priority, channel: r.channel, customerName: r.customer_name,
    locationId: r.location_id, locationName: r.location_name, ownerUserId: r.owner_user_id, ownerName: r.owner_name, teamId: r.team_id,
    teamName: r.team_name, dueAt: r.due_at, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}
