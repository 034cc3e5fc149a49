import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en as analyticsEn } from '../../src/web/analytics/messages/en.ts';
import { ru as analyticsRu } from '../../src/web/analytics/messages/ru.ts';
import { fa as analyticsFa } from '../../src/web/analytics/messages/fa.ts';

const SRC = [path.resolve('src/web/analytics'), path.resolve('src/web/charts')];

function sources(): string {
  return SRC.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).join('\n');
}

/** English analytics messages by key (keys and placeholders of all languages: test/i18n/catalogues.test.ts). */
const en: Record<string, string> = analyticsEn;

describe('analytics messages', () => {
  it('defines every literal key the pages use', () => {
    const used = new Set([...sources().matchAll(/t\('(an\.[\w.]+)'/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(en[key], key).toBeDefined();
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
      for (const v of values) expect(en[prefix + v], prefix + v).toBeDefined();
    }
  });

  it('actually translates (ru and fa differ from en for sentences)', () => {
    const ru: Record<string, string> = analyticsRu;
    const fa: Record<string, string> = analyticsFa;
    const sentences = Object.entries(en).filter(([, v]) => v.split(' ').length > 3);
    for (const [k, v] of sentences) {
      expect(ru[k], k).not.toBe(v);
      expect(fa[k], k).not.toBe(v);
    }
  });
});
