/** A matrix inside the survey logic: its jumps are taken after its last row, and a jump to it lands on its first row. */
import { describe, expect, it } from 'vitest';
import { runFlow } from './flow.ts';
import { expandMatrices, groupMatrices } from './matrix.ts';
import type { QuestionDef } from './types.ts';

const nps: QuestionDef = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'How likely?' } };
const text = (key: string): QuestionDef => ({ key, type: 'text', metric: 'none', required: false, text: { en: key } });
const grid = (extra: Partial<QuestionDef> = {}): QuestionDef => ({
  key: 'svc', type: 'matrix', metric: 'csat', required: true, text: { en: 'Rate us' },
  scale: { min: 1, max: 5, style: 'numbers' }, rows: [{ key: 'speed', label: { en: 'Speed' } }, { key: 'staff', label: { en: 'Staff' } }], ...extra,
});

describe('matrix rows and jumps', () => {
  it('keeps a matrix\'s jumps on its last row only, and gives them back to the grid', () => {
    const rows = expandMatrices([grid({ jumps: [{ to: '@end' }] })]);
    expect(rows.map((q) => [q.key, q.jumps ?? null])).toEqual([['svc__speed', null], ['svc__staff', [{ to: '@end' }]]]);
    const [again] = groupMatrices(rows);
    expect(again).toMatchObject({ key: 'svc', type: 'matrix', jumps: [{ to: '@end' }] });
    expect(again.rows!.map((r) => r.key)).toEqual(['speed', 'staff']);
  });

  it('asks every row before the grid\'s unconditional end', () => {
    const survey = { questions: expandMatrices([nps, grid({ jumps: [{ to: '@end' }] }), text('after')]) };
    const flow = runFlow(survey, { nps: { score: 3 }, svc__speed: { score: 2 }, svc__staff: { score: 4 }, after: { text: 'x' } });
    expect(flow.shown.map((q) => q.key)).toEqual(['nps', 'svc__speed', 'svc__staff']);
    expect(flow.end).toMatchObject({ at: 'svc__staff', jump: 0 });
  });

  it('lands a jump to the matrix on its first row, skipping what is in between', () => {
    const survey = { questions: expandMatrices([{ ...nps, jumps: [{ when: { question: 'nps', op: 'gte', value: 9 }, to: 'svc' }] }, text('why'), grid()]) };
    expect(runFlow(survey, { nps: { score: 10 } }).shown.map((q) => q.key)).toEqual(['nps', 'svc__speed', 'svc__staff']);
    expect(runFlow(survey, { nps: { score: 5 } }).shown.map((q) => q.key)).toEqual(['nps', 'why', 'svc__speed', 'svc__staff']);
  });
});
