/**
 * The OpenAPI document and the docs page: served, covering every route that accepts API keys and every route
 * of reports, shared links, saved views, exports and the audit log (and only routes that exist), operations
 * with the right scope or permission, request examples that their schemas accept and a real server takes.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/app.ts';
import { KEY_OPERATIONS } from '../../src/core/api/keyRoutes.ts';
import { SESSION_OPERATIONS } from '../../src/core/api/sessionRoutes.ts';
import { SESSION_COOKIE } from '../../src/http/session.ts';
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
      'GET /api/v1/home',
    ];
    const all = Object.entries<any>(doc.paths).flatMap(([path, ops]) => Object.entries<any>(ops).map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, op })));
    const inDoc = all.filter((o) => o.op.security[0].apiKey).map((o) => o.key);
    expect(inDoc.sort()).toEqual(expected.sort());
    expect(new Set(all.map((o) => o.op.operationId)).size).toBe(all.length);
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        if (!op.security[0].apiKey) continue;
        expect(['ingest', 'read', 'cases'], `${method} ${path}`).toContain(op['x-sarafan-scope']);
        const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(op.parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name)).toEqual(pathParams);
        const ok = Object.keys(op.responses).find((s) => s.startsWith('2'))!;
        expect(op.responses[ok].content['application/json'].schema.type, `${method} ${path}`).toBe('object');
        for (const status of ['400', '401', '403', '429']) expect(op.responses[status]).toBeDefined();
      }
    }
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

/** The prefixes whose every route the document covers (issue 16), whether keys may call them or not. */
const COVERED = /^\/api\/v1\/(reports|report-[a-z]+|shared-links|saved-views|exports|audit-log|home|question-library|surveys\/preview)(\/|$)/;
const operationOf = (method: string, path: string) => SESSION_OPERATIONS.find((op) => op.method === method && op.path === path)!;
const okSchemaOf = (doc: any, method: string, path: string) => doc.paths[toOpenApi(path)][method.toLowerCase()];
/** A route's URL with its parameters filled with ids nothing has. */
const withRandomIds = (path: string) => path.replace(/:[A-Za-z]+/g, () => crypto.randomUUID());

