/** @module Customer effort score, ces.v1 (METRICS.md "CES (ces.v1)"). */
import { DomainError } from '../errors.ts';
import { cesAgreeRange } from './boxes.ts';
import { assertScale, assertScoresInScale, histogramEntries, type Histogram } from './histogram.ts';
import { meanResult } from './mean.ts';
import type { MetricResult } from './result.ts';

export const CES_DEFINITION = 'ces.v1';

export type CesDirection = 'higher_is_easier' | 'lower_is_easier';

export interface CesScale {
  min: number;
  max: number;
  /** Stored with the question and shown with the result (METRICS.md, CES). */
  direction: CesDirection;
  /**
   * Lowest score counted as "agree" on a higher_is_easier scale, stored with the question (boxMin) like
   * CSAT's box; defaults to the ces.v1 range (5-7 on 1..7). The lower_is_easier scale has no box.
   */
  box?: number;
}

/**
 * CES = mean score with a 95% t-interval (df = n - 1) clipped to the scale, plus details.pctAgree and
 * details.direction (METRICS.md, CES).
 * details.pctAgree is the percent of "easy" answers:
 * - higher_is_easier (standard 1..7 agreement scale): scores >= the stored box, by default those above
 *   the midpoint, i.e. 5-7 on 1..7 (a question saved with box 6 counts 6-7);
 * - lower_is_easier (legacy 1..5 "how much effort"): scores below the midpoint, i.e. 1-2 ("low effort").
 * details.agreeFrom/agreeTo give the inclusive range counted.
 * @throws DomainError `validation` for an invalid scale/direction/box or scores outside the scale.
 */
export function computeCes(h: Histogram, scale: CesScale): MetricResult {
  assertScale(scale.min, scale.max, 'CES');
  if (scale.direction !== 'higher_is_easier' && scale.direction !== 'lower_is_easier') {
    throw new DomainError('validation', `CES: direction must be higher_is_easier or lower_is_easier`);
  }
  if (scale.box !== undefined) {
    if (scale.direction !== 'higher_is_easier') throw new DomainError('validation', 'CES: only a higher_is_easier scale has an agree box');
    if (!Number.isInteger(scale.box) || scale.box <= scale.min || scale.box > scale.max) {
      throw new DomainError('validation', `CES: box ${scale.box} must be an integer within ${scale.min + 1}..${scale.max}`);
    }
  }
  assertScoresInScale(h, scale.min, scale.max, 'CES');
  const range = cesAgreeRange(scale.min, scale.max, scale.direction);
  const agreeFrom = scale.box ?? range.from;
  const agreeTo = range.to;
  let n = 0;
  let agree = 0;
  for (const [x, c] of histogramEntries(h)) {
    n += c;
    if (x >= agreeFrom && x <= agreeTo) agree += c;
  }
  return meanResult('ces', CES_DEFINITION, h, {
    direction: scale.direction,
    pctAgree: n === 0 ? null : (100 * agree) / n,
    agree,
    agreeFrom,
    agreeTo,
  }, { min: scale.min, max: scale.max });
}
