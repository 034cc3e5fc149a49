/**
 * @module The in-store kiosk's rules (docs/kiosk.md), pure: which questions a kiosk asks (the survey's
 * first score question and, when the survey has one, its comment question), the part of the survey a
 * kiosk answer is validated against, per-score data for the page (score groups, whether the comment is
 * asked) and the answer time kept from the tablet's clock. Also the shape of a kiosk's sync request.
 */
import { z } from 'zod';
import type { Logic, QuestionDef, ScoreGroup, SurveyDef } from '../surveys/types.ts';
import { MAX_TEXT_LENGTH, activeQuestions, isVisible, scoreGroup, scoreRange } from '../surveys/logic.ts';
import { logicQuestions } from '../surveys/flow.ts';

/** The channel kiosk answers are stored with. */
export const KIOSK_CHANNEL = 'kiosk';
/** The exit PIN: 4 to 8 digits. */
export const KIOSK_PIN_RE = /^[0-9]{4,8}$/;
/** A kiosk token as generated (32 random bytes, base64url). */
export const KIOSK_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
/** Answers in one sync request: a tablet that was offline for a busy day sends its queue in slices of this many. */
export const KIOSK_MAX_BATCH = 50;
/** How far back a queued answer keeps the time it was given; an older one (a tablet offline for weeks) is stored as given now. */
export const KIOSK_MAX_AGE_MS = 30 * 86_400_000;
/** A tablet clock this far ahead of the server's is still believed (rounded down to the server's now). */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface KioskQuestions {
  /** The question on the first screen: the survey's first active NPS or rating question. */
  score: QuestionDef;
  /** The comment asked after the score: the first active text question after it that depends on nothing else. */
  comment: QuestionDef | null;
}

/**
 * The questions a kiosk asks, or null when the survey has no score question (no kiosk can be made for it).
 * The comment is the first text question after the score question whose condition, if any, is on that score.
 */
const onlyOn = (logic: Logic, key: string) => {
  const refs = logicQuestions(logic);
  return refs.length > 0 && refs.every((k) => k === key);
};

export function kioskQuestions(survey: Pick<SurveyDef, 'questions'>): KioskQuestions | null {
  const questions = activeQuestions(survey);
  // A matrix row (src/core/surveys/matrix.ts) is only a part of its grid: not a kiosk's question.
  const at = questions.findIndex((q) => scoreRange(q) !== null && !q.matrix);
  if (at < 0) return null;
  const score = questions[at];
  const comment = questions.slice(at + 1).find((q) => q.type === 'text' && (!q.showIf || onlyOn(q.showIf, score.key))) ?? null;
  return { score, comment };
}

/**
 * The survey as a kiosk answer is validated and stored against: the kiosk's questions only (the others
 * are not asked), the comment optional (a customer at the exit may skip it), the score required.
 */
export function kioskSurvey<S extends Pick<SurveyDef, 'questions'>>(survey: S, picked: KioskQuestions): S {
  // A kiosk asks just these two: jumps (to questions it does not ask) do not apply.
  const questions: QuestionDef[] = [{ ...picked.score, required: true, showIf: null, jumps: undefined }];
  if (picked.comment) questions.push({ ...picked.comment, required: false, jumps: undefined });
  return { ...survey, questions };
}

/** Per score from min to max: its group letter (d, p, r: detractor, passive, promoter) and whether the comment is asked after it. */
export function scoreSteps(picked: KioskQuestions): { score: number; group: ScoreGroup; comment: boolean }[] {
  const range = scoreRange(picked.score)!;
  const questions = [picked.score, ...(picked.comment ? [picked.comment] : [])];
  const out: { score: number; group: ScoreGroup; comment: boolean }[] = [];
  for (let score = range.min; score <= range.max; score++) {
    const comment = picked.comment !== null && isVisible(picked.comment, { [picked.score.key]: { score } }, questions);
    out.push({ score, group: scoreGroup(picked.score, score) ?? 'passive', comment });
  }
  return out;
}

/**
 * When a queued answer was given, by the tablet's clock (`atMs`), as the server stores it: a little
 * ahead of the server (clock skew) is now; more ahead, not a number, or older than KIOSK_MAX_AGE_MS is now.
 */
export function answerTime(atMs: number, nowMs: number): Date {
  if (!Number.isFinite(atMs) || atMs > nowMs + CLOCK_SKEW_MS || atMs < nowMs - KIOSK_MAX_AGE_MS) return new Date(nowMs);
  return new Date(Math.min(atMs, nowMs));
}

/** One queued answer as the tablet sends it: idempotency key, language, score, optional comment, when (ms epoch). */
export const KioskAnswerSchema = z.strictObject({
  k: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a client-generated key of 16-64 characters A-Z, a-z, 0-9, _ or -'),
  lang: z.string().regex(/^[a-z]{2}$/, 'a two-letter language code'),
  score: z.number().int().min(-1000).max(1000),
  comment: z.string().max(MAX_TEXT_LENGTH).optional(),
  at: z.number().int().min(0).max(8_640_000_000_000_000),
});

/**
 * POST /k/:token/answers: one slice of the tablet's queue. Each answer is checked on its own
 * (KioskAnswerSchema), so one bad answer is refused alone instead of blocking the queue behind it.
 */
export const KioskSyncRequestSchema = z.strictObject({ answers: z.array(z.unknown()).min(1).max(KIOSK_MAX_BATCH) });

/**
 * What became of each answer: stored now, stored before (a retry), refused (invalid), or screened out by a
 * full "end" quota (ended: not stored, not a closed survey). The tablet drops all of them from its queue.
 */
export type KioskAnswerOutcome = 'stored' | 'duplicate' | 'invalid' | 'ended';
export interface KioskSyncAnswer {
  ok: true;
  results: { k: string; outcome: KioskAnswerOutcome }[];
}
