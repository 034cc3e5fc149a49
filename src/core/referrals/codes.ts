/**
 * @module "Bring a friend" referral codes (docs/store-economics.md "Bring a friend" referrals): who gets one
 * (a customer survey's promoter, 9-10 on its NPS question, not on a shared kiosk), the code alphabet without
 * look-alike characters, generation from random bytes (rejection sampling: every character equally likely)
 * and the reading of a code as a person types or says it. Pure: the caller supplies the random bytes.
 */
import { isNpsQuestion } from '../analytics/metrics.ts';
import { npsGroup } from '../stats/nps.ts';
import type { AnswerMap, QuestionDef, SurveyAudience } from '../surveys/types.ts';

/** Capital letters and digits without the look-alikes 0/O, 1/I/L: 23 letters and 8 digits. */
export const REFERRAL_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const REFERRAL_CODE_LENGTH = 8;
/** A code as stored (the table also accepts older 4-16 character codes; new ones are 8 of the alphabet). */
export const REFERRAL_CODE_RE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;

/** Bytes at or above this are dropped, so that byte % 31 is uniform (248 = 8 * 31). */
const UNBIASED_BELOW = 256 - (256 % REFERRAL_CODE_ALPHABET.length);

/**
 * A new code from a source of random bytes (crypto.randomBytes in the server): 31^8 ≈ 8.5e11 codes.
 * Biased bytes are skipped, and more are drawn until the code is complete.
 */
export function generateReferralCode(randomBytes: (n: number) => Uint8Array): string {
  let code = '';
  while (code.length < REFERRAL_CODE_LENGTH) {
    for (const b of randomBytes(REFERRAL_CODE_LENGTH * 2)) {
      if (b >= UNBIASED_BELOW) continue;
      code += REFERRAL_CODE_ALPHABET[b % REFERRAL_CODE_ALPHABET.length];
      if (code.length === REFERRAL_CODE_LENGTH) break;
    }
  }
  return code;
}

/**
 * A code as typed at a till or read from a transaction file: case, spaces and dashes do not matter
 * ("abcd-efgh" is ABCDEFGH). @returns the stored form, or null when it cannot be a code
 */
export function normalizeReferralCode(input: string): string | null {
  const code = input.replace(/[\s-]+/g, '').toUpperCase();
  return REFERRAL_CODE_RE.test(code) ? code : null;
}

/**
 * The score of the survey's NPS question in the answers (the first NPS question answered, in survey order),
 * or null when it was not answered.
 */
export function npsScoreOf(questions: readonly Pick<QuestionDef, 'key' | 'type' | 'metric'>[], answers: AnswerMap): number | null {
  for (const q of questions) {
    const score = isNpsQuestion(q) ? answers[q.key]?.score : undefined;
    if (typeof score === 'number') return score;
  }
  return null;
}

export interface ReferralCandidate {
  /** The organisation runs the referral loop (orgs.referrals_enabled). */
  enabled: boolean;
  audience: SurveyAudience;
  channel: string;
  /** The answer's NPS score (npsScoreOf), null without one. */
  npsScore: number | null;
}

/**
 * Whether an answer earns a personal code: the organisation runs the loop, the survey asks customers
 * (never employees), the answer was not given on a shared kiosk, and its NPS score is a promoter's (9-10).
 */
export function earnsReferralCode(c: ReferralCandidate): boolean {
  return c.enabled && c.audience === 'customers' && c.channel !== 'kiosk' && c.npsScore !== null && npsGroup(c.npsScore) === 'promoter';
}
