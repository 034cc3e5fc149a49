import { describe, expect, it } from 'vitest';
import { ChecklistError, exportChecklist, parseChecklist } from './checklist.ts';
import { meanVisitScore, measuredAnswer, parseVisitAnswers, pooledScore, scoreSummary, scoreVisit, VisitAnswerError } from './scoring.ts';

// A store visit: greeting 2 + 1 points, checkout 3 (critical) + 4 points; values below are worked by hand.
const storeVisit = parseChecklist({
  name: 'Store visit',
  sections: [
    { key: 'welcome', name: 'Welcome', items: [
      { key: 'greet', text: 'Greeted within 30 s', points: 2, standard: 'greeting' },
      { key: 'smile', text: 'Smiled', points: 1, standard: 'greeting' },
    ] },
    { key: 'checkout', name: 'Checkout', items: [
      { key: 'receipt', text: 'Receipt given', points: 3, critical: true, standard: 'compliance' },
      { key: 'speed', text: 'Queue under 5 min', points: 4, standard: 'checkout_speed' },
    ] },
  ],
});

describe('scoreVisit', () => {
  it('scores earned / possible over all items when everything applies', () => {
    // earned 2 + 0 + 3 + 4 = 9 of 10
    const s = scoreVisit(storeVisit, { greet: 'yes', smile: 'no', receipt: 'yes', speed: 'yes' });
    expect(s.earned).toBe(9);
    expect(s.possible).toBe(10);
    expect(s.score).toBe(90);
    expect(s.autofail).toBe(false);
    expect(s.sections).toEqual([
      { key: 'welcome', score: 200 / 3, earned: 2, possible: 3 },
      { key: 'checkout', score: 100, earned: 7, possible: 7 },
    ]);
    expect(s.standards).toEqual([
      { key: 'greeting', score: 200 / 3, earned: 2, possible: 3 },
      { key: 'compliance', score: 100, earned: 3, possible: 3 },
      { key: 'checkout_speed', score: 100, earned: 4, possible: 4 },
    ]);
  });

  it('removes N/A items from both earned and possible', () => {
    // smile N/A: 2 + 3 + 0 = 5 of 2 + 3 + 4 = 9
    const s = scoreVisit(storeVisit, { greet: 'yes', smile: 'na', receipt: 'yes', speed: 'no' });
    expect(s.earned).toBe(5);
    expect(s.possible).toBe(9);
    expect(s.score).toBeCloseTo(55.5555555556, 9);
    expect(s.sections[0]).toEqual({ key: 'welcome', score: 100, earned: 2, possible: 2 });
  });

  it('gives partial points', () => {
    // greet 1 of 2, smile 1, receipt 3, speed 2.5 of 4: 7.5 of 10
    const s = scoreVisit(storeVisit, { greet: 1, smile: 'yes', receipt: 'yes', speed: 2.5 });
    expect(s.earned).toBe(7.5);
    expect(s.score).toBe(75);
    expect(s.items.find((i) => i.key === 'greet')?.failed).toBe(true);
  });

  it('autofails on a failed critical item but keeps earned and possible, and section scores without the autofail', () => {
    // receipt failed: 2 + 1 + 0 + 4 = 7 of 10, score 0
    const s = scoreVisit(storeVisit, { greet: 'yes', smile: 'yes', receipt: 'no', speed: 'yes' });
    expect(s.autofail).toBe(true);
    expect(s.score).toBe(0);
    expect(s.earned).toBe(7);
    expect(s.possible).toBe(10);
    expect(s.failedCritical).toEqual(['receipt']);
    expect(s.sections[1]).toMatchObject({ key: 'checkout', earned: 4, possible: 7 });
    expect(s.sections[1]!.score).toBeCloseTo(57.142857142857, 9);
  });

  it('autofails when a critical item earns less than its points', () => {
    const s = scoreVisit(storeVisit, { greet: 'yes', smile: 'yes', receipt: 2, speed: 'yes' });
    expect(s.autofail).toBe(true);
    expect(s.score).toBe(0);
  });

  it('does not autofail when the critical item is N/A', () => {
    // 2 + 1 + 4 = 7 of 7
    const s = scoreVisit(storeVisit, { greet: 'yes', smile: 'yes', receipt: 'na', speed: 'yes' });
    expect(s.autofail).toBe(false);
    expect(s.score).toBe(100);
  });

  it('gives an empty visit no score', () => {
    const s = scoreVisit(storeVisit, {});
    expect(s.score).toBeNull();
    expect(s.earned).toBe(0);
    expect(s.possible).toBe(0);
    expect(s.autofail).toBe(false);
    expect(s.sections.map((x) => x.score)).toEqual([null, null]);
    expect(s.unanswered).toEqual(['greet', 'smile', 'receipt', 'speed']);
  });

  it('gives an all-N/A visit no score', () => {
    expect(scoreVisit(storeVisit, { greet: 'na', smile: 'na', receipt: 'na', speed: 'na' }).score).toBeNull();
  });

  it('prints exactly the documented keys', () => {
    const summary = scoreSummary(scoreVisit(storeVisit, { greet: 'yes' }));
    expect(Object.keys(summary)).toEqual(['score', 'earned', 'possible', 'autofail', 'sections']);
    expect(summary).toEqual({
      score: 100, earned: 2, possible: 2, autofail: false,
      sections: [{ key: 'welcome', score: 100, earned: 2, possible: 2 }, { key: 'checkout', score: null, earned: 0, possible: 0 }],
    });
  });
});

