/**
 * @module The OpenAPI 3.0 document of the routes API keys may call (served at /api/v1/openapi.json),
 * generated from their zod schemas (./keyRoutes.ts) with zod's own `z.toJSONSchema`: requests as their
 * input form, answers as their output form. Pure.
 */
import { z } from 'zod';
import { API_KEY_SCOPES } from '../integrations/apiKeys.ts';
import { KEY_OPERATIONS, type KeyOperation } from './keyRoutes.ts';

type Json = Record<string, unknown>;

const ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['ok', 'error', 'message'],
  properties: {
    ok: { type: 'boolean', enum: [false] },
    error: { type: 'string', description: 'validation, unauthorized, forbidden, not_found, conflict, survey_closed, rate_limited, ...' },
    message: { type: 'string', description: 'For validation errors: "<field>: <problem>", the field as a dotted path' },
    details: { type: 'object', description: 'validation: {field, issues}; rate_limited: {retryAfterSeconds}', additionalProperties: true },
    errorId: { type: 'string' },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

/** `/api/v1/surveys/:id` → `/api/v1/surveys/{id}` and its path parameter names. */
export function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function queryParameters(schema: z.ZodType): Json[] {
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name, in: 'query', required: (s.required ?? []).includes(name), schema: prop,
  }));
}

/** The request body: one schema, or the route's two shapes (oneOf), the second's example as x-alternative-example. */
function requestContent(op: KeyOperation): Json {
  const main = jsonSchema(op.body!, 'input');
  const example = op.example ? { example: op.example } : {};
  if (!op.alternative) return { schema: main, ...example };
  return {
    schema: { oneOf: [main, { ...jsonSchema(op.alternative.body, 'input'), title: op.alternative.id }] },
    ...example,
    'x-alternative-example': op.alternative.example,
  };
}

function operation(op: KeyOperation): Json {
  const { params } = openApiPath(op.path);
  const errors: Record<string, Json> = {};
  for (const [status, text] of [['400', 'Validation error'], ['401', 'Missing, unknown or revoked key'], ['403', 'The key\'s scope does not allow this'], ['404', 'Not found (or outside the key\'s locations)'], ['429', 'Too many requests for this key']] as const) {
    errors[status] = { description: text, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.scope],
    security: [{ apiKey: [] }],
    'x-sarafan-scope': op.scope,
    parameters: [
      ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } })),
      ...(op.query ? queryParameters(op.query) : []),
    ],
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': requestContent(op) } } } : {}),
    responses: {
      [String(op.status)]: { description: 'OK', content: { 'application/json': { schema: jsonSchema(op.answer, 'output') } } },
      ...(op.alternative
        ? { [String(op.alternative.status)]: { description: `OK (${op.alternative.id})`, content: { 'application/json': { schema: jsonSchema(op.alternative.answer, 'output') } } } }
        : {}),
      ...errors,
    },
  };
}

/** The document; `serverUrl` is the server's origin (the paths carry /api/v1). */
export function buildOpenApiDocument(serverUrl: string, operations: readonly KeyOperation[] = KEY_OPERATIONS): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of operations) {
    const { path } = openApiPath(op.path);
    (paths[path] ??= {})[op.method.toLowerCase()] = operation(op);
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Sarafan API',
      version: '1',
      description: 'The routes API keys may call. Authenticate with `Authorization: Bearer <key>`; keys are made by owners and '
        + 'admins under Settings → Integrations. `ingest` keys write contacts, survey triggers and responses; `read` keys read '
        + 'metrics and responses. A key limited to a location sees only that subtree.',
    },
    servers: [{ url: serverUrl }],
    tags: API_KEY_SCOPES.map((name) => ({ name, description: `Operations of ${name} keys` })),
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (srf_…)' } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
