/**
 * A promoter's personal code (docs/store-economics.md "Bring a friend" referrals): issued after the response is
 * committed, once per response (a retried submission gets the first code), when src/core/referrals/codes.ts
 * says the answer earns one. Used by the survey pages' submit handler.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../../../db/connection.ts';
import { earnsReferralCode, generateReferralCode, npsScoreOf } from '../../../core/referrals/codes.ts';
import { npsGroup } from '../../../core/stats/nps.ts';
import type { AnswerMap, QuestionDef } from '../../../core/surveys/types.ts';
import { getReferralContext, insertReferralCode } from '../../../db/referrals/codes.ts';

/** Draws before giving up on a free code (31^8 codes: a second draw is already rare). */
const DRAWS = 5;

/**
 * @returns the response's referral code, or null when it earns none
 * @throws Error when no free code was found in DRAWS draws (practically never)
 */
export async function issueReferralCode(
  db: Queryable, orgId: string, responseId: string, questions: readonly QuestionDef[], answers: AnswerMap,
): Promise<string | null> {
  const npsScore = npsScoreOf(questions, answers);
  // Most answers are not a promoter's: no query for them.
  if (npsScore === null || npsGroup(npsScore) !== 'promoter') return null;
  const ctx = await getReferralContext(db, orgId, responseId);
  if (!ctx || !earnsReferralCode({ ...ctx, npsScore })) return null;
  if (ctx.code) return ctx.code;
  for (let i = 0; i < DRAWS; i++) {
    const code = await insertReferralCode(db, orgId, responseId, generateReferralCode((n) => crypto.randomBytes(n)));
    if (code) return code;
  }
  throw new Error('No free referral code found');
}
