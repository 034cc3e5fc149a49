/**
 * Jobs of the caller's organisation for its admins: GET /org/jobs?state=failed lists them (newest
 * first), POST /org/jobs/:id/retry runs a failed one again. Only jobs whose payload names the caller's
 * organisation are visible (others are not found); jobs of no organisation are the operator's
 * (`sarafan jobs`). Admins limited to locations see none: a job may span the whole organisation.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { DomainError } from '../../core/errors.ts';
import { findJob, listJobs } from '../../db/jobs/jobTable.ts';
import { withTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../db/users/writeAudit.ts';
import { authorize } from '../../http/session.ts';
import { notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { requireWholeOrg } from '../org/routes.ts';
import { presentJob } from './present.ts';
import { JobListQuerySchema, type JobListResponse, type JobRetryResponse } from '../../core/api/jobs.ts';

/** Jobs one listing shows at most (the newest). */
const LIST_LIMIT = 200;

export async function registerJobRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  app.get('/api/v1/org/jobs', async (request): Promise<JobListResponse> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    const { state } = parse(JobListQuerySchema, request.query ?? {});
    const jobs = await listJobs(pool, { orgId: principal.orgId, state, limit: LIST_LIMIT });
    return { jobs: jobs.map(presentJob) };
  });

  app.post('/api/v1/org/jobs/:id/retry', async (request): Promise<JobRetryResponse> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    const id = parseIdParam(request.params, 'Job not found');
    const job = await findJob(pool, id, principal.orgId);
    if (!job) throw notFound('Job not found');
    if (job.state !== 'failed') throw new DomainError('conflict', 'Only a failed job can be retried');
    await app.jobs.retry(job.name, job.id);
    await withTransaction(pool, (tx) =>
      writeAudit(tx, { orgId: principal.orgId, actorId: principal.userId, action: 'job.retry', targetType: 'job', targetId: job.id, detail: { kind: job.name } }),
    );
    return { job: presentJob((await findJob(pool, id, principal.orgId)) ?? job) };
  });
}
