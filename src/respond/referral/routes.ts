/** The public referral link /r/:code (docs/store-economics.md "Bring a friend"). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerReferralPageRoutes(_app: FastifyInstance, _deps: AppDeps) {
  // built by issue 15
}
