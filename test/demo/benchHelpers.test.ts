/** The small pure helpers the demo loader and the benchmark rely on: COPY escaping and percentiles. */
import { describe, expect, it } from 'vitest';
import { copyField } from '../../src/db/demo/copyRows.ts';
import { percentile } from '../../bench/timing.ts';

describe('copyField', () => {
  it('escapes what COPY text format treats specially and writes NULL as \\N', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField(true)).toBe('t');
    expect(copyField(12)).toBe('12');
    expect(copyField(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(copyField({ k: 'a"b\\' })).toBe('{"k":"a\\\\"b\\\\\\\\"}');
    expect(copyField(['x', 'y z'])).toBe('{"x","y z"}');
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i); // 20..1, unsorted on purpose
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
