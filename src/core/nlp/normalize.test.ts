import { describe, expect, it } from 'vitest';
import { dominantScript, normalizeText } from './normalize.ts';

const Z = '\u200c';

describe('normalizeText', () => {
  it('unifies Arabic letter variants into Persian ones', () => {
    expect(normalizeText('كتاب علي')).toBe('کتاب علی');
    expect(normalizeText('مدرسة')).toBe('مدرسه');
    expect(normalizeText('حتى')).toBe('حتی');
  });

  it('drops tatweel and diacritics', () => {
    expect(normalizeText('خــــوب')).toBe('خوب');
    expect(normalizeText('کِتابٌ')).toBe('کتاب');
  });

  it('makes Persian and Arabic-Indic digits ASCII', () => {
    expect(normalizeText('۱۵۰۰۰ تومان')).toBe('15000 تومان');
    expect(normalizeText('١٢٣')).toBe('123');
  });

  it('joins the verb prefix می/نمی and the plural ها/های with ZWNJ', () => {
    expect(normalizeText('می خواهم')).toBe(`می${Z}خواهم`);
    expect(normalizeText('نمی دانم')).toBe(`نمی${Z}دانم`);
    expect(normalizeText('کتاب ها')).toBe(`کتاب${Z}ها`);
    expect(normalizeText('غذا های خوب')).toBe(`غذا${Z}های خوب`);
    // Already joined stays; a word that merely starts with می is untouched.
    expect(normalizeText(`می${Z}خواهم`)).toBe(`می${Z}خواهم`);
    expect(normalizeText('میز و میوه')).toBe('میز و میوه');
  });

  it('removes ZWNJ that joins nothing', () => {
    expect(normalizeText(`خوب${Z} بود`)).toBe('خوب بود');
    expect(normalizeText(`کتاب${Z}${Z}ها`)).toBe(`کتاب${Z}ها`);
  });

  it('folds ё to е and case, collapses whitespace, decodes tweet entities', () => {
    expect(normalizeText('Ёлка  и\nЁЖИК')).toBe('елка и ежик');
    expect(normalizeText('  Fish &amp; Chips &gt; ALL ')).toBe('fish & chips > all');
  });

  it('folds compatibility forms (Arabic presentation forms, full-width Latin)', () => {
    expect(normalizeText('ﻻ')).toBe('لا');
    expect(normalizeText('ＯＫ')).toBe('ok');
  });
});

describe('dominantScript', () => {
  it('counts letters per script', () => {
    expect(dominantScript('Привет, world')).toBe('cyrillic');
    expect(dominantScript('سلام OK')).toBe('arabic');
    expect(dominantScript('Hello мир')).toBe('latin');
    expect(dominantScript('こんにちは')).toBe('other');
    expect(dominantScript('123 !!! 👍')).toBe('none');
  });
});
