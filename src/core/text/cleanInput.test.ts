import { describe, expect, it } from 'vitest';
import { cleanInput, cleanText, hasInvalidUnicode, MAX_INPUT_DEPTH, stripControlCharacters } from './cleanInput.ts';

describe('stripControlCharacters', () => {
  it.each([
    ['a\u0000b', 'ab'],
    ['\u0000', ''],
    ['\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008', ''],
    ['x\u000By\u000Cz', 'xyz'],
    ['\u000E\u000F\u0010\u001A\u001B\u001F', ''],
    ['del\u007F', 'del'],
    ['c1\u0080\u0085\u009F.', 'c1.'],
  ])('removes control characters from %j', (input, expected) => {
    expect(stripControlCharacters(input)).toBe(expected);
  });

  it.each([
    'tab\there',
    'line\nfeed',
    'carriage\r\nreturn',
    ' spaces  ',
    'Долго ждал',
    'خیلی خوب بود',
    'emoji 😀 👍🏽',
    '\u00A0no-break space and \u00A0é (U+00A0, U+00E9 are not controls)',
    'zero\u200Bwidth and \u200E marks stay (formatting characters, not controls)',
    '',
  ])('keeps %j', (input) => {
    expect(stripControlCharacters(input)).toBe(input);
  });
});

describe('hasInvalidUnicode', () => {
  it.each([
    ['\uD800', true],
    ['a\uD800b', true],
    ['\uDFFF', true],
    ['end\uDBFF', true],
    ['\uDC00\uD800', true], // the halves in the wrong order
    ['\uD83D\uDE00\uD83D', true], // a pair followed by a lone high half
    ['\uFFFE', true],
    ['x\uFFFFy', true],
  ])('finds invalid Unicode in %j', (input, expected) => {
    expect(hasInvalidUnicode(input)).toBe(expected);
  });

  it.each(['', 'plain', '\uD800\uDC00', '😀', '\uFFFD', '\uFFFC', '\uFEFF', 'a\u0000b', '\u{10FFFD}'])('accepts %j', (input) => {
    expect(hasInvalidUnicode(input)).toBe(false);
  });
});

describe('cleanText', () => {
  it('replaces each lone surrogate and non-character with U+FFFD under "replace"', () => {
    expect(cleanText('a\uD800b', 'replace')).toBe('a\uFFFDb');
    expect(cleanText('\uDC00\uD800', 'replace')).toBe('\uFFFD\uFFFD');
    expect(cleanText('ok 😀 \uD83D', 'replace')).toBe('ok 😀 \uFFFD');
    expect(cleanText('\uFFFE\uFFFF', 'replace')).toBe('\uFFFD\uFFFD');
  });

  it('refuses invalid Unicode under "refuse"', () => {
    expect(cleanText('a\uD800b', 'refuse')).toBeNull();
    expect(cleanText('\uFFFF', 'refuse')).toBeNull();
  });

  it('strips control characters under both policies', () => {
    expect(cleanText('a\u0000b', 'refuse')).toBe('ab');
    expect(cleanText('a\u0000b', 'replace')).toBe('ab');
    expect(cleanText('Why?\r\n\tBecause\u0007.', 'refuse')).toBe('Why?\r\n\tBecause.');
  });

  it('judges Unicode before stripping, so a removed NUL never joins two halves', () => {
    expect(cleanText('\uD83D\u0000\uDE00', 'replace')).toBe('\uFFFD\uFFFD');
    expect(cleanText('\uD83D\u0000\uDE00', 'refuse')).toBeNull();
  });
});

