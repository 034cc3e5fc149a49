import { describe, expect, it } from 'vitest';
import { labelOfScore, parseLabelledTsv } from './labels.ts';

describe('labelOfScore', () => {
  it('maps NPS 0-6 / 7-8 / 9-10', () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => labelOfScore(s, 'nps'))).toEqual(['negative', 'negative', 'neutral', 'neutral', 'positive', 'positive']);
  });
  it('maps CSAT 1-2 / 3 / 4-5', () => {
    expect([1, 2, 3, 4, 5].map((s) => labelOfScore(s, 'csat5'))).toEqual(['negative', 'negative', 'neutral', 'positive', 'positive']);
  });
  it('refuses scores off the scale', () => {
    expect([-1, 11, 6.5].map((s) => labelOfScore(s, 'nps'))).toEqual([null, null, null]);
    expect([0, 6].map((s) => labelOfScore(s, 'csat5'))).toEqual([null, null]);
  });
});

describe('parseLabelledTsv', () => {
  it('reads labels, skips a header and blank lines, keeps tabs inside the text', () => {
    const r = parseLabelledTsv('label\ttext\r\nPositive\tgreat\t:)\n\nnegative\tslow\n');
    expect(r).toEqual({ examples: [{ label: 'positive', text: 'great\t:)' }, { label: 'negative', text: 'slow' }], problems: [] });
  });

  it('reads scores with a scale', () => {
    expect(parseLabelledTsv('score\ttext\n10\tsuper\n7\tok\n3\tbad', 'nps').examples.map((e) => e.label)).toEqual(['positive', 'neutral', 'negative']);
  });

  it('reports every bad line with its number', () => {
    const r = parseLabelledTsv('positive\tfine\nno tab here\ngood\ttext\n5\tscore without scale\nneutral\t  \n');
    expect(r.problems).toEqual([
      { line: 2, message: 'expected "label<TAB>text", found no TAB' },
      { line: 3, message: '"good" is not a label: use negative, neutral or positive' },
      { line: 4, message: '"5" is not a label: use negative, neutral or positive (scores need --scale nps or --scale csat5)' },
      { line: 5, message: 'the text is empty' },
    ]);
    expect(parseLabelledTsv('11\ttoo high', 'nps').problems).toEqual([{ line: 1, message: '"11" is not a whole score from 0 to 10 (--scale nps)' }]);
  });
});
