/** Enrolling, checking and using the second factor; shared by sign-in, the account page and disabling. */
import type pg from 'pg';
import type { PoolClient } from '../../db/connection.ts';
import { enableTotp, getLoginUser, setPendingTotpSecret, setTotpLastStep, useRecoveryCode, type LoginUser } from '../../db/users/account.ts';
import { withTransaction } from '../../db/tx.ts';
import { DomainError } from '../../core/errors.ts';
import { openSecret, sealSecret } from './secretBox.ts';
import { checkTotpThrottle, clearTotpFailures, countTotpFailure } from './throttle.ts';
import { acceptedStep, enrolmentOf, hashRecoveryCode, newRecoveryCodes, newTotpSecret, type Enrolment } from './totp.ts';

export interface SecondFactor {
  code?: string;
  recoveryCode?: string;
}

/** Starts (or restarts) an enrolment: a new pending secret, shown as a QR code and a key. */
export async function beginEnrolment(pool: pg.Pool, user: { orgId: string; id: string; email: string }): Promise<Enrolment> {
  const secret = newTotpSecret();
  await setPendingTotpSecret(pool, user.orgId, user.id, sealSecret(secret));
  return enrolmentOf(secret, user.email);
}

/**
 * Runs `check` under the wrong-code throttle of the user: refused while locked, a false result
 * counts as a wrong code (and becomes a 401), a true one clears the count.
 */
async function throttled(pool: pg.Pool, userId: string, now: number, check: () => Promise<boolean>): Promise<void> {
  await checkTotpThrottle(pool, userId, now);
  if (!(await check())) {
    await countTotpFailure(pool, userId, now);
    throw new DomainError('unauthorized', 'Wrong code');
  }
  await clearTotpFailures(pool, userId);
}

/**
 * Confirms the pending secret with a code from the app: two-factor sign-in is on from now, with ten
 * new recovery codes (returned once; only their hashes are kept).
 */
export async function confirmEnrolment(pool: pg.Pool, orgId: string, userId: string, code: string, now: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await throttled(pool, userId, now, () =>
    withTransaction(pool, async (tx) => {
      const user = await getLoginUser(tx, orgId, userId, { forUpdate: true });
      if (!user?.totpPendingSecret) throw new DomainError('conflict', 'Start the set-up again: no key is waiting for confirmation');
      const step = await acceptedStep(openSecret(user.totpPendingSecret), code, now, null);
      if (step === null) return false;
      await enableTotp(tx, orgId, userId, step, codes.map(hashRecoveryCode));
      return true;
    }),
  );
  return codes;
}

/** True when the code (a fresh one) or the unused recovery code is right; uses it up. */
async function useSecondFactor(tx: PoolClient, user: LoginUser, factor: SecondFactor, now: number): Promise<boolean> {
  if (!user.totpSecret) return false;
  if (factor.recoveryCode) return useRecoveryCode(tx, user.orgId, user.id, hashRecoveryCode(factor.recoveryCode));
  const step = await acceptedStep(openSecret(user.totpSecret), factor.code ?? '', now, user.totpLastStep);
  if (step === null) return false;
  await setTotpLastStep(tx, user.orgId, user.id, step);
  return true;
}

/**
 * Checks the second factor of a user with two-factor sign-in on, throttled.
 * @param then runs in the same transaction once the factor is accepted (e.g. turning it off).
 * @throws unauthorized for a wrong code; rate_limited after too many.
 */
export async function verifySecondFactor(
  pool: pg.Pool, orgId: string, userId: string, factor: SecondFactor, now: number, then?: (tx: PoolClient) => Promise<void>,
): Promise<void> {
  await throttled(pool, userId, now, () =>
    withTransaction(pool, async (tx) => {
      const user = await getLoginUser(tx, orgId, userId, { forUpdate: true });
      if (!user || !(await useSecondFactor(tx, user, factor, now))) return false;
      if (then) await then(tx);
      return true;
    }),
  );
}
