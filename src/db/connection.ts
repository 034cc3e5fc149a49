/**
 * Database connection: an embedded PostgreSQL under the data directory by default, or any
 * PostgreSQL 15+ given by DATABASE_URL. The embedded server's data directory belongs to one
 * server process; a second Sarafan process (the CLI) connects to the running one (src/db/embedded.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import crypto from 'node:crypto';
import pg from 'pg';
import {
  claimOwnership, embeddedServer, otherLiveOwner, releaseOwnership, runningPostmasterPid, stopPostmaster, supervise, type EmbeddedInfo,
  type Supervisor,
} from './embedded.ts';

// node-postgres' parsing of bigint and numeric is left as it is (strings, exact): each query casts
// small counts and averages to int or float8 in SQL, or converts with toSafeInteger (src/db/numbers.ts).

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
export type Queryable = pg.Pool | pg.PoolClient;

export interface Database {
  pool: pg.Pool;
  url: string;
  embedded: boolean;
  /** Closes the pool and, when this process owns the embedded server (started or adopted it), stops it. */
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  log?: (msg: string) => void;
  /** Where the embedded server's loss and restart are reported (default: stderr, whatever `log` is). */
  supervisorLog?: (msg: string) => void;
  poolSize?: number;
}

export function createPool(url: string, max = 10, extra: pg.PoolConfig = {}): pg.Pool {
  // The session time zone is fixed so date_trunc over timestamptz is reproducible. JIT is off: this
  // application's queries are short index reads whose cost estimates can still pass jit_above_cost, and
  // compiling them took longer than running them (the data-quality listing at 1M answers on
  // PostgreSQL 15 with LLVM: 2.0 s of JIT for 30 ms of execution; docs/bench.md).
  const pool = new pg.Pool({ connectionString: url, max, options: '-c TimeZone=UTC -c jit=off', ...extra });
  // An idle connection dropped by the server (restart, shutdown) must not crash the process;
  // the next query gets a fresh connection or a clear error (and /healthz answers 503).
  pool.on('error', (err) => {
    if (!/terminating connection/.test(err.message)) console.error(`database connection lost: ${err.message}`);
  });
  // A checked-out client (a transaction, a job's session) whose connection dies emits 'error' too,
  // and an 'error' event nobody listens to ends the process. Its holder already learns of the loss
  // through the failing query (and then releases the client broken: releaseClient), so this
  // listener only keeps the process alive.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/**
 * Gives a checked-out client back to its pool after `fn` failed with `err` (or succeeded: no `err`):
 * a client whose connection is lost is destroyed, not handed to the next caller.
 */
export function releaseClient(client: pg.PoolClient, err?: unknown): void {
  client.release(err !== undefined && isUnavailable(err) ? (err as Error) : undefined);
}

export function resolveDataDir(dataDir?: string): string {
  return path.resolve(dataDir ?? process.env.SARAFAN_DATA_DIR ?? './data');
}

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (url) {
    const pool = createPool(url, opts.poolSize);
    return { pool, url, embedded: false, close: () => pool.end() };
  }
  return openEmbedded(resolveDataDir(opts.dataDir), opts);
}

function readInfo(file: string): EmbeddedInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as EmbeddedInfo;
  } catch {
    return null;
  }
}

