/** Footfall, transaction and shift imports (docs/store-economics.md "Imports"). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerStoreImportRoutes(_app: FastifyInstance, _deps: AppDeps) {
  // built by issue 15
}
