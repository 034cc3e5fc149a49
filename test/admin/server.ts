/** Like startTestServer, with the mail settings (SMTP URL, public URL) the admin tests need. */
import type { AppDeps } from '../../src/http/deps.ts';
import { startTestServer, type TestServer } from '../helpers/app.ts';

export const startAdminServer = (extra: Partial<Omit<AppDeps, 'pool'>> = {}): Promise<TestServer> => startTestServer(extra);
