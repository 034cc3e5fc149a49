/**
 * @module Key drivers, drivers.v1 (METRICS.md "Key drivers"): Johnson's (2000) relative weights,
 * shown with each attribute's performance in an importance x performance quadrant.
 */
import { DomainError } from '../errors.ts';
import { jacobiEigen, matMul, matVec, pearson, transpose, type Matrix } from './linalg.ts';

export const DRIVERS_DEFINITION = 'drivers.v1';

export interface RelativeWeight {
  name: string;
  /** Johnson's raw relative weight epsilon_j; the raw weights sum to R^2. */
  rawWeight: number;
  /** 100 * rawWeight / R^2 (0 when R^2 = 0). */
  pctOfR2: number;
}

export interface RelativeWeightsResult {
  r2: number;
  weights: RelativeWeight[];
}

/** A constant outcome: said the same way by the row and the rollup (moments) paths, with `details.reason`. */
function outcomeWithoutVariance(): DomainError {
  return new DomainError('insufficient_data', 'key drivers: the outcome has no variance (every response gave the same score), so nothing can explain it', { reason: 'outcome_no_variance' });
}

/**
 * Johnson's relative weights (Johnson 2000, METRICS.md drivers.v1). With Rxx = V D V' (Jacobi),
 * Lambda = V sqrt(D) V', beta = Lambda^-1 rxy, rawWeight_j = sum_k Lambda_jk^2 beta_k^2, and
 * sum_j rawWeight_j = R^2 of the OLS regression of y on x1..xk.
 * @param rows one row per respondent, [x1..xk] @param y outcome per row @param names k attribute names
 * @throws DomainError `validation` on shape mismatch or non-finite values; `insufficient_data` when a
 *   predictor or the outcome has zero variance or the predictors are perfectly collinear.
 */
export function johnsonRelativeWeights(rows: readonly (readonly number[])[], y: readonly number[], names: readonly string[]): RelativeWeightsResult {
  const k = names.length;
  if (k === 0) throw new DomainError('validation', 'key drivers need at least one attribute');
  if (rows.length !== y.length) throw new DomainError('validation', 'key drivers: rows and outcome differ in length');
  for (const row of rows) {
    if (row.length !== k) throw new DomainError('validation', `key drivers: each row needs ${k} values`);
    if (!row.every(Number.isFinite)) throw new DomainError('validation', 'key drivers: values must be finite numbers');
  }
  if (!y.every(Number.isFinite)) throw new DomainError('validation', 'key drivers: outcome values must be finite numbers');
  const cols = names.map((_, j) => rows.map((r) => r[j]));
  const corr = (a: readonly number[], b: readonly number[], what: string): number => {
    const r = pearson(a, b);
    if (r === null) throw new DomainError('insufficient_data', `key drivers: ${what} has no variance`, { attribute: what });
    return r;
  };
  // The outcome first: with a constant outcome every correlation with it fails, and the message must
  // name the outcome, not the first attribute.
  if (pearson(y, y) === null) throw outcomeWithoutVariance();
  const rxy = cols.map((c, j) => corr(c, y, names[j]));
  const rxx: Matrix = cols.map((ci, i) => cols.map((cj, j) => (i === j ? 1 : corr(ci, cj, names[i]))));
  return relativeWeightsFromCorrelations(rxx, rxy, names);
}

/**
 * Johnson's relative weights from the predictors' correlation matrix `rxx` and their correlations
 * with the outcome `rxy` (the part of {@link johnsonRelativeWeights} after the correlations, shared
 * with {@link keyDriversFromMoments}).
 * @throws DomainError `insufficient_data` when the predictors are perfectly collinear
 */
export function relativeWeightsFromCorrelations(rxx: Matrix, rxy: readonly number[], names: readonly string[]): RelativeWeightsResult {
  const { values, vectors } = jacobiEigen(rxx);
  if (values[values.length - 1] <= 1e-10 * Math.max(1, values[0])) {
    throw new DomainError('insufficient_data', 'key drivers: attributes are perfectly collinear; drop one of them');
  }
  const vt = transpose(vectors);
  const scaleCols = (f: (d: number) => number): Matrix => vectors.map((row) => row.map((x, j) => x * f(values[j])));
  const lambda = matMul(scaleCols(Math.sqrt), vt);
  const beta = matVec(matMul(scaleCols((d) => 1 / Math.sqrt(d)), vt), rxy);
  const raw = lambda.map((row) => row.reduce((s, l, kk) => s + l * l * beta[kk] * beta[kk], 0));
  const r2 = raw.reduce((s, w) => s + w, 0);
  return {
    r2,
    weights: names.map((name, j) => ({ name, rawWeight: raw[j], pctOfR2: r2 > 0 ? (100 * raw[j]) / r2 : 0 })),
  };
}

