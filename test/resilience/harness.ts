/**
 * A real `sarafan start` child process and a crowd of respondents for the connection-loss tests:
 * each respondent submits from its own loopback address (127.0.0.x), so the per-address rate limit
 * of the public routes counts each one separately, as it would for real respondents.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const BIN = path.resolve('bin/sarafan.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string | null>;
}

/** Starts `node bin/sarafan.js start` on a free port with `env` added to this process's environment. */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const child = spawn(process.execPath, [BIN, 'start'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Polls /healthz until it answers 200 (or the process ends, or the deadline passes). */
export async function waitForHealthy(server: ServerProcess, deadlineMs = 90_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < deadlineMs) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`server exited (${server.child.exitCode ?? server.child.signalCode}):\n${server.output()}`);
    }
    const res = await request(server.port, 'GET', '/healthz').catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${server.output()}`);
}

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request to 127.0.0.1:port, sent from `localAddress` (any 127.0.0.0/8 address). */
export function request(port: number, method: string, pathname: string, body?: unknown, localAddress = '127.0.0.1'): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1', port, method, path: pathname, localAddress, agent: false,
        headers: payload ? { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}

export interface Respondent {
  key: string;
  /** The loopback address this respondent submits from. */
  address: string;
  score: number;
  /** Outcome of each attempt: an HTTP status, or the network error's code. */
  attempts: (number | string)[];
  /** Set when an attempt was answered 200 {ok:true}: the server said the answer is stored. */
  acknowledgedId: string | null;
  /** When (Date.now()) the acknowledged attempt was sent, and when its acknowledgement arrived. */
  acknowledgedSentAt: number | null;
  acknowledgedAt: number | null;
}

let addressesUsed = 0;
/**
 * A loopback address no respondent of this test file had: the public routes allow 30 submissions a
 * minute per address and survey, which a respondent re-sending during an outage must not run into.
 */
export function nextAddress(): string {
  const n = addressesUsed++;
  return `127.${1 + Math.floor(n / 62_500)}.${Math.floor(n / 250) % 250}.${2 + (n % 250)}`;
}

export function makeRespondents(n: number): Respondent[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `resilience-${crypto.randomBytes(9).toString('base64url')}`,
    address: nextAddress(),
    score: i % 11,
    attempts: [],
    acknowledgedId: null,
    acknowledgedSentAt: null,
    acknowledgedAt: null,
  }));
}

/**
 * One submission attempt as the enhancement script sends it (JSON, same idempotency key on every
 * attempt). Every 20th attempt of a respondent comes from a new address (a respondent polling
 * through a long outage stays under the per-address rate limit).
 */
export async function submit(port: number, slug: string, r: Respondent): Promise<void> {
  if (r.attempts.length > 0 && r.attempts.length % 20 === 0) r.address = nextAddress();
  const sentAt = Date.now();
  try {
    const res = await request(port, 'POST', `/s/${slug}`, { _k: r.key, q_nps: String(r.score), q_why: `reason ${r.key}` }, r.address);
    r.attempts.push(res.status);
    if (res.status === 200) {
      const json = JSON.parse(res.body) as { ok: boolean; responseId: string };
      if (json.ok) {
        r.acknowledgedId = json.responseId;
        r.acknowledgedSentAt = sentAt;
        r.acknowledgedAt = Date.now();
      }
    }
  } catch (err) {
    r.attempts.push(String((err as { code?: string }).code ?? (err as Error).message));
  }
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function inParallel<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

/** Resolves when `check` returns true; polls every `everyMs`; throws after `deadlineMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, deadlineMs = 60_000, everyMs = 100): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < deadlineMs) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface TcpProxy {
  port: number;
  /** Stops listening and cuts every open connection: the database host looks down (ECONNREFUSED). */
  refuse(): Promise<void>;
  /** Listens again on the same port. */
  accept(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP relay to 127.0.0.1:targetPort, so a test can take "the database host" away and back. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(targetPort, '127.0.0.1');
    sockets.add(inbound).add(outbound);
    const drop = () => {
      inbound.destroy();
      outbound.destroy();
      sockets.delete(inbound);
      sockets.delete(outbound);
    };
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const refuse = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    sockets.clear();
    await closed;
  };
  return { port, refuse, accept: () => listen(port), close: refuse };
}

/**
 * Milliseconds from `since` to the first acknowledgement of a submission sent after it (the server
 * stores answers again; submissions in flight at `since` may have committed just before it).
 */
export function msToFirstAcknowledgementAfter(since: number, respondents: Respondent[]): number {
  const after = respondents.filter((r) => r.acknowledgedSentAt !== null && r.acknowledgedSentAt > since).map((r) => r.acknowledgedAt!);
  return Math.min(...after) - since;
}
