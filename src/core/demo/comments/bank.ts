/** The shape of one language's comment fragments; see ../comments.ts for how they combine. */
import type { ScoreGroup } from '../../surveys/types.ts';

/** Complaint topics; stores and the call center use different subsets. */
export type NegativeTopic =
  | 'queue' | 'rude_staff' | 'out_of_stock' | 'dirty_fitting' | 'app_crash' | 'price_mismatch' | 'no_staff'
  | 'long_hold' | 'slow_reply' | 'refund' | 'transferred';
/** Praise topics. */
export type PositiveTopic =
  | 'helpful_staff' | 'fast_checkout' | 'assortment' | 'clean_store' | 'promo' | 'app_good'
  | 'quick_support' | 'polite_operator' | 'solved_first_time';

export interface CommentBank {
  /** Optional first sentence per score group. */
  openers: Record<ScoreGroup, readonly string[]>;
  /** Optional last sentence per score group. */
  closers: Record<ScoreGroup, readonly string[]>;
  /** Joins praise and a complaint in a passive's comment; the complaint follows (lower-cased in ru/en). */
  bridges: readonly string[];
  /** Fills `{when}` in topic sentences. */
  when: readonly string[];
  /** Whole short comments, used as they are. */
  short: Record<ScoreGroup, readonly string[]>;
  negative: Record<NegativeTopic, readonly string[]>;
  positive: Record<PositiveTopic, readonly string[]>;
}
