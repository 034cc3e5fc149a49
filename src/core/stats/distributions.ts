/* eslint-disable no-loss-of-precision -- published coefficient tables, kept digit for digit (JavaScript rounds them to the nearest double either way) */
/**
 * @module Student t distribution, implemented here so the core has no dependencies: regularized
 * incomplete beta (Lentz continued fraction) for the CDF, safeguarded Newton for the quantile.
 * Used for the t-intervals of means (METRICS.md, CES) and Welch comparisons.
 */
import { DomainError } from '../errors.ts';

/** 0.975 quantile of the standard normal distribution. */
export const Z975 = 1.959963984540054;

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural log of the gamma function (Lanczos, g = 7; ~15 significant digits for x > 0). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0];
  const t = y + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta (Numerical Recipes `betacf`, modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m++) {
    const m2 = 2 * m;
    for (const aa of [
      (m * (b - m) * x) / ((a - 1 + m2) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2)),
    ]) {
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-16) return h;
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b). `oneMinusX` may be passed to avoid cancellation when x ~ 1.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, oneMinusX = 1 - x): number {
  if (x <= 0) return 0;
  if (oneMinusX <= 0) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(oneMinusX));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, oneMinusX)) / b;
}

/** P(T > t) for t >= 0 with `df` degrees of freedom. */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

/** Student t cumulative distribution function P(T <= t); df = Infinity gives the standard normal. */
export function tCdf(t: number, df: number): number {
  assertDf(df);
  const tail = Number.isFinite(df) ? upperTail(Math.abs(t), df) : normalTwoSidedP(t) / 2;
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Two-sided p-value of a t statistic: P(|T| >= |t|) with `df` (possibly fractional, Welch) degrees of
 * freedom. Examples (closed forms): df 1, t 1 -> 0.5; df 2 -> 1 - |t| / sqrt(t^2 + 2).
 * @throws DomainError `validation` for df <= 0 or a non-finite t.
 */
export function tTwoSidedP(t: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(t)) throw new DomainError('validation', 't statistic must be a number');
  if (!Number.isFinite(t)) return 0;
  return Number.isFinite(df) ? Math.min(1, 2 * upperTail(Math.abs(t), df)) : normalTwoSidedP(t);
}

/** Student t density. */
function tPdf(t: number, df: number): number {
  return Math.exp(
    lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/**
 * Regularized upper incomplete gamma Q(a, x) (Numerical Recipes gser/gcf): the series for x < a + 1,
 * the Lentz continued fraction otherwise; ~15 significant digits, also deep in the tail.
 */
function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const front = Math.exp(a * Math.log(x) - x - lnGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 10000 && Math.abs(term) > Math.abs(sum) * 1e-17; k++) {
      term *= x / (a + k);
      sum += term;
    }
    return 1 - sum * front;
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return front * h;
}

/**
 * Two-sided p-value of a standard normal statistic: P(|Z| >= |z|) = erfc(|z| / sqrt 2) = Q(1/2, z^2 / 2).
 * Examples (tables): z 1.959964 -> 0.05, z 2.575829 -> 0.01, z 3.290527 -> 0.001.
 * @throws DomainError `validation` for NaN.
 */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) throw new DomainError('validation', 'z statistic must be a number');
  if (!Number.isFinite(z)) return 0;
  return Math.min(1, regularizedGammaQ(0.5, (z * z) / 2));
}

function assertDf(df: number): void {
  if (!(df > 0)) throw new DomainError('validation', `degrees of freedom must be positive, got ${df}`);
}

/** Cornish-Fisher expansion of the t quantile around the normal one (Abramowitz & Stegun 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * (5 * z2 * z2 + 16 * z2 + 3)) / 96;
  const g3 = (z * (3 * z2 ** 3 + 19 * z2 * z2 + 17 * z2 - 15)) / 384;
  const g4 = (z * (79 * z2 ** 4 + 776 * z2 ** 3 + 1482 * z2 * z2 - 1920 * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/**
 * Standard normal quantile, Wichura's AS241 (PPND16), relative accuracy ~1e-16.
 * @throws DomainError `validation` unless 0 < p < 1.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new DomainError('validation', `normalQuantile expects 0 < p < 1, got ${p}`);
  const poly = (c: readonly number[], x: number) => c.reduceRight((acc, k) => acc * x + k, 0);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(AS241.a, r)) / poly(AS241.b, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly(AS241.c, r) / poly(AS241.d, r);
  } else {
    r -= 5;
    x = poly(AS241.e, r) / poly(AS241.f, r);
  }
  return q < 0 ? -x : x;
}

/** AS241 coefficients, lowest order first. */
const AS241 = {
  a: [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
    45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727],
  b: [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
    39307.89580009271061, 28729.085735721942674, 5226.495278852545925],
  c: [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
    1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4],
  d: [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
    0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9],
  e: [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
    0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7],
  f: [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
    1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15],
} as const;

/**
 * Quantile of Student's t for upper probability p in (0.5, 1): the t with P(T <= t) = p.
 * df may be fractional (Welch). Exact for df = 1 and 2; otherwise Newton on the CDF to ~1e-12.
 * @throws DomainError `validation` for df <= 0 or p outside (0.5, 1).
 */
export function tQuantile(p: number, df: number): number {
  assertDf(df);
  if (!(p > 0.5 && p < 1)) throw new DomainError('validation', `tQuantile expects 0.5 < p < 1, got ${p}`);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  // For huge df the incomplete beta loses precision (lnGamma cancellation); the expansion is exact to
  // rounding there (first omitted term ~ df^-5), and gives the normal quantile for df = Infinity.
  if (df > 1e6) return cornishFisher(p === 0.975 ? Z975 : normalQuantile(p), df);
  const q = 1 - p;
  let lo = 0;
  let hi = 4;
  while (upperTail(hi, df) > q) {
    lo = hi;
    hi *= 4;
    if (!Number.isFinite(hi)) return Infinity;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = upperTail(t, df) - q; // decreasing in t
    if (f > 0) lo = t;
    else hi = t;
    let next = t + f / tPdf(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-13 * Math.max(1, t)) return next;
    t = next;
  }
  return t;
}

/**
 * Two-sided 95% critical value t(0.975, df), e.g. 12.706 for df 1, 2.228 for df 10, 1.96 as df -> inf.
 * @throws DomainError `validation` for df <= 0.
 */
export function tQuantile975(df: number): number {
  return tQuantile(0.975, df);
}
