import { describe, expect, it } from 'vitest';
import {
  checkAnswers, employeeProgress, firstName, locationScores, meanAttemptScore, missingTexts, mostMissed, parseQuiz, QuizError, scoreAttempt, topicScores,
  type AttemptRow,
} from './quiz.ts';

const raw = {
  questions: [
    { key: 'q1', text: { en: 'Warranty?', ru: 'Гарантия?' }, topic: 'product', options: [{ key: 'a', text: { en: '1 year' } }, { key: 'b', text: { en: '2 years' } }], correct: ['b'] },
    {
      key: 'q2', text: { en: 'Which are greetings?' }, topic: 'standards',
      options: [{ key: 'x', text: { en: 'Hello' } }, { key: 'y', text: { en: 'Next!' } }, { key: 'z', text: { en: 'Good day' } }],
      correct: ['z', 'x'],
    },
    { key: 'q3', text: 'Return days?', options: [{ key: 'd14', text: '14' }, { key: 'd30', text: '30' }], correct: ['d14'] },
  ],
};

function problem(value: unknown): string {
  try {
    parseQuiz(value);
  } catch (err) {
    expect(err).toBeInstanceOf(QuizError);
    return (err as Error).message;
  }
  throw new Error('parsed');
}

describe('parseQuiz', () => {
  it('reads questions, options and the correct keys (in option order), plain texts as English', () => {
    const quiz = parseQuiz(raw);
    expect(quiz.questions.map((q) => q.key)).toEqual(['q1', 'q2', 'q3']);
    expect(quiz.questions[1].correct).toEqual(['x', 'z']);
    expect(quiz.questions[2].text).toEqual({ en: 'Return days?' });
    expect(quiz.questions[2].topic).toBeNull();
  });

  it('names the place of the first problem', () => {
    expect(problem(null)).toBe('definition: must be a JSON object with "questions"');
    expect(problem({ questions: [] })).toBe('questions: must be a non-empty array');
    expect(problem({ questions: [raw.questions[0], { ...raw.questions[0] }] })).toBe('questions[1].key: "q1" is used twice in the quiz');
    expect(problem({ questions: [{ ...raw.questions[0], options: [{ key: 'a', text: 'A' }] }] })).toBe('questions[0].options: must list at least 2 options');
    expect(problem({ questions: [{ ...raw.questions[0], correct: [] }] })).toBe('questions[0].correct: mark at least one option as correct');
    expect(problem({ questions: [{ ...raw.questions[0], correct: ['c'] }] })).toBe("questions[0].correct[0]: must be the key of one of this question's options (a, b)");
    expect(problem({ questions: [{ ...raw.questions[0], correct: ['a', 'a'] }] })).toBe('questions[0].correct[1]: "a" is listed twice');
    expect(problem({ questions: [{ ...raw.questions[0], text: { de: 'x' } }] })).toBe('questions[0].text.de: unknown language (one of en, ru, fa)');
    expect(problem({ questions: [{ ...raw.questions[0], text: { en: '  ' } }] })).toBe('questions[0].text: needs a text in at least one language');
    expect(problem({ questions: [{ ...raw.questions[0], options: [{ key: 'a', text: 'A' }, { key: 'a', text: 'B' }] }] })).toBe('questions[0].options[1].key: "a" is used twice in this question');
    expect(problem({ questions: [{ ...raw.questions[0], key: 'a b' }] })).toBe('questions[0].key: must be 1-60 letters, digits, "_", "-" or "."');
  });

  it('lists the texts missing in the quiz languages', () => {
    const quiz = parseQuiz({ questions: [raw.questions[0]] });
    expect(missingTexts(quiz, ['en', 'ru'])).toEqual([
      { path: 'questions[0].options[0].text', language: 'ru' },
      { path: 'questions[0].options[1].text', language: 'ru' },
    ]);
  });
});

