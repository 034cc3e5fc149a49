/** /api/v1/audits/*: results by standard, section, item, location, employee, period; worst items, autofails, benchmark, customer link (docs/audits.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerAuditResultRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
