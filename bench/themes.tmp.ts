import { COMMENT_BANKS } from '../src/core/demo/comments.ts';
import { compileThemes, matchThemes, prepareText, starterThemes } from '../src/core/nlp/index.ts';
const MAP: Record<string, string> = { queue: 'waiting_time', rude_staff: 'staff_politeness', out_of_stock: 'assortment', dirty_fitting: 'cleanliness', app_crash: 'app_website', price_mismatch: 'price', no_staff: 'staff_help', long_hold: 'phone_wait', slow_reply: 'response_speed', refund: 'refund', transferred: 'resolution', helpful_staff: 'staff_help', assortment: 'assortment', clean_store: 'cleanliness', promo: 'price', app_good: 'app_website', polite_operator: 'staff_politeness', solved_first_time: 'resolution' };
const th = compileThemes(starterThemes());
for (const [lang, bank] of Object.entries(COMMENT_BANKS)) {
  let hit = 0, n = 0;
  for (const [topic, frags] of [...Object.entries(bank.negative), ...Object.entries(bank.positive)]) {
    const want = MAP[topic]; if (!want) continue;
    for (const f of frags) { n++; const t = f.replace('{when}', ''); const got = matchThemes(prepareText(t, lang), th).map(m => m.id); if (got.includes(want)) hit++; else console.log(lang, want, '|', t, '|', got.join(',')); }
  }
  console.log(lang, hit, '/', n);
}
