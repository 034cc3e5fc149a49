/** /api/v1/quizzes (+ results); public /quiz/:slug pages (docs/audits.md). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';

export async function registerQuizRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
