/** `sarafan text ...` end to end: the real command in a child process, input on stdin, JSON lines out. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { runCommand, SARAFAN_BIN } from '../helpers/cli.ts';

const sarafan = (args: string[], stdin = '', locale = 'C') => runCommand(['text', ...args], { stdin, locale, timeoutMs: 60_000 });

// Each run starts the command from the TypeScript sources (seconds on a loaded machine).
vi.setConfig({ testTimeout: 180_000 });

const jsonLines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-text-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};

const NEGATIVE = ['the courier was late and rude', 'cold food and late delivery', 'rude courier, late again', 'late, cold, awful', 'курьер опоздал, еда холодная', 'غذا سرد بود و پیک دیر رسید'];
const POSITIVE = ['great food, thank you', 'thank you, great and fast', 'fast delivery, great taste', 'great as always', 'спасибо, всё отлично', 'ممنون، غذا عالی بود'];

describe('sarafan text train + sentiment', () => {
  it('trains a two-class model from scores and classifies with it', async () => {
    const scored = [...NEGATIVE.map((t, i) => `${i % 7}\t${t}`), ...POSITIVE.map((t, i) => `${9 + (i % 2)}\t${t}`)].join('\n');
    const input = file('scored.tsv', `score\ttext\n${scored}\n`);
    const model = path.join(dir, 'model.json');
    const train = await sarafan(['train', '--input', input, '--out', model, '--scale', 'nps']);
    expect(train.stderr).toBe('');
    expect(train.code).toBe(0);
    expect(train.stdout).toMatch(/^Trained a 2-class model on 12 texts \(negative 6, positive 6\) in [\d.]+ s; 5-fold cross-validated accuracy [\d.]+%, macro-F1 [\d.]+\. Written to /);
    const json = JSON.parse(fs.readFileSync(model, 'utf8'));
    expect(json).toMatchObject({ format: 'sarafan.sentiment-model', version: 3, labels: ['negative', 'positive'], counts: { negative: 6, positive: 6 } });

    const r = await sarafan(['sentiment', '--model', model], 'the courier was rude and late\nthank you, great\n\nспасибо, отлично\n');
    expect(r.code).toBe(0);
    const out = jsonLines(r.stdout);
    expect(out.map((o) => [o.lang, o.sentiment])).toEqual([
      ['en', 'negative'],
      ['en', 'positive'],
      [null, null],
      ['ru', 'positive'],
    ]);
    expect(Object.keys(out[0])).toEqual(['lang', 'sentiment', 'p']);
    for (const o of [out[0], out[1], out[3]]) expect(o.p).toBeGreaterThan(0.5);
  });

  it('classifies with the built-in lexicon without --model, ru/fa/en with negation', async () => {
    const r = await sarafan(['sentiment', '--lang', 'ru'], 'Not good at all, the pizza was cold\nОчень не понравилось обслуживание\nغذا خوب نبود\nAll great, thanks!\nок\n');
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((o) => [o.lang, o.sentiment])).toEqual([
      ['en', 'negative'],
      ['ru', 'negative'],
      ['fa', 'negative'],
      ['en', 'positive'],
      ['ru', 'neutral'],
    ]);
  });

  it('trains a three-class model from labels', async () => {
    const lines = [...NEGATIVE.map((t) => `negative\t${t}`), ...POSITIVE.map((t) => `positive\t${t}`), ...['order 15', 'ordered on monday', 'заказ номер 15', 'pizza order', 'سفارش دوشنبه'].map((t) => `neutral\t${t}`)];
    const r = await sarafan(['train', '--input', file('labels.tsv', lines.join('\n')), '--out', path.join(dir, 'three.json')], '', 'ru_RU.UTF-8');
    expect(r.code).toBe(0);
    // The report in the operator's language (LANG), as the other commands' reports.
    expect(r.stdout).toMatch(/^Обучена модель на 3 класса по 17 текстам \(negative 6, neutral 5, positive 6\) за [\d,]+ с; точность при 5-кратной перекрёстной проверке [\d,]+\s?%/);
  });
});

describe('sarafan text themes, keyphrases, frequencies', () => {
  it('matches starter themes per line', async () => {
    const r = await sarafan(['themes', '--industry', 'food_delivery'], 'Курьер опоздал, еда остыла\nقیمت‌ها خیلی گران است\nnice\n');
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([
      { lang: 'ru', themes: ['delivery'] },
      { lang: 'fa', themes: ['price'] },
      { lang: 'en', themes: [] },
    ]);
  });

  it('uses a custom dictionary and suggests themes with --discover', async () => {
    const dict = file('dict.json', JSON.stringify([{ id: 'parking', names: { en: 'Parking' }, terms: { en: ['parking'] } }]));
    const r = await sarafan(['themes', '--dictionary', dict], 'no parking\nqueue\n');
    expect(jsonLines(r.stdout).map((o) => o.themes)).toEqual([['parking'], []]);
    const texts = ['no parking space', 'parking space full', 'tiny parking space', 'long checkout queue', 'checkout queue again', 'huge checkout queue'];
    const d = await sarafan(['themes', '--discover', '--k', '5'], texts.join('\n'));
    expect(d.code).toBe(0);
    const suggestions = jsonLines(d.stdout);
    expect(suggestions.map((s) => s.size)).toEqual([3, 3]);
    expect(suggestions.map((s) => s.words.slice(0, 2).sort())).toEqual(expect.arrayContaining([['parking', 'space'], ['checkout', 'queue']]));
    expect(suggestions.flatMap((s) => s.examples).sort()).toEqual([...texts].sort());
  });

  it('finds what detractors say more than promoters', async () => {
    const lines = [
      ...Array.from({ length: 20 }, (_, i) => `${i % 7}\tlong queue at the checkout ${i}`),
      ...Array.from({ length: 20 }, (_, i) => `${9 + (i % 2)}\tfriendly staff, thank you ${i}`),
    ];
    const r = await sarafan(['keyphrases', '--scale', 'nps', '--top', '3'], lines.join('\n'));
    expect(r.code).toBe(0);
    const out = jsonLines(r.stdout);
    const negative = out.filter((o) => o.group === 'negative').map((o) => o.phrase);
    const positive = out.filter((o) => o.group === 'positive').map((o) => o.phrase);
    expect(negative).toHaveLength(3);
    expect(positive).toHaveLength(3);
    expect(['queue', 'checkout', 'long', 'long queue', 'at the']).toEqual(expect.arrayContaining(negative));
    expect(out[0]).toMatchObject({ group: 'negative', count: 20, otherCount: 0 });
    expect(out[0].examples).toHaveLength(3);
    expect(out[0].z).toBeGreaterThan(1.96);
  });

  it('counts words and phrases', async () => {
    const r = await sarafan(['frequencies', '--top', '2'], 'queue again\nthe queue\nqueue\n');
    expect(jsonLines(r.stdout)).toEqual([{ term: 'queue', n: 1, count: 3, docs: 3 }]);
  });
});

describe('lines in, lines out', () => {
  it('one JSON line per input line: CRLF, a BOM, blank and space-only lines, no final newline, mixed scripts, a long line', async () => {
    const long = 'очень плохо '.repeat(20_000).trim();
    const input = `\ufeffОчень понравилось!\r\n\r\nغذا خیلی سرد بود\r\n   \r\nnot good at all\r\n${long}\r\nмне не понравилось but staff was nice\r\nlast line without newline`;
    const [sentiment, themes] = await Promise.all([sarafan(['sentiment'], input), sarafan(['themes'], input)]);
    for (const r of [sentiment, themes]) {
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout.endsWith('\n')).toBe(true);
      expect(r.stdout.split('\n')).toHaveLength(8 + 1);
    }
    expect(jsonLines(sentiment.stdout).map((o) => [o.lang, o.sentiment])).toEqual([
      ['ru', 'positive'], [null, null], ['fa', 'negative'], [null, null], ['en', 'negative'], ['ru', 'negative'], ['ru', 'negative'], ['en', 'neutral'],
    ]);
    expect(jsonLines(themes.stdout)[1]).toEqual({ lang: null, themes: [] });
  });

  it('stops quietly when the reader closes the pipe early (| head -1)', async () => {
    const child = spawn(process.execPath, [SARAFAN_BIN, 'text', 'sentiment'], { env: { ...process.env, LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end('thank you, great\n'.repeat(50_000));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('bad input', () => {
  it('train refuses bad files with a message naming the line, exit 2, and writes no model', { timeout: 180_000 }, async () => {
    const cases: [string, string[], string, RegExp][] = [
      ['labels', [], 'good\tnice\n', /line 1: "good" is not a label: use negative, neutral or positive/],
      ['scores', [], '9\tnice\n', /scores need --scale nps or --scale csat5/],
      ['range', ['--scale', 'csat5'], '7\tnice\n', /"7" is not a whole score from 1 to 5 \(--scale csat5\)/],
      ['tab', [], 'positive nice\n', /line 1: expected "label<TAB>text", found no TAB/],
      ['one', [], Array.from({ length: 12 }, (_, i) => `positive\tgood ${i}`).join('\n'), /every text is "positive"; training needs at least two/],
      ['few', [], 'positive\tgood\nnegative\tbad\n', /2 labelled text\(s\); training needs at least 10/],
    ];
    const results = await Promise.all(
      cases.map(([name, extra, content]) => sarafan(['train', '--input', file(`${name}.tsv`, content), '--out', path.join(dir, `${name}.json`), ...extra])),
    );
    results.forEach((r, i) => {
      const [name, , , message] = cases[i]!;
      expect(r.stderr, name).toMatch(message);
      expect(r.code, name).toBe(2);
      expect(fs.existsSync(path.join(dir, `${name}.json`)), name).toBe(false);
    });
  });

  it('names a missing input file, a non-model file, bad UTF-8, an unknown scale, one-sided key phrases, a bad dictionary and a bad number', { timeout: 180_000 }, async () => {
    const latin1 = path.join(dir, 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const [missing, notModel, badUtf8, scale, oneSided, badDict, badTop] = await Promise.all([
      sarafan(['train', '--input', path.join(dir, 'nope.tsv'), '--out', path.join(dir, 'x.json')]),
      sarafan(['sentiment', '--model', file('notmodel.json', '{"format":"other"}')], 'hi\n'),
      sarafan(['train', '--input', latin1, '--out', path.join(dir, 'y.json')]),
      sarafan(['keyphrases', '--scale', 'stars'], ''),
      sarafan(['keyphrases'], 'negative\tslow\n'),
      sarafan(['themes', '--dictionary', file('bad.json', '[{"id":"Bad Id","terms":{}}]')], 'x\n'),
      sarafan(['frequencies', '--top', '0'], 'x\n'),
    ]);
    expect(badTop).toMatchObject({ code: 2, stdout: '' });
    expect(badTop.stderr).toMatch(/--top must be a whole number from 1 to 10000/);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/cannot read input .*nope\.tsv: no such file/);
    expect(notModel.code).toBe(2);
    expect(notModel.stderr).toMatch(/not a Sarafan sentiment model: "format" must be "sarafan.sentiment-model"/);
    expect(badUtf8.stderr).toMatch(/is not valid UTF-8 text/);
    expect(scale.code).not.toBe(0);
    expect(scale.stderr).toMatch(/Allowed choices are nps, csat5/);
    expect(oneSided.stderr).toMatch(/the input needs both/);
    expect(badDict.code).toBe(2);
    expect(badDict.stderr).toMatch(/dictionary .*bad\.json: 0\.id: lower-case letters/);
  });

  it('refuses a --lang that is not a two-letter code (it would be written out as "lang")', async () => {
    const [name, upper] = await Promise.all([sarafan(['sentiment', '--lang', 'english'], '12345\n'), sarafan(['themes', '--lang', 'RU'], '12345\n')]);
    for (const r of [name, upper]) {
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--lang <code>.*is invalid.*two-letter ISO 639-1 code/);
    }
  });
});
