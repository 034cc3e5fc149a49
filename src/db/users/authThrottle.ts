/** Attempt counters of src/core/accounts/throttle.ts, shared by every server process. */
import type pg from 'pg';
import { countAttempt, lockedUntil, type ThrottleCounter, type ThrottleRule } from '../../core/accounts/throttle.ts';
import { withTransaction } from '../tx.ts';

const toCounter = (r: { hits: number; window_started_at: Date; locked_until: Date | null }): ThrottleCounter => ({
  hits: r.hits, windowStartedAt: r.window_started_at.getTime(), lockedUntil: r.locked_until ? r.locked_until.getTime() : null,
});

/** The latest lock end among `keys` at `now` (epoch ms), or null when none is locked. */
export async function throttleLockedUntil(pool: pg.Pool, keys: readonly string[], now: number): Promise<number | null> {
  const { rows } = await pool.query(`/* throttleLocks */ select hits, window_started_at, locked_until from auth_throttle where key = any($1::text[])`, [keys]);
  const ends = rows.map((r) => lockedUntil(toCounter(r), now)).filter((t): t is number => t !== null);
  return ends.length ? Math.max(...ends) : null;
}

/** Counts one attempt against `rule` on `key` (row-locked: concurrent attempts all count). @returns the counter after it. */
export async function countThrottleAttempt(pool: pg.Pool, key: string, rule: ThrottleRule, now: number): Promise<ThrottleCounter> {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(`/* lockThrottle */ select hits, window_started_at, locked_until from auth_throttle where key = $1 for update`, [key]);
    const next = countAttempt(rows[0] ? toCounter(rows[0]) : null, now, rule);
    await tx.query(
      `/* saveThrottle */ insert into auth_throttle(key, hits, window_started_at, locked_until) values ($1, $2, $3, $4)
       on conflict (key) do update set hits = excluded.hits, window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`,
      [key, next.hits, new Date(next.windowStartedAt), next.lockedUntil === null ? null : new Date(next.lockedUntil)],
    );
    return next;
  });
}

/** Forgets the counters (after a successful sign-in). */
export async function clearThrottle(pool: pg.Pool, keys: readonly string[]): Promise<void> {
  await pool.query(`/* clearThrottle */ delete from auth_throttle where key = any($1::text[])`, [keys]);
}
