/**
 * The OpenAPI document and the docs page: served, covering every route that accepts API keys (and only
 * routes that exist), operations with the right scope, request examples that their schemas accept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/app.ts';
import { KEY_OPERATIONS } from '../../src/core/api/keyRoutes.ts';
import { buildIntegrationOrg, makeKey, withKey } from './fixture.ts';

let server: TestServer;
const registered: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    onRoute: (r) => {
      for (const m of [r.method].flat()) if (m !== 'HEAD') registered.push(`${m} ${r.url}`);
    },
  });
});
afterAll(() => server?.close());

const toOpenApi = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3 document of every key route, each with its scope, parameters and answer', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(doc.servers).toEqual([{ url: server.baseUrl }]);
    expect(doc.components.securitySchemes.apiKey).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    // The routes the key check lets keys call (the table in src/core/api/keyRoutes.ts, by hand here):
    const expected = [
      'PUT /api/v1/contacts', 'POST /api/v1/events', 'POST /api/v1/surveys/{id}/responses', 'GET /api/v1/analytics/overview',
      'GET /api/v1/surveys/{id}/analytics/summary', 'GET /api/v1/surveys/{id}/analytics/trend', 'GET /api/v1/surveys',
      'GET /api/v1/surveys/{id}/responses', 'GET /api/v1/responses/{id}', 'GET /api/v1/locations',
      'GET /api/v1/support/kpis', 'GET /api/v1/support/trend',
      'GET /api/v1/alert-rules', 'GET /api/v1/alert-rules/{id}', 'POST /api/v1/alert-rules', 'PATCH /api/v1/alert-rules/{id}',
      'DELETE /api/v1/alert-rules/{id}', 'GET /api/v1/alerts',
      'GET /api/v1/cases', 'GET /api/v1/cases/{id}', 'POST /api/v1/cases', 'PATCH /api/v1/cases/{id}', 'POST /api/v1/cases/{id}/notes',
      'POST /api/v1/cases/{id}/replies', 'POST /api/v1/cases/{id}/resolve', 'POST /api/v1/cases/{id}/compensations', 'POST /api/v1/cases/bulk',
      'GET /api/v1/cases/metrics', 'GET /api/v1/cases/root-causes', 'GET /api/v1/cases/compensation',
      'GET /api/v1/action-plans', 'POST /api/v1/action-plans', 'GET /api/v1/action-plans/{id}', 'PATCH /api/v1/action-plans/{id}',
      'DELETE /api/v1/action-plans/{id}', 'GET /api/v1/action-plans/{id}/effect',
      'POST /api/v1/referrals/claims',
    ];
    const inDoc = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`));
    expect(inDoc.sort()).toEqual(expected.sort());
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        ids.add(op.operationId);
        expect(['ingest', 'read', 'cases'], `${method} ${path}`).toContain(op['x-sarafan-scope']);
        const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(op.parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name)).toEqual(pathParams);
        const ok = Object.keys(op.responses).find((s) => s.startsWith('2'))!;
        expect(op.responses[ok].content['application/json'].schema.type, `${method} ${path}`).toBe('object');
        for (const status of ['400', '401', '403', '429']) expect(op.responses[status]).toBeDefined();
      }
    }
    expect(ids.size).toBe(inDoc.length);
    expect(doc.paths['/api/v1/contacts'].put['x-sarafan-scope']).toBe('ingest');
    expect(doc.paths['/api/v1/surveys/{id}/analytics/summary'].get['x-sarafan-scope']).toBe('read');
    // Request bodies as JSON Schema (OpenAPI 3.0 flavour), e.g. the trigger's delay and channel:
    // POST /events takes two shapes: the survey trigger, or a batch of support contact events.
    const [trigger, batch] = doc.paths['/api/v1/events'].post.requestBody.content['application/json'].schema.oneOf;
    expect(batch.required).toEqual(['events']);
    expect(batch.properties.events.maxItems).toBe(1000);
    expect(trigger.required).toEqual(expect.arrayContaining(['event', 'contact', 'surveyId']));
    expect(trigger.properties.delaySeconds).toMatchObject({ type: 'integer', minimum: 0, maximum: 2_592_000 });
    expect(trigger.properties.channel.enum).toEqual(['email', 'sms', 'telegram']);
  });

  it('lists only routes that exist, and every registered route that accepts keys', () => {
    for (const op of KEY_OPERATIONS) expect(registered, `${op.method} ${op.path}`).toContain(`${op.method} ${op.path}`);
  });

  it('has request examples that the request schemas accept', async () => {
    const doc = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
    let examples = 0;
    for (const op of KEY_OPERATIONS) {
      const content = doc.paths[toOpenApi(op.path)][op.method.toLowerCase()].requestBody?.content['application/json'];
      if (!op.body) continue;
      expect(content.example, `${op.method} ${op.path} has an example`).toBeDefined();
      const parsed = op.body.safeParse(content.example);
      expect(parsed.success, `${op.method} ${op.path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      examples++;
    }
    // contacts, events, responses, two alert-rule writes, the seven case writes, two action-plan writes and a referral claim
    expect(examples).toBe(15);
  });

  it("the examples work against a real server (the trigger's survey id replaced)", async () => {
    const f = await buildIntegrationOrg(server, 'Docs Org', 'owner@docs.test');
    const { key } = await makeKey(f.owner, 'ingest');
    const doc = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
    const example = (path: string, method = 'post') => doc.paths[path][method].requestBody.content['application/json'].example;
    expect((await withKey(server, key, 'PUT', '/api/v1/contacts', example('/api/v1/contacts', 'put'))).status).toBe(201);
    expect((await withKey(server, key, 'POST', '/api/v1/events', { ...example('/api/v1/events'), surveyId: f.survey.id })).status).toBe(201);
    const batch = doc.paths['/api/v1/events'].post.requestBody.content['application/json']['x-alternative-example'];
    const stored = await withKey(server, key, 'POST', '/api/v1/events', batch);
    expect(stored.status).toBe(200);
    expect(stored.json).toMatchObject({ accepted: 3, rejected: 0, contacts: 1 });
    const rec = await withKey(server, key, 'POST', `/api/v1/surveys/${f.survey.id}/responses`, { ...example('/api/v1/surveys/{id}/responses'), answers: { nps: 9, why: 'Fast checkout' } });
    expect(rec.status).toBe(201);
  });

  it('is reachable with a key too (it is public)', async () => {
    const f = await buildIntegrationOrg(server, 'Docs Org 2', 'owner@docs2.test');
    const { key } = await makeKey(f.owner, 'read');
    expect((await withKey(server, key, 'GET', '/api/v1/openapi.json')).status).toBe(200);
    expect((await withKey(server, key, 'GET', '/api/docs')).status).toBe(200);
  });
});

describe('GET /api/docs', () => {
  it('is a self-contained HTML page listing every operation', async () => {
    const res = await fetch(`${server.baseUrl}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const op of KEY_OPERATIONS) {
      expect(html).toContain(`id="${op.id}"`);
      expect(html).toContain(`<code>${toOpenApi(op.path)}</code>`);
    }
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost|127\.0\.0\.1)[^"<]*\.(js|css)/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
