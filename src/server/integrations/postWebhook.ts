/**
 * One HTTP POST of a webhook, with SSRF care (docs/api.md "Webhooks"): http/https only, the host name
 * resolved here and every address checked (src/core/integrations/webhookTargets.ts) before connecting to
 * the checked address (no second look-up a DNS rebinding could change), no redirects followed, a 10 s
 * limit, at most 4 kB of the answer read. Loopback and private networks need SARAFAN_WEBHOOK_ALLOW_PRIVATE=1.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { addressAllowed, webhookUrlProblem } from '../../core/integrations/webhookTargets.ts';

const TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 4096;

/** SARAFAN_WEBHOOK_ALLOW_PRIVATE=1: webhooks may go to loopback and private networks (self-hosted setups, tests). */
export const allowPrivateTargets = () => process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE === '1';

export interface PostOutcome {
  /** The status the endpoint answered; null when it could not be reached. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The target is refused (its address or URL): retrying will not help. */
  refused: boolean;
}

class RefusedTarget extends Error {}

/** dns.lookup that refuses a host with any address webhooks may not reach. */
function checkedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const bad = addresses.find((a) => !addressAllowed(a.address, allowPrivate));
      if (bad || addresses.length === 0) {
        return callback(new RefusedTarget(`${hostname} resolves to ${bad?.address ?? 'nothing'}, which webhooks may not reach`) as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export function postWebhook(url: string, headers: Record<string, string>, body: string): Promise<PostOutcome> {
  const started = Date.now();
  const allowPrivate = allowPrivateTargets();
  const problem = webhookUrlProblem(url, allowPrivate);
  if (problem) return Promise.resolve({ statusCode: null, error: `The URL ${problem}`, durationMs: 0, refused: true });
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (o: Omit<PostOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...o, durationMs: Date.now() - started });
    };
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Sarafan-Webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
        lookup: checkedLookup(allowPrivate),
        timeout: TIMEOUT_MS,
        agent: false,
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        const done = () => {
          const code = res.statusCode ?? 0;
          finish({ statusCode: code, error: code >= 200 && code < 300 ? null : `HTTP ${code}`, refused: false });
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (err) => finish({ statusCode: null, error: err.message.slice(0, 300), refused: err instanceof RefusedTarget }));
    req.end(body);
  });
}
