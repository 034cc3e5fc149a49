import { describe, expect, it } from 'vitest';
import { planDemoReferrals, type DemoPromoterAnswer } from './referrals.ts';
import { demoStores } from './structure.ts';
import { createRng } from './random.ts';

const NOW = new Date('2026-06-15T12:00:00Z');

describe('the referral plan', () => {
  const rng = createRng(1);
  const promoters: DemoPromoterAnswer[] = Array.from({ length: 2000 }, (_, i) => ({
    responseId: `r${i}`, surveyId: 's', location: rng.pick(['MSK-01', 'KZN-02', 'CC-PHONE']), channel: i % 10 === 0 ? 'kiosk' : 'email',
    submittedAt: new Date(NOW.getTime() - rng.int(1, 170) * 86_400_000),
  }));
  const plan = planDemoReferrals({ seed: 2, now: NOW, promoters });

  it('gives about 40 % of the non-kiosk promoters a unique unambiguous code', () => {
    expect(plan.codes.length / 1800).toBeGreaterThan(0.35);
    expect(plan.codes.length / 1800).toBeLessThan(0.45);
    expect(plan.codes.every((c) => /^[A-HJKMNP-Z2-9]{8}$/.test(c.code))).toBe(true);
    expect(new Set(plan.codes.map((c) => c.code)).size).toBe(plan.codes.length);
    const kiosk = new Set(promoters.filter((p) => p.channel === 'kiosk').map((p) => p.responseId));
    expect(plan.codes.some((c) => kiosk.has(c.responseId))).toBe(false);
  });

  it('claims new customers for clicked codes; their purchases are at stores, on past days, the till code only on the first', () => {
    const codes = new Map(plan.codes.map((c) => [c.code, c]));
    expect(plan.claims.length).toBeGreaterThan(20);
    expect(plan.claims.every((c) => /^cust-ref-\d+$/.test(c.customerKey) && codes.get(c.code)!.clicks > 0)).toBe(true);
    expect(new Set(plan.claims.map((c) => c.customerKey)).size).toBe(plan.claims.length);
    const stores = demoStores().map((s) => s.key);
    expect(plan.purchases.every((p) => stores.includes(p.store) && p.day < '2026-06-15')).toBe(true);
    const first = new Map<string, string>();
    for (const p of plan.purchases) {
      if (p.code) expect(first.has(p.customerKey)).toBe(false);
      if (!first.has(p.customerKey)) first.set(p.customerKey, p.day);
    }
    expect(plan.purchases.some((p) => p.code !== null)).toBe(true);
    expect(plan.purchases.some((p) => p.code === null)).toBe(true);
  });
});
