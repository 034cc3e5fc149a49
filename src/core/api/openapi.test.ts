import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, openApiPath } from './openapi.ts';
import type { KeyOperation } from './keyRoutes.ts';
import type { SessionOperation } from './sessionRoutes.ts';

describe('openApiPath', () => {
  it('writes path parameters the OpenAPI way and lists them', () => {
    expect(openApiPath('/api/v1/surveys/:id/responses')).toEqual({ path: '/api/v1/surveys/{id}/responses', params: ['id'] });
    expect(openApiPath('/api/v1/org/webhooks/:id/deliveries/:deliveryId/resend')).toEqual({ path: '/api/v1/org/webhooks/{id}/deliveries/{deliveryId}/resend', params: ['id', 'deliveryId'] });
    expect(openApiPath('/api/v1/locations')).toEqual({ path: '/api/v1/locations', params: [] });
  });
});

describe('buildOpenApiDocument', () => {
  const op: KeyOperation = {
    method: 'POST', path: '/api/v1/things/:id', scope: 'ingest', id: 'makeThing', status: 201, summary: 'Make a thing',
    query: z.object({ dry: z.enum(['0', '1']).optional(), n: z.coerce.number().int().default(3) }),
    body: z.object({ name: z.string().trim().min(1), size: z.number().int().max(9).default(1) }),
    answer: z.strictObject({ id: z.string(), made: z.boolean() }),
    example: { name: 'x' },
  };
  const doc = buildOpenApiDocument('https://sarafan.example', [op]) as any;
  const operation = doc.paths['/api/v1/things/{id}'].post;

  it('has the servers, security scheme and the operation with its scope', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.servers).toEqual([{ url: 'https://sarafan.example' }]);
    expect(operation).toMatchObject({ operationId: 'makeThing', summary: 'Make a thing', tags: ['ingest'], security: [{ apiKey: [] }], 'x-sarafan-scope': 'ingest' });
  });

  it('describes the path and query parameters, the body as input and the answer as output', () => {
    expect(operation.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      { name: 'dry', in: 'query', required: false, schema: { type: 'string', enum: ['0', '1'] } },
      { name: 'n', in: 'query', required: false, schema: { type: 'integer', default: 3, minimum: expect.any(Number), maximum: expect.any(Number) } },
    ]);
    const body = operation.requestBody.content['application/json'];
    expect(body.example).toEqual({ name: 'x' });
    // Input form: a field with a default is not required.
    expect(body.schema).toMatchObject({ type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, size: { type: 'integer', maximum: 9, default: 1 } } });
    expect(body.schema.$schema).toBeUndefined();
    expect(operation.responses['201'].content['application/json'].schema).toEqual({
      type: 'object', properties: { id: { type: 'string' }, made: { type: 'boolean' } }, required: ['id', 'made'], additionalProperties: false,
    });
    for (const s of ['400', '401', '403', '404', '429']) expect(operation.responses[s].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });
});

describe('buildOpenApiDocument: session-only operations', () => {
  const list: SessionOperation = {
    method: 'GET', path: '/api/v1/notes', tag: 'audit-log', permission: 'auditlog.read', id: 'listNotes', status: 200,
    summary: 'Notes', description: 'All of them.', answer: z.strictObject({ items: z.array(z.string()) }),
  };
  const download: SessionOperation = {
    method: 'POST', path: '/api/v1/notes/:id/print', tag: 'reports', permission: 'report.manage', id: 'printNote', status: 200,
    summary: 'Print a note', body: z.strictObject({ copies: z.number().int().min(1) }), example: { copies: 2 },
    file: { 'application/pdf': 'The note', 'text/html': 'The note as a page' }, errors: { 503: 'No printer' },
  };
  const doc = buildOpenApiDocument('https://sarafan.example', [], [list, download]) as any;
  const listOp = doc.paths['/api/v1/notes'].get;
  const printOp = doc.paths['/api/v1/notes/{id}/print'].post;

  it('take the session cookie, name the permission and the roles that have it, and say keys are refused', () => {
    expect(doc.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'sarafan_session', description: expect.any(String) });
    expect(listOp).toMatchObject({ operationId: 'listNotes', tags: ['audit-log'], security: [{ session: [] }], 'x-sarafan-permission': 'auditlog.read' });
    // Only owners and admins read the audit log; report.manage adds analysts (the role table of src/core/access).
    expect(listOp['x-sarafan-roles']).toEqual(['owner', 'admin']);
    expect(listOp['x-sarafan-scope']).toBeUndefined();
    expect(listOp.description).toBe('All of them. Session only (needs auditlog.read: owner, admin); API keys get 403.');
    expect(printOp['x-sarafan-roles']).toEqual(['owner', 'admin', 'analyst']);
    expect(doc.tags.map((t: any) => t.name)).toEqual(['ingest', 'read', 'cases', 'reports', 'shared-links', 'saved-views', 'exports', 'audit-log', 'question-library', 'survey-preview']);
  });

  it('list the errors each route can give: 400 with a body or query, 404 with an id or a body, and its own', () => {
    expect(Object.keys(listOp.responses).sort()).toEqual(['200', '401', '403']);
    expect(Object.keys(printOp.responses).sort()).toEqual(['200', '400', '401', '403', '404', '503']);
    expect(printOp.responses['503']).toEqual({ description: 'No printer', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  });

  it('describe a download by its media types, a JSON answer by its schema', () => {
    expect(printOp.responses['200'].content).toEqual({
      'application/pdf': { schema: { type: 'string', format: 'binary', description: 'The note' } },
      'text/html': { schema: { type: 'string', format: 'binary', description: 'The note as a page' } },
    });
    expect(printOp.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]);
    expect(printOp.requestBody.content['application/json']).toEqual({
      schema: { type: 'object', properties: { copies: { type: 'integer', minimum: 1, maximum: expect.any(Number) } }, required: ['copies'], additionalProperties: false },
      example: { copies: 2 },
    });
    expect(listOp.responses['200'].content['application/json'].schema).toEqual({
      type: 'object', properties: { items: { type: 'array', items: { type: 'string' } } }, required: ['items'], additionalProperties: false,
    });
  });
});

