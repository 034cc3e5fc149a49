/**
 * @module Agreement between reviewers who scored the same contact on the same checklist (a calibration
 * session, docs/audits.md "Calibration"). Pure; no I/O.
 *
 * Each item's rating by each reviewer is one of three categories: pass (earned all its points), fail
 * (answered "no" or fewer points) or na (N/A or not answered), read from the one scoring rule's item
 * outcomes (src/core/audits/scoring.ts).
 * - Per item: the share of reviewers who chose the item's most chosen category (the majority).
 * - Overall percent agreement (pairwise): of all pairs of reviewers over all items, the share that chose
 *   the same category.
 * - Fleiss' kappa over the items with the three categories: (P - Pe) / (1 - Pe), where P is the mean
 *   per-item pairwise agreement and Pe = sum over categories of p_j^2 (p_j the share of all ratings in
 *   category j). When every rating falls in one category Pe = 1 and kappa is undefined (null). Bands of
 *   Landis & Koch: below 0 poor, up to 0.20 slight, 0.40 fair, 0.60 moderate, 0.80 substantial, above almost perfect.
 * - Spread of the reviewers' total scores: max - min and the sample standard deviation (n - 1), over the
 *   reviewers whose score is not null.
 * Needs at least two reviewers; with fewer everything but the scores is null.
 */
import type { ItemOutcome } from './scoring.ts';

export const AGREEMENT_CATEGORIES = ['pass', 'fail', 'na'] as const;
export type AgreementCategory = (typeof AGREEMENT_CATEGORIES)[number];

export type KappaBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost_perfect';

export interface ItemAgreement {
  key: string;
  counts: Record<AgreementCategory, number>;
  /** The most chosen category (ties: pass, then fail, then na). */
  majority: AgreementCategory;
  /** Share 0..1 of the reviewers who chose the majority. */
  majorityShare: number;
}

export interface Agreement {
  reviewers: number;
  items: ItemAgreement[];
  /** Share 0..1 of agreeing reviewer pairs over all items; null with fewer than two reviewers or no items. */
  percentAgreement: number | null;
  kappa: number | null;
  kappaBand: KappaBand | null;
  scoreSpread: { min: number; max: number; range: number; sd: number | null } | null;
}

/** The category of one item outcome of the scoring rule. */
export function categoryOf(outcome: Pick<ItemOutcome, 'applicable' | 'failed'>): AgreementCategory {
  if (!outcome.applicable) return 'na';
  return outcome.failed ? 'fail' : 'pass';
}

/** Landis & Koch's band of a kappa value. */
export function kappaBand(kappa: number): KappaBand {
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost_perfect';
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Agreement of reviewers: `ratings[r]` is reviewer r's category per item key (every reviewer rates every
 * item of `itemKeys`; a missing key counts as na), `scores[r]` their total score (percent or null).
 */
export function agreement(itemKeys: readonly string[], ratings: readonly Readonly<Record<string, AgreementCategory>>[], scores: readonly (number | null)[]): Agreement {
  const n = ratings.length;
  const items: ItemAgreement[] = itemKeys.map((key) => {
    const counts: Record<AgreementCategory, number> = { pass: 0, fail: 0, na: 0 };
    for (const r of ratings) counts[r[key] ?? 'na'] += 1;
    const majority = AGREEMENT_CATEGORIES.reduce((best, c) => (counts[c] > counts[best] ? c : best), 'pass' as AgreementCategory);
    return { key, counts, majority, majorityShare: n === 0 ? 0 : counts[majority] / n };
  });
  let percentAgreement: number | null = null;
  let kappa: number | null = null;
  if (n >= 2 && items.length > 0) {
    const agreeing = items.reduce((s, i) => s + AGREEMENT_CATEGORIES.reduce((t, c) => t + pairs(i.counts[c]), 0), 0);
    percentAgreement = agreeing / (pairs(n) * items.length);
    // Fleiss: P = mean over items of sum_j n_ij (n_ij - 1) / (n (n - 1)), the same pairwise share.
    const p = percentAgreement;
    const total = n * items.length;
    const pe = AGREEMENT_CATEGORIES.reduce((s, c) => {
      const share = items.reduce((t, i) => t + i.counts[c], 0) / total;
      return s + share * share;
    }, 0);
    kappa = pe >= 1 - 1e-12 ? null : (p - pe) / (1 - pe);
  }
  const given = scores.filter((s): s is number => s !== null);
  let scoreSpread: Agreement['scoreSpread'] = null;
  if (given.length > 0) {
    const min = Math.min(...given);
    const max = Math.max(...given);
    const mean = given.reduce((a, b) => a + b, 0) / given.length;
    const sd = given.length < 2 ? null : Math.sqrt(given.reduce((s, x) => s + (x - mean) ** 2, 0) / (given.length - 1));
    scoreSpread = { min, max, range: max - min, sd };
  }
  return { reviewers: n, items, percentAgreement, kappa, kappaBand: kappa === null ? null : kappaBand(kappa), scoreSpread };
}
