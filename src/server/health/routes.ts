/** GET /healthz: whether the database (and the read replica, when there is one) answers. Public. */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { isDatabaseUp } from '../../db/health.ts';

/** @param replica the replica's own pool (not the primary-fallback one the dashboards read through), or none */
export async function registerHealthRoutes(app: FastifyInstance, pool: pg.Pool, replica: pg.Pool | undefined) {
  // The body is exactly {"status":"ok","db":"ok"} without a replica (external checkers compare it);
  // a replica that is down leaves the status ok, since dashboards then read from the primary.
  app.get('/healthz', async (_request, reply) => {
    const [db, replicaUp] = await Promise.all([isDatabaseUp(pool), replica ? isDatabaseUp(replica) : Promise.resolve(null)]);
    const body = { status: db ? 'ok' : 'error', db: db ? 'ok' : 'down', ...(replicaUp === null ? {} : { replica: replicaUp ? 'ok' : 'down' }) };
    return db ? body : reply.status(503).send(body);
  });
}
