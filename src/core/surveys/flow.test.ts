import { describe, expect, it } from 'vitest';
import { evaluateLogic, logicQuestions, pageState, pipe, questionText, runFlow, thanksText, type FlowContext, type PageModel } from './flow.ts';
import { parseAnswers } from './logic.ts';
import type { AnswerMap, Logic, QuestionDef } from './types.ts';

const nps: QuestionDef = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'How likely?' } };
const plan: QuestionDef = {
  key: 'plan', type: 'single', metric: 'none', required: false, text: { en: 'Plan', ru: 'Тариф' },
  options: [{ value: 'basic', label: { en: 'Basic', ru: 'Базовый' } }, { value: 'pro', label: { en: 'Pro plan' } }],
};
const extras: QuestionDef = {
  key: 'extras', type: 'multi', metric: 'none', required: false, text: { en: 'Extras' },
  options: [{ value: 'tea', label: { en: 'Tea' } }, { value: 'cake', label: { en: 'Cake' } }, { value: 'jam', label: { en: 'Jam' } }],
};
const text = (key: string, required = false, extra: Partial<QuestionDef> = {}): QuestionDef => ({
  key, type: 'text', metric: 'none', required, text: { en: key }, ...extra,
});

describe('evaluateLogic: groups and subjects', () => {
  const answers: AnswerMap = { nps: { score: 4 }, plan: { choice: 'pro' } };
  const ctx: FlowContext = { hidden: { store: 'S-12', tier: 'gold' }, channel: 'email', language: 'fa' };
  const cases: Array<[string, Logic, boolean]> = [
    ['old single show-if', { question: 'nps', op: 'lte', value: 6 }, true],
    ['all: both hold', { all: [{ question: 'nps', op: 'lte', value: 6 }, { question: 'plan', op: 'eq', value: 'pro' }] }, true],
    ['all: one fails', { all: [{ question: 'nps', op: 'lte', value: 6 }, { question: 'plan', op: 'eq', value: 'basic' }] }, false],
    ['any: one holds', { any: [{ question: 'nps', op: 'gte', value: 9 }, { question: 'plan', op: 'eq', value: 'pro' }] }, true],
    ['any: none holds', { any: [{ question: 'nps', op: 'gte', value: 9 }, { question: 'plan', op: 'eq', value: 'basic' }] }, false],
    ['all: [] holds', { all: [] }, true],
    ['any: [] does not', { any: [] }, false],
    ['nested: any inside all', { all: [{ question: 'nps', op: 'lte', value: 6 }, { any: [{ channel: true, op: 'eq', value: 'sms' }, { language: true, op: 'eq', value: 'fa' }] }] }, true],
    ['nested: all inside any, both false', { any: [{ all: [{ question: 'nps', op: 'gte', value: 9 }] }, { hidden: 'tier', op: 'eq', value: 'silver' }] }, false],
    ['hidden eq', { hidden: 'store', op: 'eq', value: 'S-12' }, true],
    ['hidden in', { hidden: 'tier', op: 'in', value: ['gold', 'platinum'] }, true],
    ['hidden answered (present)', { hidden: 'store', op: 'answered' }, true],
    ['hidden answered (absent)', { hidden: 'order', op: 'answered' }, false],
    ['hidden lte is false (not a score)', { hidden: 'store', op: 'lte', value: 100 }, false],
    ['channel eq', { channel: true, op: 'eq', value: 'email' }, true],
    ['channel eq other', { channel: true, op: 'eq', value: 'qr' }, false],
    ['language in', { language: true, op: 'in', value: ['ru', 'fa'] }, true],
    ['language eq en', { language: true, op: 'eq', value: 'en' }, false],
  ];
  it.each(cases)('%s', (_name, logic, expected) => {
    expect(evaluateLogic(logic, answers, ctx)).toBe(expected);
  });

  it('an absent context makes hidden, channel and language conditions false', () => {
    expect(evaluateLogic({ channel: true, op: 'eq', value: 'email' }, answers)).toBe(false);
    expect(evaluateLogic({ hidden: 'store', op: 'answered' }, answers)).toBe(false);
  });

  it('lists the questions a logic reads', () => {
    expect(logicQuestions({ all: [{ question: 'a', op: 'answered' }, { any: [{ hidden: 'h', op: 'answered' }, { question: 'b', op: 'eq', value: 1 }] }] }))
      .toEqual(['a', 'b']);
    expect(logicQuestions(null)).toEqual([]);
  });
});

