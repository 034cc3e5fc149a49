/** /api/v1/audit-visits: submit, list, one visit, corrections, review, publish, appeals; /api/v1/audit-appeals/:id (docs/audits.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerAuditVisitRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
