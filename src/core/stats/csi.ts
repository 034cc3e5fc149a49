/** @module Customer satisfaction index, csi.v1 (METRICS.md "CSI (csi.v1)"). */
import { DomainError } from '../errors.ts';
import { assertScale, assertScoresInScale, type Histogram } from './histogram.ts';
import { meanVarianceFromHistogram } from './mean.ts';
import { buildResult, emptyResult, type MetricResult } from './result.ts';

export const CSI_DEFINITION = 'csi.v1';

export interface CsiAttribute {
  key: string;
  /** Satisfaction ratings s_i (1..10 by default). */
  satisfaction: Histogram;
  /** Stated importance ratings w_i (1..10 by default). Give it for all attributes or for none. */
  importance?: Histogram;
  /** Derived importance (e.g. a key-driver weight) used when importance was not asked; >= 0. */
  derivedWeight?: number;
}

export interface CsiAttributeBreakdown {
  key: string;
  /** Normalised weight; the weights sum to 1. null when it cannot be computed (no importance answers). */
  weight: number | null;
  meanSatisfaction: number | null;
  meanImportance: number | null;
  nSatisfaction: number;
  nImportance: number | null;
  /** Points this attribute adds to the CSI: 10 * weight * mean satisfaction. */
  contribution: number | null;
}

export interface CsiBreakdown {
  weighting: 'stated' | 'derived';
  /** Smallest number of answers among the ratings used; 0 means the CSI cannot be computed. */
  n: number;
  attributes: CsiAttributeBreakdown[];
}

export interface CsiScale {
  min: number;
  max: number;
}

/**
 * Per-attribute weights and means behind the CSI (METRICS.md, CSI): with stated importance,
 * weight_i = mean importance_i / sum of mean importances; otherwise weight_i = derivedWeight_i / sum.
 * @throws DomainError `validation` for no attributes, duplicate keys, mixing stated and derived weights,
 *   missing/negative/all-zero derived weights, or scores outside the scale.
 */
export function csiBreakdown(attributes: readonly CsiAttribute[], scale: CsiScale = { min: 1, max: 10 }): CsiBreakdown {
  assertScale(scale.min, scale.max, 'CSI');
  if (attributes.length === 0) throw new DomainError('validation', 'CSI needs at least one attribute');
  if (new Set(attributes.map((a) => a.key)).size !== attributes.length) {
    throw new DomainError('validation', 'CSI attribute keys must be unique');
  }
  const stated = attributes.filter((a) => a.importance !== undefined).length;
  if (stated !== 0 && stated !== attributes.length) {
    throw new DomainError('validation', 'CSI: give importance ratings for every attribute or for none (mixed weighting)');
  }
  const weighting = stated > 0 ? 'stated' : 'derived';
  const rows = attributes.map((a) => {
    assertScoresInScale(a.satisfaction, scale.min, scale.max, `CSI ${a.key} satisfaction`);
    const s = meanVarianceFromHistogram(a.satisfaction);
    let raw: number | null;
    let imp: { n: number; mean: number | null } | null = null;
    if (weighting === 'stated') {
      assertScoresInScale(a.importance as Histogram, scale.min, scale.max, `CSI ${a.key} importance`);
      imp = meanVarianceFromHistogram(a.importance as Histogram);
      raw = imp.mean;
    } else {
      const w = a.derivedWeight;
      if (w === undefined || !Number.isFinite(w) || w < 0) {
        throw new DomainError('validation', `CSI ${a.key}: derivedWeight must be a non-negative number when importance is not asked`);
      }
      raw = w;
    }
    return { a, s, imp, raw };
  });
  const total = rows.reduce((sum, r) => sum + (r.raw ?? 0), 0);
  if (weighting === 'derived' && total <= 0) throw new DomainError('validation', 'CSI: derived weights are all zero');
  const complete = rows.every((r) => r.raw !== null);
  const n = Math.min(...rows.map((r) => Math.min(r.s.n, r.imp ? r.imp.n : Infinity)));
  return {
    weighting,
    n,
    attributes: rows.map(({ a, s, imp, raw }) => {
      const weight = complete && raw !== null ? raw / total : null;
      return {
        key: a.key,
        weight,
        meanSatisfaction: s.mean,
        meanImportance: imp ? imp.mean : null,
        nSatisfaction: s.n,
        nImportance: imp ? imp.n : null,
        contribution: weight !== null && s.mean !== null ? 10 * weight * s.mean : null,
      };
    }),
  };
}

/**
 * CSI = 10 * sum(weight_i * mean s_i), on 10..100 for 1..10 ratings (METRICS.md, CSI).
 * n is the smallest answer count among the ratings used; value is null when any rating has no answers.
 * se and ci95 are null: attribute ratings come from the same respondents and a per-attribute histogram
 * carries no covariance, so an honest interval needs respondent-level data.
 * details: weighting ('stated' | 'derived'), attributes (count).
 * @throws DomainError `validation` as {@link csiBreakdown}.
 */
export function computeCsi(attributes: readonly CsiAttribute[], scale: CsiScale = { min: 1, max: 10 }): MetricResult {
  const b = csiBreakdown(attributes, scale);
  const details = { weighting: b.weighting, attributes: b.attributes.length };
  if (b.n === 0) return emptyResult('csi', CSI_DEFINITION, null, details);
  const value = b.attributes.reduce((sum, a) => sum + (a.contribution as number), 0);
  return buildResult({ metric: 'csi', definition: CSI_DEFINITION, value, n: b.n, se: null, ci95: null, ci95Method: null, details });
}
