/**
 * A worker process for test/invitations/killedSender.test.ts: runs the `send-invitations` job on the
 * database in INV_TEST_DATABASE_URL, sending through the SMTP server in INV_TEST_SMTP_URL with a short
 * claim lease (INV_TEST_LEASE_SECONDS). The test kills it with SIGKILL mid-batch.
 */
import { createPool } from '../../src/db/connection.ts';
import { createJobQueue } from '../../src/server/jobs/queue.ts';
import { sendInvitationsJob } from '../../src/server/jobs/sendInvitationsJob.ts';
import { setupInvitations } from '../../src/server/invitations/runtime.ts';

const pool = createPool(process.env.INV_TEST_DATABASE_URL!, 3);
setupInvitations(pool, {
  smtpUrl: process.env.INV_TEST_SMTP_URL,
  publicUrl: 'https://survey.example.test',
  leaseSeconds: Number(process.env.INV_TEST_LEASE_SECONDS),
  batchSize: 5,
});
const queue = createJobQueue(pool, { kinds: [sendInvitationsJob] });
await queue.start();
process.stdout.write('ready\n');
