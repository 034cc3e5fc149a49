import { describe, expect, it } from 'vitest';
import { needsFirstResponseVersion, shownToEveryRespondent, skippedCount } from './skipped.ts';

describe('skipped answers (nps.v1 "skipped")', () => {
  it('counts responses without an answer when the question is always shown', () => {
    // 5 responses, 3 answered: 5 - 3 = 2 skipped.
    expect(skippedCount({}, { responses: 5, answered: 3, firstResponseVersion: 1 })).toBe(2);
    // Everyone answered: 0, not null.
    expect(skippedCount({ addedInVersion: 1 }, { responses: 4, answered: 4, firstResponseVersion: 1 })).toBe(0);
    // No responses yet.
    expect(skippedCount({}, { responses: 0, answered: 0, firstResponseVersion: null })).toBe(0);
  });

  it('is unknown (null) when some responses may not have seen the question', () => {
    const input = { responses: 5, answered: 3, firstResponseVersion: 1 };
    expect(skippedCount({ showIf: { question: 'overall', op: 'lte', value: 8 } }, input)).toBeNull();
    expect(skippedCount({ archivedInVersion: 3 }, input)).toBeNull();
    // Added in version 2 while the first response answered version 1.
    expect(skippedCount({ addedInVersion: 2 }, input)).toBeNull();
  });

  it('counts a question added before the first response came in', () => {
    // A live survey edited to version 3 before anyone answered: its first response is version 3.
    expect(shownToEveryRespondent({ addedInVersion: 3 }, 3)).toBe(true);
    expect(skippedCount({ addedInVersion: 3 }, { responses: 10, answered: 7, firstResponseVersion: 3 })).toBe(3);
    expect(shownToEveryRespondent({ showIf: null, archivedInVersion: null }, 1)).toBe(true);
  });

  it('needs the first response version only for questions added after version 1', () => {
    expect(needsFirstResponseVersion({})).toBe(false);
    expect(needsFirstResponseVersion({ addedInVersion: 1 })).toBe(false);
    expect(needsFirstResponseVersion({ addedInVersion: 2 })).toBe(true);
    // Not looked up (null) is the same as looked up for a version-1 question: every version is >= 1.
    expect(shownToEveryRespondent({ addedInVersion: 1 }, null)).toBe(shownToEveryRespondent({ addedInVersion: 1 }, 1));
  });
});
