import { describe, expect, it } from 'vitest';
import { featurize } from './features.ts';
import type { LabelledText } from './labels.ts';
import { modelFromJson, modelToJson, ModelFormatError, PRUNE_BELOW } from './modelFile.ts';
import { prepareText } from './prepare.ts';
import { classifierProbabilities, classifySentiment, trainFromTexts } from './sentiment.ts';
import { predictProbabilities, trainSentimentModel } from './sentimentModel.ts';

/** A tiny hand-made set: complaints, praise and plain statements, in three languages. */
const TINY: LabelledText[] = [
  ...['the courier was late and rude', 'cold food, late delivery', 'rude courier again', 'late and cold', 'доставка опоздала, еда холодная', 'курьер грубый и опоздал', 'غذا سرد بود و پیک دیر رسید', 'پیک بی‌ادب بود و دیر رسید'].map(
    (text) => ({ label: 'negative' as const, text }),
  ),
  ...['great food, thank you', 'thank you, great service', 'great, fast and tasty', 'спасибо, отличная еда', 'отличный сервис, спасибо', 'ممنون، غذا عالی بود', 'عالی بود ممنون', 'fast and great'].map((text) => ({
    label: 'positive' as const,
    text,
  })),
  ...['i ordered on monday', 'order number 15', 'заказ был в понедельник', 'номер заказа 15', 'سفارش دوشنبه بود', 'ordered a pizza on monday', 'pizza order monday', 'заказ пицца понедельник'].map((text) => ({
    label: 'neutral' as const,
    text,
  })),
];

const vectors = (items: LabelledText[]) => items.map((e) => ({ label: e.label, vector: featurize(prepareText(e.text, 'en')) }));

describe('sentiment model', () => {
  it('learns a tiny hand-made set', () => {
    const { model } = trainFromTexts(TINY, { epochs: 30 });
    expect(model.labels).toEqual(['negative', 'neutral', 'positive']);
    const predict = (text: string) => classifySentiment(prepareText(text, 'en'), model).sentiment;
    for (const e of TINY) expect(predict(e.text)).toBe(e.label);
    expect(predict('the courier was rude')).toBe('negative');
    expect(predict('thank you, great')).toBe('positive');
    expect(predict('курьер опоздал')).toBe('negative');
  });

  it('gives probabilities that sum to 1', () => {
    const model = trainSentimentModel(vectors(TINY));
    for (const e of TINY) {
      const p = predictProbabilities(model, featurize(prepareText(e.text, 'en')));
      expect(p.length).toBe(3);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (const x of p) expect(x).toBeGreaterThan(0);
    }
  });

  it('is deterministic: the same data and seed give identical weights', () => {
    const a = trainSentimentModel(vectors(TINY));
    const b = trainSentimentModel(vectors(TINY));
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
    const c = trainSentimentModel(vectors(TINY), { seed: 12 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(c.weights.buffer))).toBe(false);
  });

  it('applies NB weighting only with enough examples of every class', () => {
    const plain = trainSentimentModel(vectors(TINY), { nbAlpha: 0 });
    const few = trainSentimentModel(vectors(TINY)); // 8 per class < nbMinPerClass: no NB
    expect(Buffer.from(few.weights.buffer).equals(Buffer.from(plain.weights.buffer))).toBe(true);
    const nb = trainSentimentModel(vectors(TINY), { nbMinPerClass: 8 });
    expect(Buffer.from(nb.weights.buffer).equals(Buffer.from(plain.weights.buffer))).toBe(false);
    // the ratios are folded into the weights: a feature no text has keeps weight 0
    const seen = new Set(vectors(TINY).flatMap((e) => Array.from(e.vector.idx)));
    const unseen = [...Array(64).keys()].find((j) => !seen.has(j))!;
    for (let c = 0; c < 3; c++) expect(nb.weights[c * 2 ** nb.features.bits + unseen]).toBe(0);
    const p = trainFromTexts(TINY, { epochs: 30, nbMinPerClass: 8 }).model;
    for (const e of TINY) expect(classifySentiment(prepareText(e.text, 'en'), p).sentiment).toBe(e.label);
  });

  it('trains a two-class model from two labels and refuses one', () => {
    const two = TINY.filter((e) => e.label !== 'neutral');
    const model = trainSentimentModel(vectors(two));
    expect(model.labels).toEqual(['negative', 'positive']);
    expect(model.weights.length).toBe(2 * 2 ** model.features.bits);
    expect(() => trainSentimentModel(vectors(TINY.filter((e) => e.label === 'neutral')))).toThrow(/at least two labels; found only "neutral"/);
  });

  it('reports cross-validated quality, or none with too few examples per label', () => {
    const { quality } = trainFromTexts(TINY, { folds: 4 });
    expect(quality).toMatchObject({ folds: 4, n: TINY.length });
    expect(quality!.accuracy).toBeGreaterThan(1 / 3);
    expect(trainFromTexts(TINY.slice(0, 12), { folds: 4 }).quality).toBeNull(); // 8 negative, 4 positive: 4 < 5
  });
});

