import { describe, expect, it } from 'vitest';
import { MIN_GROUP, planGroups, visibleAnswerCount, type GroupNode } from './anonymity.ts';

const tree = (pairs: Array<[string, string | null]>): GroupNode[] => pairs.map(([id, parentId]) => ({ id, parentId }));
const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('planGroups (MIN_GROUP = 5)', () => {
  it('is five', () => expect(MIN_GROUP).toBe(5));

  it('shows groups of 5 or more and merges the small ones into their parent', () => {
    // Region N (no own respondents) with stores A 3, B 4, C 6, D 12: C and D shown; A + B = 7 shown as N.
    const nodes = tree([['N', null], ['A', 'N'], ['B', 'N'], ['C', 'N'], ['D', 'N']]);
    const plan = planGroups(nodes, counts({ A: 3, B: 4, C: 6, D: 12 }));
    expect(plan.shown).toEqual([
      { id: 'N', n: 7, merged: ['A', 'B'] },
      { id: 'C', n: 6, merged: [] },
      { id: 'D', n: 12, merged: [] },
    ]);
    expect(plan.hidden).toBe(false);
    expect(Object.fromEntries(plan.groupOf)).toEqual({ A: 'N', B: 'N', C: 'C', D: 'D' });
  });

  it('hides what is still under 5 at the top, without its size', () => {
    // Only A (3) is small: merged into N it is still 3, so it is hidden; C shown.
    const plan = planGroups(tree([['N', null], ['A', 'N'], ['C', 'N']]), counts({ A: 3, C: 6 }));
    expect(plan.shown).toEqual([{ id: 'C', n: 6, merged: [] }]);
    expect(plan.hidden).toBe(true);
    expect(plan.groupOf.get('A')).toBeNull();
    expect(JSON.stringify(plan.shown)).not.toContain('3');
  });

  it('never shows a parent roll-up: a shown parent counts only its own and merged respondents', () => {
    // N own 2 + A 3 = 5 shown as N; C (6) shown alone and not counted in N.
    const plan = planGroups(tree([['N', null], ['A', 'N'], ['C', 'N']]), counts({ N: 2, A: 3, C: 6 }));
    expect(plan.shown).toEqual([
      { id: 'N', n: 5, merged: ['A'] },
      { id: 'C', n: 6, merged: [] },
    ]);
  });

  it('merges teams into their location and the rest further up', () => {
    // Store S: own 1, team checkout 6, team warehouse 3; store T 2; region R above both.
    // checkout shown; S keeps 1 + 3 = 4 (< 5) and passes it up; R pools 4 + 2 = 6 and is shown.
    const nodes = tree([['R', null], ['S', 'R'], ['S:checkout', 'S'], ['S:warehouse', 'S'], ['T', 'R']]);
    const plan = planGroups(nodes, counts({ S: 1, 'S:checkout': 6, 'S:warehouse': 3, T: 2 }));
    expect(plan.shown).toEqual([
      { id: 'R', n: 6, merged: ['S', 'S:warehouse', 'T'] },
      { id: 'S:checkout', n: 6, merged: [] },
    ]);
    expect(plan.hidden).toBe(false);
  });

  it('gives a subtree the same groups as the whole tree, hiding its own small remainder', () => {
    const whole = planGroups(tree([['N', null], ['A', 'N'], ['B', 'N'], ['C', 'N']]), counts({ A: 3, B: 4, C: 6 }));
    const onlyA = planGroups(tree([['A', null]]), counts({ A: 3 }));
    const onlyC = planGroups(tree([['C', null]]), counts({ C: 6 }));
    expect(onlyA).toMatchObject({ shown: [], hidden: true });
    expect(onlyC.shown).toEqual(whole.shown.filter((g) => g.id === 'C'));
  });

  it('treats a node whose parent is outside the list as a root, and survives a cycle', () => {
    const plan = planGroups(tree([['A', 'outside'], ['X', 'Y'], ['Y', 'X']]), counts({ A: 5, X: 2, Y: 3 }));
    // X and Y point at each other: X is taken as the root of the cycle, pooling 2 + 3 = 5.
    expect(plan.shown.map((g) => [g.id, g.n, g.merged])).toEqual([['A', 5, []], ['X', 5, ['Y']]]);
    expect(plan.hidden).toBe(false);
  });

  it('shows nothing and hides nothing without respondents', () => {
    expect(planGroups(tree([['N', null]]), counts({}))).toMatchObject({ shown: [], hidden: false });
  });
});

describe('visibleAnswerCount', () => {
  it('shows a staff count only from 5 up, a customer count always', () => {
    expect(visibleAnswerCount('staff', 0)).toBeNull();
    expect(visibleAnswerCount('staff', 4)).toBeNull();
    expect(visibleAnswerCount('staff', 5)).toBe(5);
    expect(visibleAnswerCount('staff', 12)).toBe(12);
    expect(visibleAnswerCount('customers', 0)).toBe(0);
    expect(visibleAnswerCount('customers', 3)).toBe(3);
  });
});
