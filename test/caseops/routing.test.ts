/**
 * Who owns a new case (routing rules in order, location subtrees, teams, the nearest ancestor's manager
 * when no rule matches) and its SLA due time in the business hours of its location, inherited from the
 * nearest ancestor or the organisation: through openCase on real PostgreSQL. Due times hand-computed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, type OpenCaseInput } from '../../src/server/cases/commands/openCase.ts';
import { buildUser } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildCaseOrg, caseRow, notificationsOf } from './fixtures.ts';

let db: TestDatabase;
let org: Awaited<ReturnType<typeof buildCaseOrg>>;
let quality: string;
let storeLead: string;
let hotline: string;
let hotlineMembers: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  org = await buildCaseOrg(db.pool, 'routing');
  quality = await buildUser(db.pool, org.orgId, 'analyst', 'quality@cases.test');
  storeLead = await buildUser(db.pool, org.orgId, 'analyst', 'lead@cases.test');
  hotlineMembers = [await buildUser(db.pool, org.orgId, 'analyst', 'h1@cases.test'), await buildUser(db.pool, org.orgId, 'analyst', 'h2@cases.test')];
  hotline = (await db.pool.query(`insert into case_teams(org_id, name) values ($1, 'Hotline') returning id`, [org.orgId])).rows[0].id;
  for (const u of hotlineMembers) await db.pool.query(`insert into case_team_members(org_id, team_id, user_id) values ($1, $2, $3)`, [org.orgId, hotline, u]);
});
afterAll(async () => {
  await db?.drop();
});

const open = (input: Partial<OpenCaseInput> & { locationId: string | null }) =>
  openCase(db.pool, { orgId: org.orgId, title: 'Rude cashier', priority: 'normal', channel: 'survey', now: new Date('2026-06-01T17:00:00Z'), ...input });

const setRules = async (rules: { location?: string; channel?: string; priority?: string; user?: string; team?: string }[]) => {
  await db.pool.query(`delete from case_routing_rules where org_id = $1`, [org.orgId]);
  for (const [i, r] of rules.entries()) {
    await db.pool.query(
      `insert into case_routing_rules(org_id, position, location_id, channel, priority, owner_user_id, team_id) values ($1, $2, $3, $4, $5, $6, $7)`,
      [org.orgId, i, r.location ?? null, r.channel ?? null, r.priority ?? null, r.user ?? null, r.team ?? null],
    );
  }
};

describe('routing without rules', () => {
  it("gives the case to its store's manager", async () => {
    await setRules([]);
    expect((await open({ locationId: org.s1.id })).ownerUserId).toBe(org.s1Manager);
  });

  it("falls back to the nearest ancestor's manager when the store has none", async () => {
    expect((await open({ locationId: org.s2.id })).ownerUserId).toBe(org.regionManager);
  });

  it('leaves it unowned when no ancestor has a manager, or without a location', async () => {
    expect(await open({ locationId: org.s3.id })).toMatchObject({ ownerUserId: null, teamId: null });
    expect(await open({ locationId: null })).toMatchObject({ ownerUserId: null, teamId: null });
  });
});

describe('routing rules', () => {
  beforeAll(async () => {
    await setRules([
      { channel: 'phone', team: hotline },
      { location: org.region.id, priority: 'urgent', user: quality },
      { location: org.s1.id, user: storeLead },
    ]);
  });

  it('the first matching rule wins, in their order', async () => {
    // rule 3 matches too (S1), but rule 1 comes first
    expect(await open({ locationId: org.s1.id, channel: 'phone' })).toMatchObject({ ownerUserId: null, teamId: hotline });
    // rules 2 and 3 match; 2 comes first
    expect(await open({ locationId: org.s1.id, priority: 'urgent' })).toMatchObject({ ownerUserId: quality, teamId: null });
    expect(await open({ locationId: org.s1.id })).toMatchObject({ ownerUserId: storeLead });
  });

  it('a location condition covers its whole subtree and nothing else', async () => {
    expect((await open({ locationId: org.s2.id, priority: 'urgent' })).ownerUserId).toBe(quality);
    // Kazan is not under the region: no rule matches, and no manager above it
    expect(await open({ locationId: org.s3.id, priority: 'urgent' })).toMatchObject({ ownerUserId: null, teamId: null });
    // no rule for a normal Arbat case: the region's manager
    expect((await open({ locationId: org.s2.id })).ownerUserId).toBe(org.regionManager);
  });

  it("a team's case notifies each of its members", async () => {
    const c = await open({ locationId: org.s2.id, channel: 'phone' });
    expect(c.teamId).toBe(hotline);
    expect(await notificationsOf(db.pool, c.id, 'case_assigned')).toEqual([...hotlineMembers].sort());
  });

  it('a rule without conditions catches everything after the rules above it', async () => {
    await setRules([{ location: org.s1.id, user: storeLead }, { user: quality }]);
    expect((await open({ locationId: org.s1.id })).ownerUserId).toBe(storeLead);
    expect((await open({ locationId: org.s3.id })).ownerUserId).toBe(quality);
    expect((await open({ locationId: null })).ownerUserId).toBe(quality);
    await setRules([]);
  });
});

describe('SLA due time in business hours (Moscow, UTC+3)', () => {
  beforeAll(async () => {
    await db.pool.query(`update orgs set business_hours = 'Mon-Fri 09:00-18:00' where id = $1`, [org.orgId]);
    await db.pool.query(`update locations set business_hours = 'Mon-Sun 10:00-22:00' where id = $1`, [org.s1.id]);
  });

  it("a store's own hours: 16 working hours from Monday 20:00 end on Wednesday 12:00", async () => {
    // Mon 20:00-22:00 (2 h), Tue 10:00-22:00 (12 h), Wed 10:00-12:00 (2 h)
    const c = await open({ locationId: org.s1.id });
    expect((await caseRow(db.pool, c.id)).due_at).toEqual(new Date('2026-06-03T09:00:00Z'));
  });

  it("a store without hours uses the organisation's: Tue 09:00-18:00 (9 h) then Wed until 16:00 (7 h)", async () => {
    const c = await open({ locationId: org.s2.id });
    expect((await caseRow(db.pool, c.id)).due_at).toEqual(new Date('2026-06-03T13:00:00Z'));
  });

  it('an urgent case opened on Friday 17:00 is due on Monday 12:00 (weekend skipped)', async () => {
    const c = await open({ locationId: org.s2.id, priority: 'urgent', now: new Date('2026-06-05T14:00:00Z') });
    expect((await caseRow(db.pool, c.id)).due_at).toEqual(new Date('2026-06-08T09:00:00Z'));
  });

  it("the nearest ancestor's hours come before the organisation's", async () => {
    await db.pool.query(`update locations set business_hours = 'Mon-Sat 08:00-20:00' where id = $1`, [org.region.id]);
    // Tue 08:00-20:00 (12 h), Wed 08:00-12:00 (4 h)
    const c = await open({ locationId: org.s2.id });
    expect((await caseRow(db.pool, c.id)).due_at).toEqual(new Date('2026-06-03T09:00:00Z'));
    await db.pool.query(`update locations set business_hours = null where id = $1`, [org.region.id]);
  });

  it('with no hours anywhere the clock runs round the clock', async () => {
    await db.pool.query(`update orgs set business_hours = null where id = $1`, [org.orgId]);
    const c = await open({ locationId: org.s2.id });
    expect((await caseRow(db.pool, c.id)).due_at).toEqual(new Date('2026-06-02T09:00:00Z'));
  });
});
