/**
 * @module A Unicode tokenizer for normalised text (normalize.ts): words of any script with their inner
 * ZWNJ, apostrophe or hyphen kept ("می‌خواهم", "don't", "что-то"), numbers, emoji sequences (ZWJ
 * families, skin tones, flags) and ASCII emoticons, URLs, @mentions and the punctuation that ends a
 * clause (negation scopes stop there). Everything else is dropped.
 */

export type TokenKind = 'word' | 'number' | 'emoji' | 'url' | 'mention' | 'punct';

export interface Token {
  text: string;
  kind: TokenKind;
}

const TOKEN = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s]+)`,
    String.raw`(?<mention>[@#][\p{L}\p{N}_]+)`,
    String.raw`(?<number>\p{Nd}+(?:[.,:/]\p{Nd}+)*%?)`,
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{Nd}]*(?:['’\u200c-][\p{L}\p{M}\p{Nd}]+)*)`,
    String.raw`(?<emoji>\p{RI}\p{RI}|\p{Extended_Pictographic}(?:\p{EMod}|\ufe0f|\u200d\p{Extended_Pictographic})*|[:;=]-?(?:[()\/\\|*]+|[dp](?![\p{L}\p{N}]))|<3|\)\)+|\(\(+)`,
    String.raw`(?<punct>[.!?;,،؛؟…]+)`,
  ].join('|'),
  'gu',
);

/** The tokens of a (normalised) text, in order. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!;
    const kind: TokenKind = g.word !== undefined ? 'word' : g.punct !== undefined ? 'punct' : g.number !== undefined ? 'number' : g.emoji !== undefined ? 'emoji' : g.url !== undefined ? 'url' : 'mention';
    out.push({ text: m[0], kind });
  }
  return out;
}

/** The word tokens only (the unit of themes, key phrases and frequencies). */
export function words(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => t.kind === 'word').map((t) => t.text);
}
