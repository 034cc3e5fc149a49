/**
 * `npm run bench:text` (docs/text.md, "Benchmark"): per development set in ../shared/data, trains the
 * sentiment model on the training part (a fixed 80 % by a hash of each item's id), reports accuracy and
 * macro-F1 on the rest for the trained model and for the built-in lexicon, the model's cross-validated
 * quality inside the training part, and end-to-end throughput on one core (language identification,
 * normalisation, tokenising, features, classification). Prints a markdown table.
 */
import os from 'node:os';
import { classifySentiment, modelFromJson, modelToJson, prepareText, quality, trainFromTexts, type SentimentLabel, type SentimentClassifier } from '../src/core/nlp/index.ts';
import { isTrainItem, loadDevSets, TRAIN_SHARE, type DevSet } from './textData.ts';

/** How long each throughput measurement runs. */
const THROUGHPUT_SECONDS = 3;

interface Row {
  set: DevSet;
  train: number;
  test: number;
  trainSeconds: number;
  fileBytes: number;
  cv: { accuracy: number; macroF1: number } | null;
  model: { accuracy: number; macroF1: number };
  lexicon: { accuracy: number; macroF1: number };
  modelObj: SentimentClassifier;
  testTexts: string[];
}

function evaluate(set: DevSet): Row {
  const train = set.items.filter((i) => isTrainItem(i.id));
  const test = set.items.filter((i) => !isTrainItem(i.id));
  const started = process.cpuUsage();
  const trained = trainFromTexts(train, { defaultLang: set.lang });
  const cv = trained.quality;
  const used = process.cpuUsage(started);
  const trainSeconds = (used.user + used.system) / 1e6;
  // Measured as users get it: through the model file (weights under the pruning threshold dropped).
  const file = JSON.stringify(modelToJson(trained.model, cv));
  const model = modelFromJson(JSON.parse(file)).model;
  const truth = test.map((i) => i.label);
  const prepared = test.map((i) => prepareText(i.text, set.lang));
  const byModel = prepared.map((p) => classifySentiment(p, model).sentiment);
  // Two-class sets: the lexicon chooses between the same two labels (no sentiment word -> positive).
  const byLexicon = prepared.map((p) => {
    const s: SentimentLabel = classifySentiment(p).sentiment;
    return set.labels.includes(s) ? s : 'positive';
  });
  const m = quality(truth, byModel, set.labels);
  const l = quality(truth, byLexicon, set.labels);
  return {
    set,
    train: train.length,
    test: test.length,
    trainSeconds,
    fileBytes: file.length,
    cv,
    model: m,
    lexicon: l,
    modelObj: model,
    testTexts: test.map((i) => i.text),
  };
}

/**
 * Comments per CPU-second, end to end, on this thread: prepare + classify every test text, repeated for
 * THROUGHPUT_SECONDS. CPU time (process.cpuUsage) rather than wall time, so other processes on a shared
 * machine do not count against it.
 */
function throughput(rows: Row[], withModel: boolean): number {
  let done = 0;
  const started = process.cpuUsage();
  const cpuSeconds = () => {
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1e6;
  };
  while (cpuSeconds() < THROUGHPUT_SECONDS) {
    for (const r of rows) {
      for (const text of r.testTexts) classifySentiment(prepareText(text, r.set.lang), withModel ? r.modelObj : null);
      done += r.testTexts.length;
    }
  }
  return done / cpuSeconds();
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f1 = (x: number) => x.toFixed(3);

function main(): void {
  const loaded = loadDevSets();
  if ('missing' in loaded) {
    console.error(`bench:text: the development data is absent (${loaded.missing}); nothing measured.`);
    process.exitCode = 1;
    return;
  }
  const rows = loaded.sets.map(evaluate);
  const words = rows.reduce((n, r) => n + r.testTexts.reduce((m, t) => m + t.split(/\s+/).length, 0), 0);
  const texts = rows.reduce((n, r) => n + r.testTexts.length, 0);
  const modelRate = throughput(rows, true);
  const lexiconRate = throughput(rows, false);
  const out: string[] = [];
  out.push(`Split: ${Math.round(TRAIN_SHARE * 100)} % train / ${Math.round((1 - TRAIN_SHARE) * 100)} % test by a hash of each item's id. CPU: ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}.`);
  out.push('');
  out.push('| language | set | classes | train / test | model accuracy | model macro-F1 | model 5-fold CV (train part) acc / F1 | lexicon accuracy | lexicon macro-F1 | training time | model file |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    out.push(
      `| ${r.set.lang} | ${r.set.file.split('/').pop()} | ${r.set.labels.length} | ${r.train} / ${r.test} | ${pct(r.model.accuracy)} | ${f1(r.model.macroF1)} | ${
        r.cv ? `${pct(r.cv.accuracy)} / ${f1(r.cv.macroF1)}` : 'n/a'
      } | ${pct(r.lexicon.accuracy)} | ${f1(r.lexicon.macroF1)} | ${r.trainSeconds.toFixed(1)} s CPU (incl. CV) | ${(r.fileBytes / 1e6).toFixed(1)} MB |`,
    );
  }
  out.push('');
  out.push(
    `Throughput, comments per CPU-second on one thread, end to end (language id + normalise + tokenise + classify), over the ${texts} test texts (${(words / texts).toFixed(1)} words on average): ` +
      `trained model ${Math.round(modelRate).toLocaleString('en')} comments/s; lexicon ${Math.round(lexiconRate).toLocaleString('en')} comments/s.`,
  );
  out.push('');
  out.push('Labels: ' + rows.map((r) => `${r.set.lang}: ${r.set.labelling}`).join('; ') + '.');
  const goals = [
    ['fa binary accuracy >= 87%', rows.find((r) => r.set.lang === 'fa')!.model.accuracy >= 0.87],
    ['en 3-class macro-F1 >= 0.78', rows.find((r) => r.set.lang === 'en')!.model.macroF1 >= 0.78],
    ['>= 5,000 comments/s', modelRate >= 5000],
  ] as const;
  out.push('Goals: ' + goals.map(([g, ok]) => `${g}: ${ok ? 'met' : 'NOT met'}`).join('; ') + '.');
  console.log(out.join('\n'));
}

main();
