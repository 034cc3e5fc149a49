import { describe, expect, it } from 'vitest';
import { changedQuestionKey, LatestOnly, openAt } from './livePreview.ts';
import type { QuestionDef } from '../../../core/surveys/types.ts';

describe('LatestOnly', () => {
  it('accepts the answer of the latest request only', () => {
    const seq = new LatestOnly();
    const first = seq.next();
    expect(seq.isLatest(first)).toBe(true);
    const second = seq.next();
    // The first answer arrives after the second request went out: stale.
    expect(seq.isLatest(first)).toBe(false);
    expect(seq.isLatest(second)).toBe(true);
  });
});

describe('where the preview opens', () => {
  const q = (key: string, en: string): QuestionDef => ({ key, type: 'text', metric: 'none', required: false, text: { en } });
  const draft = [q('a', 'A'), q('b', 'B'), q('c', 'C')];

  it('names the first question that is new or differs, and none for the first draft or an unchanged one', () => {
    expect(changedQuestionKey(null, draft)).toBeNull();
    expect(changedQuestionKey(draft, [q('a', 'A'), q('b', 'B'), q('c', 'C')])).toBeNull();
    expect(changedQuestionKey(draft, [q('a', 'A'), q('b', 'B'), q('c', 'C!')])).toBe('c');
    expect(changedQuestionKey(draft, [q('a', 'A'), q('b', 'B2'), q('c', 'C!')])).toBe('b');
    expect(changedQuestionKey(draft, [...draft, q('d', 'D')])).toBe('d');
  });

  it('marks the page form with the question, and leaves the page alone without one', () => {
    const page = '<p>x</p><form class="sv" id="sv" method="post">';
    expect(openAt(page, 'third_q')).toBe('<p>x</p><form class="sv" id="sv" data-at="third_q" method="post">');
    expect(openAt(page, null)).toBe(page);
    expect(openAt(page, 'a"><script>')).toBe('<p>x</p><form class="sv" id="sv" data-at="ascript" method="post">');
  });
});