describe('cleanInput', () => {
  it('cleans strings at any depth, keys included, and keeps other values', () => {
    const input = { email: 'a\u0000@b.test', n: 5, ok: true, none: null, list: ['x\u0001', 7, { 'k\u0002ey': 'v\u007F' }] };
    expect(cleanInput(input, 'refuse')).toEqual({ ok: true, value: { email: 'a@b.test', n: 5, ok: true, none: null, list: ['x', 7, { key: 'v' }] } });
  });

  it('returns the same object when nothing changes', () => {
    const input = { a: ['b', { c: 'd' }], e: 1 };
    const result = cleanInput(input, 'refuse');
    expect(result.ok && result.value).toBe(input);
  });

  it('does not change its input', () => {
    const input = { a: 'x\u0000', b: ['\uD800'] };
    cleanInput(input, 'replace');
    expect(input).toEqual({ a: 'x\u0000', b: ['\uD800'] });
  });

  it('cleans a bare string (a text/csv body)', () => {
    expect(cleanInput('code,name\nA1,Shop\u0000 1\n', 'refuse')).toEqual({ ok: true, value: 'code,name\nA1,Shop 1\n' });
  });

  it('names the refused field as a dotted path', () => {
    expect(cleanInput({ email: '\uD800' }, 'refuse')).toEqual({ ok: false, field: 'email', problem: 'invalid_unicode' });
    expect(cleanInput({ questions: [{ text: { en: 'ok' } }, { text: { en: 'bad \uDFFF' } }] }, 'refuse')).toEqual({
      ok: false, field: 'questions.1.text.en', problem: 'invalid_unicode',
    });
    expect(cleanInput('\uFFFE', 'refuse')).toEqual({ ok: false, field: '', problem: 'invalid_unicode' });
  });

  it('refuses an invalid key, naming it with U+FFFD in place of the invalid character', () => {
    expect(cleanInput({ dims: { 'a\uD800': 'x' } }, 'refuse')).toEqual({ ok: false, field: 'dims.a\uFFFD', problem: 'invalid_unicode' });
  });

  it('replaces invalid Unicode in values and keys under "replace"', () => {
    expect(cleanInput({ q_why: 'a\uD800b', ['h_\uDC00']: 'x' }, 'replace')).toEqual({ ok: true, value: { q_why: 'a\uFFFDb', 'h_\uFFFD': 'x' } });
  });

  it('keeps a prototype-less object prototype-less, and a "__proto__" key a plain key', () => {
    const query = Object.assign(Object.create(null), { loc: '\u0000A1' });
    const result = cleanInput(query, 'refuse');
    expect(result.ok).toBe(true);
    const value = (result as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect({ ...value }).toEqual({ loc: 'A1' });
    // fast-querystring's objects: instances of a class whose prototype has no prototype.
    class Empty {}
    Object.setPrototypeOf(Empty.prototype, null);
    const parsedQuery = Object.assign(new Empty(), { loc: '\u0000A1' });
    const cleanedQuery = cleanInput(parsedQuery, 'refuse') as { ok: true; value: object };
    expect(Object.getPrototypeOf(cleanedQuery.value)).toBe(Empty.prototype);
    expect({ ...cleanedQuery.value }).toEqual({ loc: 'A1' });

    const parsed = JSON.parse('{"__proto__": {"polluted": "yes"}, "x": "\\u0000"}');
    const cleaned = cleanInput(parsed, 'refuse') as { ok: true; value: Record<string, unknown> };
    expect(Object.getPrototypeOf(cleaned.value)).toBe(Object.prototype);
    expect(Object.keys(cleaned.value)).toEqual(['__proto__', 'x']);
    expect((cleaned.value as { polluted?: string }).polluted).toBeUndefined();
  });

  it(`accepts ${MAX_INPUT_DEPTH} levels of nesting and refuses one more`, () => {
    const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : [nested(levels - 1)]);
    expect(cleanInput(nested(MAX_INPUT_DEPTH), 'refuse').ok).toBe(true);
    const deeper = cleanInput({ a: nested(MAX_INPUT_DEPTH) }, 'replace');
    expect(deeper.ok).toBe(false);
    expect(deeper).toMatchObject({ problem: 'too_deep' });
    expect((deeper as { field: string }).field.split('.')).toHaveLength(MAX_INPUT_DEPTH);
  });

  it('leaves non-plain objects alone', () => {
    const buffer = Buffer.from('a\u0000b');
    const result = cleanInput({ file: buffer }, 'refuse');
    expect(result.ok && (result.value as { file: Buffer }).file).toBe(buffer);
  });
});
