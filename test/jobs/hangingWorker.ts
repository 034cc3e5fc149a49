/**
 * A worker process for test/jobs/killedWorker.test.ts: works the `test-killed-worker` queue of the
 * database in JOB_TEST_DATABASE_URL, says so on stdout when a job starts, and never finishes it (the
 * test kills this process with SIGKILL mid-job).
 */
import { createPool } from '../../src/db/connection.ts';
import { createJobQueue } from '../../src/server/jobs/queue.ts';
import { testJobKind } from './testJob.ts';

const pool = createPool(process.env.JOB_TEST_DATABASE_URL!, 3);
const kind = testJobKind('test-killed-worker', (_payload, ctx) => {
  process.stdout.write(`started ${ctx.jobId} ${ctx.retryCount}\n`);
  return new Promise(() => {});
});
const queue = createJobQueue(pool, { kinds: [kind] });
await queue.start();
process.stdout.write('ready\n');