describe('the session-only routes (reports, shared links, saved views, exports, the audit log)', () => {
  let doc: any;
  beforeAll(async () => {
    doc = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
  });

  it('every route registered under these prefixes is in the document, and the document lists no other there', () => {
    const live = registered.filter((r) => COVERED.test(r.split(' ')[1])).map((r) => {
      const [method, path] = r.split(' ');
      return `${method} ${toOpenApi(path)}`;
    });
    // A few the issue names, so that an enumeration gone wrong (nothing registered) cannot pass.
    expect(live).toEqual(expect.arrayContaining([
      'GET /api/v1/reports', 'POST /api/v1/reports/render', 'DELETE /api/v1/report-schedules/{id}', 'POST /api/v1/report-deliveries/{id}/retry',
      'POST /api/v1/shared-links/{id}/revoke', 'DELETE /api/v1/saved-views/{id}/pin', 'POST /api/v1/exports', 'GET /api/v1/audit-log/export', 'GET /api/v1/home',
      'POST /api/v1/surveys/preview', 'DELETE /api/v1/question-library/{id}',
    ]));
    const documented = Object.entries<any>(doc.paths)
      .filter(([path]) => COVERED.test(path))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(live.sort());
  });

  it('each takes the session cookie, names its permission and its errors, and has a JSON answer schema or a file', () => {
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
    for (const op of SESSION_OPERATIONS) {
      const d = okSchemaOf(doc, op.method, op.path);
      expect(d.security, `${op.method} ${op.path}`).toEqual([{ session: [] }]);
      expect(d['x-sarafan-permission']).toBe(op.permission);
      expect(d.description).toContain('API keys get 403');
      for (const status of ['401', '403']) expect(d.responses[status].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
      const ok = d.responses[String(op.status)].content;
      if (op.file) expect(Object.values<any>(ok).every((c) => c.schema.format === 'binary')).toBe(true);
      else expect(ok['application/json'].schema.type, `${op.method} ${op.path}`).toBe('object');
    }
    expect(Object.keys(okSchemaOf(doc, 'POST', '/api/v1/reports/render').responses['200'].content).sort()).toEqual(['application/pdf', 'text/html']);
    expect(okSchemaOf(doc, 'POST', '/api/v1/report-deliveries/:id/retry').responses['409']).toBeDefined();
    expect(okSchemaOf(doc, 'GET', '/api/v1/audit-log').parameters.map((p: any) => p.name)).toEqual(['from', 'to', 'actor', 'action', 'target', 'cursor', 'limit']);
    // POST /exports: every kind of ExportBody is offered.
    const kinds = okSchemaOf(doc, 'POST', '/api/v1/exports').requestBody.content['application/json'].schema.oneOf.map((s: any) => s.properties.kind.enum[0]);
    expect(kinds).toEqual(expect.arrayContaining(['trend', 'breakdown']));
  });

  it('answer 401 without a session: the four lists, and every other route of them', async () => {
    for (const path of ['/api/v1/reports', '/api/v1/shared-links', '/api/v1/saved-views', '/api/v1/audit-log']) {
      const res = await fetch(server.baseUrl + path);
      expect(res.status, path).toBe(401);
      expect((await res.json()).error).toBe('unauthorized');
    }
    for (const op of SESSION_OPERATIONS) {
      const res = await fetch(server.baseUrl + withRandomIds(op.path), {
        method: op.method, ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }),
      });
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
    }
  });

  it('refuse API keys with 403, as the document says', async () => {
    const f = await buildIntegrationOrg(server, 'Session Docs Keys', 'owner@sessiondocs-keys.test');
    const { key } = await makeKey(f.owner, 'read');
    for (const op of SESSION_OPERATIONS) {
      const res = await withKey(server, key, op.method, withRandomIds(op.path), op.method === 'GET' || op.method === 'DELETE' ? undefined : {});
      expect(res.status, `${op.method} ${op.path}`).toBe(403);
    }
  });

  it('have request examples that the request schemas accept', () => {
    let examples = 0;
    for (const op of SESSION_OPERATIONS) {
      if (!op.body) continue;
      const content = okSchemaOf(doc, op.method, op.path).requestBody.content['application/json'];
      const parsed = op.body.safeParse(content.example);
      expect(parsed.success, `${op.method} ${op.path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      examples++;
    }
    // reports: create, change, send now, send a view, render; schedules: create, change; a shared link; saved views: create, change;
    // a survey preview; a library question; an export
    expect(examples).toBe(13);
  });

  it('the examples work against a real server (survey ids replaced), answering what the document says', async () => {
    const f = await buildIntegrationOrg(server, 'Session Docs Org', 'owner@sessiondocs.test');
    const example = (method: string, path: string) => okSchemaOf(doc, method, path).requestBody.content['application/json'].example;
    const answerOk = (method: string, path: string, res: { status: number; json: unknown; text: string }) => {
      const op = operationOf(method, path);
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(op.status);
      const parsed = op.answer!.safeParse(res.json);
      expect(parsed.success, `${method} ${path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      return res.json as any;
    };
    const definition = { ...example('POST', '/api/v1/reports').definition, surveyId: f.survey.id };
    const report = answerOk('POST', '/api/v1/reports', await f.owner.post('/api/v1/reports', { ...example('POST', '/api/v1/reports'), definition }));
    answerOk('PATCH', '/api/v1/reports/:id', await f.owner.patch(`/api/v1/reports/${report.id}`, example('PATCH', '/api/v1/reports/:id')));
    answerOk('POST', '/api/v1/reports/send', await f.owner.post('/api/v1/reports/send', { ...example('POST', '/api/v1/reports/send'), definition }));
    const schedule = answerOk('POST', '/api/v1/reports/:id/schedules', await f.owner.post(`/api/v1/reports/${report.id}/schedules`, example('POST', '/api/v1/reports/:id/schedules')));
    answerOk('PATCH', '/api/v1/report-schedules/:id', await f.owner.patch(`/api/v1/report-schedules/${schedule.id}`, example('PATCH', '/api/v1/report-schedules/:id')));
    // The example's expiry is a fixed day: tomorrow keeps this test from expiring with it.
    const linkBody = { ...example('POST', '/api/v1/shared-links'), definition, expiresAt: new Date(Date.now() + 86_400_000).toISOString() };
    answerOk('POST', '/api/v1/shared-links', await f.owner.post('/api/v1/shared-links', linkBody));
    const view = answerOk('POST', '/api/v1/saved-views', await f.owner.post('/api/v1/saved-views', { ...example('POST', '/api/v1/saved-views'), surveyId: f.survey.id }));
    answerOk('PATCH', '/api/v1/saved-views/:id', await f.owner.patch(`/api/v1/saved-views/${view.id}`, example('PATCH', '/api/v1/saved-views/:id')));
    answerOk('GET', '/api/v1/audit-log', await f.owner.get('/api/v1/audit-log'));
    answerOk('POST', '/api/v1/surveys/preview', await f.owner.post('/api/v1/surveys/preview', example('POST', '/api/v1/surveys/preview')));
    const saved = answerOk('POST', '/api/v1/question-library', await f.owner.post('/api/v1/question-library', example('POST', '/api/v1/question-library')));
    answerOk('GET', '/api/v1/question-library', await f.owner.get('/api/v1/question-library'));
    answerOk('DELETE', '/api/v1/question-library/:id', await f.owner.delete(`/api/v1/question-library/${saved.entry.id}`));
    // Downloads come in one of the documented media types.
    const chart = await f.owner.post('/api/v1/exports', { ...example('POST', '/api/v1/exports'), survey: f.survey.id });
    expect(chart.status, chart.text).toBe(200);
    expect(Object.keys(okSchemaOf(doc, 'POST', '/api/v1/exports').responses['200'].content)).toContain(chart.headers.get('content-type'));
    const log = await f.owner.getBytes('/api/v1/audit-log/export?format=xlsx');
    expect(log.status).toBe(200);
    expect(Object.keys(okSchemaOf(doc, 'GET', '/api/v1/audit-log/export').responses['200'].content)).toContain(log.headers.get('content-type'));
  });
});

describe('GET /api/docs', () => {
  it('is a self-contained HTML page listing every operation', async () => {
    const res = await fetch(`${server.baseUrl}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const op of [...KEY_OPERATIONS, ...SESSION_OPERATIONS]) {
      expect(html).toContain(`id="${op.id}"`);
      expect(html).toContain(`<code>${toOpenApi(op.path)}</code>`);
    }
    expect(html).toContain('<span class="scope">session: auditlog.read</span>');
    expect(html).toContain('<li><code>application/pdf</code>: The report as an A4 PDF (Content-Disposition: attachment)</li>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost|127\.0\.0\.1)[^"<]*\.(js|css)/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