/** PostgreSQL runs as user `postgres` when we are root; it must be able to reach the directory. */
function assertReachableByOtherUsers(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(dir);
  while (true) {
    if (fs.existsSync(current)) {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the user "postgres" because Sarafan runs as root, and that user ` +
            `cannot enter ${current} (permissions ${(mode & 0o777).toString(8)}). ` +
            `Fix: set SARAFAN_DATA_DIR to a directory outside it (for example /var/lib/sarafan), ` +
            `or run Sarafan as a normal user, or use an external PostgreSQL with DATABASE_URL.`,
        );
      }
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the embedded PostgreSQL's, the start benchmark's server's). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function embeddedUrl(info: EmbeddedInfo): string {
  return `postgres://postgres:${encodeURIComponent(info.password)}@127.0.0.1:${info.port}/sarafan`;
}

/** The embedded server of the data directory: shared, adopted or started (ownership: src/db/embedded.ts). */
async function openEmbedded(dataDir: string, opts: OpenOptions): Promise<Database> {
  const log = opts.log ?? (() => {});
  const pgDir = path.join(dataDir, 'pg');
  const infoFile = path.join(dataDir, 'embedded-postgres.json');
  fs.mkdirSync(dataDir, { recursive: true });
  assertReachableByOtherUsers(pgDir);

  const existing = readInfo(infoFile);
  const runningPid = existing ? runningPostmasterPid(pgDir) : null;
  if (existing && runningPid !== null && otherLiveOwner(dataDir) !== null) {
    // Another Sarafan process owns the server (the server, while this is the CLI): connect only.
    const url = embeddedUrl(existing);
    const pool = createPool(url, opts.poolSize);
    log(`Using the embedded PostgreSQL already running on port ${existing.port}`);
    return { pool, url, embedded: true, close: () => pool.end() };
  }

  const info: EmbeddedInfo =
    existing && runningPid !== null ? existing : { port: await freePort(), password: existing?.password ?? crypto.randomBytes(18).toString('base64url') };
  // Recorded before the postmaster starts, so a CLI started meanwhile shares it instead of adopting it.
  claimOwnership(dataDir);
  let supervisor: Supervisor | null = null;
  // Stopping (our close, or the library's exit hooks on a signal) goes through the supervisor.
  const stop = () => (supervisor ? supervisor.stop() : stopPostmaster(runningPostmasterPid(pgDir)));
  const server = embeddedServer({ pgDir, info, log, stop });
  let pid: number;
  try {
    if (runningPid !== null) {
      // Left running by a Sarafan process that died (kill -9): adopt it, and stop it on close.
      pid = runningPid;
      log(`Adopting the embedded PostgreSQL left running on port ${info.port} (pid ${pid}); it stops with this process`);
    } else {
      const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
      if (fresh) {
        log(`Creating the embedded PostgreSQL in ${pgDir}`);
        await server.initialise();
      }
      pid = await server.start();
      fs.writeFileSync(infoFile, JSON.stringify(info), { mode: 0o600 });
      if (fresh) await server.createDatabase('sarafan');
    }
  } catch (err) {
    releaseOwnership(dataDir);
    throw err;
  }
  supervisor = supervise({
    pid,
    // Started again as the owner: a CLI that started it meanwhile may have taken the record.
    start: async () => {
      const restarted = await server.start();
      claimOwnership(dataDir);
      return restarted;
    },
    log: opts.supervisorLog ?? ((m) => console.warn(m)),
  });
  const url = embeddedUrl(info);
  const pool = createPool(url, opts.poolSize);
  let closed = false;
  return {
    pool,
    url,
    embedded: true,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
      await stop();
      releaseOwnership(dataDir);
    },
  };
}

/** How long reads go straight to the primary after the replica failed, before the replica is tried again. */
export const REPLICA_RETRY_MS = 10_000;
/** At most one "replica unavailable" log line per this many milliseconds. */
const REPLICA_LOG_MS = 60_000;

/**
 * The pool of DATABASE_READ_URL (a streaming replica that dashboards read from), or undefined when it
 * is not set. @throws when it is set without DATABASE_URL (the embedded PostgreSQL has no replica)
 */
export function openReadPool(opts: { databaseUrl?: string; readUrl?: string; poolSize?: number } = {}): pg.Pool | undefined {
  const readUrl = opts.readUrl ?? process.env.DATABASE_READ_URL;
  if (!readUrl) return undefined;
  if (!(opts.databaseUrl ?? process.env.DATABASE_URL)) {
    throw new Error('DATABASE_READ_URL needs DATABASE_URL: the read replica must be a streaming replica of an external PostgreSQL primary (docs/scaling.md).');
  }
  return createReplicaPool(readUrl, opts.poolSize);
}

/** A pool on a replica: an unreachable host fails within 3 s instead of hanging, so reads can fall back. */
export function createReplicaPool(url: string, max = 10): pg.Pool {
  return createPool(url, max, { connectionTimeoutMillis: 3_000 });
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * The database cannot serve anything now: down, starting, shutting down, unreachable, out of
 * connections, or the connection was cut (SQLSTATE class 08 connection exception, 57P operator
 * intervention such as pg_terminate_backend or a restart, 53300 too many connections).
 * The one rule for "try again later": HTTP 503 (src/http/errors.ts), background job retries
 * (src/server/jobs/foldRollupsJob.ts enqueue retries, queue error reports), replica fallback (below).
 */
export function isUnavailable(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? '');
  if (UNREACHABLE.has(code) || code.startsWith('08') || code.startsWith('57P') || code === '53300') return true;
  return /Connection terminated|timeout exceeded when trying to connect|connection error/i.test(String((err as Error)?.message ?? ''));
}

/** A hot standby cancelled the query because replaying WAL needed what it was reading: the primary can answer it. */
function isRecoveryConflict(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  return (e?.code === '40001' || e?.code === '40P01') && /conflict with recovery/i.test(String(e?.message ?? ''));
}

/**
 * The pool dashboards read through: `query` and `connect` go to the replica, and to the primary when
 * the replica cannot answer, so a replica that is down slows nothing but itself. After a failure,
 * reads skip the replica for REPLICA_RETRY_MS. Only the promise forms of query/connect are routed.
 */
export function withPrimaryFallback(replica: pg.Pool, primary: pg.Pool, log: (msg: string) => void = (m) => console.warn(m)): pg.Pool {
  let skipUntil = 0;
  let loggedAt = -Infinity;
  let down = false;
  const run = async <T>(onReplica: () => Promise<T>, onPrimary: () => Promise<T>): Promise<T> => {
    if (Date.now() < skipUntil) return onPrimary();
    let result: T;
    try {
      result = await onReplica();
    } catch (err) {
      if (isUnavailable(err)) {
        const now = Date.now();
        skipUntil = now + REPLICA_RETRY_MS;
        down = true;
        if (now - loggedAt >= REPLICA_LOG_MS) {
          loggedAt = now;
          log(`read replica unavailable (${(err as Error).message || (err as { code?: string }).code}); dashboards read from the primary`);
        }
      } else if (!isRecoveryConflict(err)) {
        throw err;
      }
      return onPrimary();
    }
    if (down) {
      down = false;
      log('read replica answers again; dashboards read from it');
    }
    return result;
  };
  return new Proxy(replica, {
    get(target, prop) {
      if (prop === 'query') {
        type Query = (...a: unknown[]) => Promise<pg.QueryResult>;
        return (...args: unknown[]) =>
          run(
            () => (target.query as Query).apply(target, args),
            () => (primary.query as Query).apply(primary, args),
          );
      }
      if (prop === 'connect') return () => run(() => target.connect(), () => primary.connect());
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
