/** /api/v1/my/audit-assignments (the auditor's page), /api/v1/audit-evidence (upload, download) (docs/audits.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerAuditFieldRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
