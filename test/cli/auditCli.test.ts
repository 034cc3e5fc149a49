/**
 * `sarafan audit score` as an analyst runs it (docs/audits.md "Command line"): the real command on files, its JSON
 * object and its report; expected figures are worked by hand in the comments.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/cli.ts';

let dir: string;
const file = (name: string, content: unknown) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

// welcome: greet 2, smile 1; checkout: receipt 3 (critical), speed 4 — 10 points in all
const CHECKLIST = {
  name: 'Store visit',
  sections: [
    { key: 'welcome', name: 'Welcome', items: [{ key: 'greet', text: 'Greeted', points: 2, standard: 'greeting' }, { key: 'smile', text: 'Smiled', points: 1 }] },
    { key: 'checkout', name: 'Checkout', items: [{ key: 'receipt', text: 'Receipt', points: 3, critical: true }, { key: 'speed', text: 'Fast', points: 4, standard: 'checkout_speed' }] },
  ],
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-audit-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const score = (visit: unknown, extra: string[] = ['--json'], locale?: string) =>
  runCommand(['audit', 'score', '--checklist', file('checklist.json', CHECKLIST), '--visit', file('visit.json', visit), ...extra], { locale });

describe('sarafan audit score', { timeout: 120_000 }, () => {
  it('prints one JSON object: N/A removed from both sides, partial points', async () => {
    // greet 2 + receipt 3 + speed 1 = 6 of 2 + 3 + 4 = 9 (smile N/A): 66.666...%
    const r = await score({ answers: { greet: 'yes', smile: 'na', receipt: 'yes', speed: 1 } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      score: 200 / 3, earned: 6, possible: 9, autofail: false,
      sections: [{ key: 'welcome', score: 100, earned: 2, possible: 2 }, { key: 'checkout', score: 400 / 7, earned: 4, possible: 7 }],
    });
  });

  it('autofails on a failed critical item', async () => {
    // 2 + 1 + 0 + 4 = 7 of 10, but the receipt failed
    const r = await score({ answers: { greet: 'yes', smile: 'yes', receipt: 'no', speed: 'yes' } });
    expect(JSON.parse(r.stdout)).toMatchObject({ score: 0, earned: 7, possible: 10, autofail: true });
  });

  it('gives an empty visit a null score', async () => {
    const r = await score({ answers: {} });
    expect(JSON.parse(r.stdout)).toEqual({
      score: null, earned: 0, possible: 0, autofail: false,
      sections: [{ key: 'welcome', score: null, earned: 0, possible: 0 }, { key: 'checkout', score: null, earned: 0, possible: 0 }],
    });
  });

  it('reports in the terminal language without --json', async () => {
    const en = await score({ answers: { greet: 'yes', receipt: 'no' } }, []);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Failed critical items: receipt');
    expect(en.stdout).toContain('2 items were not answered');
    const ru = await score({ answers: { greet: 'yes', receipt: 'no' } }, [], 'ru_RU.UTF-8');
    expect(ru.stdout).toContain('Проваленные критичные пункты: receipt');
    expect(ru.stdout).toContain('2 пункта без ответа');
  });

  it('refuses bad input with exit code 2 and names the place', async () => {
    const unknown = await score({ answers: { nope: 'yes' } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('answers.nope');
    const range = await score({ answers: { greet: 5 } });
    expect(range.code).toBe(2);
    expect(range.stderr).toContain('from 0 to 2');
    const broken = await runCommand(['audit', 'score', '--checklist', file('bad.json', '{"name":'), '--visit', file('v.json', { answers: {} })]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not JSON');
    const badChecklist = await runCommand(['audit', 'score', '--checklist', file('c2.json', { name: 'x', sections: [{ key: 's', items: [{ key: 'i', text: 't', points: 'two' }] }] }), '--visit', file('v.json', { answers: {} })]);
    expect(badChecklist.code).toBe(2);
    expect(badChecklist.stderr).toContain('sections[0].items[0].points');
    expect(badChecklist.stdout).toBe('');
  });
});
