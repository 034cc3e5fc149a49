import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { responsesEn } from '../../src/web/responses/messages.ts';

describe('responses messages', () => {
  // Keys, placeholders and plural categories of every catalogue: test/i18n/catalogues.test.ts.
  it('defines every key the responses pages use', () => {
    const dir = path.resolve('src/web/responses');
    const src = fs.readdirSync(dir).filter((f) => f.endsWith('.tsx')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n')
      + fs.readFileSync(path.resolve('src/web/analytics/QualityPage.tsx'), 'utf8');
    const used = [...src.matchAll(/\bt\('(rs\.[\w.]+)'/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(20);
    for (const key of used) expect(key in responsesEn, key).toBe(true);
  });
});
