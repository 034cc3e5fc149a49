import { describe, expect, it } from 'vitest';
import { answerAsRaw, answersAsRaw, cleanTimes, dropoff, type ProgressRecord } from './progress.ts';

describe('dropoff', () => {
  // Six respondents of a survey with questions a, b, c, d (d shown to nobody).
  const records: ProgressRecord[] = [
    { finished: true, answered: ['a', 'b', 'c'], atKey: 'c', times: { a: 4000, b: 10000, c: 2000 } },
    { finished: false, answered: ['a'], atKey: 'b', times: { a: 6000 } },
    { finished: false, answered: ['a', 'b'], atKey: 'c', times: { a: 3000, b: 20000 } },
    { finished: false, answered: [], atKey: 'a', times: {} },
    { finished: false, answered: ['a'], atKey: 'b', times: { a: 5000, b: 7000 } },
    { finished: true, answered: ['a', 'b', 'c'], atKey: 'c', times: { a: 2000, b: 4000, c: 3000 } },
  ];
  const d = dropoff(['a', 'b', 'c', 'd'], records);

  it('counts started and finished respondents', () => {
    expect(d.started).toBe(6);
    expect(d.finished).toBe(2);
  });

  it('counts per question who reached, answered and left it, with the median time', () => {
    // a: everyone reached it (the fourth only saw it); five answered; the fourth left there: 1/6.
    // Times 2, 3, 4, 5, 6 s: the median is 4 s.
    expect(d.questions[0]).toEqual({ key: 'a', reached: 6, answered: 5, left: 1, leftShare: 1 / 6, medianSeconds: 4, leavesHere: false });
    // b: respondents 1, 2, 3, 5, 6 reached it, 1, 3, 6 answered, 2 and 5 left there (2/5).
    // Times 4, 7, 10, 20 s: the median is the mean of 7 and 10.
    expect(d.questions[1]).toEqual({ key: 'b', reached: 5, answered: 3, left: 2, leftShare: 0.4, medianSeconds: 8.5, leavesHere: true });
    // c: 1, 3, 6 reached it, 1 and 6 answered (and finished there), 3 left there: 1/3 is above the 20% alert.
    expect(d.questions[2]).toEqual({ key: 'c', reached: 3, answered: 2, left: 1, leftShare: 1 / 3, medianSeconds: 2.5, leavesHere: true });
    expect(d.questions[3]).toEqual({ key: 'd', reached: 0, answered: 0, left: 0, leftShare: null, medianSeconds: null, leavesHere: false });
  });

  it('rounds the median to a tenth of a second and highlights nothing without leavers', () => {
    const only = dropoff(['a'], [{ finished: true, answered: ['a'], atKey: 'a', times: { a: 1234 } }]);
    expect(only).toEqual({ started: 1, finished: 1, questions: [{ key: 'a', reached: 1, answered: 1, left: 0, leftShare: 0, medianSeconds: 1.2, leavesHere: false }] });
    expect(dropoff(['a'], [])).toEqual({ started: 0, finished: 0, questions: [{ key: 'a', reached: 0, answered: 0, left: 0, leftShare: null, medianSeconds: null, leavesHere: false }] });
  });
});

describe('cleanTimes', () => {
  it('keeps whole milliseconds of known questions, capped at an hour', () => {
    const keys = new Set(['a', 'b', 'c', 'd', 'e']);
    expect(cleanTimes({ a: 1500.4, b: '2000', c: -1, zz: 5, d: 9e9, e: 'x' }, keys)).toEqual({ a: 1500, b: 2000, d: 3_600_000 });
    expect(cleanTimes(['a'], keys)).toEqual({});
    expect(cleanTimes(null, keys)).toEqual({});
  });
});

describe('answerAsRaw', () => {
  it('gives back what the form sent', () => {
    expect(answerAsRaw({ score: 0 })).toBe(0);
    expect(answerAsRaw({ choice: 'wait' })).toBe('wait');
    expect(answerAsRaw({ choices: ['wait', 'staff'] })).toEqual(['wait', 'staff']);
    expect(answerAsRaw({ text: 'Slow' })).toBe('Slow');
    expect(answersAsRaw({ nps: { score: 9 }, why: { text: 'ok' } })).toEqual({ nps: 9, why: 'ok' });
  });
});
