/**
 * A worker process for test/reports/crash.test.ts: runs `send-report` jobs on the database in
 * REPORT_TEST_DATABASE_URL through the SMTP server in REPORT_TEST_SMTP_URL. With REPORT_TEST_HOLD=1 it stops
 * (prints `before-smtp <id>` and waits) after marking a delivery `sending`, before SMTP: the test kills it there.
 */
import { createPool } from '../../src/db/connection.ts';
import { createJobQueue } from '../../src/server/jobs/queue.ts';
import { setupReports } from '../../src/server/reports/deliver.ts';
import { sendReportJob } from '../../src/server/reports/reportJobs.ts';

const pool = createPool(process.env.REPORT_TEST_DATABASE_URL!, 3);
setupReports({
  smtpUrl: process.env.REPORT_TEST_SMTP_URL,
  ...(process.env.REPORT_TEST_HOLD === '1'
    ? { beforeSmtp: (id: string) => new Promise<void>(() => process.stdout.write(`before-smtp ${id}\n`)) }
    : {}),
});
const queue = createJobQueue(pool, { kinds: [sendReportJob] });
await queue.start();
process.stdout.write('ready\n');
