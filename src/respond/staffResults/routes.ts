/** The public staff results page /staff-results/:token (docs/staff.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerStaffResultsPageRoutes(_app: FastifyInstance, _deps: AppDeps) {
  // built by issue 15
}
