/** "Bring a friend": referral settings, codes, claims and the referral report (docs/store-economics.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerReferralRoutes(_app: FastifyInstance, _deps: AppDeps) {
  // built by issue 15
}
