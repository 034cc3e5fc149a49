import { describe, expect, it } from 'vitest';
import { applyDisplayOrder, displayOrder, fnv1a, mulberry32, shuffled } from './displayOrder.ts';
import type { QuestionDef } from './types.ts';

// Reference values: FNV-1a test vectors (draft-eastlake-fnv) and mulberry32 outputs from an independent
// implementation (a few lines of Python with 32-bit masks); mulberry32(1)'s first value is the one published with it.
describe('fnv1a', () => {
  it('gives the published 32-bit test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

describe('mulberry32', () => {
  it('gives the reference sequence', () => {
    const r = mulberry32(1);
    expect(r()).toBe(0.6270739405881613);
    expect(r()).toBe(0.002735721180215478);
    expect(r()).toBe(0.5274470399599522);
    const z = mulberry32(0);
    expect(z()).toBe(0.26642920868471265);
  });
});

describe('shuffled', () => {
  it('is Fisher-Yates from the end', () => {
    // i=3: j=floor(0.5*4)=2 -> a b d c; i=2: j=floor(0.1*3)=0 -> d b a c; i=1: j=floor(0.9*2)=1 -> unchanged.
    const seq = [0.5, 0.1, 0.9];
    expect(shuffled(['a', 'b', 'c', 'd'], () => seq.shift()!)).toEqual(['d', 'b', 'a', 'c']);
  });
  it('leaves the input alone', () => {
    const input = ['a', 'b'];
    shuffled(input, () => 0);
    expect(input).toEqual(['a', 'b']);
  });
});

const opt = (v: string) => ({ value: v, label: { en: v.toUpperCase() } });
const q = (key: string, over: Partial<QuestionDef> = {}): QuestionDef => ({ key, type: 'text', metric: 'none', required: false, text: { en: key }, ...over });
const color = q('color', { type: 'single', randomizeOptions: true, options: ['a', 'b', 'c', 'd', 'e'].map(opt) });
const questions = [q('q1'), color, q('q2'), q('q3'), q('q4'), q('q5')];

describe('displayOrder', () => {
  it('shuffles a question\'s options with the seed "<key>|<question key>"', () => {
    // Reference: shuffle of a..e with mulberry32(fnv1a("k1|color")) is c d b a e; with "k2|color": a c d b e.
    expect(displayOrder({}, [color], 'k1')).toEqual({ color: ['c', 'd', 'b', 'a', 'e'] });
    expect(displayOrder({}, [color], 'k2')).toEqual({ color: ['a', 'c', 'd', 'b', 'e'] });
  });
  it('is the same for the same seed (a re-rendered page keeps its order)', () => {
    expect(displayOrder({ randomGroups: [['q2', 'q3', 'q4']] }, questions, 'abc12345')).toEqual(displayOrder({ randomGroups: [['q2', 'q3', 'q4']] }, questions, 'abc12345'));
  });
  it('shuffles a group\'s questions among the places the group takes', () => {
    // Reference: q2 q3 q4 with mulberry32(fnv1a("k1|@questions0")) is q4 q3 q2.
    const order = displayOrder({ randomGroups: [['q2', 'q3', 'q4']] }, questions, 'k1');
    expect(order).toEqual({ color: ['c', 'd', 'b', 'a', 'e'], '@questions': ['q1', 'color', 'q4', 'q3', 'q2', 'q5'] });
  });
  it('is null when nothing is randomised (options of a text question, a flag on a question without options)', () => {
    expect(displayOrder({}, [q('q1'), q('q2', { randomizeOptions: true })], 'k1')).toBeNull();
    expect(displayOrder({ randomGroups: [['q1']] }, [q('q1')], 'k1')).toBeNull();
  });
});

describe('applyDisplayOrder', () => {
  it('puts questions and options in the stored order', () => {
    const shown = applyDisplayOrder(questions, { color: ['e', 'a', 'b', 'c', 'd'], '@questions': ['q1', 'color', 'q3', 'q2', 'q4', 'q5'] });
    expect(shown.map((x) => x.key)).toEqual(['q1', 'color', 'q3', 'q2', 'q4', 'q5']);
    expect(shown[1].options!.map((o) => o.value)).toEqual(['e', 'a', 'b', 'c', 'd']);
  });
  it('keeps the definition order when the stored order no longer fits (a question added meanwhile)', () => {
    const shown = applyDisplayOrder(questions, { color: ['e', 'a'], '@questions': ['q2', 'q1'] });
    expect(shown.map((x) => x.key)).toEqual(questions.map((x) => x.key));
    expect(shown[1].options!.map((o) => o.value)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
