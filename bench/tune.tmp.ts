import { loadDevSets, isTrainItem } from './textData.ts';
import { prepareText } from '../src/core/nlp/prepare.ts';
import { featurize, DEFAULT_FEATURES } from '../src/core/nlp/features.ts';
import { trainSentimentModel, predictLabel } from '../src/core/nlp/sentimentModel.ts';
import { quality, foldAssignment } from '../src/core/nlp/evaluate.ts';
const r = loadDevSets();
if (!('sets' in r)) throw new Error('missing');
const variants = JSON.parse(process.argv[2] ?? '[{}]');
const langs = (process.argv[3] ?? 'en,fa,ru').split(',');
for (const set of r.sets.filter(s => langs.includes(s.lang))) {
  const train = set.items.filter(i => isTrainItem(i.id));
  const pt = train.map(i => ({ label: i.label, p: prepareText(i.text, set.lang) }));
  const folds = foldAssignment(pt.length, 5, 1);
  for (const v of variants) {
    const f = { ...DEFAULT_FEATURES, ...(v.features ?? {}) };
    const vecs = pt.map(e => ({ label: e.label, vector: featurize(e.p, f) }));
    const pred: string[] = new Array(pt.length);
    const t0 = performance.now();
    for (let k = 0; k < 5; k++) {
      const model = trainSentimentModel(vecs.filter((_, i) => folds[i] !== k), { ...v, features: f });
      vecs.forEach((e, i) => { if (folds[i] === k) pred[i] = predictLabel(model, e.vector).label; });
    }
    const q = quality(pt.map(e => e.label), pred, set.labels);
    console.log(set.lang, JSON.stringify(v), 'cv acc', q.accuracy.toFixed(4), 'mF1', q.macroF1.toFixed(4), 'ms', (performance.now()-t0).toFixed(0));
  }
}
