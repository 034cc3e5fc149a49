import { describe, expect, it } from 'vitest';
import type { QuestionDef } from '../surveys/types.ts';
import { staffResults, type StaffRespondent } from './results.ts';

const q = (def: Partial<QuestionDef> & Pick<QuestionDef, 'key' | 'type'>): QuestionDef => ({ metric: 'none', required: false, text: { en: def.key }, ...def });
const QUESTIONS: QuestionDef[] = [
  q({ key: 'enps', type: 'nps', metric: 'nps' }),
  q({ key: 'why', type: 'text' }),
  q({ key: 'cust_nps', type: 'nps', staffRole: 'expected_nps' }),
  q({ key: 'sat', type: 'rating', scale: { min: 1, max: 5, style: 'numbers' }, boxMin: 4, staffRole: 'expected_csat' }),
  q({ key: 'complaints', type: 'multi', staffRole: 'expected_complaints', options: [{ value: 'a', label: {} }, { value: 'b', label: {} }, { value: 'c', label: {} }] }),
  q({ key: 'team', type: 'single', staffRole: 'team', options: [{ value: 'x', label: {} }, { value: 'y', label: {} }] }),
];

const person = (node: string, enps: number, extra: StaffRespondent['answers'] = {}): StaffRespondent => ({
  node,
  answers: { enps: { score: enps }, why: { text: 'secret' }, ...extra },
});

describe('staffResults', () => {
  it('computes eNPS, means, box shares and option shares per shown group by hand', () => {
    // Store C: six people scoring 10, 9, 9, 8, 3, 0 -> 3 promoters, 1 passive, 2 detractors: eNPS = 100 * (3 - 2) / 6 = 16.67.
    const c = [10, 9, 9, 8, 3, 0].map((s, i) =>
      person('C', s, {
        cust_nps: { score: [7, 8, 9, 6, 10, 2][i] }, // mean 42 / 6 = 7
        sat: { score: [5, 4, 4, 3, 2, 1][i] }, // mean 19 / 6; box (>= 4): 3 of 6 = 50%
        complaints: { choices: [['a'], ['a', 'b'], ['b'], ['c'], ['a'], ['a', 'c']][i] }, // a 4/6, b 2/6, c 2/6
      }),
    );
    const result = staffResults(QUESTIONS, [{ id: 'C', parentId: null }], c);
    expect(result.hidden).toBe(false);
    const [group] = result.groups;
    expect(group.id).toBe('C');
    expect(group.n).toBe(6);
    expect(group.enps).toEqual({ value: expect.closeTo(16.667, 2), promoters: 3, passives: 1, detractors: 2 });
    const byKey = Object.fromEntries(group.questions.map((x) => [x.key, x]));
    expect(Object.keys(byKey)).toEqual(['enps', 'cust_nps', 'sat', 'complaints']); // no texts, no team
    expect(byKey.cust_nps).toMatchObject({ hidden: false, answered: 6, mean: 7 });
    expect(byKey.sat).toMatchObject({ hidden: false, answered: 6, mean: expect.closeTo(19 / 6, 6), boxShare: 50 });
    expect((byKey.complaints as { options: unknown }).options).toEqual([
      { value: 'a', share: expect.closeTo(66.667, 2) },
      { value: 'b', share: expect.closeTo(33.333, 2) },
      { value: 'c', share: expect.closeTo(33.333, 2) },
    ]);
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(result.overall).toMatchObject({ n: 6 });
  });

  it('merges 3 + 4 into the region and keeps 6 and 12 apart; eNPS per group by hand', () => {
    // A: 3 people all 10; B: 4 people all 0 -> region group of 7: 3 promoters, 4 detractors = 100 * (3 - 4) / 7 = -14.29.
    // C: 6 people all 9 -> 100. D: 12 people, 6 x 10 and 6 x 7 -> 100 * 6 / 12 = 50.
    const people = [
      ...Array.from({ length: 3 }, () => person('A', 10)),
      ...Array.from({ length: 4 }, () => person('B', 0)),
      ...Array.from({ length: 6 }, () => person('C', 9)),
      ...Array.from({ length: 12 }, (_, i) => person('D', i < 6 ? 10 : 7)),
    ];
    const nodes = [{ id: 'N', parentId: null }, ...['A', 'B', 'C', 'D'].map((id) => ({ id, parentId: 'N' }))];
    const result = staffResults(QUESTIONS, nodes, people);
    expect(result.groups.map((g) => [g.id, g.n, g.merged, g.enps?.value])).toEqual([
      ['N', 7, ['A', 'B'], expect.closeTo(-14.286, 2)],
      ['C', 6, [], 100],
      ['D', 12, [], 50],
    ]);
    // 25 people, nothing hidden: promoters A 3 + C 6 + D 6 = 15, detractors B 4 -> 100 * (15 - 4) / 25 = 44.
    expect(result.overall?.enps?.value).toBeCloseTo(44, 9);
  });

  it('hides a question answered by fewer than 5 people of a group, and the overall when anything is hidden', () => {
    const people = [...Array.from({ length: 5 }, (_, i) => person('C', 9, i < 4 ? { sat: { score: 5 } } : {})), person('A', 1)];
    const nodes = [{ id: 'N', parentId: null }, { id: 'C', parentId: 'N' }, { id: 'A', parentId: 'N' }];
    const result = staffResults(QUESTIONS, nodes, people);
    expect(result.hidden).toBe(true);
    expect(result.overall).toBeNull();
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0].questions.find((x) => x.key === 'sat')).toEqual({ key: 'sat', type: 'rating', staffRole: 'expected_csat', hidden: true });
  });
});
