/**
 * Partial responses (docs/api.md "Partial responses"): what a respondent's page saves after each screen, how it
 * comes back into the form, and the drop-off arithmetic over the saved progress of a survey.
 */
import type { RawAnswer } from './logic.ts';
import type { AnswerMap, AnswerValue } from './types.ts';
import { median } from '../economics/funnel.ts';

/**
 * Progress not saved again for this long is abandoned: with the survey's countPartial on, it becomes a response
 * marked partial (src/server/jobs/closePartialResponsesJob.ts). A day, as Qualtrics closes partial responses
 * after a set inactivity: long enough for a respondent who put the phone away to come back the same day.
 */
export const ABANDONED_AFTER_HOURS = 24;

/** One screen's time is counted up to this (a page left open overnight is not an hour-long answer). */
export const MAX_SCREEN_MS = 60 * 60 * 1000;

/** A stored answer as the form (and parseAnswers) sends it: a score is a number, several choices a list. */
export function answerAsRaw(v: AnswerValue): RawAnswer {
  if (v.score !== undefined && v.score !== null) return v.score;
  if (v.choices) return [...v.choices];
  if (v.choice !== undefined && v.choice !== null) return v.choice;
  return v.text ?? undefined;
}

/** Saved answers as raw answers keyed by question key (to validate again or to resubmit). */
export function answersAsRaw(answers: AnswerMap): Record<string, RawAnswer> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, answerAsRaw(v)]));
}

/**
 * The times a page reports ({question key: milliseconds}) kept for the survey's questions only, as whole
 * milliseconds from 0 to MAX_SCREEN_MS; anything else is dropped (untrusted input, never an error).
 */
export function cleanTimes(raw: unknown, keys: ReadonlySet<string>): Record<string, number> {
  const out: Record<string, number> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const ms = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (keys.has(k) && Number.isFinite(ms) && ms >= 0) out[k] = Math.min(Math.round(ms), MAX_SCREEN_MS);
  }
  return out;
}

/** One respondent's saved progress as the drop-off view reads it. */
export interface ProgressRecord {
  /** Keys of the questions with a saved answer. */
  answered: readonly string[];
  /** The question on the screen when the progress was last saved (where an unfinished respondent left). */
  atKey: string | null;
  /** Milliseconds per question key spent on its screen. */
  times: Readonly<Record<string, number>>;
  /** Submitted. */
  finished: boolean;
}

/** A question of the drop-off view. */
export interface DropoffRow {
  key: string;
  /** Respondents who were shown the question (its screen timed, answered, or the screen they were on). */
  reached: number;
  answered: number;
  /** Unfinished respondents whose last screen was this question. */
  left: number;
  /** left / reached; null when nobody reached it. */
  leftShare: number | null;
  /** Median time on the question's screen, in seconds with one decimal; null without timings. */
  medianSeconds: number | null;
  /** A question where people leave: the most left there, or at least LEAVE_SHARE_ALERT of those who reached it. */
  leavesHere: boolean;
}

export interface Dropoff {
  started: number;
  finished: number;
  questions: DropoffRow[];
}

/** A question that loses this share of the respondents who reach it is highlighted whatever the others lose. */
export const LEAVE_SHARE_ALERT = 0.2;

/** The drop-off of a survey's questions (in display order) over its respondents' saved progress. */
export function dropoff(questionKeys: readonly string[], records: readonly ProgressRecord[]): Dropoff {
  const rows = questionKeys.map((key) => {
    let reached = 0;
    let answered = 0;
    let left = 0;
    const times: number[] = [];
    for (const r of records) {
      const isAnswered = r.answered.includes(key);
      const time = Object.hasOwn(r.times, key) ? r.times[key] : undefined;
      if (isAnswered || time !== undefined || r.atKey === key) reached++;
      if (isAnswered) answered++;
      if (!r.finished && r.atKey === key) left++;
      if (time !== undefined) times.push(time);
    }
    const ms = median(times);
    return { key, reached, answered, left, leftShare: reached ? left / reached : null, medianSeconds: ms === null ? null : Math.round(ms / 100) / 10 };
  });
  const mostLeft = Math.max(0, ...rows.map((r) => r.left));
  return {
    started: records.length,
    finished: records.filter((r) => r.finished).length,
    questions: rows.map((r) => ({ ...r, leavesHere: r.left > 0 && (r.left === mostLeft || (r.leftShare ?? 0) >= LEAVE_SHARE_ALERT) })),
  };
}
