/**
 * Signing in with a second factor, "forgot password", reset links, and the signed-in user's own
 * account: name, language, password, two-factor sign-in (docs/api.md, "Accounts").
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { safeNextPath } from '../../core/accounts/nextPath.ts';
import { DomainError } from '../../core/errors.ts';
import {
  countRecoveryCodes, deleteOtherSessions, disableTotp, findLoginUser, getLoginUser, orgRequiresTotp, setOrgRequiresTotp, setPasswordHash, updateProfile,
  type LoginUser,
} from '../../db/users/account.ts';
import { deleteChallenge, findChallenge, insertChallenge, type LoginChallenge } from '../../db/users/loginChallenges.ts';
import { findPendingReset, markResetUsed } from '../../db/users/passwordResets.ts';
import { writeAudit } from '../../db/users/writeAudit.ts';
import { recordAuditEvent } from '../../db/audit/recordAuditEvent.ts';
import { auditRequest } from '../../http/auditRequest.ts';
import { withTransaction } from '../../db/tx.ts';
import { notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { publicBase } from '../surveys/links.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { issueResetLink, mailResetLink, RESET_MINUTES } from './passwordReset.ts';
import {
  ChangePasswordSchema, ConfirmCodeSchema, DisableTwoFactorSchema, ForgotSchema, LoginSchema, ProfileSchema, RequireTwoFactorSchema, ResetSchema,
  SecondFactorSchema, type EnrolConfirmAnswer, type EnrolmentAnswer, type LoginAnswer, type ProfileAnswer, type RecoveryCodesAnswer, type ResetLinkAnswer,
  type SecondFactorAnswer, type TwoFactorRuleAnswer, type TwoFactorStateAnswer,
} from '../../core/api/accounts.ts';
import type { OkAnswer } from '../../core/api/common.ts';
import { parseResetToken } from './schema.ts';
import { authorize, hashToken, newToken, requirePrincipal, secureRequest, SESSION_COOKIE, startSession } from '../../http/session.ts';
import { checkLoginThrottle, clearLoginFailures, countForgotRequest, countLoginFailure } from './throttle.ts';
import { beginEnrolment, confirmEnrolment, verifySecondFactor } from './twoFactor.ts';

const signInExpired = () => new DomainError('unauthorized', 'Sign in again: the sign-in has expired', { reason: 'sign_in_expired' });

/** The pending sign-in (password right, second factor to come): its own cookie, never a session. */
const CHALLENGE_COOKIE = 'sarafan_2fa';
const CHALLENGE_PATH = '/api/v1/auth/two-factor';

// Every password check costs an argon2 hash: a generous flood guard per address on top of the
// per-account throttle (src/core/accounts/throttle.ts), which decides who is locked out.
const FLOOD_GUARD = { rateLimit: { max: 60, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => req.ip } };

