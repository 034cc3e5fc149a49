/**
 * Reads of the job queue's tables (pg-boss, schema `pgboss` in the application's database; the queue
 * itself lives in src/server/jobs/queue.ts). pg-boss has no listing API, so the admin page, the API
 * and `sarafan jobs` read its job table here. Jobs of an organisation carry `orgId` in their payload;
 * every read for a caller filters on it, so no organisation sees another's jobs.
 */
import type { Queryable } from '../connection.ts';
import type { JobState } from '../../core/api/jobs.ts';

/** The schema pg-boss keeps its tables in (passed to pg-boss as its `schema` option). */
export const JOB_SCHEMA = 'pgboss';

export interface JobRow {
  id: string;
  /** The job kind (pg-boss queue name). */
  name: string;
  state: JobState;
  /** The payload; organisation jobs carry `orgId`. */
  data: Record<string, unknown> | null;
  /** Retries so far: 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startedOn: Date | null;
  /** When the job completed or failed for good. */
  completedOn: Date | null;
  /** What the handler returned, or for a failure the error pg-boss recorded ({ message, stack, ... }). */
  output: Record<string, unknown> | null;
  /** The name of the organisation in the payload's `orgId`; null for jobs of no organisation. */
  orgName: string | null;
}

// Organisation ids are compared as text: a payload's orgId is not trusted to be a uuid.
const FROM = `${JOB_SCHEMA}.job j left join orgs o on o.id::text = j.data ->> 'orgId'`;
const COLUMNS = `j.id, j.name, j.state::text as state, j.data, j.retry_count as "retryCount", j.retry_limit as "retryLimit",
  j.created_on as "createdOn", j.started_on as "startedOn", j.completed_on as "completedOn", j.output, o.name as "orgName"`;

/** True once pg-boss has created its tables (the first server start does; a CLI may come earlier). */
async function installed(db: Queryable): Promise<boolean> {
  const { rows } = await db.query(`/* jobTableInstalled */ select to_regclass($1) is not null as ok`, [`${JOB_SCHEMA}.job`]);
  return rows[0].ok;
}

/**
 * Jobs in one state, newest first (by when they ended, then when they were created).
 * @param filter.orgId only the jobs of this organisation; null for every job (the CLI, run by the operator)
 */
export async function listJobs(db: Queryable, filter: { orgId: string | null; state: JobState; limit: number }): Promise<JobRow[]> {
  if (!(await installed(db))) return [];
  const { rows } = await db.query(
    `/* listJobs */ select ${COLUMNS} from ${FROM}
      where j.state = $1::${JOB_SCHEMA}.job_state and ($2::text is null or j.data ->> 'orgId' = $2)
      order by coalesce(j.completed_on, j.created_on) desc, j.id limit $3`,
    [filter.state, filter.orgId, filter.limit],
  );
  return rows;
}

/** One job by id, only when it belongs to `orgId` (null: any job). Malformed ids are simply not found. */
export async function findJob(db: Queryable, id: string, orgId: string | null): Promise<JobRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) || !(await installed(db))) return null;
  const { rows } = await db.query(
    `/* findJob */ select ${COLUMNS} from ${FROM} where j.id = $1 and ($2::text is null or j.data ->> 'orgId' = $2)`,
    [id, orgId],
  );
  return rows[0] ?? null;
}

/** True while a job of kind `name` with this singleton key waits, waits to be retried or runs. */
export async function hasUnfinishedJob(db: Queryable, name: string, singletonKey: string): Promise<boolean> {
  const { rows } = await db.query(
    `/* hasUnfinishedJob */ select exists (select 1 from ${JOB_SCHEMA}.job
      where name = $1 and singleton_key = $2 and state < 'completed'::${JOB_SCHEMA}.job_state) as busy`,
    [name, singletonKey],
  );
  return rows[0].busy;
}
