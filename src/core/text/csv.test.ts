import { describe, expect, it } from 'vitest';
import { neutraliseFormulas, restoreFormulas } from './csv.ts';

describe('restoreFormulas', () => {
  it('removes the apostrophes neutraliseFormulas adds, at the start and after separators', () => {
    expect(restoreFormulas("'=1+1")).toBe('=1+1');
    expect(restoreFormulas("Shop;'=1+1")).toBe('Shop;=1+1');
    expect(restoreFormulas("  '- fast,'@home")).toBe('  - fast,@home');
  });

  it('keeps apostrophes that are text', () => {
    expect(restoreFormulas("it's")).toBe("it's");
    expect(restoreFormulas("'quoted'")).toBe("'quoted'");
    expect(restoreFormulas("a'=b")).toBe("a'=b");
  });

  it('gives back what was neutralised', () => {
    for (const text of ['=SUM(A1)', '-5 points', 'a;+b\n@c', 'plain text', 'Привет, =мир']) {
      expect(restoreFormulas(neutraliseFormulas(text))).toBe(text);
    }
  });
});
