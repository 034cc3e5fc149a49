/** Focus groups and key-client debriefs: sessions, notes analysis, findings linked to action plans (docs/staff.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerFocusRoutes(_app: FastifyInstance, _deps: AppDeps) {
  // built by issue 15
}
