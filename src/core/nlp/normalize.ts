/**
 * @module Text normalisation before tokenising (docs/text.md, "Normalisation"). One pass per script:
 * Persian/Arabic letters unified (ي ى -> ی, ك -> ک), tatweel and diacritics removed, Persian and Arabic
 * digits made ASCII, the ZWNJ joins of "می"/"نمی" and "ها"/"های" restored where people typed a space;
 * Russian ё -> е; everything case-folded. Lossy on purpose: it serves matching and classification,
 * never display (show the respondent's own text).
 */

/** The dominant writing system of a text (by letter count). */
export type Script = 'arabic' | 'cyrillic' | 'latin' | 'other' | 'none';

export const ZWNJ = '\u200c';

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const ANY_LETTER = /\p{L}/u;

/** Counts the letters of each script and returns the most frequent one ("none" without letters). */
export function dominantScript(text: string): Script {
  let arabic = 0;
  let cyrillic = 0;
  let latin = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x41) continue;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (ARABIC_LETTER.test(ch)) arabic++;
    else if (ANY_LETTER.test(ch)) other++;
  }
  const best = Math.max(arabic, cyrillic, latin, other);
  if (best === 0) return 'none';
  if (arabic === best) return 'arabic';
  if (cyrillic === best) return 'cyrillic';
  if (latin === best) return 'latin';
  return 'other';
}

const HTML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };

/** Arabic-script letter variants -> the Persian letter; digits -> ASCII; tatweel and diacritics dropped. */
const PERSIAN_CHAR: Record<string, string> = {
  '\u064a': '\u06cc', // ي Arabic yeh
  '\u0649': '\u06cc', // ى alef maksura
  '\u0643': '\u06a9', // ك Arabic kaf
  '\u06c0': '\u0647', // ۀ heh with yeh above
  '\u0629': '\u0647', // ة teh marbuta
  '\u0640': '', // tatweel
};
for (let d = 0; d < 10; d++) {
  PERSIAN_CHAR[String.fromCharCode(0x06f0 + d)] = String(d);
  PERSIAN_CHAR[String.fromCharCode(0x0660 + d)] = String(d);
}
const PERSIAN_CHARS = /[\u064a\u0649\u0643\u06c0\u0629\u0640\u06f0-\u06f9\u0660-\u0669]/g;
/** Harakat, tanwin, shadda, sukun, superscript alef and the Quranic marks. */
const ARABIC_DIACRITICS = /[\u064b-\u065f\u0670\u06d6-\u06ed]/g;
/** "می خوام", "نمی دونم" -> one word with ZWNJ (the verb prefix typed with a space). */
const MI_PREFIX = /(^|[\s\u200c])(ن?می)[ \u200c]+(?=[\u0600-\u06ff])/g;
/** "غذا ها", "پیک های" -> one word with ZWNJ (the plural suffix typed with a space). */
const HA_SUFFIX = /([\u0600-\u06ff])[ \u200c]+(ها(?:ی|یی|یم|یت|یش|مان|تان|شان)?)(?=$|[^\u0600-\u06ff\u200c])/g;
/** ZWNJ that joins nothing (doubled, or beside a space or at the ends of a word). */
const STRAY_ZWNJ = /\u200c{2,}|(?<=\s|^)\u200c|\u200c(?=\s|$)/g;

function normalizePersian(text: string): string {
  return text
    .replace(PERSIAN_CHARS, (c) => PERSIAN_CHAR[c]!)
    .replace(ARABIC_DIACRITICS, '')
    .replace(MI_PREFIX, `$1$2${ZWNJ}`)
    .replace(HA_SUFFIX, `$1${ZWNJ}$2`)
    .replace(STRAY_ZWNJ, (m) => (m.length > 1 ? ZWNJ : ''));
}

/**
 * Normalises a text for analysis: HTML entities of exported tweets decoded, compatibility forms folded
 * (NFKC: Arabic presentation forms, full-width Latin), whitespace collapsed, the per-script rules above,
 * lower case.
 * Each rule touches only its own script's characters, so mixed texts (Persian with English brand names) are fine.
 */
export function normalizeText(text: string): string {
  let t = text.normalize('NFKC');
  if (t.includes('&')) t = t.replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (e) => HTML_ENTITIES[e]!);
  t = t.replace(/\s+/g, ' ').trim();
  if (ARABIC_LETTER.test(t)) t = normalizePersian(t);
  return t.replace(/[ёЁ]/g, (c) => (c === 'ё' ? 'е' : 'Е')).toLowerCase();
}
