/**
 * @module Writes on an existing case (src/server/cases/commands): its fields, the first-action time, the
 * compensation rows, and the look-ups those writes check against (assignees, teams, root causes, limits,
 * the feedback mailbox). Column names come from a fixed table; values are bound.
 */
import type { Scope } from '../../core/access/index.ts';
import type { CasePriority, CaseStatus, CompensationKind } from '../../core/closedLoop/model.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';

export interface CaseChanges {
  title?: string;
  status?: CaseStatus;
  priority?: CasePriority;
  ownerUserId?: string | null;
  teamId?: string | null;
  dueAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  rootCauseId?: string | null;
  controllable?: boolean | null;
  resolution?: string | null;
}

const COLUMNS: Record<keyof CaseChanges, string> = {
  title: 'title', status: 'status', priority: 'priority', ownerUserId: 'owner_user_id', teamId: 'team_id', dueAt: 'due_at',
  resolvedAt: 'resolved_at', closedAt: 'closed_at', rootCauseId: 'root_cause_id', controllable: 'controllable', resolution: 'resolution',
};

/**
 * Applies `changes` to the case, sets updated_at to `at` and, when `firstAction`, first_action_at to `at`
 * unless it is set already (the first action is recorded once).
 */
export async function updateCase(db: Queryable, orgId: string, caseId: string, changes: CaseChanges, at: Date, firstAction: boolean): Promise<void> {
  const params: unknown[] = [orgId, caseId, at, firstAction];
  const sets = ['updated_at = $3', 'first_action_at = case when $4 then coalesce(first_action_at, $3) else first_action_at end'];
  for (const key of Object.keys(changes) as (keyof CaseChanges)[]) {
    if (changes[key] === undefined) continue;
    params.push(changes[key]);
    sets.push(`${COLUMNS[key]} = $${params.length}`);
  }
  await db.query(`/* updateCase */ update cases set ${sets.join(', ')} where org_id = $1 and id = $2`, params);
}

/** The cases among `ids` the scope may see, locked for the caller's transaction (bulk changes). */
export async function lockCasesInScope(db: Queryable, scope: Scope, ids: readonly string[]): Promise<{ id: string; number: number; status: CaseStatus; locationId: string | null }[]> {
  const params: unknown[] = [scope.orgId, [...new Set(ids)]];
  const inScope = locationScopeSql(scope, 'c.location_id', params);
  const { rows } = await db.query(
    `/* lockCasesInScope */ select c.id, c.number, c.status, c.location_id from cases c
      where c.org_id = $1 and c.id = any($2::uuid[]) and ${inScope} order by c.number for update of c`,
    params,
  );
  return rows.map((r) => ({ id: r.id, number: r.number, status: r.status, locationId: r.location_id }));
}

export interface Assignee {
  id: string;
  role: string;
  name: string;
  locale: string;
  /** Paths of their granted locations (empty: none granted). */
  locationPaths: string[];
}

/** An active user of the organisation who may be given cases, with their grants; null otherwise. */
export async function getAssignee(db: Queryable, orgId: string, userId: string): Promise<Assignee | null> {
  const { rows } = await db.query(
    `/* getAssignee */ select u.id, u.role, coalesce(nullif(u.name, ''), u.email) as name, u.locale,
       coalesce(array_agg(l.path) filter (where l.path is not null), '{}') as paths
       from users u
       left join user_locations ul on ul.org_id = u.org_id and ul.user_id = u.id
       left join locations l on l.org_id = ul.org_id and l.id = ul.location_id
      where u.org_id = $1 and u.id = $2 and not u.disabled
      group by u.org_id, u.id`,
    [orgId, userId],
  );
  const r = rows[0];
  return r ? { id: r.id, role: r.role, name: r.name, locale: r.locale, locationPaths: r.paths } : null;
}

/** The path of a location of the organisation (null: no such location). */
export async function locationPathOf(db: Queryable, orgId: string, locationId: string): Promise<string | null> {
  const { rows } = await db.query(`/* locationPathOf */ select path from locations where org_id = $1 and id = $2`, [orgId, locationId]);
  return rows[0]?.path ?? null;
}

export async function teamExists(db: Queryable, orgId: string, teamId: string): Promise<boolean> {
  const { rows } = await db.query(`/* teamExists */ select 1 from case_teams where org_id = $1 and id = $2`, [orgId, teamId]);
  return rows.length > 0;
}

/** A root cause that may be chosen now (of the organisation, not archived). */
export async function activeRootCauseExists(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rows } = await db.query(`/* activeRootCauseExists */ select 1 from root_causes where org_id = $1 and id = $2 and not archived`, [orgId, id]);
  return rows.length > 0;
}

