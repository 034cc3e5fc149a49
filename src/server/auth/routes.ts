/** First-run owner setup, logout and "who am I"; sign-in and the own account are in accountRoutes.ts. */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.ts';
import type { AppDeps } from '../../http/deps.ts';
import { parse } from '../../http/validate.ts';
import { withTransaction } from '../../db/tx.ts';
import { hasAnyUser, insertCompanyLocation, insertOrg, lockFirstRunSetup } from '../../db/users/firstRunSetup.ts';
import { insertUser } from '../../db/users/saveUser.ts';
import { hashPassword } from './passwords.ts';
import { endSession, requirePrincipal, startSession } from '../../http/session.ts';
import { auditRequest } from '../../http/auditRequest.ts';
import { recordAuditEvent } from '../../db/audit/recordAuditEvent.ts';
import { permissionsOf } from './present.ts';
import type { OkAnswer } from '../../core/api/common.ts';
import { SetupSchema, type AuthStateAnswer, type MeAnswer } from '../../core/api/accounts.ts';


export async function registerAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  app.get('/api/v1/auth/state', async (request): Promise<AuthStateAnswer> => {
    return { needsSetup: !(await hasAnyUser(pool)), signedIn: !!request.sessionUser };
  });

  app.post('/api/v1/auth/setup', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const input = parse(SetupSchema, request.body);
    const passwordHash = await hashPassword(input.password);
    const user = await withTransaction(pool, async (tx) => {
      // Serialise concurrent first visits: only one can create the owner.
      await lockFirstRunSetup(tx);
      if (await hasAnyUser(tx)) throw new DomainError('setup_done', 'Sarafan is already set up; sign in instead');
      const orgId = await insertOrg(tx, { name: input.orgName, timezone: input.timezone });
      await insertCompanyLocation(tx, orgId, input.orgName);
      const userId = await insertUser(tx, { orgId, email: input.email, name: input.name, passwordHash, role: 'owner', locale: input.locale });
      return { orgId, userId };
    });
    await startSession(pool, request, reply, user.orgId, user.userId);
    return reply.status(201).send({ ok: true } satisfies OkAnswer);
  });

  app.post('/api/v1/auth/logout', async (request, reply): Promise<OkAnswer> => {
    const p = request.sessionUser?.principal;
    await endSession(pool, request, reply);
    if (p) await recordAuditEvent(pool, { ...auditRequest(request), orgId: p.orgId, actorId: p.userId, action: 'auth.sign_out', targetType: 'user', targetId: p.userId });
    return { ok: true };
  });

  app.get('/api/v1/me', async (request): Promise<MeAnswer> => {
    const principal = requirePrincipal(request);
    const su = request.sessionUser!;
    return {
      user: { id: principal.userId, email: su.email, name: su.name, role: principal.role, locale: su.locale },
      org: { id: principal.orgId, name: su.orgName, timezone: su.orgTimezone },
      locationPaths: principal.locationPaths,
      permissions: permissionsOf(principal.role),
    };
  });
}
