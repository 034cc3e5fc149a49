/** Users, invitations and the outbox (docs/api.md, "Users and invitations"). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { scopeOf } from '../../core/access/index.ts';
import { withTransaction } from '../../db/tx.ts';
import { findPendingInvitation } from '../../db/users/invitations.ts';
import { listInvitations, listUsers } from '../../db/users/listUsers.ts';
import { orgRequiresTotp } from '../../db/users/account.ts';
import { hashPassword } from '../auth/passwords.ts';
import { authorize, hashToken, startSession } from '../../http/session.ts';
import { notFound } from '../../http/errors.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { listOutbox } from '../../db/mail/outbox.ts';
import { publicBase } from '../surveys/links.ts';
import { acceptInvitation } from './commands/acceptInvitation.ts';
import { inviteUser, type Inviter } from './commands/inviteUser.ts';
import { renewInvitation, revokeInvitation } from './commands/manageInvitation.ts';
import { resetUserPassword } from './commands/resetUserPassword.ts';
import { updateUser } from './commands/updateUser.ts';
import { presentInvitation, presentOutboxMessage, presentUser } from './present.ts';
import {
  AcceptSchema, InviteSchema, ResendSchema, UpdateUserSchema, type AcceptAnswer, type InvitationAnswer, type InvitationInfoAnswer,
  type OutboxAnswer, type PasswordResetAnswer, type UserAnswer, type UsersAnswer,
} from '../../core/api/users.ts';
import type { OkAnswer } from '../../core/api/common.ts';
import { parseTokenParam } from '../auth/schema.ts';

// Public token routes: enough for a person retrying, too few to guess 256-bit tokens (which is hopeless anyway).
const PUBLIC_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };

/** The signed-in inviter, when their role may invite: mail is written in their interface language. */
function inviterOf(request: FastifyRequest): Inviter {
  const principal = authorize(request, 'user.invite');
  const su = request.sessionUser!;
  return { principal, name: su.name, email: su.email, locale: su.locale, orgName: su.orgName };
}

/** Registers /users, /invitations (public token routes included) and /outbox (the /org routes: src/server/org/routes.ts). */
export async function registerUserRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  app.get('/api/v1/users', async (request): Promise<UsersAnswer> => {
    const scope = scopeOf(authorize(request, 'user.manage'));
    const [users, invitations] = await Promise.all([listUsers(pool, scope), listInvitations(pool, scope)]);
    return { users: users.map(presentUser), invitations: invitations.map(presentInvitation) };
  });

  app.post('/api/v1/invitations', async (request, reply) => {
    const inviter = inviterOf(request);
    const input = parse(InviteSchema, request.body);
    const result = await inviteUser(deps, inviter, input, publicBase(deps, request));
    return reply.status(201).send({ invitation: presentInvitation(result.invitation), link: result.link, emailed: result.emailed } satisfies InvitationAnswer);
  });

  // A new link for a pending invitation: e-mailed (resend) or only returned to copy (`{"email": false}`).
  app.post('/api/v1/invitations/:id/resend', async (request): Promise<InvitationAnswer> => {
    const inviter = inviterOf(request);
    const id = parseIdParam(request.params);
    const { email } = parse(ResendSchema, request.body ?? {});
    const result = await renewInvitation(deps, inviter, id, { sendMail: email, baseUrl: publicBase(deps, request) });
    return { invitation: presentInvitation(result.invitation), link: result.link, emailed: result.emailed };
  });

  app.delete('/api/v1/invitations/:id', async (request): Promise<OkAnswer> => {
    const inviter = inviterOf(request);
    await revokeInvitation(deps, inviter, parseIdParam(request.params));
    return { ok: true };
  });

  app.post('/api/v1/users/:id/password-reset', async (request): Promise<PasswordResetAnswer> => {
    const principal = authorize(request, 'user.manage');
    const id = parseIdParam(request.params);
    const su = request.sessionUser!;
    const result = await resetUserPassword(deps, principal, su.name || su.email, id, publicBase(deps, request));
    return { link: result.link, emailed: result.emailed, expiresAt: result.expiresAt.toISOString() };
  });

  app.get('/api/v1/invitations/:token', { config: PUBLIC_LIMIT }, async (request): Promise<InvitationInfoAnswer> => {
    const token = parseTokenParam(request.params);
    const inv = await findPendingInvitation(pool, hashToken(token));
    if (!inv) throw notFound('This invitation is not valid any more');
    return { email: inv.email, role: inv.role, orgName: inv.orgName };
  });

  app.post('/api/v1/invitations/:token/accept', { config: PUBLIC_LIMIT }, async (request, reply): Promise<AcceptAnswer> => {
    const token = parseTokenParam(request.params);
    const input = parse(AcceptSchema, request.body);
    const passwordHash = await hashPassword(input.password);
    const user = await withTransaction(pool, (tx) => acceptInvitation(tx, token, { name: input.name, passwordHash }));
    // An organisation that requires two-factor sign-in gets it set up first, at the sign-in page.
    if (await orgRequiresTotp(pool, user.orgId)) return { ok: true, signIn: true };
    await startSession(pool, request, reply, user.orgId, user.userId);
    return { ok: true };
  });

  app.patch('/api/v1/users/:id', async (request): Promise<UserAnswer> => {
    const principal = authorize(request, 'user.manage');
    const id = parseIdParam(request.params);
    const input = parse(UpdateUserSchema, request.body);
    return { user: presentUser(await withTransaction(pool, (tx) => updateUser(tx, principal, id, input))) };
  });

  app.get('/api/v1/outbox', async (request): Promise<OutboxAnswer> => {
    const principal = authorize(request, 'user.invite');
    // Location-scoped admins see only what they sent: the outbox also holds other people's invitation links.
    const sender = principal.locationPaths === null ? null : principal.userId;
    return { messages: (await listOutbox(pool, principal.orgId, sender, principal.role === 'owner')).map(presentOutboxMessage) };
  });
}
