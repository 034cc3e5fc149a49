import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { responsesMessages } from '../../src/web/responses/messages.ts';

const PLURAL = /\.(zero|one|two|few|many|other)$/;
const baseKeys = (lang: 'en' | 'ru' | 'fa') => [...new Set(Object.keys(responsesMessages[lang]).map((k) => k.replace(PLURAL, '')))].sort();

describe('responses messages', () => {
  it('has the same keys in en, ru and fa, none empty, and the same {placeholders}', () => {
    const en = baseKeys('en');
    expect(baseKeys('ru')).toEqual(en);
    expect(baseKeys('fa')).toEqual(en);
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const lang of ['ru', 'fa'] as const) {
      for (const [k, v] of Object.entries(responsesMessages[lang])) {
        expect(v.trim(), `${lang} ${k}`).not.toBe('');
        const enKey = k in responsesMessages.en ? k : k.replace(PLURAL, '.other');
        expect(vars(v), `${lang} ${k}`).toBe(vars(responsesMessages.en[enKey]));
      }
    }
  });

  it('has every plural form a language needs', () => {
    const plural = [...new Set(Object.keys(responsesMessages.en).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
    expect(plural).toContain('rs.export.rows');
    for (const lang of ['en', 'ru', 'fa'] as const) {
      for (const key of plural) {
        for (const c of new Intl.PluralRules(lang).resolvedOptions().pluralCategories) {
          expect(responsesMessages[lang][`${key}.${c}`], `${lang} ${key}.${c}`).toBeDefined();
        }
      }
    }
  });

  it('defines every key the responses pages use', () => {
    const dir = path.resolve('src/web/responses');
    const src = fs.readdirSync(dir).filter((f) => f.endsWith('.tsx')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n')
      + fs.readFileSync(path.resolve('src/web/analytics/QualityPage.tsx'), 'utf8');
    const used = [...src.matchAll(/\bt[n]?\('(rs\.[\w.]+)'/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(20);
    for (const key of used) expect(key in responsesMessages.en || `${key}.other` in responsesMessages.en, key).toBe(true);
  });
});
