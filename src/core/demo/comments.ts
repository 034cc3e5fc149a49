/**
 * @module Realistic customer comments built from fragments: an optional opener, one or two topic
 * sentences (complaints for detractors, praise for promoters, both for passives), an optional
 * closer. Thousands of distinct comments per language come out of a few hundred fragments.
 */
import { npsGroup } from '../stats/nps.ts';
import type { ScoreGroup } from '../surveys/types.ts';
import type { Rng } from './random.ts';
import type { CommentBank, NegativeTopic, PositiveTopic } from './comments/bank.ts';
import { RU } from './comments/ru.ts';
import { EN } from './comments/en.ts';
import { FA } from './comments/fa.ts';
import type { AnalysisLanguage } from '../nlp/languages.ts';

/** A demo comment's language: one the text analysis knows. */
export type CommentLanguage = AnalysisLanguage;

/** Fragment banks by language. */
export const COMMENT_BANKS: Readonly<Record<CommentLanguage, CommentBank>> = { ru: RU, en: EN, fa: FA };

/** Where the experience happened: stores and the call center complain about different things. */
export type CommentContext = 'store' | 'support';

const NEGATIVE: Record<CommentContext, readonly NegativeTopic[]> = {
  store: ['queue', 'rude_staff', 'out_of_stock', 'dirty_fitting', 'app_crash', 'price_mismatch', 'no_staff'],
  support: ['long_hold', 'slow_reply', 'refund', 'transferred', 'app_crash'],
};
const POSITIVE: Record<CommentContext, readonly PositiveTopic[]> = {
  store: ['helpful_staff', 'fast_checkout', 'assortment', 'clean_store', 'promo', 'app_good'],
  support: ['quick_support', 'polite_operator', 'solved_first_time'],
};

export interface CommentRequest {
  language: CommentLanguage;
  group: ScoreGroup;
  context: CommentContext;
  /** Topics this location is known for; they are picked more often than the others. */
  issues?: readonly string[];
}

/** The score group of any rating, by its position on the scale (top fifth promoter, bottom 60 % detractor). */
export function ratingGroup(score: number, min: number, max: number): ScoreGroup {
  return npsGroup(Math.round(((score - min) / (max - min)) * 10));
}

function negativeTopic(rng: Rng, req: CommentRequest): NegativeTopic {
  const own = (req.issues ?? []).filter((t): t is NegativeTopic => (NEGATIVE[req.context] as readonly string[]).includes(t));
  return own.length > 0 && rng.chance(0.6) ? rng.pick(own) : rng.pick(NEGATIVE[req.context]);
}

function sentence(rng: Rng, bank: CommentBank, options: readonly string[]): string {
  const text = rng.pick(options).replace('{when}', () => rng.pick(bank.when));
  return text.charAt(0).toUpperCase() + text.slice(1); // "{when}" may open the sentence
}

/** Lower-cases the first letter after a bridge word ("Но очереди..."), keeping "I" as it is. */
function continueSentence(text: string, language: CommentLanguage): string {
  if (language === 'fa' || /^I\b/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Casual typing: now and then no final full stop. */
function casual(rng: Rng, text: string): string {
  return rng.chance(0.2) ? text.replace(/[.]$/, '') : text;
}

/** One comment in the respondent's language that fits the score group and the place. */
export function generateComment(rng: Rng, req: CommentRequest): string {
  const bank = COMMENT_BANKS[req.language];
  if (rng.chance(0.15)) return rng.pick(bank.short[req.group]);
  const parts: string[] = [];
  if (rng.chance(0.45)) parts.push(rng.pick(bank.openers[req.group]));
  if (req.group === 'detractor') {
    const first = negativeTopic(rng, req);
    parts.push(sentence(rng, bank, bank.negative[first]));
    const second = negativeTopic(rng, req);
    if (second !== first && rng.chance(0.3)) parts.push(sentence(rng, bank, bank.negative[second]));
  } else if (req.group === 'promoter') {
    const topics = POSITIVE[req.context];
    const first = rng.pick(topics);
    parts.push(sentence(rng, bank, bank.positive[first]));
    const second = rng.pick(topics);
    if (second !== first && rng.chance(0.35)) parts.push(sentence(rng, bank, bank.positive[second]));
  } else {
    if (rng.chance(0.7)) parts.push(sentence(rng, bank, bank.positive[rng.pick(POSITIVE[req.context])]));
    const complaint = sentence(rng, bank, bank.negative[negativeTopic(rng, req)]);
    parts.push(parts.length > 0 ? `${rng.pick(bank.bridges)} ${continueSentence(complaint, req.language)}` : complaint);
  }
  if (rng.chance(0.35)) parts.push(rng.pick(bank.closers[req.group]));
  return casual(rng, parts.join(' '));
}