describe('parseVisitAnswers', () => {
  it('accepts yes, no, na and points', () => {
    expect(parseVisitAnswers(storeVisit, { greet: 'yes', smile: 'na', receipt: 'no', speed: 0 })).toEqual({ greet: 'yes', smile: 'na', receipt: 'no', speed: 0 });
  });
  it('refuses unknown keys, other words and points out of range', () => {
    expect(() => parseVisitAnswers(storeVisit, { nothing: 'yes' })).toThrow(VisitAnswerError);
    expect(() => parseVisitAnswers(storeVisit, { greet: 'maybe' })).toThrow(/"yes", "no", "na"/);
    expect(() => parseVisitAnswers(storeVisit, { greet: 3 })).toThrow(/from 0 to 2/);
    expect(() => parseVisitAnswers(storeVisit, { greet: -1 })).toThrow(/from 0 to 2/);
    expect(() => parseVisitAnswers(storeVisit, [])).toThrow(VisitAnswerError);
  });
});

describe('measured items and roll-ups', () => {
  const timed = parseChecklist({
    name: { en: 'Call', ru: 'Звонок', fa: 'تماس' },
    sections: [{ key: 's', name: 'S', items: [
      { key: 'rings', text: 'Answered by the 3rd ring', points: 1, answerType: 'number', passRule: { op: 'lte', value: 3, unit: 'rings' } },
    ] }],
  });
  it('passes a measured value by the rule', () => {
    const item = timed.sections[0]!.items[0]!;
    expect(measuredAnswer(item, 3)).toBe('yes');
    expect(measuredAnswer(item, 4)).toBe('no');
  });
  it('pools items and averages visits', () => {
    expect(pooledScore([{ earned: 1, possible: 2 }, { earned: 3, possible: 6 }])).toEqual({ score: 50, earned: 4, possible: 8 });
    expect(pooledScore([])).toEqual({ score: null, earned: 0, possible: 0 });
    // (90 + 0 + 60) / 3 = 50; a visit with no score is left out
    expect(meanVisitScore([90, 0, null, 60])).toBe(50);
    expect(meanVisitScore([null])).toBeNull();
  });
});

describe('parseChecklist', () => {
  it('names the place of a problem', () => {
    expect(() => parseChecklist({ name: 'x', sections: [] })).toThrow('sections: must be a non-empty array');
    expect(() => parseChecklist({ name: 'x', sections: [{ key: 'a', items: [{ key: 'i', text: 't', points: -1 }] }] }))
      .toThrow('sections[0].items[0].points');
    expect(() => parseChecklist({ name: 'x', sections: [{ key: 'a', items: [{ key: 'i', text: 't', points: 1 }, { key: 'i', text: 'u', points: 1 }] }] }))
      .toThrow(/"i" is used twice/);
    expect(() => parseChecklist({ name: 'x', sections: [{ key: 'a', items: [{ key: 'i', text: 't', points: 1, answerType: 'number' }] }] }))
      .toThrow(ChecklistError);
  });
  it('round-trips through export', () => {
    const file = {
      name: 'Store visit',
      sections: [{ key: 'a', name: 'A', items: [
        { key: 'i', text: { en: 'Greets', ru: 'Приветствует' }, points: 2, critical: true, standard: 'greeting' },
        { key: 'p', text: 'Photo of the shelf', points: 0, answerType: 'photo', evidence: 'photo' },
      ] }],
    };
    expect(exportChecklist(parseChecklist(file))).toEqual(file);
  });
});