describe('model file', () => {
  it('round-trips through JSON with the same predictions (weights under the pruning threshold read back as 0)', () => {
    const { model, quality } = trainFromTexts(TINY, { folds: 4 });
    expect(model.members.length).toBe(2);
    const json = JSON.parse(JSON.stringify(modelToJson(model, quality)));
    const back = modelFromJson(json);
    expect(back.quality).toEqual(quality);
    expect(back.model.labels).toEqual(model.labels);
    model.members.forEach((m, i) => {
      const pruned = Array.from(m.weights, (w) => (Math.abs(w) < PRUNE_BELOW ? 0 : w));
      expect(Array.from(back.model.members[i]!.weights)).toEqual(pruned);
      expect(back.model.members[i]!.features).toEqual(m.features);
    });
    for (const text of ['late and rude', 'great food, thank you', 'заказ был в понедельник']) {
      const p = prepareText(text, 'en');
      expect(classifySentiment(p, back.model).sentiment).toBe(classifySentiment(p, model).sentiment);
    }
  });

  it('reads a version-1 file (one dense model)', () => {
    const features = { bits: 10, charMin: 3, charMax: 5, wordBigrams: true, negation: true, lexicon: true };
    const one = trainSentimentModel(
      TINY.map((e) => ({ label: e.label, vector: featurize(prepareText(e.text, 'en'), features) })),
      { features },
    );
    const bytes = Buffer.alloc(one.weights.length * 4);
    one.weights.forEach((w, i) => bytes.writeFloatLE(w, i * 4));
    const v1 = { format: 'sarafan.sentiment-model', version: 1, labels: one.labels, features: one.features, counts: one.counts, quality: null, bias: Array.from(one.bias), weights: bytes.toString('base64') };
    const back = modelFromJson(v1).model;
    expect(back.members.length).toBe(1);
    expect(back.members[0]!.features.wordTrigrams).toBe(false);
    expect(Array.from(back.members[0]!.weights)).toEqual(Array.from(one.weights));
    expect(() => modelFromJson({ ...v1, weights: v1.weights.slice(0, 100) })).toThrow(/"weights" holds 75 bytes, expected 12288/);
  });

  it('writes version 3 with punctuation features, and reads a version-2 file (no punctuation) as it was trained', () => {
    const { model } = trainFromTexts(TINY, { folds: 4 });
    const v3 = modelToJson(model, null);
    expect(v3.version).toBe(3);
    expect(v3.members.map((m) => m.features.punctuation)).toEqual([true, true]);
    // A version-2 file: the same layout, its members trained without punctuation features.
    const plain = trainFromTexts(TINY, { folds: 4, features: { ...model.members[0]!.features, punctuation: false } }).model;
    const v2 = JSON.parse(JSON.stringify({ ...modelToJson(plain, null), version: 2 }));
    for (const m of v2.members) delete m.features.punctuation;
    const back = modelFromJson(v2).model;
    expect(back.members[0]!.features.punctuation).toBe(false);
    const p = prepareText('late again?!', 'en');
    expect(featurize(p, back.members[0]!.features).idx.length).toBe(featurize(p, { ...back.members[0]!.features, punctuation: true }).idx.length - 1);
    expect(Array.from(classifierProbabilities(back, p))).toEqual(Array.from(classifierProbabilities(plain, p)));
  });

  it('names what is wrong with a bad file', () => {
    const good = modelToJson(trainFromTexts(TINY, { folds: 4 }).model, null);
    const member = good.members[0]!;
    expect(() => modelFromJson([])).toThrow(ModelFormatError);
    expect(() => modelFromJson({ ...good, format: 'x' })).toThrow(/"format" must be "sarafan.sentiment-model"/);
    expect(() => modelFromJson({ ...good, version: 4 })).toThrow(/version 4 is not supported \(this Sarafan reads versions 1 to 3\)/);
    expect(() => modelFromJson({ ...good, labels: ['negative', 'happy'] })).toThrow(/"labels"/);
    expect(() => modelFromJson({ ...good, members: [] })).toThrow(/"members" must list one to eight models/);
    expect(() => modelFromJson({ ...good, members: [{ ...member, values: member.values.slice(0, 8) }] })).toThrow(/members\[0\]: "index" \(\d+ bytes\) and "values" \(6 bytes\)/);
    const reversed = Buffer.alloc(8);
    reversed.writeUInt32LE(5, 0);
    reversed.writeUInt32LE(4, 4);
    expect(() => modelFromJson({ ...good, members: [{ ...member, index: reversed.toString('base64'), values: Buffer.alloc(8).toString('base64') }] })).toThrow(/"index" must ascend/);
    expect(() => modelFromJson({ ...good, members: [{ ...member, features: { ...member.features, squeeze: 'yes' } }] })).toThrow(/members\[0\]: "features" is malformed/);
  });
});
