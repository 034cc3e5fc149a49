/**
 * @module The columns of a review file and the automatic mapping of a file's headers onto them
 * (English, Russian and Persian header names; docs/reviews.md "Formats").
 */
import { foldLetters } from './dedupe.ts';

/** What a review file may hold; `source`, `text` (or `rating`) and `date` make a review. */
export const REVIEW_FIELDS = ['source', 'rating', 'text', 'date', 'location', 'author', 'url', 'externalId', 'language', 'scale'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/** For each field, the header of the file that holds it (null: not in the file). */
export type ColumnMapping = Record<ReviewField, string | null>;

/** Header names recognised for each field, in normalised form (normaliseHeader). */
const ALIASES: Record<ReviewField, readonly string[]> = {
  source: ['source', 'platform', 'site', 'channel', 'network', 'источник', 'площадка', 'платформа', 'сайт', 'канал', 'منبع', 'پلتفرم', 'سایت'],
  rating: [
    'rating', 'stars', 'star rating', 'score', 'rate', 'grade', 'оценка', 'рейтинг', 'звезды', 'количество звезд', 'балл', 'баллы',
    'امتیاز', 'رتبه', 'ستاره',
  ],
  text: [
    'text', 'review', 'review text', 'comment', 'body', 'content', 'message', 'отзыв', 'текст', 'текст отзыва', 'комментарий',
    'сообщение', 'متن', 'نظر', 'دیدگاه', 'متن نظر',
  ],
  date: [
    'date', 'published', 'published at', 'publish date', 'created', 'created at', 'time', 'datetime', 'timestamp', 'дата',
    'дата публикации', 'дата отзыва', 'время', 'опубликовано', 'تاریخ', 'زمان', 'تاریخ انتشار',
  ],
  location: [
    'location', 'location code', 'store', 'store code', 'branch', 'shop', 'place', 'филиал', 'магазин', 'точка', 'локация',
    'код точки', 'код магазина', 'адрес', 'код', 'شعبه', 'فروشگاه', 'مکان',
  ],
  author: ['author', 'name', 'user', 'username', 'reviewer', 'author name', 'автор', 'имя', 'пользователь', 'نویسنده', 'نام', 'کاربر'],
  url: ['url', 'link', 'review url', 'ссылка', 'адрес отзыва', 'لینک', 'پیوند', 'نشانی'],
  externalId: ['id', 'review id', 'external id', 'идентификатор', 'ид', 'id отзыва', 'شناسه'],
  language: ['language', 'lang', 'язык', 'زبان'],
  scale: ['scale', 'rating scale', 'max rating', 'out of', 'шкала', 'максимум', 'مقیاس'],
};

/** Lower case, ё as е, Arabic letters as Persian, `_` `-` and runs of spaces as one space, trimmed. */
export function normaliseHeader(header: string): string {
  return foldLetters(header).replace(/[\s_\-.:]+/g, ' ').trim();
}

/** A mapping with no column for any field. */
export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(REVIEW_FIELDS.map((f) => [f, null])) as ColumnMapping;
}

/**
 * The headers of a file mapped onto the fields by their names; each header is used once, the first
 * header matching a field wins. Headers nobody recognises stay unmapped.
 */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const used = new Set<string>();
  for (const field of REVIEW_FIELDS) {
    const aliases = ALIASES[field];
    const hit = headers.find((h) => !used.has(h) && aliases.includes(normaliseHeader(h)));
    if (hit !== undefined) {
      mapping[field] = hit;
      used.add(hit);
    }
  }
  return mapping;
}

/**
 * The detected mapping with the user's choices on top: a field given as a header name uses it, a field
 * given as null is not read. Names that are not headers of the file are refused.
 * @returns the mapping, or the first problem in words
 */
export function applyMapping(headers: readonly string[], chosen: Partial<Record<ReviewField, string | null>> | undefined): ColumnMapping | string {
  const mapping = detectMapping(headers);
  if (!chosen) return mapping;
  for (const field of REVIEW_FIELDS) {
    if (!(field in chosen)) continue;
    const header = chosen[field];
    if (header === undefined) continue;
    if (header !== null && !headers.includes(header)) return `mapping.${field}: the file has no column "${header}"`;
    // A header moved to this field is no longer read as another one.
    if (header !== null) for (const other of REVIEW_FIELDS) if (other !== field && mapping[other] === header && !(other in chosen)) mapping[other] = null;
    mapping[field] = header;
  }
  return mapping;
}