export type Quadrant = 'key_strength' | 'key_weakness' | 'secondary_strength' | 'secondary_weakness';

export interface KeyDriver extends RelativeWeight {
  /** Mean rating of the attribute over all its answers (not only the complete rows). */
  performance: number;
  performanceN: number;
  quadrant: Quadrant;
}

export interface KeyDriversInput {
  attributes: readonly { name: string; scores: readonly (number | null)[] }[];
  outcome: readonly (number | null)[];
  /** Minimum complete rows; default max(30, 5 * k). Never below k + 2. */
  minComplete?: number;
}

export interface KeyDriversResult extends RelativeWeightsResult {
  definition: typeof DRIVERS_DEFINITION;
  /** Complete rows used (listwise deletion). */
  n: number;
  weights: KeyDriver[];
  /** Quadrant thresholds: mean pctOfR2 (= 100 / k) and mean of the attribute performances. */
  meanImportance: number;
  meanPerformance: number;
}

/**
 * Key-driver analysis (METRICS.md drivers.v1): listwise deletion of incomplete rows, Johnson's relative
 * weights, and the importance x performance quadrant. An attribute is "key" when its pctOfR2 >= the mean
 * pctOfR2, a "strength" when its performance >= the mean performance of all attributes.
 * @throws DomainError `insufficient_data` when complete rows < max(30, 5k) (or minComplete), or an
 *   attribute/outcome has zero variance, or attributes are collinear; `validation` on malformed input.
 */
export function keyDrivers(input: KeyDriversInput): KeyDriversResult {
  const { attributes, outcome } = input;
  const k = attributes.length;
  if (k === 0) throw new DomainError('validation', 'key drivers need at least one attribute');
  if (new Set(attributes.map((a) => a.name)).size !== k) throw new DomainError('validation', 'key drivers: attribute names must be unique');
  const valid = (v: number | null): boolean => v === null || Number.isFinite(v);
  if (!outcome.every(valid)) throw new DomainError('validation', 'key drivers: outcome values must be numbers or null');
  for (const a of attributes) {
    if (a.scores.length !== outcome.length) throw new DomainError('validation', `key drivers: ${a.name} has ${a.scores.length} values, outcome has ${outcome.length}`);
    if (!a.scores.every(valid)) throw new DomainError('validation', `key drivers: ${a.name} values must be numbers or null`);
  }
  const rows: number[][] = [];
  const y: number[] = [];
  outcome.forEach((o, i) => {
    if (o === null || attributes.some((a) => a.scores[i] === null)) return;
    rows.push(attributes.map((a) => a.scores[i] as number));
    y.push(o);
  });
  assertEnoughComplete(rows.length, k, input.minComplete);
  const base = johnsonRelativeWeights(rows, y, attributes.map((a) => a.name));
  const perf = attributes.map((a) => {
    const answered = a.scores.filter((s): s is number => s !== null);
    return { n: answered.length, mean: answered.reduce((s, v) => s + v, 0) / answered.length };
  });
  return withQuadrants(base, rows.length, perf);
}

/** @throws DomainError `insufficient_data` when `complete` < max(30, 5k) (or minComplete), never below k + 2. */
function assertEnoughComplete(complete: number, k: number, minComplete?: number): void {
  const required = Math.max(minComplete ?? Math.max(30, 5 * k), k + 2);
  if (complete < required) {
    throw new DomainError(
      'insufficient_data',
      `key drivers need at least ${required} complete responses for ${k} attributes; only ${complete} answered all of them`,
      { complete, required },
    );
  }
}

/** The importance x performance quadrants of drivers.v1 over relative weights and attribute performances. */
function withQuadrants(base: RelativeWeightsResult, n: number, perf: readonly AttributePerformance[]): KeyDriversResult {
  const k = perf.length;
  const meanImportance = 100 / k;
  const meanPerformance = perf.reduce((s, p) => s + p.mean, 0) / k;
  return {
    definition: DRIVERS_DEFINITION,
    n,
    r2: base.r2,
    meanImportance,
    meanPerformance,
    weights: base.weights.map((w, j) => {
      // Ties (within rounding) count as high, so equal attributes land in the same quadrant.
      const key = w.pctOfR2 >= meanImportance - 1e-9;
      const strong = perf[j].mean >= meanPerformance - 1e-9 * Math.max(1, Math.abs(meanPerformance));
      const quadrant: Quadrant = key ? (strong ? 'key_strength' : 'key_weakness') : strong ? 'secondary_strength' : 'secondary_weakness';
      return { ...w, performance: perf[j].mean, performanceN: perf[j].n, quadrant };
    }),
  };
}

