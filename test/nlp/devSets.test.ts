/**
 * The sentiment pipeline on the real development sets of ../shared/data (third-party data, never in the
 * repository): floors a few points under the measured figures of docs/text.md, so a change that breaks
 * the model or the lexicon on real ru / fa / en text fails here, not only in `npm run bench:text`.
 * Skips, saying why, only when the data folder is absent.
 */
import { describe, expect, it } from 'vitest';
import { isTrainItem, loadDevSets, sharedDataDir } from '../../bench/textData.ts';
import { classifySentiment, prepareText, quality, trainFromTexts } from '../../src/core/nlp/index.ts';

const loaded = loadDevSets();
const missing = 'missing' in loaded ? loaded.missing : null;
if (missing) console.warn(`test/nlp/devSets.test.ts skipped: the development data is absent (${missing}; looked in ${sharedDataDir()})`);

describe.skipIf(missing !== null)('sentiment on the development sets', () => {
  const sets = 'sets' in loaded ? loaded.sets : [];

  it.each([
    ['fa', 0.8, 0.65],
    ['en', 0.72, 0.5],
  ] as const)('%s: the trained model and the lexicon stay above their floors (macro-F1)', { timeout: 300_000 }, (lang, modelFloor, lexiconFloor) => {
    const set = sets.find((s) => s.lang === lang)!;
    const train = set.items.filter((i) => isTrainItem(i.id));
    const test = set.items.filter((i) => !isTrainItem(i.id));
    const { model } = trainFromTexts(train, { defaultLang: lang, folds: 2 });
    const prepared = test.map((i) => prepareText(i.text, lang));
    const truth = test.map((i) => i.label);
    const byModel = quality(
      truth,
      prepared.map((p) => classifySentiment(p, model).sentiment),
      set.labels,
    );
    const byLexicon = quality(
      truth,
      prepared.map((p) => {
        const s = classifySentiment(p).sentiment;
        return set.labels.includes(s) ? s : 'positive';
      }),
      set.labels,
    );
    expect(byModel.macroF1).toBeGreaterThan(modelFloor);
    expect(byLexicon.macroF1).toBeGreaterThan(lexiconFloor);
    expect(byModel.macroF1).toBeGreaterThan(byLexicon.macroF1 + 0.05);
  });

  it('identifies the language of nearly every text', () => {
    for (const set of sets) {
      const wrong = set.items.filter((i) => prepareText(i.text, set.lang).lang !== set.lang).length;
      expect(wrong / set.items.length, set.lang).toBeLessThan(0.01);
    }
  });
});
