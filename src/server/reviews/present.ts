/** Reviews as the API answers them (docs/api.md "Reviews"). */
import type { Review } from '../../core/api/reviews.ts';
import { toFiveStars } from '../../core/reviews/rating.ts';
import type { ReviewRow } from '../../db/reviews/listReviews.ts';

export function presentReview(r: ReviewRow): Review {
  return {
    ...r,
    stars: r.rating !== null && r.ratingScale !== null ? toFiveStars(r.rating, r.ratingScale) : null,
    publishedAt: r.publishedAt.toISOString(),
    importedAt: r.importedAt.toISOString(),
  };
}
