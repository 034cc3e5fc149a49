/**
 * API-key authentication (docs/api.md "API keys"): a request with `Authorization: Bearer <key>` is
 * authenticated by the key alone (no session cookie is read, so no CSRF check applies: the key is not
 * an ambient credential). The key acts as a principal of its organisation limited to its location
 * subtree; the route must be listed for the key's scope in src/core/api/keyRoutes.ts (every other route
 * refuses keys with 403), and each key has its own rate limit.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Principal } from '../core/access/index.ts';
import { keyOperationOf } from '../core/api/keyRoutes.ts';
import { DomainError } from '../core/errors.ts';
import { bearerKey, type ApiKeyScope } from '../core/integrations/apiKeys.ts';
import { findApiKeyByHash, touchApiKey } from '../db/integrations/apiKeys.ts';
import { hashToken } from './session.ts';

export interface ApiKeyCaller {
  id: string;
  orgId: string;
  scope: ApiKeyScope;
  /** The key as a principal: its id stands for the user (audit entries name it), its subtree for the locations. */
  principal: Principal;
}

declare module 'fastify' {
  interface FastifyRequest {
    apiKey: ApiKeyCaller | null;
  }
}

/** Requests one key may make per minute (per server process) unless AppDeps say otherwise. */
export const DEFAULT_KEY_RATE_PER_MINUTE = 600;
const WINDOW_MS = 60_000;
/** Public routes under /api that a client holding a key may call as it is (no key needed). */
const PUBLIC_ROUTES = new Set(['/api/v1/openapi.json', '/api/docs']);

/**
 * The onRequest step for API keys.
 * @returns false when the request carries no Bearer header (the session applies), true once the key
 *   authenticated it. @throws unauthorized (malformed, unknown or revoked key), forbidden (a route keys
 *   may not call, or another scope's), rate_limited (with Retry-After)
 */
export function createApiKeyAuth(pool: pg.Pool, perMinute = DEFAULT_KEY_RATE_PER_MINUTE) {
  // Fixed one-minute windows per key, in this process (several processes each allow `perMinute`).
  const windows = new Map<string, { start: number; count: number }>();
  const countRequest = (keyId: string, now: number): number | null => {
    let w = windows.get(keyId);
    if (!w || now - w.start >= WINDOW_MS) {
      if (windows.size > 10_000) windows.clear();
      w = { start: now, count: 0 };
      windows.set(keyId, w);
    }
    w.count++;
    return w.count > perMinute ? Math.ceil((w.start + WINDOW_MS - now) / 1000) : null;
  };

  return async function authenticateApiKey(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const key = bearerKey(request.headers.authorization);
    if (key === null) return false;
    if (!key) throw new DomainError('unauthorized', 'Malformed API key: send "Authorization: Bearer srf_..."');
    const row = await findApiKeyByHash(pool, hashToken(key));
    if (!row) throw new DomainError('unauthorized', 'Unknown or revoked API key');
    const route = request.routeOptions.url;
    // No such route (the not-found answer follows), or the API's public description.
    if (!route || PUBLIC_ROUTES.has(route)) return true;
    const op = keyOperationOf(request.method, route);
    if (!op) throw new DomainError('forbidden', 'API keys cannot call this endpoint (see /api/v1/openapi.json)');
    if (op.scope !== row.scope && !op.alsoScopes?.includes(row.scope)) {
      throw new DomainError('forbidden', `This endpoint needs a ${[op.scope, ...(op.alsoScopes ?? [])].join(' or ')} key; this key's scope is ${row.scope}`);
    }
    const retryAfter = countRequest(row.id, Date.now());
    if (retryAfter !== null) {
      reply.header('retry-after', String(retryAfter));
      throw new DomainError('rate_limited', `Too many requests for this API key (${perMinute} a minute)`, { retryAfterSeconds: retryAfter });
    }
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > WINDOW_MS) await touchApiKey(pool, row.orgId, row.id);
    request.apiKey = {
      id: row.id,
      orgId: row.orgId,
      scope: row.scope,
      principal: { orgId: row.orgId, userId: row.id, role: 'analyst', locationPaths: row.locationPath ? [row.locationPath] : null },
    };
    return true;
  };
}

/**
 * The API key of a key-only route (the integration endpoints): 401 without any credentials, 403 for a
 * signed-in user (these endpoints are for other systems) or a key of another scope.
 */
export function requireApiKey(request: FastifyRequest, scope: ApiKeyScope): ApiKeyCaller {
  const key = request.apiKey;
  if (!key) {
    if (request.sessionUser) throw new DomainError('forbidden', `This endpoint is for API keys: send "Authorization: Bearer <${scope} key>"`);
    throw new DomainError('unauthorized', `Send an API key: "Authorization: Bearer <${scope} key>"`);
  }
  if (key.scope !== scope) throw new DomainError('forbidden', `This endpoint needs a ${scope} key; this key's scope is ${key.scope}`);
  return key;
}
