/**
 * @module What fires an alert (docs/closed-loop.md "Alerts"). Pure: the low-score thresholds of each metric
 * (nps.v1 detractors, the bottom of a CSAT scale, disagreement on CES), negative reviews, keyword and theme
 * matching in ru / fa / en, SLA breaches, significant metric drops (the comparison tests of src/core/stats,
 * never a plain difference), the scope of a rule and its quiet period.
 */
import { isNpsQuestion, metricForQuestion, changeForQuestion } from '../analytics/metrics.ts';
import { normalizeText } from '../nlp/normalize.ts';
import { tokenize, words } from '../nlp/tokenize.ts';
import { NPS_GROUP_RANGES } from '../stats/nps.ts';
import type { ComparisonResult } from '../stats/compare.ts';
import type { Histogram } from '../stats/histogram.ts';
import type { MetricResult } from '../stats/result.ts';
import type { QuestionDef } from '../surveys/types.ts';
import { addDays, daysBetween, type CalendarDay } from '../time/orgCalendar.ts';
import type { CommentMatchParams, DropMetric, LowScoreMetric, LowScoreParams, NegativeReviewParams } from '../api/alertRules.ts';

// ---------------------------------------------------------------------------------------------------
// low_score

/** A scored question as the rules need it (the survey definition's fields). */
export interface ScoredQuestion {
  type: QuestionDef['type'];
  metric: QuestionDef['metric'];
  scale?: { min: number; max: number };
  direction?: QuestionDef['direction'];
}

/** The metric a question is judged by for alerts: nps, csat, ces, or null (a plain rating, an unscored question). */
export function alertMetricOf(q: ScoredQuestion): Exclude<LowScoreMetric, 'any'> | null {
  if (q.type !== 'nps' && q.type !== 'rating') return null;
  if (isNpsQuestion(q)) return 'nps';
  if (q.metric === 'csat' || q.metric === 'ces') return q.metric;
  return null;
}

function rangeOf(q: ScoredQuestion): { min: number; max: number } {
  return q.type === 'nps' ? { min: 0, max: 10 } : { min: q.scale?.min ?? 1, max: q.scale?.max ?? 5 };
}

/**
 * The highest score that is "low", on the question's own scale, as the score would read if higher were
 * better (a lower_is_easier CES answer is mirrored first: on 1..5, effort 5 reads as 1):
 * - NPS: the nps.v1 detractors, 0-6 (NPS_GROUP_RANGES);
 * - CSAT: the bottom 40% of the scale's points, at least one (1-2 of 5, 1 of 3, 1-2 of 7, 1-4 of 10);
 * - CES: below the scale's midpoint, i.e. disagreeing that it was easy (1-3 of 7; 1-2 of 5).
 * `maxScore` replaces the default (on the same mirrored reading).
 */
export function lowScoreCeiling(q: ScoredQuestion, maxScore?: number): number | null {
  const metric = alertMetricOf(q);
  if (!metric) return null;
  if (maxScore !== undefined) return maxScore;
  const { min, max } = rangeOf(q);
  if (metric === 'nps') return NPS_GROUP_RANGES.detractor[1];
  if (metric === 'csat') return min + Math.max(1, Math.floor((max - min + 1) * 0.4)) - 1;
  return Math.ceil((min + max) / 2) - 1;
}

/** True when the answer `score` to `q` is low for a low_score rule with these params. */
export function isLowScore(params: LowScoreParams, q: ScoredQuestion, score: number): boolean {
  const metric = alertMetricOf(q);
  if (!metric || (params.metric !== 'any' && params.metric !== metric)) return false;
  const { min, max } = rangeOf(q);
  if (!Number.isInteger(score) || score < min || score > max) return false;
  const reading = metric === 'ces' && q.direction === 'lower_is_easier' ? min + max - score : score;
  return reading <= lowScoreCeiling(q, params.maxScore)!;
}

/** The first low answer among a response's scored answers (survey order), or null. */
export function firstLowAnswer<A extends { question: ScoredQuestion; score: number | null }>(params: LowScoreParams, answers: readonly A[]): A | null {
  return answers.find((a) => a.score !== null && isLowScore(params, a.question, a.score)) ?? null;
}

// ---------------------------------------------------------------------------------------------------
// negative_review

export interface ReviewFacts {
  rating: number | null;
  ratingScale: 5 | 10 | null;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
}

/** A review's rating on five stars (a 10-point rating halved); null without one. */
export function starsOf(r: Pick<ReviewFacts, 'rating' | 'ratingScale'>): number | null {
  if (r.rating === null || r.ratingScale === null) return null;
  return r.ratingScale === 10 ? r.rating / 2 : r.rating;
}

