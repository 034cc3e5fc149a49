import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../server/deps.ts';

export async function registerRespondRoutes(app: FastifyInstance, deps: AppDeps) {
  void app;
  void deps;
}
