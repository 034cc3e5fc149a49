/**
 * The pipeline on the demo's comments (src/core/demo: the ru / fa / en comments `sarafan demo` stores
 * with its answers): language, sentiment (trained on the scored comments, and the lexicon), key
 * phrases and themes. The demo text is generated from fragments written independently of this code.
 */
import { describe, expect, it } from 'vitest';
import { generateComment, type CommentLanguage } from '../demo/comments.ts';
import { createRng } from '../demo/random.ts';
import { quality } from './evaluate.ts';
import { keyPhrases } from './keyphrases.ts';
import { prepareText } from './prepare.ts';
import { classifySentiment, trainFromTexts } from './sentiment.ts';
import type { LabelledText } from './labels.ts';

function demoComments(language: CommentLanguage, n: number): LabelledText[] {
  const rng = createRng(2026);
  return Array.from({ length: n }, (_, i) => {
    const group = i % 2 === 0 ? 'detractor' : 'promoter';
    return { label: group === 'detractor' ? 'negative' : 'positive', text: generateComment(rng, { language, group, context: i % 3 === 0 ? 'support' : 'store' }) } as const;
  });
}

describe.each(['ru', 'fa', 'en'] as const)('demo comments in %s', (language) => {
  const comments = demoComments(language, 400);
  const train = comments.slice(0, 300);
  const test = comments.slice(300);

  it('are identified, and classified by the model trained on their scores and by the lexicon', () => {
    const prepared = test.map((c) => prepareText(c.text, 'en'));
    expect(prepared.filter((p) => p.lang === language).length / prepared.length).toBeGreaterThan(0.9);
    const { model } = trainFromTexts(train, { defaultLang: language });
    const truth = test.map((c) => c.label);
    const byModel = quality(truth, prepared.map((p) => classifySentiment(p, model).sentiment), ['negative', 'positive']);
    const byLexicon = quality(truth, prepared.map((p) => classifySentiment(p).sentiment === 'negative' ? 'negative' : 'positive'), ['negative', 'positive']);
    expect(byModel.accuracy).toBeGreaterThan(0.9); // measured 1.0 in each language
    expect(byLexicon.accuracy).toBeGreaterThan(0.7); // measured 0.74 ru, 0.78 fa, 0.81 en
  });

  it('give key phrases for detractors and promoters', () => {
    const docs = (label: string) => comments.filter((c) => c.label === label).map((c) => ({ text: c.text, prepared: prepareText(c.text, language) }));
    const { a, b } = keyPhrases(docs('negative'), docs('positive'));
    const complaint = { ru: 'ужасный', fa: 'صف', en: 'terrible' }[language];
    const praise = { ru: 'спасибо', fa: 'عالی', en: 'great' }[language];
    expect(a.map((p) => p.phrase)).toContain(complaint);
    expect(b.map((p) => p.phrase)).toContain(praise);
    expect(a.every((p) => p.z >= 1.96 && p.examples.length > 0)).toBe(true);
  });
});
