/**
 * `sarafan jobs [--state failed] [--json]`: the job queue's jobs in one state (failed by default), of
 * every organisation, newest first; `sarafan jobs retry ID [--json]` runs a failed job again. Works on
 * the embedded database (beside a running server too, whose workers then take the retried job) and on
 * DATABASE_URL.
 */
import type { Command } from 'commander';
import { openMigratedDatabase } from './start.ts';
import { findJob, listJobs, type JobRow } from '../db/jobs/jobTable.ts';
import { JOB_STATES, type JobState } from '../core/api/jobs.ts';
import { createJobQueue } from '../server/jobs/queue.ts';
import { JOB_KINDS } from '../server/jobs/kinds.ts';
import { presentJob } from '../server/jobs/present.ts';
import { cliText } from './messages.ts';

const LIST_LIMIT = 500;

/** A job as the CLI shows it: the API's view plus its organisation (the operator sees them all). */
function cliJob(job: JobRow) {
  const orgId = typeof job.data?.orgId === 'string' ? job.data.orgId : null;
  return { ...presentJob(job), orgId, orgName: job.orgName };
}

function table(jobs: ReturnType<typeof cliJob>[]): string {
  const rows = jobs.map((j) => [j.id, j.kind, j.orgName ?? j.orgId ?? '-', String(j.attempts), j.endedAt ?? j.createdAt, j.error ?? '']);
  const head = ['ID', 'KIND', 'ORGANISATION', 'ATTEMPTS', 'ENDED / CREATED', 'ERROR'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [head, ...rows].map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n');
}

/** Registers `sarafan jobs`. */
export function registerJobsCommand(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('List background jobs (failed ones by default) of every organisation; `jobs retry ID` runs a failed one again')
    .option('--state <state>', `jobs in this state: ${JOB_STATES.join(', ')}`, 'failed')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { state: string; json?: boolean }) => {
      if (!(JOB_STATES as readonly string[]).includes(opts.state)) throw new Error(`--state must be one of ${JOB_STATES.join(', ')}, not "${opts.state}"`);
      const db = await openMigratedDatabase();
      try {
        const found = (await listJobs(db.pool, { orgId: null, state: opts.state as JobState, limit: LIST_LIMIT })).map(cliJob);
        if (opts.json) console.log(JSON.stringify({ jobs: found }, null, 2));
        else if (found.length === 0) console.log(cliText('jobs.none', { state: opts.state }));
        else {
          console.log(`${cliText('jobs.count', { n: found.length, state: opts.state, newest: found.length === LIST_LIMIT ? 'yes' : 'no' })}\n`);
          console.log(table(found));
          if (opts.state === 'failed') console.log(`\n${cliText('jobs.retryHint')}`);
        }
      } finally {
        await db.close();
      }
    });

  jobs
    .command('retry')
    .argument('<id>', 'the job id (from `sarafan jobs`)')
    .option('--json', 'print the job as JSON')
    .description('Run a failed job again (one more attempt); a running server takes it within seconds')
    .action(async (id: string, opts: { json?: boolean }) => {
      // `jobs retry ID --json`: commander may hand the flag to `jobs`, which has one too.
      const json = opts.json ?? jobs.opts().json;
      const db = await openMigratedDatabase();
      const queue = createJobQueue(db.pool, { kinds: JOB_KINDS, work: false });
      try {
        const job = await findJob(db.pool, id, null);
        if (!job) throw new Error(`no job ${JSON.stringify(id)}`);
        if (job.state !== 'failed') throw new Error(`job ${id} is ${job.state}: only a failed job can be retried`);
        await queue.retry(job.name, job.id);
        const after = cliJob((await findJob(db.pool, id, null)) ?? job);
        if (json) console.log(JSON.stringify({ job: after }, null, 2));
        else console.log(cliText('jobs.retried', { id, kind: job.name, state: after.state }));
      } finally {
        await queue.stop();
        await db.close();
      }
    });
}
