import { describe, expect, it } from 'vitest';
import { dimensionOfBy, HIDDEN_KEY_RE, hiddenKeyOf, hiddenKeyProblem, isHiddenKey, parseDimFilter, RESERVED_PARAMS } from './hiddenFields.ts';

describe('the hidden-field key rule', () => {
  it('accepts 1-40 of a-z, 0-9 and _, digits and _ first included', () => {
    for (const key of ['order_id', 'segment', 'a', '1abc', '_utm', 'plan_2', 'x'.repeat(40)]) expect(hiddenKeyProblem(key)).toBeNull();
  });

  it('stores a key lowercased, so Segment and SEGMENT name the field segment', () => {
    expect(['Segment', 'SEGMENT', 'segment', 'Order_ID'].map(hiddenKeyOf)).toEqual(['segment', 'segment', 'segment', 'order_id']);
    expect(hiddenKeyProblem('Segment')).toBeNull();
  });

  it('refuses empty, over-long and other characters, whatever their case', () => {
    expect(hiddenKeyProblem('')).toBe('empty');
    expect(hiddenKeyProblem('x'.repeat(41))).toBe('format');
    for (const key of ['order-id', 'utm.source', 'two words', 'sègment', 'сегмент', 'a=b']) expect(hiddenKeyProblem(key)).toBe('format');
  });

  it('keeps the parameters the respondent page reads for itself, in any case', () => {
    expect(RESERVED_PARAMS).toEqual(['lang', 'loc', 'channel', 'preview']);
    for (const key of ['lang', 'loc', 'channel', 'preview', 'Channel', 'LANG']) expect(hiddenKeyProblem(key)).toBe('reserved');
  });

  it('a stored key (a possible dimension) is the lowercased form only', () => {
    expect(isHiddenKey('segment')).toBe(true);
    expect(isHiddenKey('Segment')).toBe(false);
    expect(isHiddenKey('channel')).toBe(false);
    expect(isHiddenKey('')).toBe(false);
    expect(HIDDEN_KEY_RE.test('segment')).toBe(true);
  });

  it('a breakdown by dim:<key> names a stored key only, so no choice names a dimension that cannot exist', () => {
    expect(['dim:segment', 'dim:plan_2', 'dim:Segment', 'dim:utm.source', 'dim:order-id', 'dim:channel', 'dim:', 'segment', 'location'].map(dimensionOfBy))
      .toEqual(['segment', 'plan_2', null, null, null, null, null, null, null]);
  });

  it('a dimension filter is a stored key, a colon and a value of 1-200 characters (the rest of the text, colons included)', () => {
    expect(parseDimFilter('segment:vip')).toEqual({ key: 'segment', value: 'vip' });
    expect(parseDimFilter('order:a:b')).toEqual({ key: 'order', value: 'a:b' });
    expect(parseDimFilter(`segment:${'v'.repeat(200)}`)).toEqual({ key: 'segment', value: 'v'.repeat(200) });
    for (const s of ['Segment:vip', 'utm.source:x', 'segment:', 'segment', ':vip', 'lang:en', `segment:${'v'.repeat(201)}`]) expect(parseDimFilter(s), s).toBeNull();
  });
});
