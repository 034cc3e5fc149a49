/**
 * @module The website widget's rules (docs/widget.md): which website origins may embed a survey, which of
 * its questions the prompt asks, URL patterns, and the frequency policy a visitor's browser applies.
 * The loader (src/respond/widget/assets/loader.js) applies the same pattern and policy rules in plain
 * JavaScript; the tests check both against the same hand-computed cases.
 */
import type { QuestionDef, SurveyDef } from './types.ts';
import { activeQuestions } from './logic.ts';

/** At most this many allowed origins per survey (migration 083 checks it too). */
export const MAX_WIDGET_ORIGINS = 20;
/** Days the prompt stays hidden after a visitor closes it without answering (at most the gap itself). */
export const WIDGET_DISMISS_DAYS = 3;
/** URL patterns: a path starting with '/', `*` for any characters, at most 200 characters. */
export const WIDGET_URL_PATTERN_RE = /^\/[A-Za-z0-9\-._~/*%!$&'()+,;=:@?]{0,199}$/;

/**
 * An origin as browsers send it in the `Origin` header (`https://shop.example`, `http://localhost:8080`):
 * scheme http(s), lower-case host, the port only when not the scheme's default, no path. Null for
 * anything else (paths other than '/', credentials, queries, other schemes, `*`).
 */
export function normalizeOrigin(input: string): string | null {
  const text = input.trim();
  if (!/^https?:\/\/[^/?#]+\/?$/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username || url.password || url.hostname === '' || url.hostname.includes('*')) return null;
  return url.origin;
}

/** True when `origin` (an Origin header) is one of the survey's allowed origins (already normalized). */
export function isAllowedOrigin(allowed: readonly string[], origin: string | undefined): origin is string {
  if (!origin) return false;
  // Browsers send the origin in its normal form; any other spelling is not granted (the grant echoes it).
  return normalizeOrigin(origin) === origin && allowed.includes(origin);
}

/**
 * Does the page path match the pattern? `*` stands for any characters (also none and '/'); everything
 * else is literal; the whole path must match. An empty or missing pattern matches every page.
 */
export function matchesUrlPattern(pattern: string | null | undefined, path: string): boolean {
  if (!pattern) return true;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(path);
}

/** Why a survey cannot be asked through the widget, or null when it can. */
export type WidgetProblem = 'not_live' | 'first_question' | 'required_questions';

export interface WidgetQuestions {
  /** The survey's first active question: NPS (0-10) or a rating scale (CSAT and the like). */
  score: QuestionDef;
  /** The "why?" text question that follows it, if any: the prompt's optional comment. */
  comment: QuestionDef | null;
}

/**
 * What the prompt asks: the first active question when it is NPS or a rating, and the optional text
 * question that follows it. A survey with any other required question (conditional ones too) cannot be
 * answered in the prompt: its submissions would be refused.
 */
export function widgetQuestions(survey: Pick<SurveyDef, 'questions' | 'status'>): WidgetQuestions | { problem: WidgetProblem } {
  if (survey.status !== 'live') return { problem: 'not_live' };
  const questions = activeQuestions(survey);
  const score = questions[0];
  // A matrix row is only a part of its grid: not a question the widget can ask alone.
  if (!score || (score.type !== 'nps' && score.type !== 'rating') || score.matrix || score.showIf) return { problem: 'first_question' };
  const comment = questions.find((q) => q.type === 'text' && q.followsQuestionKey === score.key) ?? null;
  const others = questions.filter((q) => q !== score && q !== comment);
  // A required question shown on a condition could become visible after the score, and its answer would be missing.
  if (others.some((q) => q.required) || comment?.required) return { problem: 'required_questions' };
  return { score, comment };
}

/**
 * The frequency policy per visitor (docs/widget.md "How often"), in days: after an answer a browser shows
 * no prompt of any survey of the site for the contact gap (the survey's, else the organisation's; 0 = no
 * limit); after a prompt was shown and closed unanswered, this survey stays quiet for WIDGET_DISMISS_DAYS,
 * or for the gap when that is shorter (and not 0).
 */
export function widgetQuietDays(gapDays: number): { answered: number; dismissed: number } {
  return { answered: gapDays, dismissed: gapDays > 0 ? Math.min(WIDGET_DISMISS_DAYS, gapDays) : WIDGET_DISMISS_DAYS };
}