/** Mean rating of an attribute over all its answers, and their number. */
export interface AttributePerformance {
  mean: number;
  n: number;
}

/**
 * Sufficient statistics of variables v_0..v_k over the complete rows (every variable answered): the
 * number of rows n, sums[i] = sum of v_i, products[i][j] = sum of v_i * v_j (symmetric; the diagonal
 * holds sums of squares). Rollups keep these (docs/analytics.md "Rollups").
 */
export interface DriverMoments {
  n: number;
  sums: readonly number[];
  products: readonly (readonly number[])[];
}

/**
 * Pearson correlations from moments: r_ij = C_ij / sqrt(C_ii C_jj) with C_ij = n S_ij - S_i S_j
 * (n(n-1) times the sample covariance; the factor cancels). Integer moments are centred exactly in
 * BigInt, so "no variance" (C_ii = 0) is exact; null marks a variable without variance.
 * @throws DomainError `validation` on malformed moments
 */
export function correlationsFromMoments(m: DriverMoments): { corr: (number | null)[][]; variance: number[] } {
  const v = m.sums.length;
  if (!Number.isInteger(m.n) || m.n < 0) throw new DomainError('validation', 'key drivers: n must be a non-negative whole number');
  if (m.products.length !== v || m.products.some((row) => row.length !== v)) {
    throw new DomainError('validation', `key drivers: products must be a ${v} x ${v} matrix`);
  }
  const all = [...m.sums, ...m.products.flat()];
  if (!all.every(Number.isFinite)) throw new DomainError('validation', 'key drivers: moments must be finite numbers');
  const exact = all.every(Number.isSafeInteger) && Number.isSafeInteger(m.n);
  const centred = (i: number, j: number): number =>
    exact
      ? Number(BigInt(m.n) * BigInt(m.products[i][j]) - BigInt(m.sums[i]) * BigInt(m.sums[j]))
      : m.n * m.products[i][j] - m.sums[i] * m.sums[j];
  const variance = m.sums.map((_, i) => centred(i, i));
  const corr = m.sums.map((_, i) =>
    m.sums.map((__, j) => (variance[i] <= 0 || variance[j] <= 0 ? null : i === j ? 1 : centred(i, j) / Math.sqrt(variance[i] * variance[j]))),
  );
  return { corr, variance };
}

export interface KeyDriversFromMomentsInput {
  /** Attribute names and performances, in the order of v_1..v_k. */
  attributes: readonly { name: string; performance: AttributePerformance }[];
  /** Moments of (outcome = v_0, attributes = v_1..v_k) over the complete responses. */
  moments: DriverMoments;
  /** As in {@link KeyDriversInput}. */
  minComplete?: number;
}

/**
 * drivers.v1 from sufficient statistics instead of respondent rows: the same rules as
 * {@link keyDrivers} (listwise-complete rows, minimum count, Johnson's weights, quadrants), with the
 * correlation matrix computed from summed moments (rollups) and performance given per attribute.
 * @throws DomainError `insufficient_data` with too few complete rows, an outcome or attribute without
 *   variance, or collinear attributes; `validation` on malformed input.
 */
export function keyDriversFromMoments(input: KeyDriversFromMomentsInput): KeyDriversResult {
  const { attributes, moments } = input;
  const k = attributes.length;
  if (k === 0) throw new DomainError('validation', 'key drivers need at least one attribute');
  if (new Set(attributes.map((a) => a.name)).size !== k) throw new DomainError('validation', 'key drivers: attribute names must be unique');
  if (moments.sums.length !== k + 1) throw new DomainError('validation', `key drivers: moments must cover the outcome and ${k} attributes`);
  assertEnoughComplete(moments.n, k, input.minComplete);
  const { corr, variance } = correlationsFromMoments(moments);
  if (variance[0] <= 0) throw outcomeWithoutVariance();
  attributes.forEach((a, j) => {
    if (variance[j + 1] <= 0) throw new DomainError('insufficient_data', `key drivers: ${a.name} has no variance`, { attribute: a.name });
  });
  const names = attributes.map((a) => a.name);
  const rxy = names.map((_, j) => corr[j + 1][0]!);
  const rxx: Matrix = names.map((_, i) => names.map((__, j) => corr[i + 1][j + 1]!));
  return withQuadrants(relativeWeightsFromCorrelations(rxx, rxy, names), moments.n, attributes.map((a) => a.performance));
}