export async function registerAccountRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  // The injectable clock (tests fix it) decides the TOTP time step and the throttle windows.
  const nowMs = () => (deps.now ? deps.now() : new Date()).getTime();

  async function startChallenge(request: FastifyRequest, reply: FastifyReply, c: LoginChallenge) {
    const token = newToken();
    await insertChallenge(pool, hashToken(token), c);
    reply.setCookie(CHALLENGE_COOKIE, token, { path: CHALLENGE_PATH, httpOnly: true, sameSite: 'strict', secure: secureRequest(request), maxAge: 600 });
  }

  async function requireChallenge(request: FastifyRequest, purpose: LoginChallenge['purpose']): Promise<{ tokenHash: string; challenge: LoginChallenge }> {
    const token = request.cookies[CHALLENGE_COOKIE];
    const challenge = token ? await findChallenge(pool, hashToken(token)) : null;
    if (!challenge) throw signInExpired();
    if (challenge.purpose !== purpose) throw new DomainError('conflict', purpose === 'verify' ? 'Set up two-factor sign-in first' : 'Two-factor sign-in is already set up');
    return { tokenHash: hashToken(token!), challenge };
  }

  async function finishChallenge(request: FastifyRequest, reply: FastifyReply, tokenHash: string, c: LoginChallenge) {
    await deleteChallenge(pool, tokenHash);
    await startSession(pool, request, reply, c.orgId, c.userId);
    await signInEvent(request, c.orgId, c.userId, 'auth.sign_in', { twoFactor: true });
    reply.clearCookie(CHALLENGE_COOKIE, { path: CHALLENGE_PATH });
  }

  // Sign-ins are logged (docs/audit-log.md); a failure only when the e-mail is a user's (the log is per organisation).
  const signInEvent = (request: FastifyRequest, orgId: string, userId: string, action: 'auth.sign_in' | 'auth.sign_in_failed', details: Record<string, unknown> = {}) =>
    recordAuditEvent(pool, { ...auditRequest(request), orgId, actorId: userId, action, targetType: 'user', targetId: userId, details });

  app.post('/api/v1/auth/login', { config: FLOOD_GUARD }, async (request, reply): Promise<LoginAnswer> => {
    const input = parse(LoginSchema, request.body);
    const now = nowMs();
    await checkLoginThrottle(pool, input.email, request.ip, now);
    const user = await findLoginUser(pool, input.email);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
    if (!user || !ok) {
      await countLoginFailure(pool, input.email, request.ip, now);
      if (user) await signInEvent(request, user.orgId, user.id, 'auth.sign_in_failed', { reason: 'wrong_password' });
      throw new DomainError('unauthorized', 'Wrong e-mail or password');
    }
    await clearLoginFailures(pool, input.email, request.ip);
    const next = safeNextPath(input.next);
    if (user.totpSecret || user.orgRequiresTotp) {
      const purpose = user.totpSecret ? 'verify' : 'enrol';
      await startChallenge(request, reply, { orgId: user.orgId, userId: user.id, purpose, nextPath: next });
      return { ok: false, twoFactor: purpose, next };
    }
    await startSession(pool, request, reply, user.orgId, user.id);
    await signInEvent(request, user.orgId, user.id, 'auth.sign_in');
    return { ok: true, next };
  });

  // The second step of signing in with two-factor on: a code from the app or a recovery code.
  app.post(CHALLENGE_PATH, { config: FLOOD_GUARD }, async (request, reply): Promise<SecondFactorAnswer> => {
    const factor = parse(SecondFactorSchema, request.body);
    const { tokenHash, challenge } = await requireChallenge(request, 'verify');
    await verifySecondFactor(pool, challenge.orgId, challenge.userId, factor, nowMs());
    await finishChallenge(request, reply, tokenHash, challenge);
    return { ok: true, next: challenge.nextPath };
  });

  // The organisation requires two-factor sign-in and this user has none yet: enrolment comes first.
  app.post(`${CHALLENGE_PATH}/enrol`, { config: FLOOD_GUARD }, async (request): Promise<EnrolmentAnswer> => {
    const { challenge } = await requireChallenge(request, 'enrol');
    const user = await getLoginUser(pool, challenge.orgId, challenge.userId);
    if (!user) throw signInExpired();
    return beginEnrolment(pool, user);
  });

  app.post(`${CHALLENGE_PATH}/enrol/confirm`, { config: FLOOD_GUARD }, async (request, reply): Promise<EnrolConfirmAnswer> => {
    const input = parse(ConfirmCodeSchema, request.body);
    const { tokenHash, challenge } = await requireChallenge(request, 'enrol');
    const recoveryCodes = await confirmEnrolment(pool, challenge.orgId, challenge.userId, input.code, nowMs());
    await finishChallenge(request, reply, tokenHash, challenge);
    return { ok: true, recoveryCodes, next: challenge.nextPath };
  });

  // Answers alike whether or not the address has an account (no oracle); mail goes out at most 3 times an hour per address.
  app.post('/api/v1/auth/forgot', async (request, reply) => {
    const input = parse(ForgotSchema, request.body);
    const mayMail = await countForgotRequest(pool, input.email, request.ip, nowMs());
    // The lookup and the mail run after the answer, so its timing does not tell either.
    if (mayMail) void mailForgotLink(input.email, publicBase(deps, request)).catch((err) => request.log.error({ err }, 'password reset mail failed'));
    return reply.status(202).send({ ok: true } satisfies OkAnswer);
  });

  async function mailForgotLink(email: string, baseUrl: string) {
    const user = await findLoginUser(pool, email);
    if (!user) return;
    const minutes = RESET_MINUTES.forgot;
    const { link } = await issueResetLink(pool, { orgId: user.orgId, userId: user.id }, { createdBy: null, minutes, baseUrl });
    await mailResetLink(pool, deps.smtpUrl, {
      orgId: user.orgId, senderId: null, to: user.email, toOwner: user.role === 'owner', locale: user.locale, link, minutes, requestedBy: null,
    });
  }

  const RESET_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };

  app.get('/api/v1/auth/reset/:token', { config: RESET_LIMIT }, async (request): Promise<ResetLinkAnswer> => {
    const reset = await findPendingReset(pool, hashToken(parseResetToken(request.params)));
    if (!reset) throw notFound('This link is not valid any more');
    return { email: reset.email };
  });

  // Sets the new password and ends every session; signing in (with the second factor, if on) comes next.
  app.post('/api/v1/auth/reset/:token', { config: RESET_LIMIT }, async (request): Promise<OkAnswer> => {
    const token = parseResetToken(request.params);
    const input = parse(ResetSchema, request.body);
    const passwordHash = await hashPassword(input.password);
    await withTransaction(pool, async (tx) => {
      // The row lock makes a double submit use the link once: the second finds it used.
      const reset = await findPendingReset(tx, hashToken(token), { forUpdate: true });
      if (!reset) throw notFound('This link is not valid any more');
      await setPasswordHash(tx, reset.orgId, reset.userId, passwordHash);
      await markResetUsed(tx, reset.orgId, reset.id);
      await deleteOtherSessions(tx, reset.orgId, reset.userId, null);
      await writeAudit(tx, { orgId: reset.orgId, actorId: reset.userId, action: 'user.password_reset', targetType: 'user', targetId: reset.userId });
    });
    return { ok: true };
  });

  app.patch('/api/v1/me', async (request): Promise<ProfileAnswer> => {
    const p = requirePrincipal(request);
    const input = parse(ProfileSchema, request.body);
    await updateProfile(pool, p.orgId, p.userId, input);
    const user = (await getLoginUser(pool, p.orgId, p.userId))!;
    return { user: { id: user.id, email: user.email, name: user.name, locale: user.locale } };
  });

  app.post('/api/v1/me/password', { config: FLOOD_GUARD }, async (request): Promise<OkAnswer> => {
    const p = requirePrincipal(request);
    const input = parse(ChangePasswordSchema, request.body);
    const user = await requireCurrentPassword(request, p.orgId, p.userId, input.currentPassword, 'currentPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await withTransaction(pool, async (tx) => {
      await setPasswordHash(tx, user.orgId, user.id, passwordHash);
      // Whoever else had this account open (a stolen session, another device) is signed out.
      await deleteOtherSessions(tx, user.orgId, user.id, hashToken(request.cookies[SESSION_COOKIE] ?? ''));
      await writeAudit(tx, { orgId: user.orgId, actorId: user.id, action: 'user.password_change', targetType: 'user', targetId: user.id });
    });
    return { ok: true };
  });

  /**
   * The user when `password` is theirs; a 400 naming `field` otherwise, counted like a failed sign-in
   * (a stolen session must not become a way to guess the password).
   */
  async function requireCurrentPassword(request: FastifyRequest, orgId: string, userId: string, password: string, field: string): Promise<LoginUser> {
    const user = await getLoginUser(pool, orgId, userId);
    if (!user) throw new DomainError('unauthorized', 'Sign in first');
    const now = nowMs();
    await checkLoginThrottle(pool, user.email, request.ip, now);
    if (!(await verifyPassword(user.passwordHash, password))) {
      await countLoginFailure(pool, user.email, request.ip, now);
      throw new DomainError('validation', `${field}: wrong password`, { field });
    }
    return user;
  }

  app.get('/api/v1/me/two-factor', async (request): Promise<TwoFactorStateAnswer> => {
    const p = requirePrincipal(request);
    const user = (await getLoginUser(pool, p.orgId, p.userId))!;
    return {
      enabled: !!user.totpSecret,
      recoveryCodesLeft: user.totpSecret ? await countRecoveryCodes(pool, p.orgId, p.userId) : 0,
      requiredByOrg: user.orgRequiresTotp,
    };
  });

  app.post('/api/v1/me/two-factor/setup', async (request): Promise<EnrolmentAnswer> => {
    const p = requirePrincipal(request);
    const user = (await getLoginUser(pool, p.orgId, p.userId))!;
    if (user.totpSecret) throw new DomainError('conflict', 'Two-factor sign-in is already on; turn it off first to use another app');
    return beginEnrolment(pool, user);
  });

  app.post('/api/v1/me/two-factor/confirm', async (request): Promise<RecoveryCodesAnswer> => {
    const p = requirePrincipal(request);
    const input = parse(ConfirmCodeSchema, request.body);
    const recoveryCodes = await confirmEnrolment(pool, p.orgId, p.userId, input.code, nowMs());
    await writeAudit(pool, { orgId: p.orgId, actorId: p.userId, action: 'user.totp_enable', targetType: 'user', targetId: p.userId });
    return { recoveryCodes };
  });

  app.post('/api/v1/me/two-factor/disable', { config: FLOOD_GUARD }, async (request): Promise<OkAnswer> => {
    const p = requirePrincipal(request);
    const input = parse(DisableTwoFactorSchema, request.body);
    const user = await requireCurrentPassword(request, p.orgId, p.userId, input.password, 'password');
    if (!user.totpSecret) throw new DomainError('conflict', 'Two-factor sign-in is not on');
    if (user.orgRequiresTotp) throw new DomainError('conflict', 'Your organisation requires two-factor sign-in');
    const looksLikeRecovery = /[a-z]/i.test(input.code);
    await verifySecondFactor(pool, p.orgId, p.userId, looksLikeRecovery ? { recoveryCode: input.code } : { code: input.code }, nowMs(), async (tx) => {
      await disableTotp(tx, p.orgId, p.userId);
      await writeAudit(tx, { orgId: p.orgId, actorId: p.userId, action: 'user.totp_disable', targetType: 'user', targetId: p.userId });
    });
    return { ok: true };
  });

  app.get('/api/v1/org/two-factor', async (request): Promise<TwoFactorRuleAnswer> => {
    const p = authorize(request, 'org.manage');
    return { required: await orgRequiresTotp(pool, p.orgId) };
  });

  app.put('/api/v1/org/two-factor', async (request): Promise<TwoFactorRuleAnswer> => {
    const p = authorize(request, 'org.manage');
    const input = parse(RequireTwoFactorSchema, request.body);
    await withTransaction(pool, async (tx) => {
      await setOrgRequiresTotp(tx, p.orgId, input.required);
      await writeAudit(tx, { orgId: p.orgId, actorId: p.userId, action: 'org.require_totp', targetType: 'org', targetId: p.orgId, detail: input });
    });
    return { required: input.required };
  });
}
