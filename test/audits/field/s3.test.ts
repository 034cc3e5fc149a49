/**
 * Evidence in an S3-compatible store: a tiny local stand-in (S3 itself is outside the machine) accepts
 * signed PUT / GET / DELETE of objects; the upload goes there (not to disk) and comes back on download.
 */
import http from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../../helpers/app.ts';
import { jpegWithGps, Session } from './fixture.ts';
import { s3EvidenceStore } from '../../../src/server/audits/evidenceStore.ts';

interface S3Request { method: string; url: string; authorization: string }

function startS3StandIn() {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const requests: S3Request[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://s3.local');
      requests.push({ method: req.method ?? '', url: url.pathname, authorization: String(req.headers.authorization ?? '') });
      if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential=TESTKEY/')) {
        res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code></Error>');
        return;
      }
      const key = decodeURIComponent(url.pathname);
      if (req.method === 'PUT') {
        objects.set(key, { body: Buffer.concat(chunks), type: String(req.headers['content-type'] ?? '') });
        res.writeHead(200, { etag: '"x"' }).end();
      } else if (req.method === 'GET') {
        const o = objects.get(key);
        if (!o) res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
        else res.writeHead(200, { 'content-type': o.type, 'content-length': o.body.length }).end(o.body);
      } else if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  return new Promise<{ url: string; objects: typeof objects; requests: S3Request[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      objects,
      requests,
      close: () => new Promise((r) => server.close(() => r())),
    }));
  });
}

describe('evidence in an S3-compatible store', () => {
  let s3: Awaited<ReturnType<typeof startS3StandIn>>;
  let server: TestServer;
  let dir = '';
  const settings = (url: string) => ({ endpoint: url, bucket: 'evidence', region: 'eu-central-1', accessKeyId: 'TESTKEY', secretAccessKey: 'TESTSECRET' });

  beforeAll(async () => {
    s3 = await startS3StandIn();
    dir = await mkdtemp(path.join(os.tmpdir(), 'sarafan-evidence-s3-'));
    server = await startTestServer({ evidenceDir: dir, evidenceS3: settings(s3.url) });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await s3?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('puts, gets and deletes signed objects in the bucket (path style)', async () => {
    const store = s3EvidenceStore(settings(s3.url));
    const key = '11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222';
    await store.put(key, Buffer.from('hello'), 'audio/wav');
    expect(s3.objects.get(`/evidence/${key}`)?.body.toString()).toBe('hello');
    expect((await store.get(key))?.toString()).toBe('hello');
    await store.delete(key);
    expect(s3.objects.has(`/evidence/${key}`)).toBe(false);
    expect(await store.get(key)).toBeNull();
    expect(s3.requests.map((r) => r.method)).toEqual(['PUT', 'GET', 'DELETE', 'GET']);
    for (const r of s3.requests) {
      expect(r.url).toBe(`/evidence/${key}`);
      expect(r.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=TESTKEY\/\d{8}\/eu-central-1\/s3\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/);
    }
    // Wrong credentials: the stand-in refuses, and the store says so.
    await expect(s3EvidenceStore({ ...settings(s3.url), accessKeyId: 'OTHER' }).put(key, Buffer.from('x'), 'audio/wav')).rejects.toThrow();
  });

  it('stores an upload in the bucket, not on disk, and serves it back', async () => {
    const org = await buildOrg(server.pool, 'S3 Org');
    await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store 1');
    await buildUser(server.pool, org.orgId, 'auditor', 'anna@s3.test');
    const anna = await Session.signIn(server.baseUrl, 'anna@s3.test', TEST_PASSWORD);
    const up = await anna.upload('/api/v1/audit-evidence?kind=photo', await jpegWithGps(), 'image/jpeg');
    expect(up.status).toBe(201);
    const row = (await server.pool.query(`select storage, storage_key, size_bytes from audit_evidence where id = $1`, [up.json.id])).rows[0];
    expect(row).toEqual({ storage: 's3', storage_key: `${org.orgId}/${up.json.id}`, size_bytes: up.json.sizeBytes });
    const stored = s3.objects.get(`/evidence/${org.orgId}/${up.json.id}`);
    expect(stored?.type).toBe('image/jpeg');
    expect(stored?.body.length).toBe(up.json.sizeBytes);
    expect(await readdir(dir)).toEqual([]);
    const down = await anna.download(`/api/v1/audit-evidence/${up.json.id}`);
    expect(down.status).toBe(200);
    expect(down.body.equals(stored!.body)).toBe(true);
  });
});
