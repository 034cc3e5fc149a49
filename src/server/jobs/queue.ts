/**
 * @module The job queue: the one module that owns this process's pg-boss instance (pg-boss 10, tables
 * in the schema `pgboss` of the application's database, reached through the application's pool, so it
 * works alike on the embedded PostgreSQL and on DATABASE_URL). pg-boss brings what the jobs need:
 * retries with (exponential) backoff, delayed and cron jobs, singleton keys, expiry of jobs whose
 * worker died, and SKIP LOCKED fetches, so several server processes share one queue.
 *
 * Every job kind is declared in its own file with {@link JobKind} (name, payload schema, handler,
 * retry policy, schedule) and listed in ./kinds.ts; docs/jobs.md has the recipe. Handlers must be
 * idempotent: a job whose worker died is run again.
 */
import PgBoss from 'pg-boss';
import type pg from 'pg';
import { z } from 'zod';
import { isUnavailable } from '../../db/connection.ts';
import { JOB_SCHEMA } from '../../db/jobs/jobTable.ts';
import { bossDb } from '../../db/jobs/bossDb.ts';

/** What a handler gets besides its payload. */
export interface JobContext {
  pool: pg.Pool;
  queue: JobQueue;
  jobId: string;
  /** 0 on the first attempt, 1 on the first retry, ... */
  retryCount: number;
  /** True once the process is stopping: long handlers stop at their next batch and leave the rest to a later run. */
  aborted: () => boolean;
  log: (message: string) => void;
}

/** pg-boss queue policies: how many jobs of one singleton key may wait or run at once. */
type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately';

/** A kind of job (a pg-boss queue). */
export interface JobKind<P extends object> {
  /** Queue name; also what the admin page and `sarafan jobs` show. Letters, digits and hyphens. */
  name: string;
  /** Validates the payload before the handler runs (a job with a bad payload fails, visibly). */
  payload: z.ZodType<P>;
  /** Does the work; throwing fails the attempt (retried per `retry`, then listed as failed). */
  handler(payload: P, ctx: JobContext): Promise<unknown>;
  /** Attempts after the first, and the pause before each: `delaySeconds`, doubled per retry when `backoff` (with jitter). */
  retry: { limit: number; delaySeconds: number; backoff: boolean };
  /**
   * A job active this long is taken as lost (its worker died or hangs) and failed by the queue's
   * maintenance, then retried. Also how long pg-boss waits for the handler.
   */
  expireInSeconds: number;
  /**
   * 'short': at most one job per singleton key waits (more sends while one waits are dropped: the
   * waiting one will do their work). 'singleton' / 'stately': at most one runs per key; pg-boss 10
   * then leaves the queue's other keys waiting behind a blocked one, so use them for kinds with few keys.
   */
  policy: QueuePolicy;
  /** The singleton key of a payload (e.g. its organisation). */
  singletonKey?: (payload: P) => string;
  /** When the job runs (STYLE.md #14): the triggers, in words. */
  schedule: string;
  /** A cron expression (UTC) when the job also runs periodically; one process sends each occurrence. */
  cron?: string;
  /** Jobs of this kind one process runs at once (default 1). */
  concurrency?: number;
  /** How often an idle worker of this process looks for jobs (seconds, at least 0.5; default 2). Sends from this process wake it at once. */
  pollSeconds?: number;
}

/** The payload of a job about one organisation: its admins see the job when it fails (GET /org/jobs). */
export const OrgJobPayloadSchema = z.object({ orgId: z.uuid() });

/**
 * Spread into a kind about one organisation: that payload, and at most one waiting job per
 * organisation (more sends while one waits are dropped; the waiting one does their work).
 */
export const onePendingPerOrganisation = {
  payload: OrgJobPayloadSchema,
  policy: 'short',
  singletonKey: (p: z.infer<typeof OrgJobPayloadSchema>) => p.orgId,
} as const;

/**
 * Spread into a kind that runs once per stored response (webhooks, alerts): that payload, a few quick
 * retries, two at a time, picked up within a second.
 */
export const onePerStoredResponse = {
  payload: z.object({ orgId: z.uuid(), responseId: z.uuid() }),
  policy: 'standard',
  retry: { limit: 5, delaySeconds: 5, backoff: true },
  expireInSeconds: 120,
  concurrency: 2,
  pollSeconds: 1,
} as const;

/** Declares a job kind (typed payload for handler and senders). */
export function defineJob<P extends object>(kind: JobKind<P>): JobKind<P> {
  return kind;
}

export interface JobQueue {
  /**
   * Installs or upgrades the pgboss schema, creates the queues, registers cron schedules and starts the
   * workers. Idempotent: later calls get the same promise, except after a failure, which a later call retries.
   */
  start(): Promise<void>;
  /** Stops the workers (running handlers see `aborted()` and are awaited), maintenance and cron. */
  stop(): Promise<void>;
  /**
   * Enqueues a job (after start; waits for it).
   * @param opts.startAfterSeconds run it no earlier than this many seconds from now (fractions allowed)
   * @returns the job id, or null when the kind's policy dropped it (one already waits for that key)
   */
  send<P extends object>(kind: JobKind<P>, payload: P, opts?: { startAfterSeconds?: number }): Promise<string | null>;
  /** Runs a failed job again (one more attempt); its kind comes from the job table. */
  retry(kindName: string, id: string): Promise<void>;
  /** The pg-boss instance (tests inspect schedules and craft jobs through it). */
  readonly boss: PgBoss;
}