/** negative_review fires on a negative sentiment, or on a rating of at most maxRating stars when given. */
export function isNegativeReview(params: NegativeReviewParams, r: ReviewFacts): boolean {
  if (r.sentiment === 'negative') return true;
  const stars = starsOf(r);
  return params.maxRating !== undefined && stars !== null && stars <= params.maxRating;
}

// ---------------------------------------------------------------------------------------------------
// comment_match

/** A keyword ready to match: its normalised words; `prefix` when it ended with `*` (the last word is a prefix). */
export interface CompiledKeyword {
  keyword: string;
  words: string[];
  prefix: boolean;
}

/**
 * Keywords as the matcher needs them: normalised like the texts (case folded, NFKC, Persian ی/ي and ک/ك
 * unified, ё -> е, diacritics dropped: src/core/nlp/normalize.ts) and split into words; empty ones dropped.
 */
export function compileKeywords(keywords: readonly string[]): CompiledKeyword[] {
  const out: CompiledKeyword[] = [];
  for (const keyword of keywords) {
    const trimmed = keyword.trim();
    const prefix = trimmed.endsWith('*');
    const w = words(tokenize(normalizeText(prefix ? trimmed.slice(0, -1) : trimmed)));
    if (w.length > 0) out.push({ keyword: trimmed, words: w, prefix });
  }
  return out;
}

/** The text's normalised words, for {@link matchKeywords}. */
export function textWords(text: string): string[] {
  return words(tokenize(normalizeText(text)));
}

/**
 * The keywords found in a text: whole words only ("lawyer" is not in "lawyers"; "lawyer*" is), a phrase
 * as consecutive words. Takes the text's words ({@link textWords}) so several rules share one tokenising.
 */
export function matchKeywords(compiled: readonly CompiledKeyword[], text: readonly string[]): string[] {
  const found: string[] = [];
  for (const k of compiled) {
    const n = k.words.length;
    for (let i = 0; i + n <= text.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const last = j === n - 1;
        ok = last && k.prefix ? text[i + j].startsWith(k.words[j]) : text[i + j] === k.words[j];
      }
      if (ok) {
        found.push(k.keyword);
        break;
      }
    }
  }
  return found;
}

/** What a comment_match rule found: the keywords and themes (empty: no match). */
export function commentMatches(params: CommentMatchParams, textWordsOf: readonly string[], themes: readonly string[] | null): { keywords: string[]; themes: string[] } {
  const keywords = matchKeywords(compileKeywords(params.keywords), textWordsOf);
  const matchedThemes = themes ? params.themes.filter((t) => themes.includes(t)) : [];
  return { keywords, themes: matchedThemes };
}

/** True when the rule needs the text's themes, so it must wait for the analysis (comments, reviews). */
export const needsThemes = (params: CommentMatchParams) => params.themes.length > 0;

/** A short excerpt of a user's text for messages: whitespace collapsed, at most `max` characters. */
export function excerpt(text: string, max = 280): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const chars = [...t];
  return chars.length <= max ? t : `${chars.slice(0, max - 1).join('')}…`;
}

// ---------------------------------------------------------------------------------------------------
// sla_breach

export interface SupportContactFacts {
  createdAt: Date;
  firstResponseAt: Date | null;
  firstSolvedAt: Date | null;
}

export type SlaBreach = { kind: 'first_response' | 'resolution'; targetS: number; elapsedS: number };

/**
 * The first SLA target a contact missed as of `now` (first response, then resolution), or null: a contact
 * still waiting past its target is a breach, as is one answered or solved late. Wall-clock seconds.
 */
