/** Loyalty economics: concentration, repeat purchases, retention, cohorts, value by NPS group, what-if (docs/store-economics.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerLoyaltyRoutes(_app: FastifyInstance, _deps: AppDeps) {
  // built by issue 15
}
