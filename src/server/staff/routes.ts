/** Staff surveys' results with enforced anonymity, the perception gap and staff results links (docs/staff.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { registerStaffResultRoutes } from './resultRoutes.ts';

export async function registerStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  await registerStaffResultRoutes(app, deps); // /api/v1/staff/results, /api/v1/staff/result-links (+ /:id/revoke)
}
