import { describe, expect, it } from 'vitest';
import { attributeKeyProblem, parseDate, parseNumber, validateAttributeValue } from './attributes.ts';

describe('attribute values', () => {
  it('numbers: JSON numbers, written numbers with a comma or Persian digits', () => {
    expect(validateAttributeValue({ type: 'number', choices: [] }, 12.5)).toEqual({ ok: true, value: 12.5 });
    expect(validateAttributeValue({ type: 'number', choices: [] }, '1 234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(validateAttributeValue({ type: 'number', choices: [] }, '۴۲')).toEqual({ ok: true, value: 42 });
    expect(validateAttributeValue({ type: 'number', choices: [] }, 'twelve')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1.2.3')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
  it('dates: ISO or DD.MM.YYYY, real days only', () => {
    expect(validateAttributeValue({ type: 'date', choices: [] }, '2025-02-28')).toEqual({ ok: true, value: '2025-02-28' });
    expect(validateAttributeValue({ type: 'date', choices: [] }, '1.3.2024')).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseDate('2025-02-29')).toBeNull();
    expect(parseDate('31.04.2024')).toBeNull();
    expect(validateAttributeValue({ type: 'date', choices: [] }, 'yesterday')).toEqual({ ok: false, problem: 'not_a_date' });
  });
  it('choices: one of the list, any case, stored as defined', () => {
    const def = { type: 'choice' as const, choices: ['Gold', 'Silver'] };
    expect(validateAttributeValue(def, ' gold ')).toEqual({ ok: true, value: 'Gold' });
    expect(validateAttributeValue(def, 'Bronze')).toEqual({ ok: false, problem: 'not_a_choice' });
  });
  it('text: trimmed, at most 500 characters', () => {
    expect(validateAttributeValue({ type: 'text', choices: [] }, '  blue ')).toEqual({ ok: true, value: 'blue' });
    expect(validateAttributeValue({ type: 'text', choices: [] }, 'x'.repeat(501))).toEqual({ ok: false, problem: 'too_long' });
    expect(validateAttributeValue({ type: 'text', choices: [] }, 7)).toEqual({ ok: true, value: '7' });
  });
  it('keys: the hidden-field rule, lower case, not a contact field', () => {
    expect(attributeKeyProblem('loyalty_tier')).toBeNull();
    expect(attributeKeyProblem('Tier')).toBe('format');
    expect(attributeKeyProblem('tier-1')).toBe('format');
    expect(attributeKeyProblem('email')).toBe('reserved');
    expect(attributeKeyProblem('lang')).toBe('reserved');
    expect(attributeKeyProblem('')).toBe('empty');
  });
});
