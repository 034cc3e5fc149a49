import { describe, expect, it } from 'vitest';
import { copyName, deleteCheck } from './lifecycle.ts';

describe('copyName', () => {
  it('adds "(copy)" in the interface language', () => {
    expect(copyName('Store visit', 'en')).toBe('Store visit (copy)');
    expect(copyName('Визит', 'ru')).toBe('Визит (копия)');
    expect(copyName('بازدید', 'fa')).toBe('بازدید (رونوشت)');
    expect(copyName('Store visit', 'de')).toBe('Store visit (copy)');
  });

  it('stays within 200 characters', () => {
    const name = 'x'.repeat(200);
    const copy = copyName(name, 'en');
    expect(copy).toBe(`${'x'.repeat(193)} (copy)`);
    expect(copy.length).toBe(200);
  });
});

describe('deleteCheck', () => {
  it('allows a survey without answers whatever was typed', () => {
    expect(deleteCheck(0, 'Pulse', undefined)).toBe('allowed');
    expect(deleteCheck(0, 'Pulse', 'nonsense')).toBe('allowed');
  });

  it('asks for the name when answers would go', () => {
    expect(deleteCheck(3, 'Pulse', undefined)).toBe('needs_confirmation');
    expect(deleteCheck(3, 'Pulse', '  ')).toBe('needs_confirmation');
    expect(deleteCheck(3, 'Pulse', 'pulse')).toBe('wrong_confirmation');
    expect(deleteCheck(3, 'Pulse', ' Pulse ')).toBe('allowed');
  });
});
