import { loadDevSets } from './textData.ts';
import { eld } from 'eld/small';
import { eld as xs } from 'eld/extrasmall';
const r = loadDevSets(); if (!('sets' in r)) throw 1;
for (const set of r.sets.filter(s => s.lang !== 'fa')) {
const texts = set.items.slice(0, 1500).map(i => i.text);
const time = (name: string, f: (t: string) => unknown) => { const c0 = process.cpuUsage(); for (let k = 0; k < 2; k++) for (const t of texts) f(t); const c = process.cpuUsage(c0); const s = (c.user + c.system) / 1e6; console.log(set.lang, name, Math.round(2 * texts.length / s), '/s cpu'); };
time('eld300', t => eld.detect(t.slice(0, 300)));
time('eld120', t => eld.detect(t.slice(0, 120)));
time('xs120', t => xs.detect(t.slice(0, 120)));
let agree = 0; for (const t of texts) if (eld.detect(t.slice(0,120)).language === set.lang) agree++; console.log('small120 correct', agree / texts.length);
agree = 0; for (const t of texts) if (xs.detect(t.slice(0,120)).language === set.lang) agree++; console.log('xs120 correct', agree / texts.length);
agree = 0; for (const t of texts) if (eld.detect(t.slice(0,300)).language === set.lang) agree++; console.log('small300 correct', agree / texts.length);
}
