import { generateComment } from '../src/core/demo/comments.ts';
import { createRng } from '../src/core/demo/random.ts';
import { prepareText } from '../src/core/nlp/prepare.ts';
import { lexiconSentiment } from '../src/core/nlp/lexicon.ts';
const lang = (process.argv[2] ?? 'fa') as 'fa';
const rng = createRng(5);
const seen = new Set<string>();
for (let i = 0; i < 300; i++) {
  const group = i % 2 === 0 ? 'detractor' : 'promoter';
  const t = generateComment(rng, { language: lang, group, context: i % 3 === 0 ? 'support' : 'store' });
  const p = prepareText(t, lang);
  const r = lexiconSentiment(p.tokens, p.analysisLang, ['negative', 'positive']);
  const want = group === 'detractor' ? 'negative' : 'positive';
  if (r.label !== want && !seen.has(t)) { seen.add(t); console.log(want, r.score, t); }
}
