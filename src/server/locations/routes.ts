import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';

export async function registerLocationRoutes(app: FastifyInstance, deps: AppDeps) {
  void app;
  void deps;
}
