/**
 * The demo's case operations: on the loaded demo (settings, the regional manager), and on a small
 * organisation with cases (what the demo does to the cases that exist: escalations, recovery answers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/db/demo/loadDemo.ts';
import { insertDemoCaseOps } from '../../src/db/demo/insertDemoCaseOps.ts';
import { withTransaction } from '../../src/db/tx.ts';
import { isRecovered } from '../../src/core/closedLoop/recovery.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildUser } from '../helpers/app.ts';
import { buildCaseOrg, caseEvents, caseRow } from './fixtures.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('demo case operations', () => {
  it('sets hours, teams, routing, limits and a Moscow regional manager', async () => {
    const demo = await loadDemo(db.pool, { responses: 300, seed: 3, passwordHash: 'x' });
    const orgId = demo.orgId;
    const q = async (sql: string) => (await db.pool.query(sql, [orgId])).rows;
    expect(await q(`select business_hours, currency from orgs where id = $1`)).toEqual([{ business_hours: 'Mon-Fri 09:00-18:00', currency: 'RUB' }]);
    expect(await q(`select code, business_hours from locations where org_id = $1 and business_hours is not null order by code`)).toEqual([
      { code: 'CC', business_hours: 'Mon-Sun 08:00-22:00' }, { code: 'KZN', business_hours: 'Mon-Sun 10:00-22:00' }, { code: 'MSK', business_hours: 'Mon-Sun 10:00-22:00' },
      { code: 'SPB', business_hours: 'Mon-Sun 10:00-22:00' }, { code: 'THR', business_hours: 'Sat-Wed 10:00-22:00' },
    ]);
    expect(await q(`select t.name, count(m.user_id)::int as members from case_teams t left join case_team_members m on m.org_id = t.org_id and m.team_id = t.id where t.org_id = $1 group by t.name order by t.name`))
      .toEqual([{ name: 'Горячая линия', members: 1 }, { name: 'Отдел качества', members: 2 }]);
    expect((await q(`select channel from case_routing_rules where org_id = $1 order by position`)).map((r) => r.channel)).toEqual(['phone', null, null]);
    expect(await q(`select role, max_amount::float8 as amount from compensation_limits where org_id = $1 order by role`))
      .toEqual([{ role: 'admin', amount: 15000 }, { role: 'location_manager', amount: 3000 }, { role: 'owner', amount: 50000 }]);
    expect(await q(`select u.role, l.code from users u join user_locations ul on ul.org_id = u.org_id and ul.user_id = u.id join locations l on l.org_id = ul.org_id and l.id = ul.location_id where u.org_id = $1 and u.email = 'moscow@sarafan.local'`))
      .toEqual([{ role: 'location_manager', code: 'MSK' }]);
  });

  it('escalates overdue Moscow cases to the regional manager and records recovery answers of resolved detractor cases', async () => {
    // A database of its own: the demo's logins are unique across organisations.
    const own = await createTestDatabase();
    try {
      await demoOnCases(own);
    } finally {
      await own.drop();
    }
  });
});

async function demoOnCases(db: TestDatabase) {
  {
    const org = await buildCaseOrg(db.pool, 'demo');
    await buildUser(db.pool, org.orgId, 'analyst', 'analyst@sarafan.local');
    await db.pool.query(`update users set email = 'demo@sarafan.local' where id = $1`, [org.owner]);
    const now = new Date('2026-06-10T12:00:00Z');
    const add = async (n: number, status: string, extra: string, values: unknown[]) =>
      (await db.pool.query(
        `insert into cases(org_id, number, title, status, priority, channel, location_id, owner_user_id, ${extra}) values ($1, $2, 'Case', $3, 'normal', 'survey', $4, $5, ${values.map((_, i) => `$${i + 6}`).join(', ')}) returning id`,
        [org.orgId, n, status, org.s1.id, org.s1Manager, ...values],
      )).rows[0].id as string;
    const overdue = await add(1, 'new', 'due_at', ['2026-06-09T10:00:00Z']);
    const notDue = await add(2, 'new', 'due_at', ['2026-06-11T10:00:00Z']);
    const resolved: string[] = [];
    for (let i = 0; i < 30; i++) resolved.push(await add(10 + i, 'resolved', 'trigger_score, trigger_metric, resolved_at', [i % 7, 'nps', '2026-06-01T10:00:00Z']));
    const locations = new Map([['MSK', org.region.id], ['SPB', org.s2.id], ['KZN', org.s2.id], ['THR', org.s3.id], ['CC', org.s3.id]]);
    await withTransaction(db.pool, (tx) => insertDemoCaseOps(tx, { orgId: org.orgId, locations, surveys: new Map() }, { seed: 5, now, passwordHash: 'x' }));
    const regional = (await db.pool.query(`select id from users where email = 'moscow@sarafan.local'`)).rows[0].id;
    expect(await caseRow(db.pool, overdue)).toMatchObject({ owner_user_id: regional, escalation_level: 1 });
    expect((await caseEvents(db.pool, overdue, 'escalated')).map((e) => e.body.toUserId)).toEqual([regional]);
    expect(await caseRow(db.pool, notDue)).toMatchObject({ owner_user_id: org.s1Manager, escalation_level: 0 });
    const answered = (await db.pool.query(`select trigger_score, trigger_metric, recovery_score from cases where id = any($1::uuid[]) and recovery_score is not null`, [resolved])).rows;
    expect(answered.length).toBeGreaterThan(5);
    expect(answered.length).toBeLessThan(30);
    const events = (await db.pool.query(`select c.trigger_score, c.trigger_metric, c.recovery_score, e.body from case_events e join cases c on c.id = e.case_id where e.kind = 'recovery_answered' and c.org_id = $1`, [org.orgId])).rows;
    expect(events).toHaveLength(answered.length);
    for (const e of events) expect(e.body).toEqual({ score: e.recovery_score, recovered: isRecovered(e.trigger_score, e.trigger_metric, e.recovery_score), demo: true });
  }
}
