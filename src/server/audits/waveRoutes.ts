/** /api/v1/audit-waves (+ assignments), /api/v1/audit-assignments/:id (docs/audits.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerAuditWaveRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
