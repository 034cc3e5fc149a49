/**
 * @module Recovery (docs/closed-loop.md "Recovery"): whether a customer whose unhappy answer opened a
 * case answered better after it was resolved. The follow-up survey asks the NPS question again (0..10),
 * so the comparison is in the NPS groups of METRICS.md (nps.v1: detractors 0-6, passives 7-8,
 * promoters 9-10), not in raw points: a detractor who moves from 2 to 5 is still a detractor.
 *
 * - Opened by an NPS answer: recovered when the new answer is in a strictly higher group
 *   (detractor -> passive or promoter, passive -> promoter).
 * - Opened by another metric (CSAT, CES, a rating: another scale): recovered when the new NPS answer
 *   is not a detractor's (7 or more).
 * - No trigger score (a case made by hand, a review, a letter) or no recovery answer: not recovered.
 *
 * The recovery rate counts, among the cases opened by an NPS detractor answer that got a recovery
 * answer, the recovered ones ({@link inRecoveryRate}).
 */
import { npsGroup } from '../stats/nps.ts';

const GROUP_RANK = { detractor: 0, passive: 1, promoter: 2 } as const;

const isNpsScore = (s: number) => Number.isInteger(s) && s >= 0 && s <= 10;

export function isRecovered(triggerScore: number | null, triggerMetric: string | null, recoveryScore: number | null): boolean {
  if (triggerScore === null || recoveryScore === null || !isNpsScore(recoveryScore)) return false;
  if (triggerMetric === 'nps') {
    if (!isNpsScore(triggerScore)) return false;
    return GROUP_RANK[npsGroup(recoveryScore)] > GROUP_RANK[npsGroup(triggerScore)];
  }
  return npsGroup(recoveryScore) !== 'detractor';
}

/** A case in the recovery rate's denominator: opened by an NPS detractor answer, and the customer answered the follow-up. */
export function inRecoveryRate(triggerScore: number | null, triggerMetric: string | null, recoveryScore: number | null): boolean {
  return triggerMetric === 'nps' && triggerScore !== null && isNpsScore(triggerScore) && npsGroup(triggerScore) === 'detractor'
    && recoveryScore !== null && isNpsScore(recoveryScore);
}
