import { readFileSync } from 'node:fs';
import { prepareText, suggestThemes } from './src/core/nlp/index.ts';
const fa = readFileSync('/work/shared/data/fa_snappfood_dev.tsv', 'utf8').split('\n').slice(1).map((l) => l.split('\t')[1]).filter(Boolean).slice(0, 3000);
const en = readFileSync('/work/shared/data/en_airline_tweets_dev.csv', 'utf8').split('\n').slice(1).map((l) => l.split(',').slice(10).join(',')).filter(Boolean).slice(0, 2000);
for (const [name, texts] of [['fa', fa], ['en', en]] as const) {
  let t0 = performance.now();
  const p = texts.map((t) => prepareText(t, name));
  let t1 = performance.now();
  const s = suggestThemes(p);
  let t2 = performance.now();
  console.log(name, texts.length, 'prepare', Math.round(t1 - t0), 'gsdmm', Math.round(t2 - t1), s.length, s.slice(0, 4).map((x) => `${x.size}:${x.words.map((w) => w.word).join(',')}`));
}
