import { loadDevSets, isTrainItem } from './textData.ts';
import { prepareText, lexiconSentiment, quality, compileThemes, matchThemes, starterThemes, detectLanguage } from '../src/core/nlp/index.ts';
const r = loadDevSets();
if (!('sets' in r)) throw new Error('missing');
for (const set of r.sets) {
  const test = set.items.filter(i => !isTrainItem(i.id));
  const pred = test.map(i => { const p = prepareText(i.text, set.lang); return lexiconSentiment(p.tokens, p.analysisLang, set.labels).label; });
  const q = quality(test.map(i => i.label), pred, set.labels);
  const langs: Record<string, number> = {};
  for (const i of test) { const l = detectLanguage(i.text, set.lang).lang; langs[l] = (langs[l] ?? 0) + 1; }
  console.log(set.lang, 'lexicon acc', q.accuracy.toFixed(3), 'mF1', q.macroF1.toFixed(3), JSON.stringify(langs));
}
const th = compileThemes(starterThemes());
for (const t of ['Очередь на кассе минут двадцать', 'стояла в очереди полчаса', 'پیک خیلی دیر رسید و غذا سرد بود', 'The courier was late and the food was cold', 'Продавец разговаривала грубо', 'قیمت‌ها خیلی گران است']) {
  console.log(t, JSON.stringify(matchThemes(prepareText(t, 'en'), th)));
}
