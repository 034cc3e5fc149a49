import { describe, expect, it } from 'vitest';
import { checklistItems } from './checklist.ts';
import { scoreVisit } from './scoring.ts';
import { STARTER_CHECKLISTS, starterChecklist } from './starters.ts';

describe('starter checklists', () => {
  it('has every text in en, ru and fa', () => {
    for (const s of STARTER_CHECKLISTS) {
      const texts = [s.definition.name, ...s.definition.sections.map((x) => x.name), ...checklistItems(s.definition).map((i) => i.text)];
      for (const t of texts) expect(Object.keys(t as object).sort()).toEqual(['en', 'fa', 'ru']);
    }
  });

  it('scores the store visit out of 21 points, autofailing on a missing receipt', () => {
    // entrance 1+2+1+1, consultation 3+3+2 (the photo earns nothing), checkout 2+2+1, farewell 1+2 (the comment earns nothing)
    const def = starterChecklist('store_visit').definition;
    const all = Object.fromEntries(checklistItems(def).map((i) => [i.key, 'yes' as const]));
    expect(scoreVisit(def, all)).toMatchObject({ earned: 21, possible: 21, score: 100, autofail: false });
    expect(scoreVisit(def, { ...all, receipt: 'no' })).toMatchObject({ earned: 19, possible: 21, score: 0, autofail: true, failedCritical: ['receipt'] });
  });

  it('has a critical item in each starter', () => {
    expect(STARTER_CHECKLISTS.map((s) => checklistItems(s.definition).filter((i) => i.critical).map((i) => i.key))).toEqual([['receipt'], ['correct_info'], ['correct_answer']]);
  });
});
