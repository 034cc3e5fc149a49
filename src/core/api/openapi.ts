/**
 * @module The OpenAPI 3.0 document (served at /api/v1/openapi.json) of the routes API keys may call
 * (./keyRoutes.ts) and of the session-only routes it also describes (./sessionRoutes.ts), generated from
 * their zod schemas with zod's own `z.toJSONSchema`: requests as their input form, answers as their output
 * form. Pure.
 */
import { z } from 'zod';
import { API_KEY_SCOPES } from '../integrations/apiKeys.ts';
import { ROLES, roleAllows } from '../access/index.ts';
import { KEY_OPERATIONS, type DocumentedOperation, type KeyOperation } from './keyRoutes.ts';
import { SESSION_OPERATIONS, SESSION_TAGS, type SessionOperation } from './sessionRoutes.ts';

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
function requestContent(op: DocumentedOperation & Pick<KeyOperation, 'alternative'>): Json {
  const main = jsonSchema(op.body!, 'input');
  const example = op.example ? { example: op.example } : {};
  if (!op.alternative) return { schema: main, ...example };
  return {
    schema: { oneOf: [main, { ...jsonSchema(op.alternative.body, 'input'), title: op.alternative.id }] },
    ...example,
    'x-alternative-example': op.alternative.example,
  };
}

const errorAnswer = (description: string): Json => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** What every operation has, whoever calls it: parameters, request body, the success answer (JSON or a file) and the errors. */
function commonOperation(op: DocumentedOperation & Pick<KeyOperation, 'alternative'>, errors: Record<string, string>, file?: Readonly<Record<string, string>>): Json {
  const { params } = openApiPath(op.path);
  const ok: Json = file
    ? { description: 'A download', content: Object.fromEntries(Object.entries(file).map(([type, what]) => [type, { schema: { type: 'string', format: 'binary', description: what } }])) }
    : { description: 'OK', content: { 'application/json': { schema: jsonSchema(op.answer!, 'output') } } };
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    parameters: [
      ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } })),
      ...(op.query ? queryParameters(op.query) : []),
    ],
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': requestContent(op) } } } : {}),
    responses: {
      [String(op.status)]: ok,
      ...(op.alternative
        ? { [String(op.alternative.status)]: { description: `OK (${op.alternative.id})`, content: { 'application/json': { schema: jsonSchema(op.alternative.answer, 'output') } } } }
        : {}),
      ...Object.fromEntries(Object.entries(errors).map(([status, text]) => [status, errorAnswer(text)])),
    },
  };
}

function keyOperation(op: KeyOperation): Json {
  const errors = {
    400: 'Validation error', 401: 'Missing, unknown or revoked key', 403: 'The key\'s scope does not allow this',
    404: 'Not found (or outside the key\'s locations)', 429: 'Too many requests for this key',
  };
  return { ...commonOperation(op, errors), tags: [op.scope], security: [{ apiKey: [] }], 'x-sarafan-scope': op.scope };
}

function sessionOperation(op: SessionOperation): Json {
  const roles = ROLES.filter((role) => roleAllows(role, op.permission));
  const { params } = openApiPath(op.path);
  const errors: Record<string, string> = {
    ...(op.body || op.query ? { 400: 'Validation error' } : {}),
    401: 'No session: sign in first',
    403: `The caller's role lacks ${op.permission}; or an API key (keys may not call this route); or a cross-origin or form-encoded write`,
    // Objects of another organisation or outside the caller's locations answer 404 like unknown ones.
    ...(params.length || op.body ? { 404: 'Not found, or outside the caller\'s organisation or locations' } : {}),
    ...op.errors,
  };
  return {
    ...commonOperation(op, errors, op.file),
    description: `${op.description ? `${op.description} ` : ''}Session only (needs ${op.permission}: ${roles.join(', ')}); API keys get 403.`,
    tags: [op.tag], security: [{ session: [] }], 'x-sarafan-permission': op.permission, 'x-sarafan-roles': roles,
  };
}

/** The document; `serverUrl` is the server's origin (the paths carry /api/v1). */
export function buildOpenApiDocument(
  serverUrl: string,
  operations: readonly KeyOperation[] = KEY_OPERATIONS,
  sessionOperations: readonly SessionOperation[] = SESSION_OPERATIONS,
): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const add = (op: DocumentedOperation, described: Json) => {
    (paths[openApiPath(op.path).path] ??= {})[op.method.toLowerCase()] = described;
  };
  for (const op of operations) add(op, keyOperation(op));
  for (const op of sessionOperations) add(op, sessionOperation(op));
  return {
    openapi: '3.0.3',
    info: {
      title: 'Sarafan API',
      version: '1',
      description: 'Routes API keys may call, and the dashboard\'s routes for reports, shared links, saved views, exports and the audit '
        + 'log, which take a signed-in session only. Keys: `Authorization: Bearer <key>`, made by owners and admins under Settings → '
        + 'Integrations; `ingest` keys write contacts, survey triggers and responses, `read` keys read metrics and responses, `cases` keys '
        + 'also work cases. A key limited to a location sees only that subtree. Sessions: the `sarafan_session` cookie set by '
        + 'POST /api/v1/auth/login; writes must be JSON from the same origin. Either way, objects of another organisation or outside '
        + 'the caller\'s locations answer 404.',
    },
    servers: [{ url: serverUrl }],
    tags: [
      ...API_KEY_SCOPES.map((name) => ({ name, description: `Operations of ${name} keys` })),
      ...Object.entries(SESSION_TAGS).map(([name, description]) => ({ name, description })),
    ],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (srf_…)' },
        session: { type: 'apiKey', in: 'cookie', name: 'sarafan_session', description: 'The session cookie of a signed-in user' },
      },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
