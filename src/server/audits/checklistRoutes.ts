/** /api/v1/checklists (+ import, export, versions), /api/v1/checklist-starters (docs/audits.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerChecklistRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
