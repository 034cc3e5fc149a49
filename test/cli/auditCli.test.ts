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

/**
 * The outside checker's files: hand-made checklists and visits run through the real command, each compared
 * with an independent computation written here from the rule (earned / possible, N/A and missing
 * answers removed from both, a critical item earning less than its points autofails the visit to 0).
 */
type Item = { key: string; points: number; critical?: boolean };
type Answer = 'yes' | 'no' | 'na' | number | null;
function byHand(sections: { key: string; items: Item[] }[], answers: Record<string, Answer>) {
  const part = (items: Item[]) => {
    let earned = 0;
    let possible = 0;
    for (const it of items) {
      const a = answers[it.key];
      if (a === undefined || a === null || a === 'na') continue;
      earned += a === 'yes' ? it.points : a === 'no' ? 0 : a;
      possible += it.points;
    }
    return { score: possible > 0 ? (100 * earned) / possible : null, earned, possible };
  };
  const all = part(sections.flatMap((s) => s.items));
  const autofail = sections.flatMap((s) => s.items).some((it) => {
    const a = answers[it.key];
    return it.critical === true && (a === 'no' || (typeof a === 'number' && a < it.points));
  });
  return { score: autofail ? 0 : all.score, earned: all.earned, possible: all.possible, autofail, sections: sections.map((s) => ({ key: s.key, ...part(s.items) })) };
}

describe('sarafan audit score on an outside checker\'s files', { timeout: 180_000 }, () => {
  const run = (checklist: unknown, visit: unknown, raw = false) =>
    runCommand(['audit', 'score', '--json',
      '--checklist', raw ? file('oc.json', checklist as string) : file('oc.json', checklist),
      '--visit', raw ? file('ov.json', visit as string) : file('ov.json', visit)]);

  // plain-string texts, "critical": false given explicitly, "standard" given on some items only, float points
  const sections = [
    { key: 'door', name: 'Door', items: [
      { key: 'greet', text: 'Greeted', points: 1, critical: false, standard: 'greeting' },
      { key: 'eye', text: 'Eye contact', points: 0.5 },
      { key: 'name', text: 'Named himself', points: 1.5, critical: false },
    ] },
    { key: 'sale', name: 'Sale', items: [
      { key: 'ask', text: 'Asked needs', points: 3, standard: 'needs_discovery' },
      { key: 'price', text: 'Right price', points: 2, critical: true },
      { key: 'bye', text: 'Said goodbye', points: 1, standard: 'farewell' },
    ] },
  ];
  const checklist = { name: 'Outside store visit', sections };

  const cases: [string, Record<string, Answer>][] = [
    ['all yes', { greet: 'yes', eye: 'yes', name: 'yes', ask: 'yes', price: 'yes', bye: 'yes' }],
    ['N/A and partial points with halves', { greet: 'yes', eye: 'na', name: 0.5, ask: 1.5, price: 'yes', bye: 'no' }],
    ['keys missing from the visit count as not applicable', { greet: 'no', ask: 2 }],
    ['a critical item with partial points autofails', { greet: 'yes', eye: 'yes', name: 'yes', ask: 'yes', price: 1, bye: 'yes' }],
    ['a critical item answered no autofails', { greet: 'yes', price: 'no' }],
    ['a critical item N/A does not autofail', { greet: 'yes', price: 'na', bye: 0 }],
    ['all N/A: score null', { greet: 'na', eye: 'na', name: 'na', ask: 'na', price: 'na', bye: 'na' }],
    ['empty visit: score null', {}],
    ['null answers are no answer', { greet: null, eye: 'yes', price: null }],
  ];
  for (const [title, answers] of cases) {
    it(title, async () => {
      const r = await run(checklist, { answers });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const got = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(Object.keys(got)).toEqual(['score', 'earned', 'possible', 'autofail', 'sections']);
      for (const s of got.sections as Record<string, unknown>[]) expect(Object.keys(s)).toEqual(['key', 'score', 'earned', 'possible']);
      expect(got).toEqual(byHand(sections, answers));
    });
  }

  it('works out the figures of the halves case by hand too', async () => {
    // greet 1 + name 0.5 + ask 1.5 + price 2 + bye 0 = 5 of 1 + 1.5 + 3 + 2 + 1 = 8.5 (eye N/A): 58.82...%
    const r = await run(checklist, { answers: { greet: 'yes', eye: 'na', name: 0.5, ask: 1.5, price: 'yes', bye: 'no' } });
    const got = JSON.parse(r.stdout) as { score: number; earned: number; possible: number; sections: { score: number }[] };
    expect(got.earned).toBe(5);
    expect(got.possible).toBe(8.5);
    expect(got.score).toBe(500 / 8.5);
    expect(got.sections[0]!.score).toBe(150 / 2.5); // door: 1.5 of 2.5
    expect(got.sections[1]!.score).toBe(350 / 6); // sale: 3.5 of 6
  });

  it('reads a file with a BOM and CRLF line ends', async () => {
    const c = '\uFEFF' + JSON.stringify(checklist, null, 2).replace(/\n/g, '\r\n') + '\r\n';
    const v = '\uFEFF{\r\n  "answers": {\r\n    "greet": "yes",\r\n    "ask": "no"\r\n  }\r\n}\r\n';
    const r = await run(c, v, true);
    expect(r.code).toBe(0);
    // greet 1 of 1 + ask 0 of 3 = 1 of 4: 25 %
    expect(JSON.parse(r.stdout)).toMatchObject({ score: 25, earned: 1, possible: 4, autofail: false });
  });

  it('scores a big checklist (300 items in one section, a 5000-point item, keys with spaces and Cyrillic)', async () => {
    const items: Item[] = Array.from({ length: 300 }, (_, i) => ({ key: `item ${i}`, points: (i % 3) + 1 }));
    items.push({ key: 'улыбка', points: 5000 });
    const big = [{ key: 'all', items: items.map((i) => ({ ...i, text: i.key })) }];
    const answers: Record<string, Answer> = {};
    items.forEach((it, i) => (answers[it.key] = i % 4 === 0 ? 'no' : i % 4 === 1 ? 'na' : 'yes'));
    // 301 items, index 300 (улыбка) is 300 % 4 = 0: "no"
    const r = await run({ name: 'Big', sections: big }, { answers });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(byHand([{ key: 'all', items }], answers));
  });

  it('refuses an answer for an unknown key and a number above the points (exit 2, the place named)', async () => {
    const unknown = await run(checklist, { answers: { greet: 'yes', ghost: 'yes' } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('answers.ghost');
    expect(unknown.stdout).toBe('');
    const above = await run(checklist, { answers: { eye: 0.75 } });
    expect(above.code).toBe(2);
    expect(above.stderr).toContain('answers.eye: points earned must be from 0 to 0.5');
  });
});
