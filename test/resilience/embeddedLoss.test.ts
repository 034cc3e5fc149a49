/**
 * Issue 7, embedded mode: a real `sarafan start` child with its embedded PostgreSQL in a temporary
 * data directory. (1) The postmaster is killed with kill -9 while 20+ submissions are in flight: the
 * server starts it again and serves, and every answer is stored exactly once. (2) The server is
 * killed with kill -9, leaving the postmaster running: the next server adopts it, a CLI process only
 * shares it, and that server stops it on SIGTERM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connection.ts';
import { buildOrg } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';
import { inParallel, makeRespondents, msToFirstAcknowledgementAfter, startServerProcess, submit, waitForHealthy, waitUntil, type ServerProcess } from './harness.ts';
import { checkStoredOnce, resendUntilAcknowledged } from './exactlyOnce.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-dbloss-'));
fs.chmodSync(dataDir, 0o755);
const env = { SARAFAN_DATA_DIR: dataDir, DATABASE_URL: undefined, DATABASE_READ_URL: undefined, SARAFAN_LOG: undefined };
const postmasterPids = new Set<number>();
const servers: ServerProcess[] = [];

function postmasterPid(): number {
  const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  postmasterPids.add(pid);
  return pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Opens the embedded database from this (test) process, as the CLI does while a server runs. */
async function openAsCli(): Promise<Database> {
  const external = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    return await openDatabase({ dataDir });
  } finally {
    if (external !== undefined) process.env.DATABASE_URL = external;
  }
}

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  servers.push(server);
  await waitForHealthy(server);
  return server;
}

let cli: Database;
let survey: SurveyFixture;
let orgId: string;

beforeAll(async () => {
  await start();
  cli = await openAsCli();
  orgId = (await buildOrg(cli.pool, 'Embedded Org')).orgId;
  survey = await buildSurvey(cli.pool, orgId);
}, 120_000);

afterAll(async () => {
  await cli?.close().catch(() => {});
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  // Only the postmasters our servers started, by pid.
  for (const pid of postmasterPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL killed under load', () => {
  it('is started again by the server, which serves again and stores every answer exactly once', async () => {
    const server = servers[0];
    const first = postmasterPid();
    const respondents = makeRespondents(240);
    let killedAt = 0;
    const killer = (async () => {
      await waitUntil('20 acknowledged answers', () => respondents.filter((r) => r.acknowledgedId).length >= 20, 60_000, 5);
      process.kill(first, 'SIGKILL');
      killedAt = Date.now();
    })();
    await inParallel(respondents, 24, (r) => submit(server.port, survey.slug, r));
    await killer;

    const [probe] = makeRespondents(1);
    await waitUntil('a submission acknowledged after the kill', async () => {
      if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`the server process died:\n${server.output()}`);
      await submit(server.port, survey.slug, probe);
      return probe.acknowledgedId !== null;
    }, 90_000);
    const recoveredMs = msToFirstAcknowledgementAfter(killedAt, [...respondents, probe]);
    const second = postmasterPid();
    expect(second).not.toBe(first);
    expect(alive(second)).toBe(true);
    expect(server.output().match(/stopped unexpectedly/g)).toHaveLength(1);
    for (const s of new Set(respondents.flatMap((r) => r.attempts))) expect([200, 503]).toContain(s);

    const figures = await resendUntilAcknowledged(server.port, survey.slug, respondents);
    const stored = await checkStoredOnce(cli.pool, survey.id, [...respondents, probe], 2);
    console.log(
      `[connection loss, embedded postmaster kill -9] submissions ${respondents.length}, acknowledged at first send ${figures.acknowledged}, ` +
        `failed cleanly (503) ${figures.unacknowledged}, lost ${stored.lost}, duplicated ${stored.duplicated}, half-written ${stored.halfWritten}, ` +
        `time to recover ${recoveredMs} ms; server said: ${server.output().split('\n').filter((l) => /embedded PostgreSQL/.test(l)).join(' / ')}`,
    );
    expect(stored).toEqual({ lost: 0, duplicated: 0, halfWritten: 0, missingAfterResend: 0 });
    await waitUntil('the rollup queue drained', async () => {
      const { rows } = await cli.pool.query(`select count(*)::int as n from rollup_pending where org_id = $1`, [orgId]);
      return rows[0].n === 0;
    });
  }, 240_000);
});

describe('embedded PostgreSQL orphaned by kill -9 of Sarafan', () => {
  it('is adopted by the next server, shared by the CLI, and stopped with the server', async () => {
    const killed = servers[0];
    const orphan = postmasterPid();
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(alive(orphan)).toBe(true);

    const next = await start();
    expect(postmasterPid()).toBe(orphan);
    expect(next.output()).toContain('Adopting the embedded PostgreSQL');

    // A CLI process while the server runs: connects, and leaves the server's database running.
    const other = await openAsCli();
    expect((await other.pool.query('select count(*)::int as n from responses')).rows[0].n).toBeGreaterThan(0);
    await other.close();
    expect(alive(orphan)).toBe(true);
    const [r] = makeRespondents(1);
    await submit(next.port, survey.slug, r);
    expect(r.acknowledgedId).not.toBeNull();

    await cli.close();
    next.child.kill('SIGTERM');
    await next.exited;
    expect(alive(orphan), next.output()).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