interface JobQueueOptions {
  kinds: JobKind<any>[];
  /** false: only send and retry (the CLI): no workers, no maintenance, no cron. Default true. */
  work?: boolean;
  /** Where handler messages and queue errors go (an outage is reported once a minute, not at every poll). */
  log?: (message: string, err?: unknown) => void;
  /** How often expired jobs are failed (and so retried) and old ones archived; default 60 s. Tests use 1. */
  maintenanceIntervalSeconds?: number;
}

/** Completed jobs leave the job table after an hour (the fold makes many); failed ones stay two weeks for the admin page. */
const ARCHIVE_COMPLETED_SECONDS = 3600;
const ARCHIVE_FAILED_SECONDS = 14 * 86_400;
const OUTAGE_REPORT_EVERY_MS = 60_000;

export function createJobQueue(pool: pg.Pool, opts: JobQueueOptions): JobQueue {
  const work = opts.work ?? true;
  const log = opts.log ?? ((m: string, err?: unknown) => console.error(`sarafan jobs: ${m}${err ? `: ${err instanceof Error ? err.message : String(err)}` : ''}`));
  let stopped = false;
  let lastOutageReport = 0;
  const report = (message: string, err: unknown) => {
    if (isUnavailable(err)) {
      if (Date.now() - lastOutageReport < OUTAGE_REPORT_EVERY_MS) return;
      lastOutageReport = Date.now();
    }
    log(message, err);
  };

  const boss = new PgBoss({
    db: bossDb(pool, {
      stopped: () => stopped,
      onUnawaitedFailure: (err) => report('could not record the end of a job (it will expire and run again)', err),
    }),
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: work,
    schedule: work,
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 60,
    archiveCompletedAfterSeconds: ARCHIVE_COMPLETED_SECONDS,
    archiveFailedAfterSeconds: ARCHIVE_FAILED_SECONDS,
    deleteAfterDays: 7,
  });
  boss.on('error', (err) => {
    if (!stopped) report('queue error', err);
  });

  const workerIds = new Map<string, string[]>();
  let starting: Promise<void> | null = null;

  const queue: JobQueue = {
    boss,
    start() {
      // A failed start (the database is down) is forgotten, so the next call tries again.
      starting ??= (async () => {
        await boss.start();
        for (const kind of opts.kinds) {
          const config = {
            policy: kind.policy,
            retryLimit: kind.retry.limit,
            retryDelay: kind.retry.delaySeconds,
            retryBackoff: kind.retry.backoff,
            expireInSeconds: kind.expireInSeconds,
          };
          // createQueue keeps an existing queue as it is; updateQueue brings it to this version's policy.
          await boss.createQueue(kind.name, { name: kind.name, ...config });
          await boss.updateQueue(kind.name, { name: kind.name, ...config });
          if (!work) continue;
          if (kind.cron) await boss.schedule(kind.name, kind.cron, {}, { tz: 'UTC' });
          const ids: string[] = [];
          for (let i = 0; i < (kind.concurrency ?? 1); i++) {
            ids.push(
              await boss.work(kind.name, { pollingIntervalSeconds: kind.pollSeconds ?? 2, batchSize: 1, includeMetadata: true }, ([job]) =>
                runJob(kind, job),
              ),
            );
          }
          workerIds.set(kind.name, ids);
        }
      })().catch((err) => {
        starting = null;
        throw err;
      });
      return starting;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (!starting) return;
      await starting.catch(() => {});
      await boss.stop({ graceful: true, close: false, timeout: 30_000 });
    },
    async send(kind, payload, sendOpts = {}) {
      await queue.start();
      const data = kind.payload.parse(payload);
      const id = await boss.send(kind.name, data, {
        ...(kind.singletonKey ? { singletonKey: kind.singletonKey(data) } : {}),
        ...(sendOpts.startAfterSeconds ? { startAfter: sendOpts.startAfterSeconds } : {}),
      });
      // A job due now is fetched by this process's idle worker at once instead of at its next poll.
      if (id && !sendOpts.startAfterSeconds) for (const w of workerIds.get(kind.name) ?? []) boss.notifyWorker(w);
      return id;
    },
    async retry(kindName, id) {
      await queue.start();
      await boss.retry(kindName, id);
      for (const w of workerIds.get(kindName) ?? []) boss.notifyWorker(w);
    },
  };

  async function runJob(kind: JobKind<any>, job: PgBoss.JobWithMetadata<unknown>): Promise<unknown> {
    const payload = kind.payload.parse(job.data);
    try {
      return await kind.handler(payload, {
        pool,
        queue,
        jobId: job.id,
        retryCount: job.retryCount,
        aborted: () => stopped,
        log: (m) => log(m),
      });
    } catch (err) {
      if (!stopped) report(`${kind.name} job ${job.id} failed (attempt ${job.retryCount + 1} of ${job.retryLimit + 1})`, err);
      throw err;
    }
  }

  return queue;
}
