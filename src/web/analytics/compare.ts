/** Pure helpers of the comparison panel: request parameters and the direction arrow. */
import type { CompareAnswer } from './types.ts';

export type CompareMode = 'periods' | 'locations' | 'segments';

export interface CompareInput {
  mode: CompareMode;
  aFrom?: string; aTo?: string; bFrom?: string; bTo?: string;
  aLocation?: string; bLocation?: string;
  aDim?: string; bDim?: string;
}

/** Query parameters for GET /compare (docs/api.md), or null while the input is incomplete. */
export function compareParams(input: CompareInput): Record<string, string> | null {
  if (input.mode === 'periods') {
    const { aFrom, aTo, bFrom, bTo } = input;
    return aFrom && aTo && bFrom && bTo ? { aFrom, aTo, bFrom, bTo } : null;
  }
  if (input.mode === 'locations') {
    return input.aLocation && input.bLocation ? { aLocation: input.aLocation, bLocation: input.bLocation } : null;
  }
  return input.aDim && input.bDim ? { aDim: input.aDim, bDim: input.bDim } : null;
}

/** ↑ / ↓ only for a significant change (METRICS.md: significant at 95%); otherwise none. */
export function changeArrow(change: CompareAnswer['change']): '↑' | '↓' | null {
  if (!change.significant || change.diff === null || change.diff === 0) return null;
  return change.diff > 0 ? '↑' : '↓';
}
