/**
 * `npm run tune:text -- <en|fa|ru> '<variants>'` (docs/text.md, "How the options were chosen"): 5-fold
 * cross-validation of model variants inside the TRAINING part of a development set only (the 80 % of
 * bench/textData.ts; the test part is never read), so options are chosen without looking at the
 * figures `npm run bench:text` reports. `<variants>` is a JSON array of
 * `{"name", "features": {...}, "train": {...}}` (one model) or `{"name", "ens": [{features, train}, ...]}`
 * (probabilities averaged). Prints accuracy and macro-F1 per variant, plus the same after per-class
 * score offsets chosen on the other folds (nested: a check whether moving the decision threshold helps).
 */
import { foldAssignment, quality } from '../src/core/nlp/evaluate.ts';
import { DEFAULT_FEATURES, featurize, type FeatureOptions } from '../src/core/nlp/features.ts';
import { prepareText } from '../src/core/nlp/prepare.ts';
import { predictProbabilities, trainSentimentModel, type TrainOptions } from '../src/core/nlp/sentimentModel.ts';
import { isTrainItem, loadDevSets } from './textData.ts';

const lang = process.argv[2]!;
const variants = JSON.parse(process.argv[3]!) as { name?: string; features?: Partial<FeatureOptions>; train?: Partial<TrainOptions>; ens?: { features?: Partial<FeatureOptions>; train?: Partial<TrainOptions> }[] }[];
const loaded = loadDevSets();
if ('missing' in loaded) throw new Error('no data');
const set = loaded.sets.find((s) => s.lang === lang)!;
const train = set.items.filter((i) => isTrainItem(i.id));
const prepared = train.map((i) => prepareText(i.text, set.lang));
const truth = train.map((i) => i.label);
const fold = foldAssignment(train.length, 5, 11);
for (const v of variants) {
  const members = v.ens ?? [{ features: v.features, train: v.train }];
  const t0 = process.cpuUsage();
  const probs = train.map(() => new Float64Array(set.labels.length));
  let labels: string[] = [];
  for (const m of members) {
    const features = { ...DEFAULT_FEATURES, ...m.features };
    const vectors = prepared.map((p, i) => ({ label: truth[i]!, vector: featurize(p, features) }));
    for (let k = 0; k < 5; k++) {
      const model = trainSentimentModel(
        vectors.filter((_, i) => fold[i] !== k),
        { ...m.train, features },
      );
      labels = model.labels;
      vectors.forEach((x, i) => {
        if (fold[i] !== k) return;
        const p = predictProbabilities(model, x.vector);
        for (let c = 0; c < p.length; c++) probs[i]![c] += p[c]! / members.length;
      });
    }
  }
  const predicted = probs.map((p) => labels[p.indexOf(Math.max(...p))]!);
  const q = quality(truth, predicted, set.labels);
  const used = process.cpuUsage(t0);
  // nested: offsets chosen on the other folds' OOF probabilities, applied to this fold
  const grid: number[][] = [];
  const steps = Array.from({ length: 21 }, (_, i) => -1 + i * 0.1);
  if (labels.length === 2) for (const a of steps) grid.push([0, a]);
  else for (const a of steps) for (const b of steps) grid.push([0, a, b]);
  const pick = (o: number[], p: Float64Array) => {
    let best = 0;
    for (let c = 1; c < p.length; c++) if (Math.log(p[c]!) + o[c]! > Math.log(p[best]!) + o[best]!) best = c;
    return labels[best]!;
  };
  const tunedPred = new Array<string>(train.length);
  for (let k = 0; k < 5; k++) {
    const idx = train.map((_, i) => i).filter((i) => fold[i] !== k);
    let bestO = grid[0]!;
    let bestS = -1;
    for (const o of grid) {
      const qq = quality(idx.map((i) => truth[i]!), idx.map((i) => pick(o, probs[i]!)), set.labels);
      const sc = labels.length === 2 ? qq.accuracy : qq.macroF1;
      if (sc > bestS + 1e-12) { bestS = sc; bestO = o; }
    }
    train.forEach((_, i) => { if (fold[i] === k) tunedPred[i] = pick(bestO, probs[i]!); });
  }
  const qt = quality(truth, tunedPred, set.labels);
  console.log(`${lang} acc ${(q.accuracy * 100).toFixed(2)} F1 ${q.macroF1.toFixed(4)} | offs acc ${(qt.accuracy * 100).toFixed(2)} F1 ${qt.macroF1.toFixed(4)} cpu ${((used.user + used.system) / 1e6).toFixed(1)}s  ${v.name ?? JSON.stringify({ f: v.features, t: v.train, e: v.ens })}`);
}
