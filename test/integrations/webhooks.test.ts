/**
 * Outgoing webhooks against a local HTTP server that verifies the Standard Webhooks signature with the
 * standardwebhooks library: events after a respondent's and an API submission, retries after a 500,
 * the delivery log, resend, disabled endpoints, and the SSRF rules.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { startTestServer, type TestServer } from '../helpers/app.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { buildIntegrationOrg, makeKey, withKey, type IntegrationFixture } from './fixture.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  verified: any;
  verifyError: string | null;
}

/** A webhook receiver: answers each request with the next planned status (200 once the plan is used). */
class Receiver {
  received: Received[] = [];
  plan: number[] = [];
  secret = '';
  private waiters: { n: number; resolve: () => void }[] = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      let verified: any = null;
      let verifyError: string | null = null;
      try {
        verified = new Webhook(this.secret).verify(body, req.headers as Record<string, string>);
      } catch (err) {
        verifyError = String(err);
      }
      this.received.push({ headers: req.headers, body, verified, verifyError });
      res.statusCode = this.plan.shift() ?? 200;
      res.end('ok');
      for (const w of this.waiters.filter((w) => this.received.length >= w.n)) w.resolve();
    });
  });
  url = '';
  async start() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    const addr = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${addr.port}/hook`;
  }
  /** Resolves once `n` requests in all have arrived. */
  count(n: number) {
    return this.received.length >= n ? Promise.resolve() : new Promise<void>((resolve) => this.waiters.push({ n, resolve }));
  }
}

let server: TestServer;
let f: IntegrationFixture;
const receiver = new Receiver();
let endpointId: string;

async function submitPublic(slug: string, k: string, score: number) {
  const res = await fetch(`${server.baseUrl}/s/${slug}`, {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ _k: k, q_nps: String(score), _lang: 'en' }),
  });
  expect(res.status).toBe(200);
  return (await res.json()).responseId as string;
}

/** Waits until the delivery of `event` about `subjectId` is no longer pending, through the admin API. */
async function settledDelivery(endpoint: string, subjectId: string, event = 'response.created') {
  let d: any;
  await waitFor(async () => {
    const res = await f.owner.get(`/api/v1/org/webhooks/${endpoint}/deliveries`);
    d = res.json.deliveries.find((x: any) => x.subjectId === subjectId && x.eventType === event);
    return !!d && d.status !== 'pending';
  }, `the ${event} delivery of ${subjectId} to settle`);
  return d;
}

beforeAll(async () => {
  process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE = '1';
  await receiver.start();
  server = await startTestServer();
  f = await buildIntegrationOrg(server, 'Hooks Org', 'owner@hooks.test');
  const created = await f.owner.post('/api/v1/org/webhooks', { url: receiver.url, description: 'CRM', eventTypes: ['response.completed', 'response.created'] });
  expect(created.status).toBe(201);
  expect(created.json.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(created.json.webhook.eventTypes).toEqual(['response.created', 'response.completed']);
  receiver.secret = created.json.secret;
  endpointId = created.json.webhook.id;
});
afterAll(async () => {
  await server?.close();
  await new Promise((r) => receiver.server.close(r));
  delete process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE;
});

describe('webhooks', () => {
  it('signs response.created and response.completed for a respondent submission', async () => {
    const start = receiver.received.length;
    const responseId = await submitPublic(f.survey.slug, 'hook-public-0001', 9);
    await receiver.count(start + 2);
    const got = receiver.received.slice(start);
    for (const r of got) expect(r.verifyError).toBeNull();
    expect(got.map((r) => r.verified.type).sort()).toEqual(['response.completed', 'response.created']);
    const created = got.find((r) => r.verified.type === 'response.created')!;
    expect(created.verified.data).toMatchObject({ responseId, survey: { id: f.survey.id }, channel: 'link', language: 'en' });
    expect(created.verified.data.answers).toEqual([{ questionKey: 'nps', score: 9, choice: null, choices: null, text: null, number: null }]);
    expect(created.headers['webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
    // A tampered body fails verification with the same headers (the signature covers it).
    expect(() => new Webhook(receiver.secret).verify(created.body.replace('"score":9', '"score":10'), created.headers as Record<string, string>)).toThrow();
  });

  it('retries after a 500 and logs both attempts', async () => {
    const start = receiver.received.length;
    receiver.plan = [500, 500];
    const responseId = await submitPublic(f.survey.slug, 'hook-retry-00001', 3);
    // Two 500s (one per event), then each event's retry succeeds.
    await receiver.count(start + 4);
    const created = await settledDelivery(endpointId, responseId);
    const completed = await settledDelivery(endpointId, responseId, 'response.completed');
    expect(created.status).toBe('succeeded');
    expect(completed.status).toBe('succeeded');
    expect(created.attempts + completed.attempts).toBe(4);
    const failedFirst = [created, completed].find((d) => d.attempts === 2);
    expect(failedFirst.log.map((a: any) => [a.attempt, a.statusCode, a.error])).toEqual([[2, 200, null], [1, 500, 'HTTP 500']]);
    // Every attempt of one delivery carries the same webhook-id.
    const ids = receiver.received.slice(start).filter((r) => r.verified?.data.responseId === responseId).map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(2);
  });

  it('resends a delivery with the same webhook-id', async () => {
    const responseId = await submitPublic(f.survey.slug, 'hook-resend-0001', 8);
    const d = await settledDelivery(endpointId, responseId);
    const original = receiver.received.find((r) => r.headers['webhook-id'] === d.id)!;
    const before = receiver.received.length;
    const res = await f.owner.post(`/api/v1/org/webhooks/${endpointId}/deliveries/${d.id}/resend`);
    expect(res.status).toBe(200);
    await receiver.count(before + 1);
    const again = receiver.received[before];
    expect(again.headers['webhook-id']).toBe(d.id);
    expect(again.verifyError).toBeNull();
    expect(again.verified).toEqual(original.verified);
    await waitFor(async () => {
      const log = await f.owner.get(`/api/v1/org/webhooks/${endpointId}/deliveries`);
      const now = log.json.deliveries.find((x: any) => x.id === d.id);
      return now.attempts === 2 && now.status === 'succeeded';
    }, 'the resent delivery to succeed as its second attempt');
  });

  it('fires for responses recorded through the API too', async () => {
    const { key } = await makeKey(f.owner, 'ingest');
    const start = receiver.received.length;
    const res = await withKey(server, key, 'POST', `/api/v1/surveys/${f.survey.id}/responses`, { idempotencyKey: 'hook-api-000001', answers: { nps: 10 }, channel: 'pos' });
    expect(res.status).toBe(201);
    await receiver.count(start + 2);
    const types = receiver.received.slice(start).map((r) => [r.verified.type, r.verified.data.responseId, r.verified.data.channel]);
    expect(types.sort()).toEqual([['response.completed', res.json.responseId, 'pos'], ['response.created', res.json.responseId, 'pos']]);
    // A repeated request (same idempotency key) stores nothing and sends nothing new.
    const again = await withKey(server, key, 'POST', `/api/v1/surveys/${f.survey.id}/responses`, { idempotencyKey: 'hook-api-000001', answers: { nps: 10 } });
    expect(again.json.created).toBe(false);
    const { rows } = await server.pool.query(`select count(*)::int as n from webhook_deliveries where org_id = $1 and subject_id = $2`, [f.orgId, res.json.responseId]);
    expect(rows[0].n).toBe(2);
  });

  it('sends only the events an endpoint chose, and nothing to a disabled one', async () => {
    const other = new Receiver();
    await other.start();
    const created = await f.owner.post('/api/v1/org/webhooks', { url: other.url, eventTypes: ['response.completed'] });
    other.secret = created.json.secret;
    const start = receiver.received.length;
    const responseId = await submitPublic(f.survey.slug, 'hook-choose-0001', 7);
    await other.count(1);
    await receiver.count(start + 2);
    expect(other.received.map((r) => r.verified.type)).toEqual(['response.completed']);
    expect((await f.owner.patch(`/api/v1/org/webhooks/${created.json.webhook.id}`, { disabled: true })).json.webhook.disabled).toBe(true);
    const next = await submitPublic(f.survey.slug, 'hook-choose-0002', 6);
    await settledDelivery(endpointId, next, 'response.completed');
    const { rows } = await server.pool.query(`select count(*)::int as n from webhook_deliveries where org_id = $1 and endpoint_id = $2`, [f.orgId, created.json.webhook.id]);
    expect(rows[0].n).toBe(1);
    expect(other.received).toHaveLength(1);
    expect(responseId).not.toBe(next);
    await new Promise((r) => other.server.close(r));
  });

  it('stores the signing secret encrypted when SARAFAN_SECRET is set, and still signs with it', async () => {
    process.env.SARAFAN_SECRET = 'a long random server secret for the test';
    const sealed = new Receiver();
    await sealed.start();
    try {
      const created = await f.owner.post('/api/v1/org/webhooks', { url: sealed.url, eventTypes: ['response.created'] });
      sealed.secret = created.json.secret;
      const { rows } = await server.pool.query(`select secret from webhook_endpoints where org_id = $1 and id = $2`, [f.orgId, created.json.webhook.id]);
      expect(rows[0].secret).toMatch(/^v1:/);
      expect(rows[0].secret).not.toContain(created.json.secret.slice(6, 20));
      await submitPublic(f.survey.slug, 'hook-sealed-0001', 9);
      await sealed.count(1);
      expect(sealed.received[0].verifyError).toBeNull();
      // Without the variable the delivery fails at once, saying why, and nothing is sent.
      delete process.env.SARAFAN_SECRET;
      const responseId = await submitPublic(f.survey.slug, 'hook-sealed-0002', 8);
      const d = await settledDelivery(created.json.webhook.id, responseId);
      expect(d).toMatchObject({ status: 'failed', attempts: 1 });
      expect(d.log[0].error).toContain('SARAFAN_SECRET');
      expect(sealed.received).toHaveLength(1);
      await f.owner.delete(`/api/v1/org/webhooks/${created.json.webhook.id}`);
    } finally {
      delete process.env.SARAFAN_SECRET;
      await new Promise((r) => sealed.server.close(r));
    }
  });

  it('keeps the submission answered when the endpoint fails', async () => {
    const broken = await f.owner.post('/api/v1/org/webhooks', { url: 'http://127.0.0.1:9/unreachable', eventTypes: ['response.created'] });
    const responseId = await submitPublic(f.survey.slug, 'hook-broken-0001', 5);
    const { rows } = await server.pool.query(`select id from responses where org_id = $1 and id = $2`, [f.orgId, responseId]);
    expect(rows).toHaveLength(1);
    await f.owner.delete(`/api/v1/org/webhooks/${broken.json.webhook.id}`);
  });
});

describe('webhook targets (SSRF)', () => {
  it('refuses other schemes, credentials, metadata and link-local addresses, even with private targets allowed', async () => {
    for (const [url, words] of [
      ['ftp://example.com/x', 'http:// or https://'],
      ['https://user:pw@example.com/x', 'user name or password'],
      ['http://169.254.169.254/latest/meta-data', 'link-local'],
      ['http://[fe80::1]/x', 'link-local'],
      ['http://0.0.0.0:8080/', 'link-local, reserved'],
      ['not a url', 'is not a URL'],
    ] as const) {
      const res = await f.owner.post('/api/v1/org/webhooks', { url, eventTypes: ['response.created'] });
      expect(res.status, url).toBe(400);
      expect(res.json.details.field).toBe('url');
      expect(res.json.message).toContain(words);
    }
  });

  it('refuses loopback and private targets unless SARAFAN_WEBHOOK_ALLOW_PRIVATE=1, at creation and at delivery', async () => {
    // Made while allowed, then the operator turns it off: the delivery is refused without a request.
    const hook = await f.owner.post('/api/v1/org/webhooks', { url: receiver.url, eventTypes: ['response.created'] });
    delete process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE;
    try {
      for (const url of ['http://127.0.0.1:8080/', 'http://localhost/x', 'http://10.1.2.3/', 'http://192.168.1.5/', 'http://[::1]/', 'http://[::ffff:10.0.0.1]/']) {
        const res = await f.owner.post('/api/v1/org/webhooks', { url, eventTypes: ['response.created'] });
        expect(res.status, url).toBe(400);
        expect(res.json.message).toContain('SARAFAN_WEBHOOK_ALLOW_PRIVATE');
      }
      const before = receiver.received.length;
      const responseId = await submitPublic(f.survey.slug, 'hook-ssrf-00001', 9);
      const d = await settledDelivery(hook.json.webhook.id, responseId);
      expect(d.status).toBe('failed');
      expect(d.attempts).toBe(1);
      expect(d.log[0].error).toContain('SARAFAN_WEBHOOK_ALLOW_PRIVATE');
      // The allowed endpoint's delivery for the same response was refused too; nothing reached the receiver.
      await settledDelivery(endpointId, responseId);
      expect(receiver.received.length).toBe(before);
    } finally {
      process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE = '1';
    }
  });
});