/** The organisation's compensation limits: role -> largest total per case. */
export async function getCompensationLimits(db: Queryable, orgId: string): Promise<Map<string, number>> {
  const { rows } = await db.query(`/* getCompensationLimits */ select role, max_amount::float8 as max from compensation_limits where org_id = $1`, [orgId]);
  return new Map(rows.map((r) => [r.role, r.max]));
}

/** The compensation a case carries already. */
export async function sumCaseCompensation(db: Queryable, orgId: string, caseId: string): Promise<number> {
  const { rows } = await db.query(`/* sumCaseCompensation */ select coalesce(sum(amount), 0)::float8 as total from case_compensations where org_id = $1 and case_id = $2`, [orgId, caseId]);
  return rows[0].total;
}

export async function insertCompensation(
  db: Queryable, c: { orgId: string; caseId: string; amount: number; currency: string; kind: CompensationKind; note: string | null; givenBy: string; at: Date },
): Promise<string> {
  const { rows } = await db.query(
    `/* insertCompensation */ insert into case_compensations(org_id, case_id, amount, currency, kind, note, given_by, given_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [c.orgId, c.caseId, c.amount.toFixed(2), c.currency, c.kind, c.note, c.givenBy, c.at],
  );
  return rows[0].id;
}

/** Where replies go: the organisation's name and its feedback mailbox address (Reply-To), if one is set. */
export async function getCaseMailSettings(db: Queryable, orgId: string): Promise<{ orgName: string; replyTo: string | null }> {
  const { rows } = await db.query(
    `/* getCaseMailSettings */ select o.name, m.address from orgs o left join feedback_mailboxes m on m.org_id = o.id and m.enabled where o.id = $1`,
    [orgId],
  );
  return { orgName: rows[0]?.name ?? '', replyTo: rows[0]?.address ?? null };
}

/** The users who may work cases (assign menu, @mentions): active owners, admins, analysts and location managers. */
export async function listCasePeople(db: Queryable, orgId: string): Promise<(Assignee & { email: string })[]> {
  const { rows } = await db.query(
    `/* listCasePeople */ select u.id, u.role, u.locale, coalesce(nullif(u.name, ''), u.email) as name, u.email,
       coalesce(array_agg(l.path) filter (where l.path is not null), '{}') as paths
       from users u
       left join user_locations ul on ul.org_id = u.org_id and ul.user_id = u.id
       left join locations l on l.org_id = ul.org_id and l.id = ul.location_id
      where u.org_id = $1 and not u.disabled and u.role in ('owner', 'admin', 'analyst', 'location_manager')
      group by u.org_id, u.id order by lower(coalesce(nullif(u.name, ''), u.email)), u.id`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, role: r.role, locale: r.locale, name: r.name, email: r.email, locationPaths: r.paths }));
}

export async function listCaseTeams(db: Queryable, orgId: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query(`/* listCaseTeams */ select id, name from case_teams where org_id = $1 order by lower(name), id`, [orgId]);
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

/**
 * For the feedback mailbox (threading): the case whose `reply_sent` event carries one of `messageIds`
 * (a letter's In-Reply-To and References), the newest such reply first. Message-IDs are compared as
 * sent, angle brackets included.
 */
export async function caseByMessageId(db: Queryable, orgId: string, messageIds: readonly string[]): Promise<{ caseId: string; number: number } | null> {
  if (messageIds.length === 0) return null;
  const { rows } = await db.query(
    `/* caseByMessageId */ select c.id, c.number from case_events e join cases c on c.org_id = e.org_id and c.id = e.case_id
      where e.org_id = $1 and e.kind = 'reply_sent' and e.message_id = any($2::text[]) order by e.at desc limit 1`,
    [orgId, [...messageIds]],
  );
  return rows[0] ? { caseId: rows[0].id, number: rows[0].number } : null;
}

/** Records how a reply went out: its Message-ID (threading) and, after sending, the outbox row and whether SMTP took it. */
export async function setReplyDelivery(
  db: Queryable, orgId: string, eventId: string, d: { messageId?: string; outboxId?: string; emailed?: boolean },
): Promise<void> {
  await db.query(
    `/* setReplyDelivery */ update case_events set message_id = coalesce($3, message_id),
       body = body || jsonb_strip_nulls(jsonb_build_object('outboxId', $4::text, 'emailed', $5::boolean))
      where org_id = $1 and id = $2`,
    [orgId, eventId, d.messageId ?? null, d.outboxId ?? null, d.emailed ?? null],
  );
}
