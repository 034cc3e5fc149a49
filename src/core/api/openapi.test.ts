import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, openApiPath } from './openapi.ts';
import type { KeyOperation } from './keyRoutes.ts';

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
