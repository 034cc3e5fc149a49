/**
 * @module The de-duplication rule of reviews (docs/reviews.md "Duplicates"): one review per key per
 * organisation. The key is the source and the platform's own identity of the review (its id, else its
 * URL) when the file has one, else the source, the author, the day as written and the normalised text.
 * The database stores the SHA-256 of the key (reviews.content_hash).
 */

/** NFKC, lower case, ё as е, Arabic ي/ك as Persian ی/ک: the letters people type differently for one word. */
export function foldLetters(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').replace(/ي/g, 'ی').replace(/ك/g, 'ک');
}

/** Text compared for duplicates: folded letters (foldLetters), spaces collapsed. */
export function normaliseReviewText(text: string): string {
  return foldLetters(text).replace(/\s+/g, ' ').trim();
}

export interface DedupeParts {
  source: string;
  externalId: string | null;
  url: string | null;
  author: string | null;
  /** YYYY-MM-DD as written in the file. */
  day: string;
  text: string;
}

const SEP = '\u001f';

/** The key two copies of one review share (hashed before it is stored). */
export function reviewDedupeKey(p: DedupeParts): string {
  if (p.externalId) return ['id', p.source, p.externalId].join(SEP);
  if (p.url) return ['url', p.source, p.url].join(SEP);
  return ['text', p.source, normaliseReviewText(p.author ?? ''), p.day, normaliseReviewText(p.text)].join(SEP);
}
