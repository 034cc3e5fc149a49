/** /api/v1/employees (+ coaching notes), /api/v1/coaching-notes/:id, /api/v1/qa/*, /api/v1/audit-calibrations (docs/audits.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerQaRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
