import { describe, expect, it } from 'vitest';
import { inRecoveryRate, isRecovered } from './recovery.ts';

describe('isRecovered', () => {
  it('an NPS detractor is recovered only by a passive or promoter answer (a strictly higher group)', () => {
    expect(isRecovered(3, 'nps', 7)).toBe(true);
    expect(isRecovered(0, 'nps', 10)).toBe(true);
    expect(isRecovered(6, 'nps', 9)).toBe(true);
    // still a detractor, though higher
    expect(isRecovered(2, 'nps', 6)).toBe(false);
    expect(isRecovered(6, 'nps', 6)).toBe(false);
    expect(isRecovered(5, 'nps', 1)).toBe(false);
  });

  it('a passive is recovered by a promoter answer, not by another passive one', () => {
    expect(isRecovered(7, 'nps', 9)).toBe(true);
    expect(isRecovered(7, 'nps', 8)).toBe(false);
    expect(isRecovered(8, 'nps', 3)).toBe(false);
  });

  it('a promoter cannot move higher', () => {
    expect(isRecovered(9, 'nps', 10)).toBe(false);
  });

  it('another metric (CSAT 1..5) counts as recovered when the NPS answer is 7 or more', () => {
    expect(isRecovered(1, 'csat', 7)).toBe(true);
    expect(isRecovered(2, 'csat', 6)).toBe(false);
    expect(isRecovered(1, 'ces', 10)).toBe(true);
    expect(isRecovered(1, null, 8)).toBe(true);
  });

  it('no trigger score, no answer or an answer off the 0..10 scale: not recovered', () => {
    expect(isRecovered(null, null, 10)).toBe(false);
    expect(isRecovered(3, 'nps', null)).toBe(false);
    expect(isRecovered(3, 'nps', 11)).toBe(false);
    expect(isRecovered(3, 'nps', 7.5)).toBe(false);
    expect(isRecovered(12, 'nps', 9)).toBe(false);
  });
});

describe('inRecoveryRate', () => {
  it('counts NPS detractor cases with a recovery answer only', () => {
    expect(inRecoveryRate(4, 'nps', 2)).toBe(true);
    expect(inRecoveryRate(6, 'nps', 9)).toBe(true);
    expect(inRecoveryRate(7, 'nps', 9)).toBe(false);
    expect(inRecoveryRate(4, 'nps', null)).toBe(false);
    expect(inRecoveryRate(1, 'csat', 9)).toBe(false);
    expect(inRecoveryRate(null, null, 9)).toBe(false);
  });
});
