/** Like startTestServer, with the mail settings (SMTP URL, public URL) the admin tests need. */
import type { AppDeps } from '../../src/server/deps.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestDatabase } from '../helpers/db.ts';
import type { TestServer } from '../helpers/app.ts';

export async function startAdminServer(extra: Partial<Omit<AppDeps, 'pool'>> = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const app = await buildApp({ pool: db.pool, publicRateLimitPerMinute: 10_000, ...extra });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    db,
    pool: db.pool,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