describe('runFlow: show-if groups and jumps', () => {
  // nps -> (detractors) jump to "why"; promoters (9+) end with their own thanks; the rest go through.
  const survey = {
    questions: [
      { ...nps, jumps: [{ when: { question: 'nps', op: 'gte', value: 9 }, to: '@end', thanks: { en: 'Glad you love it!' } }, { when: { question: 'nps', op: 'lte', value: 6 }, to: 'why' }] } as QuestionDef,
      text('middle', true),
      text('channel_only', false, { showIf: { channel: true, op: 'eq', value: 'kiosk' } }),
      text('why', true),
      text('last'),
    ],
  };
  const keys = (answers: AnswerMap, ctx?: FlowContext) => runFlow(survey, answers, ctx).shown.map((q) => q.key);

  it('a passive goes through every question (the channel-only one hidden on a link)', () => {
    expect(keys({ nps: { score: 7 } }, { channel: 'link' })).toEqual(['nps', 'middle', 'why', 'last']);
    expect(keys({ nps: { score: 7 } }, { channel: 'kiosk' })).toEqual(['nps', 'middle', 'channel_only', 'why', 'last']);
  });

  it('a detractor jumps over the questions in between', () => {
    expect(keys({ nps: { score: 3 } })).toEqual(['nps', 'why', 'last']);
  });

  it('a promoter ends at once with the jump\'s thanks; the later answers do not count', () => {
    const flow = runFlow(survey, { nps: { score: 10 }, middle: { text: 'x' }, why: { text: 'y' } });
    expect(flow.shown.map((q) => q.key)).toEqual(['nps']);
    expect(flow.answers).toEqual({ nps: { score: 10 } });
    expect(flow.end).toEqual({ at: 'nps', jump: 0, thanks: { en: 'Glad you love it!' } });
  });

  it('an unanswered question takes only jumps without a condition', () => {
    const always = { questions: [text('a', false, { jumps: [{ to: 'c' }] }), text('b'), text('c')] };
    expect(runFlow(always, {}).shown.map((q) => q.key)).toEqual(['a', 'c']);
    expect(keys({})).toEqual(['nps', 'middle', 'why', 'last']);
  });

  it('ignores a jump backwards or to an archived question (never a loop)', () => {
    const bad = {
      questions: [text('a'), text('b', false, { jumps: [{ to: 'a' }, { to: 'gone' }] }), text('gone', false, { archivedInVersion: 2 }), text('c')],
    };
    expect(runFlow(bad, {}).shown.map((q) => q.key)).toEqual(['a', 'b', 'c']);
  });

  it('parseAnswers applies jumps: a skipped required question is no error and its answer is dropped', () => {
    const parsed = parseAnswers(survey, { nps: '2', middle: 'should go', why: 'Slow' }, 'en');
    expect(parsed.errors).toEqual({});
    expect(parsed.answers).toEqual({ nps: { score: 2 }, why: { text: 'Slow' } });
    expect(parsed.end).toBeNull();
    expect(Object.keys(parseAnswers(survey, { nps: '7' }, 'en').errors)).toEqual(['middle', 'why']);
    expect(parseAnswers(survey, { nps: '9', why: 'x' }, 'en')).toEqual({ answers: { nps: { score: 9 } }, errors: {}, end: { at: 'nps', jump: 0, thanks: { en: 'Glad you love it!' } } });
  });

  it('parseAnswers reads hidden fields and the channel from its context', () => {
    const s = { questions: [text('vip', true, { showIf: { all: [{ hidden: 'tier', op: 'eq', value: 'gold' }, { channel: true, op: 'eq', value: 'email' }] } })] };
    expect(Object.keys(parseAnswers(s, {}, 'en', { hidden: { tier: 'gold' }, channel: 'email' }).errors)).toEqual(['vip']);
    expect(Object.keys(parseAnswers(s, {}, 'en', { hidden: { tier: 'gold' }, channel: 'link' }).errors)).toEqual([]);
  });
});