/**
 * No OpenAPI validator is installed: the rules of OpenAPI 3.0.3 that generated schemas can break, checked by
 * hand (JSON Schema keywords 3.0 lacks, such as const, $defs or type arrays; $refs; path parameters; descriptions).
 */
describe('the served document', () => {
  const doc = buildOpenApiDocument('https://sarafan.example') as any;
  // OpenAPI 3.0.3, "Schema Object": the JSON Schema keywords it keeps and its own.
  const KEYWORDS = new Set(['title', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern',
    'maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties', 'required', 'enum', 'type', 'allOf', 'oneOf', 'anyOf', 'not', 'items',
    'properties', 'additionalProperties', 'description', 'format', 'default', 'nullable', 'discriminator', 'readOnly', 'writeOnly', 'example',
    'deprecated', '$ref']);
  const problems: string[] = [];
  function checkSchema(s: any, where: string): void {
    if (Array.isArray(s)) return s.forEach((x, i) => checkSchema(x, `${where}/${i}`));
    if (typeof s !== 'object' || s === null) return;
    for (const [k, v] of Object.entries<any>(s)) {
      if (!KEYWORDS.has(k) && !k.startsWith('x-')) problems.push(`${where}: ${k}`);
      if (k === 'type' && typeof v !== 'string') problems.push(`${where}: type ${JSON.stringify(v)}`);
      if ((k === 'exclusiveMinimum' || k === 'exclusiveMaximum') && typeof v !== 'boolean') problems.push(`${where}: ${k} ${v}`);
      if (k === '$ref' && !(v.startsWith('#/components/schemas/') && doc.components.schemas[v.slice(21)])) problems.push(`${where}: $ref ${v}`);
      if (k === 'properties') for (const [name, p] of Object.entries(v)) checkSchema(p, `${where}.${name}`);
      else if (['items', 'additionalProperties', 'not', 'allOf', 'oneOf', 'anyOf'].includes(k)) checkSchema(v, `${where}/${k}`);
    }
  }
  const ids: string[] = [];
  for (const [path, ops] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(ops)) {
      const at = `${method} ${path}`;
      ids.push(op.operationId);
      const declared = op.parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name);
      if (JSON.stringify(declared) !== JSON.stringify([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))) problems.push(`${at}: path parameters ${declared}`);
      for (const p of op.parameters) checkSchema(p.schema, `${at} ${p.name}`);
      for (const c of Object.values<any>(op.requestBody?.content ?? {})) checkSchema(c.schema, `${at} body`);
      for (const [status, r] of Object.entries<any>(op.responses)) {
        if (!/^[1-5]\d\d$/.test(status) || typeof r.description !== 'string') problems.push(`${at} ${status}: status or description`);
        for (const c of Object.values<any>(r.content ?? {})) checkSchema(c.schema, `${at} ${status}`);
      }
      for (const s of op.security) for (const name of Object.keys(s)) if (!doc.components.securitySchemes[name]) problems.push(`${at}: security ${name}`);
    }
  }

  it('uses only OpenAPI 3.0 schema keywords, resolvable $refs, declared path parameters and described answers', () => {
    expect(Object.keys(doc.paths).length).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });

  it('has unique operation ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });
});
