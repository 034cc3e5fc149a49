/**
 * The demo's case operations (src/core/demo/caseOps.ts): business hours, the Moscow regional manager,
 * teams and routing rules, compensation limits; then, on whatever cases the demo has by now (the cases
 * demo runs first), a few overdue Moscow cases escalated to the regional manager and the recovery
 * answers of resolved detractor cases (score and timeline; the demo keeps no response rows for them).
 */
import type { PoolClient } from '../connection.ts';
import {
  DEMO_CASE_TEAMS, DEMO_COMPENSATION_LIMITS, DEMO_CURRENCY, DEMO_LOCATION_HOURS, DEMO_ORG_HOURS, DEMO_REGION_MANAGER, DEMO_ROUTING_RULES, demoRecoveryScore,
} from '../../core/demo/caseOps.ts';
import { createRng, deriveSeed } from '../../core/demo/random.ts';
import { DEMO_ANALYST_EMAIL, DEMO_OWNER_EMAIL, DEMO_TIMEZONE } from '../../core/demo/structure.ts';
import { caseDueAt } from '../../core/closedLoop/sla.ts';
import { isRecovered } from '../../core/closedLoop/recovery.ts';
import type { CasePriority } from '../../core/closedLoop/model.ts';
import type { DemoIds } from './insertDemoStructure.ts';

const ESCALATED = 3;
const DAY = 86_400_000;

async function userIdsByEmail(tx: PoolClient, orgId: string, emails: string[]): Promise<Map<string, string>> {
  const { rows } = await tx.query(`/* demoCaseUsers */ select id, lower(email) as email from users where org_id = $1 and lower(email) = any($2::text[])`, [orgId, emails]);
  return new Map(rows.map((r) => [r.email, r.id]));
}

export async function insertDemoCaseOps(tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date; passwordHash: string }): Promise<void> {
  const { orgId } = ids;
  await tx.query(`/* demoOrgCaseSettings */ update orgs set business_hours = $2, currency = $3 where id = $1`, [orgId, DEMO_ORG_HOURS, DEMO_CURRENCY]);
  for (const [key, hours] of Object.entries(DEMO_LOCATION_HOURS)) {
    await tx.query(`/* demoLocationHours */ update locations set business_hours = $3 where org_id = $1 and id = $2`, [orgId, ids.locations.get(key), hours]);
  }
  const regional = (await tx.query(
    `/* demoRegionManager */ insert into users(org_id, email, name, password_hash, role, locale) values ($1, $2, $3, $4, 'location_manager', $5) returning id`,
    [orgId, DEMO_REGION_MANAGER.email, DEMO_REGION_MANAGER.name, opts.passwordHash, DEMO_REGION_MANAGER.locale],
  )).rows[0].id as string;
  await tx.query(`/* demoRegionManagerLocation */ insert into user_locations(org_id, user_id, location_id) values ($1, $2, $3)`, [orgId, regional, ids.locations.get(DEMO_REGION_MANAGER.region)]);

  const users = await userIdsByEmail(tx, orgId, [DEMO_OWNER_EMAIL, DEMO_ANALYST_EMAIL]);
  const byRole = { owner: users.get(DEMO_OWNER_EMAIL)!, analyst: users.get(DEMO_ANALYST_EMAIL)! };
  const teams = new Map<string, string>();
  for (const team of DEMO_CASE_TEAMS) {
    const id = (await tx.query(`/* demoCaseTeam */ insert into case_teams(org_id, name) values ($1, $2) returning id`, [orgId, team.name])).rows[0].id as string;
    teams.set(team.key, id);
    await tx.query(
      `/* demoCaseTeamMembers */ insert into case_team_members(org_id, team_id, user_id) select $1, $2, u from unnest($3::uuid[]) u`,
      [orgId, id, team.members.map((m) => byRole[m])],
    );
  }
  for (const [i, r] of DEMO_ROUTING_RULES.entries()) {
    await tx.query(
      `/* demoRoutingRule */ insert into case_routing_rules(org_id, position, location_id, channel, priority, owner_user_id, team_id) values ($1, $2, $3, $4, $5, $6, $7)`,
      [orgId, i, r.location ? ids.locations.get(r.location) : null, r.channel ?? null, r.priority ?? null, r.user ? byRole[r.user] : null, r.team ? teams.get(r.team) : null],
    );
  }
  for (const [role, amount] of Object.entries(DEMO_COMPENSATION_LIMITS)) {
    await tx.query(`/* demoCompensationLimit */ insert into compensation_limits(org_id, role, max_amount) values ($1, $2, $3)`, [orgId, role, amount]);
  }
  await escalateDemoCases(tx, orgId, ids.locations.get(DEMO_REGION_MANAGER.region)!, regional, opts.now);
  await answerDemoRecoveries(tx, orgId, createRng(deriveSeed(opts.seed, 913)), opts.now);
}

