/** Session cookies: random tokens, stored only as SHA-256 hashes, HttpOnly + SameSite + Secure where possible. */
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { effectiveLocationPaths, isRole, roleAllows, type Action, type Principal } from '../core/access/index.ts';
import { keyScopeAllows } from '../core/integrations/apiKeys.ts';
import { DomainError } from '../core/errors.ts';
import { deleteSession, findSessionUser, insertSession } from '../db/users/sessions.ts';

export const SESSION_COOKIE = 'sarafan_session';
const SESSION_DAYS = 14;

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const newToken = () => crypto.randomBytes(32).toString('base64url');

export function secureRequest(request: FastifyRequest): boolean {
  if (process.env.SARAFAN_INSECURE_COOKIES === '1') return false;
  // Browsers treat localhost as a secure context, so Secure cookies work there over plain http.
  return request.protocol === 'https' || ['localhost', '127.0.0.1', '[::1]'].includes(request.hostname);
}

export async function startSession(pool: pg.Pool | pg.PoolClient, request: FastifyRequest, reply: FastifyReply, orgId: string, userId: string) {
  const token = newToken();
  await insertSession(pool, { tokenHash: hashToken(token), orgId, userId, days: SESSION_DAYS });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureRequest(request),
    maxAge: SESSION_DAYS * 86400,
  });
}

export async function endSession(pool: pg.Pool, request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await deleteSession(pool, hashToken(token));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export interface SessionUser {
  principal: Principal;
  email: string;
  name: string;
  locale: string;
  orgName: string;
  /** The organisation's time zone: the dashboard's "today" is the date there. */
  orgTimezone: string;
}

/** Resolves the cookie to a principal with its location grants (as paths), or null. */
export async function loadSession(pool: pg.Pool, token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const row = await findSessionUser(pool, hashToken(token));
  if (!row || !isRole(row.role)) return null;
  return {
    principal: { orgId: row.orgId, userId: row.userId, role: row.role, locationPaths: effectiveLocationPaths(row.role, row.locationPaths) },
    email: row.email,
    name: row.name,
    locale: row.locale,
    orgName: row.orgName,
    orgTimezone: row.orgTimezone,
  };
}

/** The signed-in principal (or the API key's, src/http/apiKeyAuth.ts), or a 401. */
export function requirePrincipal(request: FastifyRequest): Principal {
  const p = request.sessionUser?.principal ?? request.apiKey?.principal;
  if (!p) throw new DomainError('unauthorized', 'Sign in first');
  return p;
}

/** The signed-in principal when their role allows `action`; 401 / 403 otherwise. */
export function authorize(request: FastifyRequest, action: Action): Principal {
  const p = requirePrincipal(request);
  // An API key may do what its scope allows (src/core/integrations/apiKeys.ts), whatever role it carries.
  if (request.apiKey) {
    if (!keyScopeAllows(request.apiKey.scope, action)) throw new DomainError('forbidden', "This API key's scope does not allow this");
    return p;
  }
  if (!roleAllows(p.role, action)) throw new DomainError('forbidden', 'Your role does not allow this');
  return p;
}

declare module 'fastify' {
  interface FastifyRequest {
    sessionUser: SessionUser | null;
  }
}
