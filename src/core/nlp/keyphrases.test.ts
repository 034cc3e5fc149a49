import { describe, expect, it } from 'vitest';
import { keyPhrases, weightedLogOdds } from './keyphrases.ts';
import { prepareText } from './prepare.ts';

const doc = (text: string, lang = 'en') => ({ text, prepared: prepareText(text, lang) });

describe('weighted log-odds with an informative Dirichlet prior', () => {
  // Toy corpus: A = "bad slow service", B = "good service"; unigrams only.
  // n^A = 3, n^B = 2, α0 = n^A + n^B = 5, α_w = 5 · (pooled count of w) / 5 = pooled count.
  // bad:     y^A 1, y^B 0, α 1: δ = ln(2/(3+5-1-1)) - ln(1/(2+5-0-1)) = ln(2/6) - ln(1/6) = ln 2 = 0.693147
  //          σ² = 1/2 + 1/1 = 1.5, z = 0.693147 / 1.224745 = 0.565952
  // service: y^A 1, y^B 1, α 2: δ = ln(3/5) - ln(3/4) = ln 0.8 = -0.223144; σ² = 1/3 + 1/3; z = -0.273294
  // good:    y^A 0, y^B 1, α 1: δ = ln(1/7) - ln(2/5) = -1.029619; σ² = 1 + 1/2; z = -0.840681
  it('matches the hand-computed numbers term by term', () => {
    const bad = weightedLogOdds(1, 3, 0, 2, 1, 5);
    expect(bad.delta).toBeCloseTo(0.693147, 6);
    expect(bad.z).toBeCloseTo(0.565952, 6);
    const good = weightedLogOdds(0, 3, 1, 2, 1, 5);
    expect(good.delta).toBeCloseTo(-1.029619, 6);
    expect(good.z).toBeCloseTo(-0.840681, 6);
  });

  it('ranks the toy corpus both ways, with counts and examples', () => {
    const r = keyPhrases([doc('bad slow service')], [doc('good service')], { maxN: 1, minCount: 1, minZ: 0 });
    expect(r.a.map((p) => [p.phrase, p.count, p.otherCount])).toEqual([
      ['bad', 1, 0],
      ['slow', 1, 0],
    ]);
    expect(r.a[0]!.delta).toBeCloseTo(0.693147, 6);
    expect(r.a[0]!.z).toBeCloseTo(0.565952, 6);
    expect(r.a[0]!.examples).toEqual(['bad slow service']);
    expect(r.b.map((p) => p.phrase)).toEqual(['good', 'service']);
    expect(r.b[0]!.z).toBeCloseTo(0.840681, 6);
    expect(r.b[1]!.delta).toBeCloseTo(0.223144, 6);
    expect(r.b[1]!.z).toBeCloseTo(0.273294, 6);
    expect(r.b[1]!.examples).toEqual(['good service']);
  });

  it('honours an explicit prior strength', () => {
    // α0 = 10: α_bad = 10 · 1/5 = 2; δ = ln(3/(3+10-1-2)) - ln(2/(2+10-0-2)) = ln(0.3) - ln(0.2) = 0.405465
    const r = keyPhrases([doc('bad slow service')], [doc('good service')], { maxN: 1, minCount: 1, minZ: 0, priorStrength: 10 });
    expect(r.a[0]!.delta).toBeCloseTo(0.405465, 6);
    expect(r.a[0]!.z).toBeCloseTo(0.405465 / Math.sqrt(1 / 3 + 1 / 2), 6);
  });

  it('counts stems and bigrams, shows the common written form, hides stop-word-only terms', () => {
    const detractors = ['Waited forever in the queue, cold food', 'we waited in a queue again', 'long queue, waiting. Cold food'].map((t) => doc(t));
    const promoters = ['friendly staff', 'the staff were friendly', 'quick and friendly'].map((t) => doc(t));
    const r = keyPhrases(detractors, promoters, { minCount: 2, minZ: 0 });
    const a = r.a.map((p) => p.phrase);
    expect(a).toContain('queue');
    expect(a).toContain('waited'); // "waited" x2 and "waiting" share the stem "wait"
    expect(a).toContain('cold food');
    expect(r.a.find((p) => p.phrase === 'waited')!.count).toBe(3);
    expect(a).not.toContain('the');
    expect(a).not.toContain('in the');
    expect(r.b.map((p) => p.phrase)).toContain('friendly');
    expect(r.b.map((p) => p.phrase)).toContain('staff');
  });
});
