/** Staff surveys' results with enforced anonymity, the perception gap and staff results links (docs/staff.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerStaffRoutes(_app: FastifyInstance, _deps: AppDeps) {
  // built by issue 15
}
