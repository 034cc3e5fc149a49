/**
 * @module The demo's staff voice (docs/staff.md "In the demo"): the staff pulse survey answered by 8-25
 * employees per store in three waves (the three smallest teams stay under five, so the anonymity rule merges
 * them), anonymous (no contact, no hidden fields). Staff estimate their customers' answers: everywhere a little
 * more optimistic than the customers, and at MSK-04, the declining store, much more so, and its staff never
 * name the waiting time its customers complain about (they blame stock and prices). Pure and seeded.
 */
import type { AnswerMap } from '../surveys/types.ts';
import { addDays, daysBetween, orgToday } from '../time/orgCalendar.ts';
import { moscow } from './audits.ts';
import type { CommentLanguage } from './comments.ts';
import { createRng, deriveSeed, scoreFromLatent, type Rng } from './random.ts';
import { DECLINING_STORE, DEMO_TIMEZONE, demoStores } from './structure.ts';
import { DEMO_STAFF_TEAMS } from './surveys.ts';

/** Stores with so few respondents that their group is under the anonymity threshold of five. */
export const SMALL_STAFF_STORES: readonly string[] = ['SPB-04', 'KZN-03', 'THR-04'];
/** Days before today when each staff pulse wave opens (each stays open a week). */
export const STAFF_WAVES: readonly number[] = [160, 100, 40];

/** How the stores' complaint topics (DemoProfile.issues) are named among the starter themes. */
export const ISSUE_THEMES: Readonly<Record<string, string>> = {
  queue: 'waiting_time', rude_staff: 'staff_politeness', dirty_fitting: 'cleanliness', out_of_stock: 'assortment',
  price_mismatch: 'price', no_staff: 'staff_help',
};

/** One employee's anonymous answer. */
export interface DemoStaffResponse {
  id: string;
  store: string;
  language: CommentLanguage;
  submittedAt: Date;
  durationMs: number;
  answers: AnswerMap;
}

function complaints(rng: Rng, store: string, issues: readonly string[]): string[] {
  const named = new Set<string>();
  for (const issue of issues) {
    const theme = ISSUE_THEMES[issue];
    // The declining store's staff do not see the queues.
    if (theme && !(store === DECLINING_STORE && theme === 'waiting_time') && rng.chance(0.6)) named.add(theme);
  }
  const usual: Record<string, number> = store === DECLINING_STORE
    ? { assortment: 0.65, price: 0.45, product_quality: 0.15 }
    : { assortment: 0.3, price: 0.25, product_quality: 0.12, staff_help: 0.1, refund: 0.08 };
  for (const [theme, p] of Object.entries(usual)) if (rng.chance(p)) named.add(theme);
  if (!named.size) named.add('assortment');
  return [...named];
}

/** The staff pulse answers of the demo's stores, oldest first. */
export function generateStaffResponses(opts: { seed: number; now: Date; days: number }): DemoStaffResponse[] {
  const rng = createRng(deriveSeed(opts.seed, 16));
  const today = orgToday(DEMO_TIMEZONE, opts.now);
  const out: DemoStaffResponse[] = [];
  for (const back of STAFF_WAVES) {
    const opens = addDays(today, -Math.min(back, opts.days - 7));
    for (const store of demoStores()) {
      const profile = store.profile!;
      // The small teams: one answer a wave, two in the last: 3-4 in all, under the anonymity threshold.
      const n = SMALL_STAFF_STORES.includes(store.key) ? (back === STAFF_WAVES[STAFF_WAVES.length - 1] ? rng.int(1, 2) : 1) : Math.min(8, Math.max(3, Math.round(2 + 3.5 * profile.traffic + rng.int(-1, 1))));
      for (let i = 0; i < n; i++) {
        const day = addDays(opens, rng.int(0, 6));
        const fraction = 1 - daysBetween(day, today) / opts.days;
        const declining = store.key === DECLINING_STORE;
        // What the customers feel (responses.ts: base and trend around the chain's +1.5) and how staff see it.
        const customers = 1.5 + profile.base + profile.trend * (fraction - 0.5);
        const seen = declining ? 1.5 + profile.base + 1.2 : customers + 0.6;
        const answers: AnswerMap = {
          enps: { score: scoreFromLatent(0.8 + 0.5 * profile.base - (declining ? 1.2 * fraction : 0) + rng.normal(0, 1.2), 0, 10) },
          expected_nps: { score: scoreFromLatent(seen + rng.normal(0, 0.8), 0, 10) },
          expected_csat: { score: scoreFromLatent(seen - 0.3 + rng.normal(0, 0.7), 1, 5) },
          expected_complaints: { choices: complaints(rng, store.key, profile.issues) },
          team: { choice: rng.weighted({ sales_floor: 50, checkout: 25, warehouse: 15, office: 10 } satisfies Record<(typeof DEMO_STAFF_TEAMS)[number], number>) },
        };
        const language = rng.weighted(profile.languages);
        const submittedAt = moscow(day, rng.int(9, 21), rng.int(0, 59));
        if (submittedAt.getTime() > opts.now.getTime()) continue;
        out.push({ id: rng.uuid(), store: store.key, language, submittedAt, durationMs: rng.int(40_000, 240_000), answers });
      }
    }
  }
  return out.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}