/** A few open Moscow cases past due: the regional manager owns them now, with their `escalated` event and her notification. */
async function escalateDemoCases(tx: PoolClient, orgId: string, regionId: string, regional: string, now: Date): Promise<void> {
  const { rows } = await tx.query(
    `/* demoOverdueMoscowCases */ select c.id, c.number, c.title, c.priority, c.owner_user_id, c.due_at from cases c
       join locations l on l.org_id = c.org_id and l.id = c.location_id
       join locations r on r.org_id = l.org_id and r.id = $2 and l.path like r.path || '%' and l.id <> r.id
      where c.org_id = $1 and c.status in ('new', 'in_progress', 'waiting_customer') and c.due_at < $3 and c.escalation_level = 0
      order by c.due_at limit $4`,
    [orgId, regionId, now, ESCALATED],
  );
  for (const c of rows) {
    const at = new Date(c.due_at.getTime() + 5 * 60_000);
    const dueAt = caseDueAt(at, c.priority as CasePriority, DEMO_LOCATION_HOURS[DEMO_REGION_MANAGER.region], DEMO_TIMEZONE);
    await tx.query(
      `/* demoEscalateCase */ update cases set owner_user_id = $3, team_id = null, escalation_level = 1, due_at = $4, updated_at = $5 where org_id = $1 and id = $2`,
      [orgId, c.id, regional, dueAt, at],
    );
    await tx.query(
      `/* demoEscalatedEvent */ insert into case_events(org_id, case_id, kind, body, at) values ($1, $2, 'escalated', $3, $4)`,
      [orgId, c.id, JSON.stringify({ level: 1, fromUserId: c.owner_user_id, toUserId: regional, locationId: regionId, top: false, dueAt: dueAt.toISOString() }), at],
    );
    await tx.query(
      `/* demoEscalatedNotification */ insert into notifications(org_id, user_id, kind, case_id, body, created_at) values ($1, $2, 'escalated', $3, $4, $5)`,
      [orgId, regional, c.id, JSON.stringify({ number: c.number, title: c.title, level: 1, top: false }), at],
    );
  }
}

/** Most resolved detractor cases asked the customer afterwards; those who answered get their score and events. */
async function answerDemoRecoveries(tx: PoolClient, orgId: string, rng: ReturnType<typeof createRng>, now: Date): Promise<void> {
  const { rows } = await tx.query(
    `/* demoResolvedDetractorCases */ select id, trigger_score, trigger_metric, resolved_at from cases
      where org_id = $1 and status in ('resolved', 'closed') and trigger_metric = 'nps' and trigger_score <= 6 and resolved_at is not null
        and recovery_score is null
      order by resolved_at, id`,
    [orgId],
  );
  for (const c of rows) {
    if (!rng.chance(0.8)) continue;
    const sentAt = new Date(c.resolved_at.getTime() + 10 * 60_000);
    const answeredAt = new Date(sentAt.getTime() + rng.int(2, 72) * 3_600_000);
    if (sentAt >= now) continue;
    await tx.query(
      `/* demoRecoverySent */ insert into case_events(org_id, case_id, kind, body, at) values ($1, $2, 'recovery_sent', $3, $4)`,
      [orgId, c.id, JSON.stringify({ status: 'queued', demo: true }), sentAt],
    );
    // About a third never answer, and an answer cannot come from the future.
    if (!rng.chance(0.65) || answeredAt.getTime() > now.getTime() - DAY / 24) continue;
    const score = demoRecoveryScore(rng, c.trigger_score);
    await tx.query(`/* demoRecoveryScore */ update cases set recovery_score = $3 where org_id = $1 and id = $2`, [orgId, c.id, score]);
    await tx.query(
      `/* demoRecoveryAnswered */ insert into case_events(org_id, case_id, kind, body, at) values ($1, $2, 'recovery_answered', $3, $4)`,
      [orgId, c.id, JSON.stringify({ score, recovered: isRecovered(c.trigger_score, c.trigger_metric, score), demo: true }), answeredAt],
    );
  }
}
