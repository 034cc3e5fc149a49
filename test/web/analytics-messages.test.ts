import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyticsMessages } from '../../src/web/analytics/messages.ts';

const SRC = [path.resolve('src/web/analytics'), path.resolve('src/web/charts')];

function sources(): string {
  return SRC.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).join('\n');
}

const PLURAL = /\.(zero|one|two|few|many|other)$/;
/** Keys with plural forms counted once (`an.kpi.skipped.one`, `.few`… -> `an.kpi.skipped`). */
const baseKeys = (lang: 'en' | 'ru' | 'fa') => [...new Set(Object.keys(analyticsMessages[lang]).map((k) => k.replace(PLURAL, '')))].sort();

describe('analytics messages', () => {
  it('has the same keys in en, ru and fa, none empty', () => {
    const en = baseKeys('en');
    expect(baseKeys('ru')).toEqual(en);
    expect(baseKeys('fa')).toEqual(en);
    for (const lang of ['en', 'ru', 'fa'] as const) {
      for (const [k, v] of Object.entries(analyticsMessages[lang])) expect(v.trim(), `${lang} ${k}`).not.toBe('');
    }
  });

  it('has every plural form a language needs (CLDR categories of Intl.PluralRules)', () => {
    const plural = [...new Set(Object.keys(analyticsMessages.en).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
    expect(plural).toContain('an.kpi.skipped');
    for (const lang of ['en', 'ru', 'fa'] as const) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const key of plural) {
        for (const c of categories) expect(analyticsMessages[lang][`${key}.${c}`], `${lang} ${key}.${c}`).toBeDefined();
      }
    }
    // Russian needs one / few / many (1 ответ, 2 ответа, 5 ответов).
    expect(analyticsMessages.ru['an.kpi.skipped.few']).not.toBe(analyticsMessages.ru['an.kpi.skipped.many']);
  });

  it('keeps the same {placeholders} in every language', () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    // Plural forms of one key share its placeholders; a language may have forms English lacks.
    const enVars = (k: string) => vars(analyticsMessages.en[k] ?? analyticsMessages.en[k.replace(PLURAL, '.other')]);
    for (const lang of ['ru', 'fa'] as const) {
      for (const [k, v] of Object.entries(analyticsMessages[lang])) expect(vars(v), `${lang} ${k}`).toBe(enVars(k));
    }
  });

  it('defines every literal key the pages use', () => {
    const used = new Set([...sources().matchAll(/t\('(an\.[\w.]+)'/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(analyticsMessages.en[key], key).toBeDefined();
    // tn('key', count): the key is a plural family (its `other` form always exists).
    const plurals = new Set([...sources().matchAll(/tn\('(an\.[\w.]+)'/g)].map((m) => m[1]));
    expect(plurals.size).toBeGreaterThan(2);
    for (const key of plurals) expect(analyticsMessages.en[`${key}.other`], key).toBeDefined();
  });

  it('defines the keys the pages build from API values', () => {
    const families: Record<string, string[]> = {
      'an.range.': ['30d', '90d', '12m', 'all', 'custom'],
      'an.interval.': ['day', 'week', 'month', 'quarter'],
      'an.reason.': ['missing_required', 'straight_lining', 'duplicate_contact', 'speeder'],
      'an.rule.': ['missing_required', 'straight_lining', 'duplicate_contact', 'speeder'],
      'an.quadrant.': ['key_strength', 'key_weakness', 'secondary_strength', 'secondary_weakness'],
      'an.group.': ['detractor', 'passive', 'promoter'],
      'an.status.': ['draft', 'live', 'closed'],
      'an.metric.': ['nps', 'csat', 'ces', 'csi', 'mean', 'share'],
      'an.compare.mode.': ['periods', 'locations', 'segments', 'company'],
      'an.by.': ['location', 'channel', 'language', 'segment'],
      'an.kpi.direction.': ['higher_is_easier', 'lower_is_easier'],
    };
    for (const [prefix, values] of Object.entries(families)) {
      for (const v of values) expect(analyticsMessages.en[prefix + v], prefix + v).toBeDefined();
    }
  });

  it('actually translates (ru and fa differ from en for sentences)', () => {
    const sentences = Object.entries(analyticsMessages.en).filter(([, v]) => v.split(' ').length > 3);
    for (const [k, v] of sentences) {
      expect(analyticsMessages.ru[k], k).not.toBe(v);
      expect(analyticsMessages.fa[k], k).not.toBe(v);
    }
  });
});