export function slaBreachOf(c: SupportContactFacts, target: { firstResponseS: number | null; resolutionS: number | null }, now: Date): SlaBreach | null {
  const seconds = (to: Date) => Math.max(0, (to.getTime() - c.createdAt.getTime()) / 1000);
  if (target.firstResponseS !== null) {
    const elapsedS = seconds(c.firstResponseAt ?? now);
    if (elapsedS > target.firstResponseS) return { kind: 'first_response', targetS: target.firstResponseS, elapsedS: Math.round(elapsedS) };
  }
  if (target.resolutionS !== null) {
    const elapsedS = seconds(c.firstSolvedAt ?? now);
    if (elapsedS > target.resolutionS) return { kind: 'resolution', targetS: target.resolutionS, elapsedS: Math.round(elapsedS) };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// metric_drop

/**
 * Two adjacent periods of `periodDays` whole days of the organisation's calendar (inclusive `from`..`to`):
 * the last one complete before its today, and the one before.
 */
export interface DropPeriods {
  current: { from: CalendarDay; to: CalendarDay };
  previous: { from: CalendarDay; to: CalendarDay };
  /** Stable for the whole period, so a drop fires once per period: the current period's first day. */
  key: string;
}

const EPOCH: CalendarDay = '1970-01-01';

/**
 * Periods aligned on multiples of `periodDays` days since 1970-01-01, counted in the organisation's days
 * (docs/analytics.md "One clock"), so a daily job looking at the same drop again finds the same periods
 * (and the same alert key) until the next period completes.
 * @param today the organisation's today (orgToday)
 */
export function dropPeriods(today: CalendarDay, periodDays: number): DropPeriods {
  const end = Math.floor(daysBetween(EPOCH, today) / periodDays) * periodDays; // first day of the running period
  const day = (d: number) => addDays(EPOCH, d);
  return {
    current: { from: day(end - periodDays), to: day(end - 1) },
    previous: { from: day(end - 2 * periodDays), to: day(end - periodDays - 1) },
    key: day(end - periodDays),
  };
}

/** The question a metric_drop rule compares, among a survey's: the first of that metric. */
export function dropQuestion<Q extends ScoredQuestion>(metric: DropMetric, questions: readonly Q[]): Q | null {
  return questions.find((q) => alertMetricOf(q) === metric) ?? null;
}

export interface DropVerdict {
  drop: boolean;
  current: MetricResult;
  previous: MetricResult;
  change: ComparisonResult;
}

/**
 * Whether the metric dropped significantly between the previous and the current period (METRICS.md
 * "Intervals and tests": adjusted-Wald z for NPS, two-proportion z or Fisher for CSAT, Welch t for CES;
 * p < 0.05 with at least 30 answers on each side). A CES scale where lower is easier drops when its mean rises.
 */
export function metricDrop(q: QuestionDef, current: Histogram, previous: Histogram): DropVerdict | null {
  const a = metricForQuestion(q, current);
  const b = metricForQuestion(q, previous);
  if (!a || !b) return null;
  const change = changeForQuestion(q, a, b);
  const worse = change.diff !== null && (q.direction === 'lower_is_easier' && q.metric === 'ces' ? change.diff > 0 : change.diff < 0);
  return { drop: change.significant && worse, current: a, previous: b, change };
}

// ---------------------------------------------------------------------------------------------------
// scope and quiet period

/** A rule's scope (null: any). `locationPath` is the materialised path of the rule's location. */
export interface RuleScope {
  surveyId: string | null;
  locationPath: string | null;
  channel: string | null;
  segment: string | null;
}

/** What is known of an event for the scope check (null: the event has no such thing). */
export interface EventScope {
  surveyId: string | null;
  locationPath: string | null;
  channel: string | null;
  hidden: Record<string, string> | null;
}

/**
 * True when the event lies in the rule's scope: the same survey, a location in the rule's location's
 * subtree, the same channel, and the hidden field `key` equal to `value` for a "key:value" segment. A
 * rule scoped by something the event does not have (a survey, for a review) does not match it.
 */
export function inScope(rule: RuleScope, event: EventScope): boolean {
  if (rule.surveyId !== null && rule.surveyId !== event.surveyId) return false;
  if (rule.locationPath !== null && (event.locationPath === null || !event.locationPath.startsWith(rule.locationPath))) return false;
  if (rule.channel !== null && rule.channel !== event.channel) return false;
  if (rule.segment !== null) {
    const seg = parseSegment(rule.segment);
    if (!seg || !event.hidden || event.hidden[seg.key] !== seg.value) return false;
  }
  return true;
}

/** "key:value" -> its parts (the value may contain colons); null when malformed. */
export function parseSegment(segment: string): { key: string; value: string } | null {
  const i = segment.indexOf(':');
  if (i <= 0 || i === segment.length - 1) return null;
  return { key: segment.slice(0, i), value: segment.slice(i + 1) };
}

/**
 * False while the rule's quiet period holds: an alert of this rule for the same location was delivered less
 * than `quietMinutes` before `now`. The held-back alert is still recorded (delivered = false).
 */
export function deliverAfterQuiet(quietMinutes: number, lastDeliveredAt: Date | null, now: Date): boolean {
  if (quietMinutes === 0 || lastDeliveredAt === null) return true;
  return now.getTime() - lastDeliveredAt.getTime() >= quietMinutes * 60_000;
}

/** Users a rule reaches besides its named users: those whose role is listed and whose locations cover the alert's location. */
export function roleRecipients(
  roles: readonly string[],
  users: readonly { id: string; role: string; locationPaths: string[] | null }[],
  alertLocationPath: string | null,
): string[] {
  if (roles.length === 0) return [];
  return users
    .filter((u) => roles.includes(u.role))
    .filter((u) => u.locationPaths === null || (alertLocationPath !== null && u.locationPaths.some((p) => alertLocationPath.startsWith(p))))
    .map((u) => u.id);
}
