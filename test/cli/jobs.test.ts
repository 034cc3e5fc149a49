/** `sarafan jobs` (failed jobs of every organisation, `--json`) and `sarafan jobs retry ID`, on DATABASE_URL. */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { runCli } from '../helpers/cli.ts';
import { createJobQueue, type JobQueue } from '../../src/server/jobs/queue.ts';
import { JOB_KINDS } from '../../src/server/jobs/kinds.ts';
import { rebuildOrgRollupsJob } from '../../src/server/jobs/rebuildOrgRollupsJob.ts';

describe('sarafan jobs', () => {
  let db: TestDatabase;
  let queue: JobQueue;
  const env = () => ({ ...process.env, DATABASE_URL: db.url });
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await queue?.stop();
    await db?.drop();
  });

  /** A rebuild job of the organisation that failed for good with `message` (taken and failed through pg-boss, no worker). */
  async function failedJob(orgId: string, message: string): Promise<string> {
    const id = (await queue.boss.send(rebuildOrgRollupsJob.name, { orgId }, { retryLimit: 0 }))!;
    const [taken] = await queue.boss.fetch(rebuildOrgRollupsJob.name);
    expect(taken.id).toBe(id);
    await queue.boss.fail(rebuildOrgRollupsJob.name, id, new Error(message));
    return id;
  }

  it('says so when there are no failed jobs, even before the queue was ever started', async () => {
    const { code, output } = await runCli(['jobs'], env());
    expect(code, output).toBe(0);
    expect(output.trim()).toBe('No failed jobs.');
  });

  it('lists the failed jobs of every organisation, and retries one', async () => {
    queue = createJobQueue(db.pool, { kinds: JOB_KINDS, work: false });
    await queue.start();
    const a = await buildOrg(db.pool, 'Cli Jobs A');
    const b = await buildOrg(db.pool, 'Cli Jobs B');
    const jobA = await failedJob(a.orgId, 'disk full\n    at somewhere (stack line)');
    const jobB = await failedJob(b.orgId, 'permission denied for table answers');

    const listed = await runCli(['jobs'], env());
    expect(listed.code, listed.output).toBe(0);
    expect(listed.output).toContain('2 failed jobs:');
    for (const text of [jobA, jobB, 'Cli Jobs A', 'Cli Jobs B', 'rebuild-org-rollups', 'disk full', 'permission denied for table answers', 'npx sarafan jobs retry ID']) {
      expect(listed.output).toContain(text);
    }
    expect(listed.output).not.toContain('stack line');

    const json = await runCli(['jobs', '--json'], env());
    expect(json.code, json.output).toBe(0);
    const jobs = JSON.parse(json.output).jobs as any[];
    expect(jobs.map((j) => [j.id, j.orgId, j.orgName, j.state, j.attempts, j.error]).sort()).toEqual(
      [
        [jobA, a.orgId, 'Cli Jobs A', 'failed', 1, 'disk full'],
        [jobB, b.orgId, 'Cli Jobs B', 'failed', 1, 'permission denied for table answers'],
      ].sort(),
    );

    const retried = await runCli(['jobs', 'retry', jobA, '--json'], env());
    expect(retried.code, retried.output).toBe(0);
    expect(JSON.parse(retried.output).job).toMatchObject({ id: jobA, state: 'retry' });
    expect((await queue.boss.getJobById(rebuildOrgRollupsJob.name, jobA))?.state).toBe('retry');
    const after = JSON.parse((await runCli(['jobs', '--json'], env())).output).jobs.map((j: any) => j.id);
    expect(after).toEqual([jobB]);

    const again = await runCli(['jobs', 'retry', jobA], env());
    expect(again.code).toBe(1);
    expect(again.output).toContain('only a failed job can be retried');
    const unknown = await runCli(['jobs', 'retry', crypto.randomUUID()], env());
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('no job');
    const badState = await runCli(['jobs', '--state', 'sideways'], env());
    expect(badState.code).toBe(1);
    expect(badState.output).toContain('--state must be one of');
  }, 180_000); // seven runs of the command, a few seconds each
});
