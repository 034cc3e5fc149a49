/**
 * @module Fisher's exact test for a 2x2 table (METRICS.md "Intervals and tests": shares with an
 * expected cell below 5), from hypergeometric probabilities in log-factorials; no dependency.
 */
import { DomainError } from '../errors.ts';
import { lnGamma } from './distributions.ts';

/** Exact ln(k!) by summing logs up to this k (cached); lnGamma(k + 1) above, where it is accurate to ~1e-15. */
const EXACT_LOG_FACTORIAL_UP_TO = 4096;
const logFactorials: number[] = [0];

/** ln(k!) for a non-negative integer k. */
export function logFactorial(k: number): number {
  if (k <= EXACT_LOG_FACTORIAL_UP_TO) {
    for (let i = logFactorials.length; i <= k; i++) logFactorials[i] = logFactorials[i - 1] + Math.log(i);
    return logFactorials[k];
  }
  return lnGamma(k + 1);
}

/** ln C(n, k). */
function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * Two-sided Fisher's exact p-value of the table [[x1, n1 - x1], [x2, n2 - x2]] (successes x out of n in
 * two groups). With the margins fixed, X1 is hypergeometric: P(k) = C(K, k) C(N - K, n1 - k) / C(N, n1),
 * K = x1 + x2, N = n1 + n2; p = sum of P(k) over the tables no more probable than the observed one
 * (relative tolerance 1e-7 for ties, as R's fisher.test). Example: 5/5 vs 6/10 -> 693/3003 = 0.2308.
 * @throws DomainError `validation` unless 0 <= x <= n are integers and n1, n2 > 0.
 */
export function fisherExactTwoSided(x1: number, n1: number, x2: number, n2: number): number {
  for (const [x, n, side] of [[x1, n1, 'first'], [x2, n2, 'second']] as const) {
    if (!Number.isSafeInteger(x) || !Number.isSafeInteger(n) || x < 0 || x > n || n === 0) {
      throw new DomainError('validation', `Fisher's exact test: ${side} group needs integers 0 <= successes <= n, n > 0; got ${x} of ${n}`);
    }
  }
  const total = n1 + n2;
  const successes = x1 + x2;
  const lo = Math.max(0, n1 - (total - successes));
  const hi = Math.min(n1, successes);
  const logDenominator = logChoose(total, n1);
  const logP = (k: number) => logChoose(successes, k) + logChoose(total - successes, n1 - k) - logDenominator;
  const threshold = logP(x1) + Math.log1p(1e-7);
  let p = 0;
  for (let k = lo; k <= hi; k++) {
    const lp = logP(k);
    if (lp <= threshold) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
