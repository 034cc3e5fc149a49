/**
 * @module Ratings as platforms give them (1..5 stars, or 1..10) and their common 5-star form
 * (docs/reviews.md "Rating trend": review_rating.v1).
 */
import { asciiDigits } from './dates.ts';

/** The scales a rating may be given on. */
export const RATING_SCALES = [5, 10] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

export function isRatingScale(n: unknown): n is RatingScale {
  return n === 5 || n === 10;
}

/** A rating read from a cell: the value on its scale, or why it cannot be read. */
export type ParsedRating = { rating: number; scale: RatingScale } | { rating: null; scale: null } | { error: string };

/**
 * Reads a rating cell: a number (`4`, `4.5`, `4,5`), `4/5` or `8/10` (the scale from the cell), or stars
 * (`★★★★☆`: the filled ones on 5). An empty cell is no rating. Values must lie in 1..scale and have at most
 * two decimals.
 * @param scale the scale of the file (or of the row's scale column) when the cell does not say
 */
export function parseRating(cell: string | number | null, scale: RatingScale): ParsedRating {
  if (cell === null) return { rating: null, scale: null };
  let text = typeof cell === 'number' ? String(cell) : asciiDigits(cell).trim();
  if (text === '') return { rating: null, scale: null };
  let own: number = scale;
  if (/^[★☆]+$/.test(text)) {
    text = String([...text].filter((c) => c === '★').length);
    own = 5;
  }
  const slash = /^(.+?)\s*(?:\/|из|of|out of)\s*(\d+)$/i.exec(text);
  if (slash) {
    const max = Number(slash[2]);
    if (!isRatingScale(max)) return { error: `rating "${cell}": the scale must be 5 or 10` };
    own = max;
    text = slash[1].trim();
  }
  if (!/^\d+(?:[.,]\d{1,2})?$/.test(text)) return { error: `rating "${cell}" is not a number` };
  const rating = Number(text.replace(',', '.'));
  if (rating < 1 || rating > own) {
    const hint = own === 5 && rating > 5 && rating <= 10 ? ' (a 10-point file? choose the 1..10 scale)' : '';
    return { error: `rating ${rating} is outside 1..${own}${hint}` };
  }
  return { rating, scale: own as RatingScale };
}

/**
 * A rating on the 5-star scale: 1..scale mapped linearly onto 1..5 (review_rating.v1), so 1 stays 1
 * and the top of every scale is 5; on a 10-point scale 10 -> 5, 7 -> 3.67, 1 -> 1.
 */
export function toFiveStars(rating: number, scale: RatingScale): number {
  return 1 + ((rating - 1) * 4) / (scale - 1);
}
