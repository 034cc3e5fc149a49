/** @module The knowledge quizzes' API contract (docs/audits.md "Knowledge quizzes"). */
import { z } from 'zod';
import { Day, Uuid } from './common.ts';
import { LANGUAGES } from '../i18n/languages.ts';

import { QUIZ_STATUSES, type QuizStatus } from '../audits/quiz.ts';

export { QUIZ_STATUSES, type QuizStatus };

const Language = z.enum(LANGUAGES);
const QuizName = z.string().trim().max(200, 'at most 200 characters');
/** Names by language; at least one. */
const QuizNames = z
  .strictObject({ en: QuizName.optional(), ru: QuizName.optional(), fa: QuizName.optional() })
  .refine((n) => Object.values(n).some((v) => v), { message: 'give the name in at least one language (en, ru or fa)' });
const Languages = z
  .array(Language)
  .min(1, 'give at least one language')
  .refine((l) => new Set(l).size === l.length, { message: 'a language is listed twice' });
const Topic = z.string().trim().max(100, 'at most 100 characters').nullable();

/** POST /quizzes. `definition` is checked by src/core/audits/quiz.ts parseQuiz (errors name `definition.questions[i]...`). */
export const QuizCreateSchema = z.strictObject({
  name: QuizNames,
  topic: Topic.optional(),
  languages: Languages.optional(),
  defaultLanguage: Language.optional(),
  /** Required; optional here so that its absence gets the parser's message. */
  definition: z.unknown().optional(),
  status: z.enum(QUIZ_STATUSES).optional(),
});

/** PATCH /quizzes/:id: any of the fields; new questions of a live (or closed) quiz make a new version. */
export const QuizPatchSchema = z
  .strictObject({
    name: QuizNames.optional(),
    topic: Topic.optional(),
    languages: Languages.optional(),
    defaultLanguage: Language.optional(),
    definition: z.unknown().optional(),
    status: z.enum(QUIZ_STATUSES).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'change name, topic, languages, defaultLanguage, definition or status' });

export interface QuizSummary {
  id: string;
  slug: string;
  name: Record<string, string>;
  topic: string | null;
  languages: string[];
  defaultLanguage: string;
  version: number;
  status: QuizStatus;
  questions: number;
  attempts: number;
  updatedAt: string;
}

export interface Quiz extends QuizSummary {
  definition: unknown;
  /** The public address (/quiz/<slug>, absolute). */
  url: string;
}

export interface QuizzesAnswer {
  items: QuizSummary[];
}
export interface QuizAnswer {
  quiz: Quiz;
}

/** GET /quizzes/:id/results: attempts in [from, to] (the organisation's days) of employees in `location`'s subtree. */
export const QuizResultsQuery = z.strictObject({ from: Day.optional(), to: Day.optional(), location: Uuid.optional() });
/** GET /quizzes/:id/links: the personal links of the active employees (of `location`'s subtree). */
export const QuizLinksQuery = z.strictObject({ location: Uuid.optional() });

export interface PlaceRef {
  id: string;
  name: string;
}

export interface QuizResultsAnswer {
  attempts: number;
  /** Mean of the attempts' scores in percent; null without attempts. */
  mean: number | null;
  employees: {
    id: string;
    name: string;
    code: string | null;
    location: PlaceRef | null;
    attempts: number;
    first: number;
    latest: number;
    best: number;
    /** latest - first in percentage points. */
    change: number;
  }[];
  locations: (PlaceRef & { attempts: number; mean: number })[];
  topics: { topic: string | null; n: number; correct: number; percent: number | null }[];
  /** Questions by miss rate (missed / n), highest first; text from the current version (null: no longer in the quiz). */
  mostMissed: { key: string; text: Record<string, string> | null; n: number; missed: number; missRate: number }[];
}

export interface QuizLinksAnswer {
  /** The public link (asks for the employee code). */
  url: string;
  items: { employee: { id: string; name: string; code: string | null; location: PlaceRef | null }; url: string }[];
}

