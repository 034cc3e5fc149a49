/**
 * @module The demo's "bring a friend" loop (docs/store-economics.md "In the demo"): about 40 % of the promoters'
 * answers (NPS 9-10, not at kiosks: shared devices show no code) got a personal code; some codes' links were
 * visited, and some visits brought a new customer (`cust-ref-<n>`), most of whom bought within a few weeks at the
 * promoter's store, about half showing the code at the till (the receipt carries it). Pure and seeded.
 */
import { addDays, orgToday, type CalendarDay } from '../time/orgCalendar.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';
import { DEMO_TIMEZONE, demoStores } from './structure.ts';
import type { DemoReferralPurchase } from './storeEconomics.ts';

/** Letters and digits of the demo's codes: no 0/O, 1/I/L that read alike. */
export const DEMO_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A promoter's answer, as the loader reads it back. */
export interface DemoPromoterAnswer {
  responseId: string;
  surveyId: string;
  /** Location code (a store or a call-center team). */
  location: string;
  channel: string;
  submittedAt: Date;
}

export interface DemoReferralCode {
  code: string;
  responseId: string;
  surveyId: string;
  location: string;
  clicks: number;
  createdAt: Date;
}

export interface DemoReferralClaim {
  customerKey: string;
  code: string;
  claimedAt: Date;
}

export interface DemoReferralPlan {
  codes: DemoReferralCode[];
  claims: DemoReferralClaim[];
  purchases: DemoReferralPurchase[];
}

function newCode(rng: Rng, used: Set<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 8; i++) code += DEMO_CODE_ALPHABET[Math.floor(rng.next() * DEMO_CODE_ALPHABET.length)];
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

const localDay = (at: Date): CalendarDay => orgToday(DEMO_TIMEZONE, at);

/**
 * Codes, claims and the referred customers' purchases; purchases fall on past days only (up to yesterday).
 * @param promoters the promoters' answers, in a stable order
 */
export function planDemoReferrals(opts: { seed: number; now: Date; promoters: readonly DemoPromoterAnswer[] }): DemoReferralPlan {
  const rng = createRng(deriveSeed(opts.seed, 17));
  const stores = demoStores().map((s) => s.key);
  const yesterday = addDays(localDay(opts.now), -1);
  const used = new Set<string>();
  const plan: DemoReferralPlan = { codes: [], claims: [], purchases: [] };
  let referred = 0;
  for (const p of opts.promoters) {
    if (p.channel === 'kiosk' || !rng.chance(0.4)) continue;
    const code = newCode(rng, used);
    const clicks = rng.chance(0.55) ? 0 : rng.int(1, 6);
    plan.codes.push({ code, responseId: p.responseId, surveyId: p.surveyId, location: p.location, clicks, createdAt: p.submittedAt });
    if (clicks === 0 || !rng.chance(0.3)) continue;
    const friends = rng.chance(0.2) ? 2 : 1;
    for (let f = 0; f < friends; f++) {
      const customerKey = `cust-ref-${++referred}`;
      const store = stores.includes(p.location) ? p.location : rng.pick(stores);
      const first = addDays(localDay(p.submittedAt), rng.int(2, 25));
      const converted = first <= yesterday && rng.chance(0.75);
      const atTill = converted && rng.chance(0.5);
      // Claimed through the API the day after the answer, or first seen on the receipt carrying the code (fixed up from it by the loader).
      plan.claims.push({ customerKey, code, claimedAt: atTill ? new Date(`${first}T07:00:00Z`) : new Date(p.submittedAt.getTime() + rng.int(2, 30) * 3_600_000) });
      if (!converted) continue;
      plan.purchases.push({ customerKey, code: atTill ? code : null, store, day: first });
      let day = first;
      for (let again = rng.int(0, 3); again > 0; again--) {
        day = addDays(day, rng.int(7, 40));
        if (day > yesterday) break;
        plan.purchases.push({ customerKey, code: null, store, day });
      }
    }
  }
  return plan;
}
