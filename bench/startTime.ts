/**
 * How long `sarafan start` takes until /healthz answers ok, with the embedded PostgreSQL: the first
 * start on an empty data directory (creates the cluster and the schema), then restarts on it.
 * Each start is a fresh `node bin/sarafan.js start` process (compiled JavaScript when the build is
 * current, else the sources through tsx: the line it prints says which), stopped with SIGINT.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/db/connection.ts';
import { percentile } from './timing.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/sarafan.js');
const FROM_SOURCES = 'Running the TypeScript sources';

export interface StartTimes {
  first_start_ms: number;
  /** Every restart, in order. */
  restarts_ms: number[];
  restart_median_ms: number;
  runner: 'compiled' | 'tsx';
}

/** Starts the server once; resolves with the milliseconds until /healthz said ok, after it stopped again. */
async function timeOneStart(dataDir: string): Promise<{ ms: number; output: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, SARAFAN_DATA_DIR: dataDir };
  delete env.DATABASE_URL; // the embedded PostgreSQL is what is measured
  delete env.DATABASE_READ_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'start', '--host', '127.0.0.1', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`sarafan start exited with ${child.exitCode}:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(async (r) => r.ok && (await r.json()).status === 'ok', () => false);
      if (ok) break;
      if (performance.now() - started > 120_000) throw new Error(`no healthy /healthz within 120 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return { ms: Math.round(performance.now() - started), output };
  } finally {
    child.kill('SIGINT');
    await exited;
  }
}

/** The first start on a new data directory, then `restarts` restarts on it; the directory is removed after. */
export async function measureStartTimes(restarts = 3): Promise<StartTimes> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-start-bench-'));
  fs.chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must enter it
  try {
    const first = await timeOneStart(dataDir);
    const restartsMs: number[] = [];
    for (let i = 0; i < restarts; i++) restartsMs.push((await timeOneStart(dataDir)).ms);
    return {
      first_start_ms: first.ms,
      restarts_ms: restartsMs,
      restart_median_ms: percentile(restartsMs, 50),
      runner: first.output.includes(FROM_SOURCES) ? 'tsx' : 'compiled',
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The line `sarafan bench` prints. */
export function describeStartTimes(t: StartTimes): string {
  return `Start until /healthz ok (embedded PostgreSQL, ${t.runner === 'compiled' ? 'compiled JavaScript' : 'TypeScript sources through tsx'}): ` +
    `first start on an empty data directory ${t.first_start_ms} ms, restart ${t.restart_median_ms} ms median ` +
    `(${t.restarts_ms.join(', ')} ms); goals 5,000 and 2,000 ms; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}.`;
}
