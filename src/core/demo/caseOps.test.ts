import { describe, expect, it } from 'vitest';
import { parseBusinessHours } from '../support/businessHours.ts';
import { DEMO_LOCATIONS } from './structure.ts';
import { DEMO_LOCATION_HOURS, DEMO_ORG_HOURS, DEMO_ROUTING_RULES, demoRecoveryScore } from './caseOps.ts';
import { createRng } from './random.ts';

describe('demo case operations', () => {
  it('writes hours the parser reads, for locations the demo has', () => {
    for (const hours of [DEMO_ORG_HOURS, ...Object.values(DEMO_LOCATION_HOURS)]) expect(typeof parseBusinessHours(hours, 'Europe/Moscow')).toBe('object');
    const keys = new Set(DEMO_LOCATIONS.map((l) => l.key));
    for (const key of [...Object.keys(DEMO_LOCATION_HOURS), ...DEMO_ROUTING_RULES.flatMap((r) => (r.location ? [r.location] : []))]) expect(keys.has(key)).toBe(true);
  });

  it('recovers about half the detractors, the others stay detractors', () => {
    const rng = createRng(7);
    const scores = Array.from({ length: 2000 }, () => demoRecoveryScore(rng, 3));
    const recovered = scores.filter((s) => s >= 7).length / scores.length;
    expect(recovered).toBeGreaterThan(0.5);
    expect(recovered).toBeLessThan(0.6);
    expect(scores.every((s) => Number.isInteger(s) && s >= 3 && s <= 10)).toBe(true);
    expect(scores.filter((s) => s < 7).every((s) => s <= 5)).toBe(true);
  });
});
