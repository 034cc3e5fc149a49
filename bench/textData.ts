/**
 * The development sets of `npm run bench:text` (../shared/data, described in its README): loaded into
 * labelled texts with a fixed train/test split by a hash of each item's own id. Never copied into the
 * repository; absent data is reported, not faked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { hashString } from '../src/core/nlp/features.ts';
import { labelOfScore, type LabelledText, type SentimentLabel } from '../src/core/nlp/labels.ts';

/**
 * The shared data folder: $SARAFAN_SHARED_DATA, else the nearest `shared/data` beside the repository or
 * one of its parents (`../shared/data` from the main checkout, `../../shared/data` from a worktree).
 */
export function sharedDataDir(): string {
  if (process.env.SARAFAN_SHARED_DATA) return process.env.SARAFAN_SHARED_DATA;
  let dir = path.resolve(import.meta.dirname, '..');
  for (;;) {
    const candidate = path.join(path.dirname(dir), 'shared', 'data');
    if (fs.existsSync(candidate) || path.dirname(dir) === dir) return candidate;
    dir = path.dirname(dir);
  }
}

export interface DevItem extends LabelledText {
  id: string;
}

export interface DevSet {
  lang: 'en' | 'fa' | 'ru';
  file: string;
  /** How the labels were obtained (printed under the table). */
  labelling: string;
  labels: SentimentLabel[];
  items: DevItem[];
}

/** Share of items (by a hash of their id) that train; the rest is the test part. */
export const TRAIN_SHARE = 0.8;

/** Train or test, fixed per item id (FNV-1a of the id, independent of file order). */
export function isTrainItem(id: string): boolean {
  return hashString(id, 0x9e3779b9) / 2 ** 32 < TRAIN_SHARE;
}

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+));/g, (_, name: string, code?: string) => (code ? String.fromCodePoint(Number(code)) : { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name]!));

function englishAirline(file: string): DevSet {
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const items = rows.map((r) => ({ id: r.tweet_id!, label: r.airline_sentiment as SentimentLabel, text: r.text! }));
  return { lang: 'en', file, labelling: 'airline_sentiment column (negative/neutral/positive)', labels: ['negative', 'neutral', 'positive'], items };
}

function persianSnappfood(file: string): DevSet {
  const items: DevItem[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
    const cells = line.split('\t');
    if (cells.length < 4) continue;
    const label = cells[cells.length - 2] === 'SAD' ? 'negative' : 'positive';
    items.push({ id: cells[0]!, label, text: cells.slice(1, -2).join('\t') });
  }
  return { lang: 'fa', file, labelling: 'label column: SAD -> negative, HAPPY -> positive', labels: ['negative', 'positive'], items };
}

function russianRestaurants(file: string): DevSet {
  const xml = fs.readFileSync(file, 'utf8');
  const items: DevItem[] = [];
  for (const m of xml.matchAll(/<review id="(\d+)">([\s\S]*?)<\/review>/g)) {
    const body = m[2]!;
    const scores = ['food', 'interior', 'service'].map((s) => Number(new RegExp(`<${s}>(\\d+)</${s}>`).exec(body)?.[1]));
    const text = /<text>([\s\S]*?)<\/text>/.exec(body)?.[1];
    if (scores.some((s) => !Number.isFinite(s)) || !text) continue;
    const mean = Math.round((scores[0]! + scores[1]! + scores[2]!) / 3);
    items.push({ id: m[1]!, label: labelOfScore(mean, 'nps')!, text: decodeXml(text) });
  }
  return {
    lang: 'ru',
    file,
    labelling: 'mean of the food, interior and service scores (1-10), rounded, in the NPS groups: 1-6 negative, 7-8 neutral, 9-10 positive',
    labels: ['negative', 'neutral', 'positive'],
    items,
  };
}

/** The three development sets, or null with the missing file when ../shared/data is absent. */
export function loadDevSets(dir = sharedDataDir()): { sets: DevSet[] } | { missing: string } {
  const files = { en: 'en_airline_tweets_dev.csv', fa: 'fa_snappfood_dev.tsv', ru: 'ru_sentirueval2015_restaurants_dev.xml' };
  for (const f of Object.values(files)) if (!fs.existsSync(path.join(dir, f))) return { missing: path.join(dir, f) };
  return {
    sets: [englishAirline(path.join(dir, files.en)), persianSnappfood(path.join(dir, files.fa)), russianRestaurants(path.join(dir, files.ru))],
  };
}
