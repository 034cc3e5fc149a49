/**
 * The job queue (src/server/jobs/queue.ts on pg-boss): retries with exponential backoff, at most one
 * waiting job per organisation for the rollup kinds, the minute sweep registered as a cron schedule
 * and doing its work, and a failed job run again by retry().
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue, type JobQueue } from '../../src/server/jobs/queue.ts';
import { JOB_KINDS } from '../../src/server/jobs/kinds.ts';
import { foldRollupsJob } from '../../src/server/jobs/foldRollupsJob.ts';
import { rebuildOrgRollupsJob } from '../../src/server/jobs/rebuildOrgRollupsJob.ts';
import { sweepRollupsJob } from '../../src/server/jobs/sweepRollupsJob.ts';
import { pruneRecordsJob } from '../../src/server/jobs/pruneRecordsJob.ts';
import { getRollupJob, requestRollupJob } from '../../src/db/rollups/rollupJobs.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildOrg } from '../helpers/app.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';
import { testJobKind } from './testJob.ts';

let db: TestDatabase;
const queues: JobQueue[] = [];
const queueOf = (...args: Parameters<typeof createJobQueue>) => {
  const q = createJobQueue(...args);
  queues.push(q);
  return q;
};

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const q of queues) await q.stop();
  await db?.drop();
});

const jobState = (q: JobQueue, kind: string, id: string) => q.boss.getJobById(kind, id).then((j) => j?.state);

describe('job queue', () => {
  it('retries a failing job with a growing pause, then completes it', async () => {
    const name = 'test-flaky';
    // Each attempt records when it ended and when the queue then scheduled the next one.
    const attempts: { retryCount: number; failedAt?: number; startAfter?: number }[] = [];
    const kind = testJobKind(
      name,
      async (_payload, ctx) => {
        const job = await ctx.queue.boss.getJobById(name, ctx.jobId);
        if (attempts.length > 0) attempts[attempts.length - 1].startAfter = job!.startAfter.getTime();
        attempts.push({ retryCount: ctx.retryCount });
        if (ctx.retryCount < 2) {
          attempts[attempts.length - 1].failedAt = Date.now();
          throw new Error(`attempt ${ctx.retryCount + 1} fails`);
        }
        return { ok: true };
      },
      { limit: 2, delaySeconds: 1, backoff: true },
    );
    const q = queueOf(db.pool, { kinds: [kind], log: () => {} });
    await q.start();
    const id = (await q.send(kind, { label: 'flaky' }))!;
    await expect.poll(() => jobState(q, name, id), { timeout: 20_000, interval: 50 }).toBe('completed');

    expect(attempts.map((a) => a.retryCount)).toEqual([0, 1, 2]);
    // pg-boss waits delay x 2^retry / 2 x (1 + random) seconds: 1-2 s before the first retry, 2-4 s before the second.
    const pause = (i: number) => attempts[i].startAfter! - attempts[i].failedAt!;
    expect(pause(0)).toBeGreaterThanOrEqual(1000 - 100);
    expect(pause(1)).toBeGreaterThanOrEqual(2000 - 100);
    expect(await q.boss.getJobById(name, id)).toMatchObject({ retryCount: 2, retryLimit: 2, retryDelay: 1, retryBackoff: true, output: { ok: true } });
  });

  it('keeps at most one waiting fold and one waiting rebuild per organisation', async () => {
    const sender = queueOf(db.pool, { kinds: JOB_KINDS, work: false });
    const [a, b] = [(await buildOrg(db.pool, 'Single A')).orgId, (await buildOrg(db.pool, 'Single B')).orgId];
    for (const kind of [foldRollupsJob, rebuildOrgRollupsJob]) {
      const first = await sender.send(kind, { orgId: a });
      expect(first, kind.name).toBeTruthy();
      expect(await sender.send(kind, { orgId: a }), kind.name).toBeNull();
      expect(await sender.send(kind, { orgId: b }), kind.name).toBeTruthy();
      const { rows } = await db.pool.query(`select data ->> 'orgId' as org, count(*)::int as n from pgboss.job where name = $1 and state = 'created' group by 1 order by 2`, [
        kind.name,
      ]);
      expect(rows.map((r) => r.n), kind.name).toEqual([1, 1]);
      // Once the waiting job has been taken (active), a new request queues one more: no request is lost.
      const [taken] = await sender.boss.fetch(kind.name);
      expect(await sender.send(kind, { orgId: taken.data ? (taken.data as { orgId: string }).orgId : a })).toBeTruthy();
      await sender.boss.deleteJob(kind.name, (await db.pool.query(`select id from pgboss.job where name = $1`, [kind.name])).rows.map((r) => r.id));
    }
  });

  it('the nightly prune deletes Telegram updates received more than 7 days ago and keeps the rest', async () => {
    const orgId = (await buildOrg(db.pool, 'Prune Org')).orgId;
    // update_id = age in hours: 8 days, 7 days + 1 hour, 6 days, 1 hour
    for (const hours of [192, 169, 144, 1]) {
      await db.pool.query(
        `insert into telegram_updates (org_id, bot_id, update_id, received_at, sent_at) values ($1, 42, $2::bigint, now() - make_interval(hours => $2::int), now())`,
        [orgId, hours],
      );
    }
    const q = queueOf(db.pool, { kinds: JOB_KINDS, log: () => {} });
    await q.start();
    const id = (await q.send(pruneRecordsJob, {}))!;
    await expect.poll(() => jobState(q, pruneRecordsJob.name, id), { timeout: 20_000, interval: 50 }).toBe('completed');
    const left = await db.pool.query(`select update_id::int as id from telegram_updates where org_id = $1 order by update_id`, [orgId]);
    expect(left.rows.map((r) => r.id)).toEqual([1, 144]);
  });

  it('registers the minute sweep as a cron schedule; the sweep folds queued changes and runs requested rebuilds', async () => {
    const orgId = (await buildOrg(db.pool, 'Sweep Org')).orgId;
    const survey = await seedSurvey(db.pool, orgId, [{ key: 'nps', type: 'nps' }]);
    await seedResponses(db.pool, orgId, survey.surveyId, survey.ids, [{ answers: { nps: { score: 9 } } }, { answers: { nps: { score: 3 } } }], { queue: true });
    await requestRollupJob(db.pool, orgId);

    const q = queueOf(db.pool, { kinds: JOB_KINDS, log: () => {} });
    await q.start();
    const schedules = (await q.boss.getSchedules()).map((s) => ({ name: s.name, cron: s.cron, timezone: (s as { timezone?: string }).timezone }));
    expect(schedules.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'alerts-metric-drop', cron: '40 4 * * *', timezone: 'UTC' },
      { name: 'alerts-sweep', cron: '*/5 * * * *', timezone: 'UTC' },
      { name: 'audit-evidence-sweep', cron: '23 4 * * *', timezone: 'UTC' },
      { name: 'case-digest', cron: '0 6 * * 1', timezone: 'UTC' },
      { name: 'close-partial-responses', cron: '*/10 * * * *', timezone: 'UTC' },
      { name: 'escalate-cases', cron: '*/5 * * * *', timezone: 'UTC' },
      { name: 'prune-records', cron: '17 3 * * *', timezone: 'UTC' },
      { name: 'report-scheduler', cron: '* * * * *', timezone: 'UTC' },
      { name: 'send-invitations', cron: '* * * * *', timezone: 'UTC' },
      { name: 'sweep-comments', cron: '*/10 * * * *', timezone: 'UTC' },
      { name: 'sweep-feedback-mailboxes', cron: '* * * * *', timezone: 'UTC' },
      { name: 'sweep-rollups', cron: '* * * * *', timezone: 'UTC' },
    ]);

    const id = (await q.send(sweepRollupsJob, {}))!;
    await expect.poll(() => jobState(q, sweepRollupsJob.name, id), { timeout: 20_000, interval: 50 }).toBe('completed');
    await expect
      .poll(async () => (await db.pool.query(`select count(*)::int as n from rollup_pending where org_id = $1`, [orgId])).rows[0].n, { timeout: 20_000, interval: 50 })
      .toBe(0);
    await expect.poll(async () => (await getRollupJob(db.pool, orgId))?.status, { timeout: 20_000, interval: 50 }).toBe('done');
    const counted = await db.pool.query(`select sum(h.n)::int as n from rollup_scores_compact s, unnest(s.counts) h(n) where s.org_id = $1 and s.dim_key = ''`, [orgId]);
    expect(counted.rows[0].n).toBe(2);
  });

  it('runs a failed job again when asked to retry it', async () => {
    const name = 'test-fails-once';
    let calls = 0;
    const kind = testJobKind(
      name,
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('the first run fails');
        return { calls };
      },
      { limit: 0, delaySeconds: 0, backoff: false },
    );
    const q = queueOf(db.pool, { kinds: [kind], log: () => {} });
    await q.start();
    const id = (await q.send(kind, { label: 'retry me' }))!;
    await expect.poll(() => jobState(q, name, id), { timeout: 20_000, interval: 50 }).toBe('failed');
    expect((await q.boss.getJobById(name, id))?.output).toMatchObject({ message: 'the first run fails' });
    await q.retry(name, id);
    await expect.poll(() => jobState(q, name, id), { timeout: 20_000, interval: 50 }).toBe('completed');
    expect(calls).toBe(2);
  });
});
