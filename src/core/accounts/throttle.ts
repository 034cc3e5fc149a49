/**
 * Counting attempts against a limit in a fixed window, then locking for a while. Pure; the counters
 * live in the database (src/db/users/authThrottle.ts) so every server process sees the same ones.
 *
 * Sign-in uses three counters at once (OWASP Authentication Cheat Sheet, "Account lockout" and
 * "Protect against automated attacks"): per (account, address) a low limit that locks only that pair,
 * per account a higher one (guessing one password from many addresses), and per address a much higher
 * one (spraying many accounts from one address). One office behind NAT shares an address: a colleague's
 * typos lock only their own (account, address) pair, so everybody else there still signs in.
 */

export interface ThrottleRule {
  /** Attempts in one window; the one that reaches it locks (the next one is refused). */
  limit: number;
  windowMs: number;
  lockMs: number;
}

export interface ThrottleCounter {
  hits: number;
  /** Epoch ms when the current window started. */
  windowStartedAt: number;
  /** Epoch ms until which attempts are refused; null when not locked. */
  lockedUntil: number | null;
}

const MINUTE = 60_000;

/** The sign-in counters (see the module comment); failed passwords count, successes reset the first two. */
export const LOGIN_RULES = {
  accountAddress: { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  account: { limit: 20, windowMs: 60 * MINUTE, lockMs: 15 * MINUTE },
  address: { limit: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
} as const satisfies Record<string, ThrottleRule>;

/** Wrong two-factor codes per user (a 6-digit code must not be guessable in 10^6 tries). */
export const TOTP_RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** "Forgot password" requests: per address a 429, per e-mail silently no further mail (no oracle). */
export const FORGOT_RULES = {
  address: { limit: 30, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE },
  email: { limit: 3, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE },
} as const satisfies Record<string, ThrottleRule>;

/** Until when the counter refuses attempts at `now`, or null when it does not. */
export function lockedUntil(counter: ThrottleCounter | null, now: number): number | null {
  return counter?.lockedUntil != null && counter.lockedUntil > now ? counter.lockedUntil : null;
}

/**
 * The counter after one more attempt at `now`: a new window starts when the last one is over;
 * reaching the limit locks for `lockMs` and starts counting afresh after the lock. Attempts during a
 * lock change nothing (they are refused anyway; extending the lock would let anyone keep it forever).
 */
export function countAttempt(counter: ThrottleCounter | null, now: number, rule: ThrottleRule): ThrottleCounter {
  if (counter && lockedUntil(counter, now) !== null) return counter;
  const fresh = !counter || now - counter.windowStartedAt >= rule.windowMs || (counter.lockedUntil !== null && counter.lockedUntil <= now);
  const hits = fresh ? 1 : counter.hits + 1;
  const windowStartedAt = fresh ? now : counter.windowStartedAt;
  const stillLocked = fresh ? null : counter.lockedUntil;
  return { hits, windowStartedAt, lockedUntil: hits >= rule.limit ? now + rule.lockMs : stillLocked };
}