describe('piping', () => {
  const questions = [nps, plan, extras, text('name')];
  const answers: AnswerMap = { nps: { score: 10 }, plan: { choice: 'basic' }, extras: { choices: ['tea', 'jam'] }, name: { text: ' Ana ' } };
  const env = (lang: string, ctx: FlowContext = {}) => ({ answers, questions, lang, fallback: 'en', ctx });

  it('recalls a choice by its label in the language, a score in the language\'s digits, a text as written', () => {
    expect(pipe('You chose {{plan}} and gave {{nps}}, {{name}}.', env('en'))).toBe('You chose Basic and gave 10, Ana.');
    expect(pipe('{{plan}}: {{nps}}', env('ru'))).toBe('Базовый: 10');
    expect(pipe('{{nps}} از ده', env('fa'))).toBe('۱۰ از ده');
    expect(pipe('{{extras}}', env('en'))).toBe('Tea and Jam');
  });

  it('uses the fallback only when the value is empty; a missing value without one is nothing', () => {
    expect(pipe('Hi {{missing|there}}!', env('en'))).toBe('Hi there!');
    expect(pipe('Hi {{name|there}}!', env('en'))).toBe('Hi Ana!');
    expect(pipe('Hi {{missing}}!', env('en'))).toBe('Hi !');
    expect(pipe('Order {{hidden.order|unknown}}', env('en'))).toBe('Order unknown');
  });

  it('reads hidden fields and contact attributes, and returns plain text (the page escapes it)', () => {
    const ctx = { hidden: { order: '<script>alert(1)</script>' }, contact: { name: 'Leyla', city: 'Tabriz' } };
    expect(pipe('Order {{hidden.order}}', env('en', ctx))).toBe('Order <script>alert(1)</script>');
    expect(pipe('{{contact.name}} from {{ contact.city }}', env('en', ctx))).toBe('Leyla from Tabriz');
    expect(pipe('{{contact.name|friend}}', env('en'))).toBe('friend');
  });

  it('leaves text without placeholders (and malformed ones) as it is', () => {
    expect(pipe('{not} {{a b}} {{}}', env('en'))).toBe('{not} {{a b}} {{}}');
  });

  it('pipes question texts, "why?" wordings and thanks', () => {
    const why = text('why', false, { text: { en: 'Why {{nps}}?' }, followsQuestionKey: 'nps', whyTexts: { promoter: { en: 'What do you love, {{name|friend}}?' } } });
    const s = { questions: [...questions, why], thanks: { en: 'Thanks, {{name}}!' } };
    expect(questionText(why, { nps: { score: 10 } }, s, 'en', 'en')).toBe('What do you love, friend?');
    expect(questionText(why, { nps: { score: 3 } }, s, 'en', 'en')).toBe('Why 3?');
    expect(thanksText(s, { answers, end: null }, { lang: 'en', fallback: 'en' }, 'Thank you!')).toBe('Thanks, Ana!');
    expect(thanksText(s, { answers, end: { at: 'nps', jump: 0, thanks: { en: 'Thank you! See you, {{name}}.' } } }, { lang: 'en', fallback: 'en' }, 'Thank you!'))
      .toBe('See you, Ana.');
  });
});

describe('pageState (what the page script runs)', () => {
  const model: PageModel = {
    lang: 'en',
    heading: 'Thank you!',
    thanks: { en: 'Thanks.' },
    ctx: { channel: 'link', hidden: {}, contact: {} },
    questions: [
      { ...plan, text: { en: 'Plan?' }, jumps: [{ when: { question: 'plan', op: 'eq', value: 'pro' }, to: '@end', thanks: { en: 'Enjoy {{plan}}!' } }] },
      { ...text('more'), text: {} },
      { ...text('why'), text: { en: 'Why {{plan|that}}?' } },
    ],
  };

  it('shows every question before an answer, with fallbacks piped', () => {
    expect(pageState(model, {})).toEqual({
      shown: ['plan', 'more', 'why'], texts: { plan: 'Plan?', why: 'Why that?' }, labels: {}, thanks: 'Thanks.', ended: false,
    });
  });

  it('ends after the jump with its own thanks, piped', () => {
    const s = pageState(model, { plan: ['pro'], more: ['ignored'] });
    expect(s.shown).toEqual(['plan']);
    expect(s.ended).toBe(true);
    expect(s.thanks).toBe('Enjoy Pro plan!');
  });

  it('pipes an answer into a later text', () => {
    expect(pageState(model, { plan: ['basic'] }).texts.why).toBe('Why Basic?');
  });
});
