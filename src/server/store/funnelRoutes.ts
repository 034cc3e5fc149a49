/** The store funnel, beside satisfaction and audits, and conversion by hour against staff on shift (docs/store-economics.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerFunnelRoutes(_app: FastifyInstance, _deps: AppDeps) {
  // built by issue 15
}
