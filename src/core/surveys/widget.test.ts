import { describe, expect, it } from 'vitest';
import type { QuestionDef } from './types.ts';
import { isAllowedOrigin, matchesUrlPattern, normalizeOrigin, widgetQuestions, widgetQuietDays, WIDGET_URL_PATTERN_RE } from './widget.ts';

describe('normalizeOrigin', () => {
  it.each([
    ['https://shop.example', 'https://shop.example'],
    ['https://shop.example/', 'https://shop.example'],
    ['  HTTPS://Shop.Example  ', 'https://shop.example'],
    ['https://shop.example:443', 'https://shop.example'],
    ['http://shop.example:80', 'http://shop.example'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['https://shop.example:8443/', 'https://shop.example:8443'],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['https://xn--80ak6aa92e.com', 'https://xn--80ak6aa92e.com'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeOrigin(input)).toBe(expected);
  });

  it.each([
    '', '*', 'shop.example', 'https://', 'https://shop.example/path', 'https://shop.example?x=1', 'https://shop.example#top',
    'ftp://shop.example', 'javascript:alert(1)', 'https://user:pw@shop.example', 'https://*.shop.example', 'null', 'https://shop.example//',
  ])('refuses %j', (input) => {
    expect(normalizeOrigin(input)).toBeNull();
  });
});

describe('isAllowedOrigin', () => {
  const allowed = ['https://shop.example', 'http://localhost:8080'];
  it('grants exactly the listed origins as browsers send them', () => {
    expect(isAllowedOrigin(allowed, 'https://shop.example')).toBe(true);
    expect(isAllowedOrigin(allowed, 'http://localhost:8080')).toBe(true);
  });
  it.each([undefined, '', 'null', 'http://shop.example', 'https://shop.example:444', 'https://sub.shop.example', 'https://shop.example.evil', 'HTTPS://SHOP.EXAMPLE', 'https://shop.example/'])(
    'refuses %j',
    (origin) => {
      expect(isAllowedOrigin(allowed, origin)).toBe(false);
    },
  );
});

describe('matchesUrlPattern', () => {
  it.each([
    [null, '/anything', true],
    ['', '/', true],
    ['/checkout/*', '/checkout/pay', true],
    ['/checkout/*', '/checkout/', true],
    ['/checkout/*', '/checkout', false],
    ['/checkout/*', '/about/checkout/pay', false],
    ['/*/thanks', '/orders/42/thanks', true],
    ['/*/thanks', '/thanks', false],
    ['/a.b', '/a.b', true],
    ['/a.b', '/axb', false],
    ['/p(1)', '/p(1)', true],
    ['/search?', '/search', false],
    ['*', '/', true],
  ])('%j on %s: %s', (pattern, path, expected) => {
    expect(matchesUrlPattern(pattern, path)).toBe(expected);
  });

  it('accepts paths with wildcards as patterns, not full URLs or bare words', () => {
    expect(WIDGET_URL_PATTERN_RE.test('/checkout/*')).toBe(true);
    expect(WIDGET_URL_PATTERN_RE.test('/')).toBe(true);
    expect(WIDGET_URL_PATTERN_RE.test('checkout')).toBe(false);
    expect(WIDGET_URL_PATTERN_RE.test('https://shop.example/x')).toBe(false);
    expect(WIDGET_URL_PATTERN_RE.test('/a b')).toBe(false);
    expect(WIDGET_URL_PATTERN_RE.test(`/${'a'.repeat(199)}`)).toBe(true);
    expect(WIDGET_URL_PATTERN_RE.test(`/${'a'.repeat(200)}`)).toBe(false);
  });
});

describe('widgetQuietDays', () => {
  it.each([
    [30, { answered: 30, dismissed: 3 }],
    [3, { answered: 3, dismissed: 3 }],
    [2, { answered: 2, dismissed: 2 }],
    [1, { answered: 1, dismissed: 1 }],
    // No limit between surveys: answering does not silence the site, but a closed prompt still rests 3 days.
    [0, { answered: 0, dismissed: 3 }],
  ])('gap %i', (gap, expected) => {
    expect(widgetQuietDays(gap)).toEqual(expected);
  });
});

describe('widgetQuestions', () => {
  const nps: QuestionDef = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Recommend?' } };
  const csat: QuestionDef = { key: 'sat', type: 'rating', metric: 'csat', required: true, text: { en: 'Satisfied?' }, scale: { min: 1, max: 5, style: 'stars' } };
  const why: QuestionDef = { key: 'why', type: 'text', metric: 'none', required: false, text: { en: 'Why?' }, followsQuestionKey: 'nps' };
  const note: QuestionDef = { key: 'note', type: 'text', metric: 'none', required: false, text: { en: 'Anything else?' } };
  const choice: QuestionDef = { key: 'c', type: 'single', metric: 'none', required: true, text: { en: 'Which?' }, options: [{ value: 'a', label: { en: 'A' } }] };
  const live = (questions: QuestionDef[]) => ({ status: 'live' as const, questions });

  it('asks an NPS question with its "why?" follow-up as the comment', () => {
    expect(widgetQuestions(live([nps, why, note]))).toEqual({ score: nps, comment: why });
  });
  it('asks a CSAT rating without a comment when none follows it', () => {
    expect(widgetQuestions(live([csat, note]))).toEqual({ score: csat, comment: null });
  });
  it('skips archived questions', () => {
    expect(widgetQuestions(live([{ ...choice, archivedInVersion: 2 }, nps]))).toEqual({ score: nps, comment: null });
  });
  it('refuses what the prompt cannot ask', () => {
    expect(widgetQuestions({ status: 'draft', questions: [nps] })).toEqual({ problem: 'not_live' });
    expect(widgetQuestions({ status: 'closed', questions: [nps] })).toEqual({ problem: 'not_live' });
    expect(widgetQuestions(live([]))).toEqual({ problem: 'first_question' });
    expect(widgetQuestions(live([choice, nps]))).toEqual({ problem: 'first_question' });
    expect(widgetQuestions(live([why]))).toEqual({ problem: 'first_question' });
    expect(widgetQuestions(live([nps, choice]))).toEqual({ problem: 'required_questions' });
    expect(widgetQuestions(live([nps, { ...why, required: true }]))).toEqual({ problem: 'required_questions' });
  });
  it('refuses required questions shown on a condition: the score could show them, unanswered', () => {
    expect(widgetQuestions(live([nps, { ...choice, showIf: { question: 'nps', op: 'lte', value: 6 } }]))).toEqual({ problem: 'required_questions' });
  });
});
