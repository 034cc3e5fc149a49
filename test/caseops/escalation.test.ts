/**
 * The escalation job on real PostgreSQL: a case past due moves one level up (the region's manager),
 * exactly once however often or concurrently the job runs, with its event, a new due time in business
 * hours and `escalated` notifications; at the top the admins are told once; then nothing more. Also
 * the kind's cron through the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../../src/server/cases/commands/openCase.ts';
import { escalateOverdueCases, escalateCasesJob } from '../../src/server/cases/escalateCasesJob.ts';
import { createJobQueue } from '../../src/server/jobs/queue.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildCaseOrg, caseEvents, caseRow, notificationsOf } from './fixtures.ts';

let db: TestDatabase;
let org: Awaited<ReturnType<typeof buildCaseOrg>>;

beforeAll(async () => {
  db = await createTestDatabase();
  org = await buildCaseOrg(db.pool, 'esc');
  await db.pool.query(`update locations set business_hours = 'Mon-Sun 10:00-22:00' where id = $1`, [org.s1.id]);
});
afterAll(async () => {
  await db?.drop();
});

// Opened Monday 2026-06-01 10:00 Moscow (07:00Z), high priority: 8 working hours, due 18:00 Moscow (15:00Z).
const openHigh = (locationId: string) =>
  openCase(db.pool, { orgId: org.orgId, title: 'Broken fridge', priority: 'high', channel: 'survey', locationId, now: new Date('2026-06-01T07:00:00Z') });

describe('escalate-cases', () => {
  it('moves an overdue case one level up, once, even when the job runs twice', async () => {
    const c = await openHigh(org.s1.id);
    expect(await caseRow(db.pool, c.id)).toMatchObject({ owner_user_id: org.s1Manager, due_at: new Date('2026-06-01T15:00:00Z') });
    // Not yet overdue: nothing happens.
    expect(await escalateOverdueCases(db.pool, new Date('2026-06-01T14:59:00Z'))).toEqual({ escalated: 0 });
    // Tuesday 15:00 Moscow (12:00Z): 7 h left that day, 1 h on Wednesday: due Wednesday 11:00 Moscow (08:00Z)
    const now = new Date('2026-06-02T12:00:00Z');
    expect(await escalateOverdueCases(db.pool, now)).toEqual({ escalated: 1 });
    expect(await escalateOverdueCases(db.pool, now)).toEqual({ escalated: 0 });
    expect(await caseRow(db.pool, c.id)).toMatchObject({ owner_user_id: org.regionManager, escalation_level: 1, due_at: new Date('2026-06-03T08:00:00Z') });
    const events = await caseEvents(db.pool, c.id, 'escalated');
    expect(events).toHaveLength(1);
    expect(events[0].body).toMatchObject({ level: 1, fromUserId: org.s1Manager, toUserId: org.regionManager, locationId: org.region.id, top: false });
    expect(await notificationsOf(db.pool, c.id, 'escalated')).toEqual([org.s1Manager, org.regionManager].sort());
  });

  it('at the top tells the admins once, keeps the owner, and then stops', async () => {
    const c = await openHigh(org.s1.id);
    await escalateOverdueCases(db.pool, new Date('2026-06-02T12:00:00Z'));
    await db.pool.query(`delete from notifications where case_id = $1`, [c.id]);
    // Wednesday 12:00 Moscow (09:00Z), past the new due time: no manager above the region -> the top; due 20:00 Moscow
    // (the first test's case, due at the same time, climbs too: two)
    expect(await escalateOverdueCases(db.pool, new Date('2026-06-03T09:00:00Z'))).toEqual({ escalated: 2 });
    expect(await caseRow(db.pool, c.id)).toMatchObject({ owner_user_id: org.regionManager, escalation_level: 2, due_at: new Date('2026-06-03T17:00:00Z') });
    expect((await caseEvents(db.pool, c.id, 'escalated')).map((e) => e.body.top)).toEqual([false, true]);
    expect(await notificationsOf(db.pool, c.id, 'escalated')).toEqual([org.owner, org.admin, org.regionManager].sort());
    // A week later still open and overdue: nothing more.
    expect(await escalateOverdueCases(db.pool, new Date('2026-06-10T09:00:00Z'))).toEqual({ escalated: 0 });
    expect(await caseEvents(db.pool, c.id, 'escalated')).toHaveLength(2);
  });

  it('two workers at once escalate a case once', async () => {
    const c = await openHigh(org.s2.id);
    // Arbat has no manager: the region's manager owns it; their rung is passed over, so the next step is the top (level 2).
    expect((await caseRow(db.pool, c.id)).owner_user_id).toBe(org.regionManager);
    const now = new Date('2026-06-02T12:00:00Z');
    const runs = await Promise.all([escalateOverdueCases(db.pool, now), escalateOverdueCases(db.pool, now), escalateOverdueCases(db.pool, now)]);
    expect(runs.reduce((n, r) => n + r.escalated, 0)).toBe(1);
    expect((await caseEvents(db.pool, c.id, 'escalated')).map((e) => e.body)).toMatchObject([{ level: 2, top: true, toUserId: null }]);
    expect(await caseRow(db.pool, c.id)).toMatchObject({ escalation_level: 2, owner_user_id: org.regionManager });
  });

  it('leaves resolved cases alone', async () => {
    const c = await openHigh(org.s1.id);
    await db.pool.query(`update cases set status = 'resolved', resolved_at = now() where id = $1`, [c.id]);
    await escalateOverdueCases(db.pool, new Date('2026-06-02T12:00:00Z'));
    expect((await caseRow(db.pool, c.id)).escalation_level).toBe(0);
  });

  it('is scheduled every 5 minutes through the queue', async () => {
    const queue = createJobQueue(db.pool, { kinds: [escalateCasesJob], log: () => {} });
    try {
      await queue.start();
      const schedules = await queue.boss.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron])).toContainEqual(['escalate-cases', '*/5 * * * *']);
    } finally {
      await queue.stop();
    }
  });
});
