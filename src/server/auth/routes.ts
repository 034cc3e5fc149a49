/** First-run owner setup, logout and "who am I"; sign-in and the own account are in accountRoutes.ts. */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.ts';
import type { AppDeps } from '../deps.ts';
import { parse } from '../http/validate.ts';
import { withTransaction } from '../../db/tx.ts';
import { hashPassword } from './passwords.ts';
import { registerAccountRoutes } from './accountRoutes.ts';
import { endSession, requirePrincipal, startSession } from './session.ts';
import { permissionsOf } from './present.ts';
import type { OkAnswer } from '../../core/api/common.ts';
import { SetupSchema, type AuthStateAnswer, type MeAnswer } from '../../core/api/accounts.ts';

const SETUP_LOCK = 727_002;

export async function registerAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  app.get('/api/v1/auth/state', async (request): Promise<AuthStateAnswer> => {
    const { rows } = await pool.query('select exists(select 1 from users) as has_users');
    return { needsSetup: !rows[0].has_users, signedIn: !!request.sessionUser };
  });

  app.post('/api/v1/auth/setup', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const input = parse(SetupSchema, request.body);
    const passwordHash = await hashPassword(input.password);
    const user = await withTransaction(pool, async (tx) => {
      // Serialise concurrent first visits: only one can create the owner.
      await tx.query('select pg_advisory_xact_lock($1)', [SETUP_LOCK]);
      const { rows } = await tx.query('select exists(select 1 from users) as has_users');
      if (rows[0].has_users) throw new DomainError('setup_done', 'Sarafan is already set up; sign in instead');
      const org = await tx.query('insert into orgs(name, timezone) values ($1, $2) returning id', [input.orgName, input.timezone]);
      const orgId = org.rows[0].id as string;
      await tx.query(
        `insert into locations(org_id, id, kind, name, path) select $1, g, 'company', $2, '/' || g || '/' from gen_random_uuid() g`,
        [orgId, input.orgName],
      );
      const u = await tx.query(
        `insert into users(org_id, email, name, password_hash, role, locale) values ($1, $2, $3, $4, 'owner', $5) returning id`,
        [orgId, input.email, input.name, passwordHash, input.locale],
      );
      return { orgId, userId: u.rows[0].id as string };
    });
    await startSession(pool, request, reply, user.orgId, user.userId);
    return reply.status(201).send({ ok: true } satisfies OkAnswer);
  });

  app.post('/api/v1/auth/logout', async (request, reply): Promise<OkAnswer> => {
    await endSession(pool, request, reply);
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

  await registerAccountRoutes(app, deps);
}
