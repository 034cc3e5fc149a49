/** The throttles of sign-in, two-factor codes and "forgot password" (rules in src/core/accounts/throttle.ts). */
import type pg from 'pg';
import { FORGOT_RULES, LOGIN_RULES, TOTP_RULE } from '../../core/accounts/throttle.ts';
import { DomainError } from '../../core/errors.ts';
import { clearThrottle, countThrottleAttempt, throttleLockedUntil } from '../../db/users/authThrottle.ts';

const tooMany = (until: number, now: number, what: string) =>
  new DomainError('rate_limited', `Too many ${what}; try again in ${Math.max(1, Math.ceil((until - now) / 60_000))} min`, {
    retryAfterSeconds: Math.ceil((until - now) / 1000),
  });

// Keys name the e-mail as typed (lower case), not the account: unknown addresses count alike, so a lock says nothing about them.
const loginKeys = (email: string, ip: string) => {
  const account = email.trim().toLowerCase();
  return { accountAddress: `login:pair:${account}:${ip}`, account: `login:account:${account}`, address: `login:address:${ip}` };
};

/** @throws rate_limited while this account, this address or this pair is locked. */
export async function checkLoginThrottle(pool: pg.Pool, email: string, ip: string, now: number): Promise<void> {
  const until = await throttleLockedUntil(pool, Object.values(loginKeys(email, ip)), now);
  if (until !== null) throw tooMany(until, now, 'sign-in attempts');
}

/** Counts a wrong password on all three counters. */
export async function countLoginFailure(pool: pg.Pool, email: string, ip: string, now: number): Promise<void> {
  const keys = loginKeys(email, ip);
  await countThrottleAttempt(pool, keys.accountAddress, LOGIN_RULES.accountAddress, now);
  await countThrottleAttempt(pool, keys.account, LOGIN_RULES.account, now);
  await countThrottleAttempt(pool, keys.address, LOGIN_RULES.address, now);
}

/** A right password clears the account's counters; the address keeps its count (a sprayer could sign in to its own account). */
export async function clearLoginFailures(pool: pg.Pool, email: string, ip: string): Promise<void> {
  const keys = loginKeys(email, ip);
  await clearThrottle(pool, [keys.accountAddress, keys.account]);
}

const totpKey = (userId: string) => `totp:${userId}`;

/** @throws rate_limited while wrong codes of this user are locked out. */
export async function checkTotpThrottle(pool: pg.Pool, userId: string, now: number): Promise<void> {
  const until = await throttleLockedUntil(pool, [totpKey(userId)], now);
  if (until !== null) throw tooMany(until, now, 'wrong codes');
}

export const countTotpFailure = (pool: pg.Pool, userId: string, now: number) => countThrottleAttempt(pool, totpKey(userId), TOTP_RULE, now);
export const clearTotpFailures = (pool: pg.Pool, userId: string) => clearThrottle(pool, [totpKey(userId)]);

/**
 * Counts a "forgot password" request. @throws rate_limited when this address asks too often.
 * @returns false when this e-mail was asked for too often: the caller then sends nothing, and answers as usual.
 */
export async function countForgotRequest(pool: pg.Pool, email: string, ip: string, now: number): Promise<boolean> {
  const byAddress = `forgot:address:${ip}`;
  const byEmail = `forgot:email:${email.trim().toLowerCase()}`;
  const addressUntil = await throttleLockedUntil(pool, [byAddress], now);
  if (addressUntil !== null) throw tooMany(addressUntil, now, 'requests');
  await countThrottleAttempt(pool, byAddress, FORGOT_RULES.address, now);
  if ((await throttleLockedUntil(pool, [byEmail], now)) !== null) return false;
  await countThrottleAttempt(pool, byEmail, FORGOT_RULES.email, now);
  return true;
}
