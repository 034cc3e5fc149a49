import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { frozenChange, planRevision } from './revision.ts';
import type { QuestionDef } from './types.ts';

const en = (text: string) => ({ en: text });
const nps: QuestionDef = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: en('Recommend?'), scale: { min: 0, max: 10, style: 'numbers' } };
const csat: QuestionDef = { key: 'csat', type: 'rating', metric: 'csat', required: false, text: en('Satisfied?'), scale: { min: 1, max: 5, style: 'numbers' }, boxMin: 4 };
const choice: QuestionDef = {
  key: 'pick',
  type: 'single',
  metric: 'none',
  required: false,
  text: en('Pick'),
  options: [
    { value: 'a', label: en('A') },
    { value: 'b', label: en('B') },
  ],
};
const stored = [nps, csat, choice].map((q, i) => ({ ...q, id: `id-${q.key}`, addedInVersion: 1, archivedInVersion: null, position: i }));

function conflict(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('conflict');
    return err as DomainError;
  }
  throw new Error('expected a conflict');
}

describe('planRevision, free edits (draft without answers)', () => {
  it('replaces questions: keeps ids by key, deletes the rest, allows type changes', () => {
    const plan = planRevision(stored, [{ ...csat, type: 'rating', scale: { min: 1, max: 7, style: 'numbers' } }, { ...nps, key: 'new' }], 1, false);
    expect(plan.version).toBe(1);
    expect(plan.questions.map((q) => [q.key, q.id, q.position])).toEqual([
      ['csat', 'id-csat', 0],
      ['new', undefined, 1],
    ]);
    expect(plan.deleteIds.sort()).toEqual(['id-nps', 'id-pick']);
    expect(plan.added).toEqual(['new']);
  });
});

describe('planRevision, live surveys', () => {
  it('edits texts in place without a new version', () => {
    const plan = planRevision(stored, [{ ...nps, text: en('Would you recommend us?') }, csat, { ...choice, options: [{ value: 'a', label: en('Alpha') }, choice.options![1]] }], 3, true);
    expect(plan.version).toBe(3);
    expect(plan.questions.find((q) => q.key === 'nps')).toMatchObject({ id: 'id-nps', text: en('Would you recommend us?'), archivedInVersion: null });
    expect(plan.deleteIds).toEqual([]);
  });

  it('appends new questions after the existing ones and bumps the version', () => {
    const why: QuestionDef = { key: 'why', type: 'text', metric: 'none', required: false, text: en('Why?'), followsQuestionKey: 'nps' };
    const plan = planRevision(stored, [why, nps, csat, choice], 1, true);
    expect(plan.version).toBe(2);
    expect(plan.questions.map((q) => q.key)).toEqual(['nps', 'csat', 'pick', 'why']);
    expect(plan.questions.find((q) => q.key === 'why')).toMatchObject({ addedInVersion: 2, position: 3, archivedInVersion: null });
    expect(plan.added).toEqual(['why']);
  });

  it('archives removed questions instead of deleting them', () => {
    const plan = planRevision(stored, [nps, choice], 4, true);
    expect(plan.version).toBe(5);
    expect(plan.deleteIds).toEqual([]);
    expect(plan.questions.find((q) => q.key === 'csat')).toMatchObject({ id: 'id-csat', archivedInVersion: 5 });
    expect(plan.archived).toEqual(['csat']);
  });

  it('keeps archived questions archived and can restore an unchanged one', () => {
    const withArchived = stored.map((q) => (q.key === 'csat' ? { ...q, archivedInVersion: 2 } : q));
    const kept = planRevision(withArchived, [nps, choice], 2, true);
    expect(kept.version).toBe(2);
    expect(kept.questions.find((q) => q.key === 'csat')!.archivedInVersion).toBe(2);
    const restored = planRevision(withArchived, [nps, choice, csat], 2, true);
    expect(restored.version).toBe(3);
    expect(restored.restored).toEqual(['csat']);
    expect(restored.questions.find((q) => q.key === 'csat')!.archivedInVersion).toBeNull();
  });

  it('allows reordering existing questions without a new version', () => {
    const plan = planRevision(stored, [choice, csat, nps], 1, true);
    expect(plan.version).toBe(1);
    expect(plan.questions.map((q) => [q.key, q.position])).toEqual([
      ['pick', 0],
      ['csat', 1],
      ['nps', 2],
    ]);
  });

  it('refuses changes to type, metric, scale, box and option values with a message naming the question', () => {
    const err = conflict(() => planRevision(stored, [{ ...csat, type: 'nps', metric: 'nps', scale: { min: 0, max: 10, style: 'numbers' } }, nps, choice], 1, true));
    expect(err.message).toMatch(/type of question "csat".*Add a new question/);
    expect(err.details).toEqual({ question: 'csat', field: 'type' });
    conflict(() => planRevision(stored, [nps, { ...csat, scale: { min: 1, max: 7, style: 'numbers' } }, choice], 1, true));
    conflict(() => planRevision(stored, [nps, { ...csat, metric: 'none' }, choice], 1, true));
    conflict(() => planRevision(stored, [nps, { ...csat, boxMin: 5 }, choice], 1, true));
    conflict(() => planRevision(stored, [nps, csat, { ...choice, options: [{ value: 'a', label: en('A') }, { value: 'c', label: en('C') }] }], 1, true));
  });

  it('allows adding options and changing labels or the scale style', () => {
    const plan = planRevision(stored, [nps, { ...csat, scale: { min: 1, max: 5, style: 'stars' } }, { ...choice, options: [...choice.options!, { value: 'c', label: en('C') }] }], 1, true);
    expect(plan.version).toBe(1);
    expect(plan.questions.find((q) => q.key === 'pick')!.options).toHaveLength(3);
  });

  it('refuses a new question that reuses an archived key with another shape', () => {
    const withArchived = stored.map((q) => (q.key === 'csat' ? { ...q, archivedInVersion: 2 } : q));
    const err = conflict(() => planRevision(withArchived, [nps, choice, { ...csat, type: 'text', metric: 'none', scale: undefined, boxMin: undefined }], 2, true));
    expect(err.message).toMatch(/archived question "csat"/);
  });

  it('refuses an existing question that would refer to an appended one', () => {
    const extra: QuestionDef = { ...csat, key: 'extra' };
    const err = conflict(() => planRevision(stored, [nps, extra, { ...choice, showIf: { question: 'extra', op: 'answered' } }, csat], 1, true));
    expect(err.message).toMatch(/"pick" refers to "extra"/);
  });
});

describe('frozenChange', () => {
  it('ignores wording and names the first measuring field that changed', () => {
    expect(frozenChange(nps, { ...nps, text: en('Other'), required: false })).toBeNull();
    expect(frozenChange(csat, { ...csat, direction: 'higher_is_easier' })).toBe('direction');
    expect(frozenChange({ ...csat, attribute: 'speed' }, { ...csat, attribute: 'politeness' })).toBe('attribute');
  });
});
