/**
 * A real server that a page test can stop and start again on the same port and database, to cut the
 * network under a page (offline answering, kiosk queue) and bring it back.
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp } from '../../src/server/app.ts';

export interface RestartableServer {
  /** Starts the server (the first start picks a free port; later starts reuse it). */
  start(): Promise<void>;
  /** Stops it if running. */
  stop(): Promise<void>;
  baseUrl(): string;
}

export function restartableServer(pool: pg.Pool): RestartableServer {
  let app: FastifyInstance | null = null;
  let port = 0;
  return {
    async start() {
      app = await buildApp({ pool, publicRateLimitPerMinute: 10_000 });
      await app.listen({ port, host: '127.0.0.1' });
      const address = app.server.address();
      port = typeof address === 'object' && address ? address.port : port;
    },
    async stop() {
      await app?.close();
      app = null;
    },
    baseUrl: () => `http://127.0.0.1:${port}`,
  };
}