describe('scoring an attempt', () => {
  const quiz = parseQuiz(raw);

  it('is correct only when the chosen set equals the correct set; unanswered is wrong', () => {
    // q1 right, q2 only one of two greetings (wrong), q3 unanswered (wrong): 1 of 3 = 33.33...%
    const score = scoreAttempt(quiz, checkAnswers(quiz, { q1: 'b', q2: ['x'] }), 'general');
    expect(score).toMatchObject({ correct: 1, total: 3, percent: 100 / 3, unanswered: ['q3'] });
    expect(score.questions.map((q) => [q.key, q.correct, q.topic])).toEqual([['q1', true, 'product'], ['q2', false, 'standards'], ['q3', false, 'general']]);
  });

  it('accepts the multiple choice in any order; a superset is wrong', () => {
    expect(scoreAttempt(quiz, checkAnswers(quiz, { q1: 'a', q2: ['z', 'x'], q3: 'd14' })).correct).toBe(2);
    expect(scoreAttempt(quiz, checkAnswers(quiz, { q1: 'b', q2: ['x', 'y', 'z'], q3: 'd14' })).correct).toBe(2);
    expect(scoreAttempt(quiz, checkAnswers(quiz, { q1: 'b', q2: ['x', 'z'], q3: 'd14' })).percent).toBe(100);
  });

  it('refuses unknown questions and options and two options on a single choice', () => {
    expect(() => checkAnswers(quiz, { q9: 'a' })).toThrow('answers.q9: no such question in this quiz');
    expect(() => checkAnswers(quiz, { q1: 'c' })).toThrow('answers.q1: "c" is not an option of this question');
    expect(() => checkAnswers(quiz, { q1: ['a', 'b'] })).toThrow('answers.q1: choose one option');
  });
});

describe('roll-ups', () => {
  const t = (day: number) => new Date(Date.UTC(2026, 10, day));
  const attempts: AttemptRow[] = [
    // Ann: 1/4 then 3/4 then 2/4 (latest): first 25, latest 50, best 75, change +25
    { id: 'a3', employeeId: 'ann', locationId: 'L1', correct: 2, total: 4, at: t(5) },
    { id: 'a1', employeeId: 'ann', locationId: 'L1', correct: 1, total: 4, at: t(1) },
    { id: 'a2', employeeId: 'ann', locationId: 'L1', correct: 3, total: 4, at: t(3) },
    // Bob: one attempt 4/4
    { id: 'b1', employeeId: 'bob', locationId: 'L2', correct: 4, total: 4, at: t(2) },
    // nobody (employee deleted)
    { id: 'x1', employeeId: null, locationId: null, correct: 0, total: 4, at: t(2) },
  ];

  it('mean of the attempts, progress first vs latest per employee, means per location', () => {
    // (50 + 25 + 75 + 100 + 0) / 5 = 50
    expect(meanAttemptScore(attempts)).toBe(50);
    expect(meanAttemptScore([])).toBeNull();
    expect(employeeProgress(attempts)).toEqual([
      { employeeId: 'ann', attempts: 3, first: 25, latest: 50, best: 75, change: 25 },
      { employeeId: 'bob', attempts: 1, first: 100, latest: 100, best: 100, change: 0 },
    ]);
    // L1: (50 + 25 + 75) / 3 = 50; L2: 100
    expect(locationScores(attempts)).toEqual([{ locationId: 'L1', attempts: 3, mean: 50 }, { locationId: 'L2', attempts: 1, mean: 100 }]);
  });

  it('most missed by miss rate, then n', () => {
    expect(mostMissed([{ key: 'q1', n: 4, missed: 1 }, { key: 'q2', n: 4, missed: 3 }, { key: 'q3', n: 8, missed: 6 }, { key: 'q4', n: 0, missed: 0 }])).toEqual([
      { key: 'q3', n: 8, missed: 6, missRate: 0.75 },
      { key: 'q2', n: 4, missed: 3, missRate: 0.75 },
      { key: 'q1', n: 4, missed: 1, missRate: 0.25 },
    ]);
  });

  it('pools the answers per topic, no topic last', () => {
    expect(topicScores([{ topic: 'product', n: 4, correct: 3 }, { topic: null, n: 2, correct: 0 }, { topic: 'product', n: 4, correct: 1 }, { topic: 'greeting', n: 3, correct: 2 }])).toEqual([
      { topic: 'greeting', n: 3, correct: 2, percent: 200 / 3 },
      { topic: 'product', n: 8, correct: 4, percent: 50 },
      { topic: null, n: 2, correct: 0, percent: 0 },
    ]);
  });

  it('greets by the first word of the name', () => {
    expect(firstName('  Maryam  Ahmadi ')).toBe('Maryam');
  });
});
