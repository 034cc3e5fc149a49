/**
 * A worker killed mid-job (SIGKILL: no chance to record anything): its job stays active until it
 * expires, the queue's maintenance in another process fails it by timeout, and that process runs it
 * again, to completion, as its one retry.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue, type JobContext, type JobQueue } from '../../src/server/jobs/queue.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { testJobKind } from './testJob.ts';

const KIND = 'test-killed-worker';
let db: TestDatabase;
const queues: JobQueue[] = [];
const children: ReturnType<typeof spawn>[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const q of queues) await q.stop();
  await db?.drop();
});

/** Starts hangingWorker.ts under tsx; resolves lines of its stdout to whoever waits for them. */
function startHangingWorker() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/jobs/hangingWorker.ts')], {
    env: { ...process.env, JOB_TEST_DATABASE_URL: db.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const m = output.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout!.on('data', (d) => {
    output += d;
    check();
  });
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const line = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      waiters.push({ re, resolve });
      check();
      void exited.then(() => reject(new Error(`worker exited before ${re}:\n${output}`)));
    });
  return { child, line, exited };
}

describe('a worker killed mid-job', () => {
  it('leaves its job to another worker, which runs it to completion as exactly one retry', async () => {
    const worker = startHangingWorker();
    await worker.line(/^ready$/m);

    // Sent from here; the child's worker takes it (it is the only worker of the kind so far).
    const sender = createJobQueue(db.pool, { kinds: [testJobKind(KIND, async () => {})], work: false });
    queues.push(sender);
    const jobId = await sender.send(testJobKind(KIND, async () => {}), { label: 'survives a kill' });
    expect(jobId).toBeTruthy();
    const [, startedId, startedRetry] = await worker.line(/^started (\S+) (\d+)$/m);
    expect([startedId, startedRetry]).toEqual([jobId, '0']);

    worker.child.kill('SIGKILL');
    expect(await worker.exited).toBe('SIGKILL');
    expect((await sender.boss.getJobById(KIND, jobId!))?.state).toBe('active');

    // A second worker, whose maintenance fails expired jobs every second.
    let ran!: (ctx: JobContext) => void;
    const secondRun = new Promise<JobContext>((resolve) => (ran = resolve));
    const second = createJobQueue(db.pool, {
      kinds: [
        testJobKind(KIND, async (_payload, ctx) => {
          ran(ctx);
          return { finishedBy: 'second worker' };
        }),
      ],
      maintenanceIntervalSeconds: 1,
    });
    queues.push(second);
    await second.start();

    const ctx = await secondRun;
    expect({ jobId: ctx.jobId, retryCount: ctx.retryCount }).toEqual({ jobId, retryCount: 1 });
    await expect
      .poll(async () => (await second.boss.getJobById(KIND, jobId!))?.state, { timeout: 10_000, interval: 50 })
      .toBe('completed');
    const job = await second.boss.getJobById(KIND, jobId!);
    expect(job).toMatchObject({ state: 'completed', retryCount: 1, output: { finishedBy: 'second worker' } });
  });
});
