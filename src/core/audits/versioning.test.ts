import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parseChecklist } from './checklist.ts';
import { answeredItemTypes, planChecklistEdit, sameDefinition } from './versioning.ts';

const v1 = parseChecklist({
  name: 'Store visit',
  sections: [{ key: 'welcome', name: 'Welcome', items: [
    { key: 'greet', text: 'Greeted', points: 2 },
    { key: 'queue', text: 'Minutes in the queue', points: 3, answerType: 'number', passRule: { op: 'lte', value: 5 } },
  ] }],
});
const edit = (change: (raw: any) => void) => {
  const raw = JSON.parse(JSON.stringify(v1));
  change(raw);
  return parseChecklist(raw);
};
const none = new Map();

describe('planChecklistEdit', () => {
  it('stores nothing when the definition is the same (defaults written out or not)', () => {
    const same = parseChecklist({ name: 'Store visit', sections: [{ key: 'welcome', name: 'Welcome', items: [
      { key: 'greet', text: 'Greeted', points: 2, critical: false, answerType: 'yes_no', evidence: 'none' },
      { key: 'queue', text: 'Minutes in the queue', points: 3, answerType: 'number', passRule: { op: 'lte', value: 5 } },
    ] }] });
    expect(sameDefinition(v1, same)).toBe(true);
    // Stored as jsonb, objects come back in another key order: still the same.
    const texts = parseChecklist({ name: { ru: 'Визит', en: 'Visit' }, sections: [{ key: 's', items: [{ key: 'q', text: 'Q', points: 1 }] }] });
    const reordered = parseChecklist({ sections: [{ items: [{ points: 1, text: 'Q', key: 'q' }], key: 's' }], name: { en: 'Visit', ru: 'Визит' } });
    expect(sameDefinition(texts, reordered)).toBe(true);
    expect(sameDefinition(texts, parseChecklist({ name: { ru: 'Визит', en: 'Visit!' }, sections: [{ key: 's', items: [{ key: 'q', text: 'Q', points: 1 }] }] }))).toBe(false);
    expect(planChecklistEdit(v1, same, { version: 4, currentHasVisits: true, answeredTypes: answeredItemTypes([v1]) })).toEqual({ kind: 'unchanged', version: 4 });
  });

  it('replaces the current version in place when no visit used it', () => {
    const next = edit((r) => (r.sections[0].items[0].points = 5));
    expect(planChecklistEdit(v1, next, { version: 1, currentHasVisits: false, answeredTypes: none })).toEqual({ kind: 'replace', version: 1 });
  });

  it('makes a new version when visits used the current one: changed points, changed text, a removed item', () => {
    const opts = { version: 2, currentHasVisits: true, answeredTypes: answeredItemTypes([v1]) };
    expect(planChecklistEdit(v1, edit((r) => (r.sections[0].items[0].points = 5)), opts)).toEqual({ kind: 'new_version', version: 3 });
    expect(planChecklistEdit(v1, edit((r) => (r.sections[0].items[0].text = 'Greeted warmly')), opts)).toEqual({ kind: 'new_version', version: 3 });
    expect(planChecklistEdit(v1, edit((r) => r.sections[0].items.pop()), opts)).toEqual({ kind: 'new_version', version: 3 });
  });

  it("refuses a new answer type for an item key visits answered, naming the item's path", () => {
    const next = edit((r) => {
      r.sections[0].items[1] = { key: 'queue', text: 'Queue was short', points: 3, answerType: 'yes_no_na' };
    });
    let error: unknown;
    try {
      planChecklistEdit(v1, next, { version: 1, currentHasVisits: false, answeredTypes: answeredItemTypes([v1]) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('conflict');
    expect((error as DomainError).details).toEqual({ path: 'sections[0].items[1].answerType', key: 'queue' });
    // Without visits on any version, the same edit is free.
    expect(planChecklistEdit(v1, next, { version: 1, currentHasVisits: false, answeredTypes: none })).toEqual({ kind: 'replace', version: 1 });
  });

  it('keeps the frozen type of a key answered in an older version even after it was removed', () => {
    const v2 = edit((r) => r.sections[0].items.pop());
    const back = edit((r) => (r.sections[0].items[1].answerType = 'scale'));
    expect(() => planChecklistEdit(v2, back, { version: 2, currentHasVisits: false, answeredTypes: answeredItemTypes([v1]) })).toThrow(/visits answered item "queue" as number/);
  });
});
