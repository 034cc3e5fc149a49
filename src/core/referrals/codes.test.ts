import { describe, expect, it } from 'vitest';
import {
  REFERRAL_CODE_ALPHABET, REFERRAL_CODE_RE, earnsReferralCode, generateReferralCode, normalizeReferralCode, npsScoreOf,
} from './codes.ts';

/** A byte source that hands out the given bytes in order (then zeros). */
function bytes(...values: number[]) {
  const queue = [...values];
  return (n: number) => Uint8Array.from({ length: n }, () => queue.shift() ?? 0);
}

describe('the code alphabet', () => {
  it('has 31 characters without the look-alikes 0 O 1 I L', () => {
    expect(REFERRAL_CODE_ALPHABET).toHaveLength(31);
    for (const c of ['0', 'O', '1', 'I', 'L']) expect(REFERRAL_CODE_ALPHABET).not.toContain(c);
    expect(new Set(REFERRAL_CODE_ALPHABET).size).toBe(31);
  });
});

describe('generateReferralCode', () => {
  it('maps byte b to alphabet[b % 31]', () => {
    // 0 -> A, 1 -> B, 8 -> J (I skipped), 30 -> 9, 31 -> A, 33 -> C, 100 % 31 = 7 -> H, 247 % 31 = 30 -> 9
    expect(generateReferralCode(bytes(0, 1, 8, 30, 31, 33, 100, 247))).toBe('ABJ9ACH9');
  });
  it('skips bytes 248..255, which would favour the first 8 characters', () => {
    // 248..255 dropped; 2 -> C ... ; the source then gives zeros (A)
    expect(generateReferralCode(bytes(248, 255, 2, 250, 3, 4, 5, 6, 7, 9))).toBe('CDEFGHKA');
  });
  it('draws more bytes when a whole draw was unusable', () => {
    const draws = [Array(16).fill(255), [22, 22, 22, 22, 22, 22, 22, 22]];
    const source = (n: number) => Uint8Array.from({ length: n }, (_, i) => draws[0][i] ?? 0);
    let calls = 0;
    const counted = (n: number) => {
      calls++;
      const out = source(n);
      draws.shift();
      return out;
    };
    // 22 -> Z (A..H = 0..7, J K M N P Q R S T U V W X Y Z = 8..22)
    expect(generateReferralCode(counted)).toBe('ZZZZZZZZ');
    expect(calls).toBe(2);
  });
  it('gives well-formed codes from real randomness', async () => {
    const { randomBytes } = await import('node:crypto');
    for (let i = 0; i < 200; i++) expect(generateReferralCode((n) => randomBytes(n))).toMatch(REFERRAL_CODE_RE);
  });
});

describe('normalizeReferralCode', () => {
  it('ignores case, spaces and dashes', () => {
    expect(normalizeReferralCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normalizeReferralCode(' 2345 6789 ')).toBe('23456789');
  });
  it('refuses look-alikes, wrong lengths and other characters', () => {
    expect(normalizeReferralCode('ABCDEFG0')).toBeNull();
    expect(normalizeReferralCode('ABCDEFGI')).toBeNull();
    expect(normalizeReferralCode('ABCDEFG')).toBeNull();
    expect(normalizeReferralCode('ABCDEFGHJ')).toBeNull();
    expect(normalizeReferralCode('ABCD<EFG')).toBeNull();
    expect(normalizeReferralCode('')).toBeNull();
  });
});

describe('npsScoreOf', () => {
  const questions = [
    { key: 'service', type: 'rating' as const, metric: 'csat' as const },
    { key: 'nps', type: 'nps' as const, metric: 'nps' as const },
    { key: 'nps2', type: 'nps' as const, metric: 'nps' as const },
  ];
  it('reads the first answered NPS question in survey order', () => {
    expect(npsScoreOf(questions, { service: { score: 5 }, nps: { score: 9 }, nps2: { score: 2 } })).toBe(9);
    expect(npsScoreOf(questions, { service: { score: 5 }, nps2: { score: 10 } })).toBe(10);
  });
  it('is null without an NPS answer', () => {
    expect(npsScoreOf(questions, { service: { score: 5 } })).toBeNull();
    expect(npsScoreOf([], {})).toBeNull();
  });
});

describe('earnsReferralCode', () => {
  const promoter = { enabled: true, audience: 'customers' as const, channel: 'link', npsScore: 9 };
  it('gives codes to customers who answered 9 or 10', () => {
    expect(earnsReferralCode(promoter)).toBe(true);
    expect(earnsReferralCode({ ...promoter, npsScore: 10 })).toBe(true);
  });
  it('not to passives or detractors, nor without a score', () => {
    expect(earnsReferralCode({ ...promoter, npsScore: 8 })).toBe(false);
    expect(earnsReferralCode({ ...promoter, npsScore: 0 })).toBe(false);
    expect(earnsReferralCode({ ...promoter, npsScore: null })).toBe(false);
  });
  it('not when the organisation has the loop off, on staff surveys, nor on kiosks', () => {
    expect(earnsReferralCode({ ...promoter, enabled: false })).toBe(false);
    expect(earnsReferralCode({ ...promoter, audience: 'staff' })).toBe(false);
    expect(earnsReferralCode({ ...promoter, channel: 'kiosk' })).toBe(false);
  });
});
