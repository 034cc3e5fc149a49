/** Pure helpers of the comparison panel: request parameters, the direction arrow, wording and side labels. */
import type { MessageKey, Translate } from '../i18n.tsx';
import type { CompareAnswer, CompareSide } from './types.ts';
import { dimensionLabel } from './labels.ts';

export type CompareMode = 'periods' | 'locations' | 'segments' | 'company';

export interface CompareInput {
  mode: CompareMode;
  aFrom?: string; aTo?: string; bFrom?: string; bTo?: string;
  aLocation?: string; bLocation?: string;
  aDim?: string; bDim?: string;
}

/** The change as the panel reads it; `reason`, `pValue` and `test` are there when the API sends them. */
export type CompareChange = CompareAnswer['change'];

/** Query parameters for GET /compare (docs/api.md), or null while the input is incomplete. */
export function compareParams(input: CompareInput): Record<string, string> | null {
  if (input.mode === 'periods') {
    const { aFrom, aTo, bFrom, bTo } = input;
    return aFrom && aTo && bFrom && bTo ? { aFrom, aTo, bFrom, bTo } : null;
  }
  if (input.mode === 'locations') {
    return input.aLocation && input.bLocation ? { aLocation: input.aLocation, bLocation: input.bLocation } : null;
  }
  if (input.mode === 'company') return { b: 'company' };
  const complete = (d?: string) => !!d && /^[^:]+:.+$/.test(d);
  return complete(input.aDim) && complete(input.bDim) ? { aDim: input.aDim!, bDim: input.bDim! } : null;
}

/** ↑ / ↓ only for a significant change (METRICS.md: significant at 95%); otherwise none. */
export function changeArrow(change: CompareAnswer['change']): '↑' | '↓' | null {
  if (!change.significant || change.diff === null || change.diff === 0) return null;
  return change.diff > 0 ? '↑' : '↓';
}

/**
 * Message key of the verdict: a change over time is an increase or a decrease; two locations or
 * segments at the same time are higher or lower, never "increased".
 */
export function verdictKey(mode: CompareMode, change: CompareAnswer['change']): MessageKey {
  if (!change.significant || change.diff === null || change.diff === 0) return mode === 'periods' ? 'an.compare.notSig' : 'an.compare.notSigDiff';
  if (mode === 'periods') return change.diff > 0 ? 'an.compare.sigUp' : 'an.compare.sigDown';
  return change.diff > 0 ? 'an.compare.sigHigher' : 'an.compare.sigLower';
}

type T = Translate;

/** The name of what a side is: a location, "rest of <region> (without <store>)", "rest of the company", … */
export function sideName(side: CompareSide, t: T): string {
  // Names are isolated (FSI…PDI) so a Latin name inside a Persian sentence keeps its place and brackets.
  const isolate = (s: string) => `\u2068${s}\u2069`;
  const name = side.location ? isolate(side.location.name) : '';
  const without = side.without ? isolate(side.without.name) : '';
  switch (side.kind) {
    case 'all': return t('an.compare.side.all');
    case 'scope': return side.location ? side.location.name : t('an.compare.side.scope');
    case 'location': return side.location?.name ?? '';
    case 'rest_of_location': return t('an.compare.side.restOf', { name, without });
    case 'rest_of_scope': return t('an.compare.side.restOfScope', { without });
    case 'rest_of_all': return t('an.compare.side.restOfAll', { without });
    case 'rest_of_company': return t('an.compare.side.restOfCompany');
  }
}

/** A side's period in words (`day` formats a YYYY-MM-DD), "all time" when both ends are open. */
export function sidePeriod(side: CompareSide, t: T, day: (d: string) => string): string {
  if (side.from && side.to) return t('an.compare.side.period', { from: day(side.from), to: day(side.to) });
  if (side.from) return t('an.compare.side.since', { from: day(side.from) });
  if (side.to) return t('an.compare.side.until', { to: day(side.to) });
  return t('an.compare.side.allTime');
}

/** A side's segments as `Dimension name: value` pairs ('' for all customers). */
export function sideSegments(side: CompareSide): string {
  return side.segments.map((s) => `${dimensionLabel(s.key)}: ${s.value}`).join(' · ');
}
