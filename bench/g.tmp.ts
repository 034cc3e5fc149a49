import { gsdmm } from '../src/core/nlp/gsdmm.ts';
const QUEUE = ['long queue at the checkout', 'the checkout queue was long', 'queue at checkout again', 'huge checkout queue', 'one checkout open, long queue'];
const PARKING = ['no parking space', 'parking was full', 'parking space too small', 'could not find parking space', 'parking full again'];
const docs = [...QUEUE, ...PARKING].map((t) => t.split(' '));
for (const seed of [1,2,3,7]) for (const it of [30, 100]) console.log(seed, it, gsdmm(docs, { k: 8, iterations: it, seed }).join(','));
