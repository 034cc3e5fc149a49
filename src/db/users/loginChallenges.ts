/** Pending sign-ins: the password was right, the second factor (or its enrolment) is still to come. */
import type { Queryable } from '../connection.ts';

export type ChallengePurpose = 'verify' | 'enrol';

export interface LoginChallenge {
  orgId: string;
  userId: string;
  purpose: ChallengePurpose;
  nextPath: string;
}

const CHALLENGE_MINUTES = 10;

/** Stores a challenge valid for 10 minutes. */
export async function insertChallenge(db: Queryable, tokenHash: string, c: LoginChallenge): Promise<void> {
  await db.query(
    `/* insertChallenge */ insert into login_challenges(token_hash, org_id, user_id, purpose, next_path, expires_at)
     values ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
    [tokenHash, c.orgId, c.userId, c.purpose, c.nextPath, CHALLENGE_MINUTES],
  );
}

/** The unexpired challenge with this token hash, or null. */
export async function findChallenge(db: Queryable, tokenHash: string): Promise<LoginChallenge | null> {
  const { rows } = await db.query(
    `/* findChallenge */ select org_id, user_id, purpose, next_path from login_challenges where token_hash = $1 and expires_at > now()`,
    [tokenHash],
  );
  const r = rows[0];
  return r ? { orgId: r.org_id, userId: r.user_id, purpose: r.purpose, nextPath: r.next_path } : null;
}

/** Removes the challenge once it has become a session (and expired ones along the way). */
export async function deleteChallenge(db: Queryable, tokenHash: string): Promise<void> {
  await db.query(`/* deleteChallenge */ delete from login_challenges where token_hash = $1 or expires_at < now()`, [tokenHash]);
}
