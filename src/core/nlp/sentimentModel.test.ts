import { describe, expect, it } from 'vitest';
import { featurize } from './features.ts';
import type { LabelledText } from './labels.ts';
import { modelFromJson, modelToJson, ModelFormatError } from './modelFile.ts';
import { prepareText } from './prepare.ts';
import { classifySentiment, trainFromTexts } from './sentiment.ts';
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
  it('round-trips through JSON with the same predictions', () => {
    const { model, quality } = trainFromTexts(TINY, { folds: 4 });
    const json = JSON.parse(JSON.stringify(modelToJson(model, quality)));
    const back = modelFromJson(json);
    expect(back.quality).toEqual(quality);
    expect(Array.from(back.model.weights)).toEqual(Array.from(model.weights));
    const v = featurize(prepareText('late and rude', 'en'));
    expect(Array.from(predictProbabilities(back.model, v))).toEqual(Array.from(predictProbabilities(model, v)));
  });

  it('names what is wrong with a bad file', () => {
    const good = modelToJson(trainSentimentModel(vectors(TINY)), null);
    expect(() => modelFromJson([])).toThrow(ModelFormatError);
    expect(() => modelFromJson({ ...good, format: 'x' })).toThrow(/"format" must be "sarafan.sentiment-model"/);
    expect(() => modelFromJson({ ...good, version: 2 })).toThrow(/version 2 is not supported/);
    expect(() => modelFromJson({ ...good, labels: ['negative', 'happy'] })).toThrow(/"labels"/);
    expect(() => modelFromJson({ ...good, weights: good.weights.slice(0, 100) })).toThrow(/"weights" holds 75 bytes, expected 3145728/);
  });
});
