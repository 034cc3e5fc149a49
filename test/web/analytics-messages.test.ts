import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyticsMessages } from '../../src/web/analytics/messages.ts';

const SRC = [path.resolve('src/web/analytics'), path.resolve('src/web/charts')];

function sources(): string {
  return SRC.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).join('\n');
}

describe('analytics messages', () => {
  it('has the same keys in en, ru and fa, none empty', () => {
    const en = Object.keys(analyticsMessages.en).sort();
    expect(Object.keys(analyticsMessages.ru).sort()).toEqual(en);
    expect(Object.keys(analyticsMessages.fa).sort()).toEqual(en);
    for (const lang of ['en', 'ru', 'fa'] as const) {
      for (const [k, v] of Object.entries(analyticsMessages[lang])) expect(v.trim(), `${lang} ${k}`).not.toBe('');
    }
  });

  it('keeps the same {placeholders} in every language', () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const [k, v] of Object.entries(analyticsMessages.en)) {
      expect(vars(analyticsMessages.ru[k]), k).toBe(vars(v));
      expect(vars(analyticsMessages.fa[k]), k).toBe(vars(v));
    }
  });

  it('defines every literal key the pages use', () => {
    const used = new Set([...sources().matchAll(/t\('(an\.[\w.]+)'/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(analyticsMessages.en[key], key).toBeDefined();
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
