/**
 * @module The focus groups and key-client debriefs API (docs/staff.md "Focus groups and key-client debriefs"):
 * sessions with participants by role, questions and notes; the notes' analysis (sentiment, themes per
 * sentence); findings, each linkable to an action plan.
 */
import { z } from 'zod';
import { ANALYSIS_LANGUAGES } from '../nlp/languages.ts';
import type { SentimentLabel } from '../nlp/labels.ts';
import { FOCUS_KINDS, type FocusKind } from '../focus/session.ts';
import type { FindingSuggestion, NotesAnalysis } from '../focus/notes.ts';
import { Day, Uuid } from './common.ts';

export { FOCUS_KINDS, type FocusKind };

const Text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

const ParticipantSchema = z.strictObject({
  role: Text(100).min(1, 'must not be empty'),
  count: z.number().int('must be a whole number').min(1, 'at least 1').max(1000, 'at most 1000'),
  /** Only when the session's namesAllowed is on. */
  name: Text(200).nullable().optional(),
});

const SessionFields = {
  kind: z.enum(FOCUS_KINDS),
  title: Text(300).min(1, 'must not be empty'),
  heldOn: Day,
  locationId: Uuid.nullable().default(null),
  moderator: Text(200).default(''),
  namesAllowed: z.boolean().default(false),
  participants: z.array(ParticipantSchema).max(100, 'at most 100 rows').default([]),
  questions: z.array(Text(1000).min(1, 'must not be empty')).max(100, 'at most 100 questions').default([]),
  notes: z.string().max(100_000, 'at most 100000 characters').default(''),
  /** The notes' language; detected from the notes when absent. */
  language: z.enum(ANALYSIS_LANGUAGES).nullable().default(null),
};

/** POST /focus-sessions and PUT /focus-sessions/:id (the whole session). */
export const FocusSessionInputSchema = z.strictObject(SessionFields);
export type FocusSessionInput = z.infer<typeof FocusSessionInputSchema>;

/** GET /focus-sessions: by kind, location subtree and the day held (from, to inclusive). */
export const FocusSessionListQuery = z.strictObject({
  kind: z.enum(FOCUS_KINDS).optional(),
  location: Uuid.optional(),
  from: Day.optional(),
  to: Day.optional(),
});

/** POST /focus-sessions/:id/findings. */
export const FocusFindingInputSchema = z.strictObject({
  text: Text(2000).min(1, 'must not be empty'),
  theme: z.string().regex(/^[a-z0-9_-]{1,64}$/, 'a theme id').nullable().optional(),
  actionPlanId: Uuid.nullable().optional(),
});

/** PUT /focus-findings/:id: link (an id) or unlink (null) an action plan; text and theme may change too. */
export const FocusFindingPatchSchema = z
  .strictObject({
    text: FocusFindingInputSchema.shape.text.optional(),
    theme: FocusFindingInputSchema.shape.theme,
    actionPlanId: Uuid.nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'change text, theme or actionPlanId' });

export interface Participant {
  role: string;
  count: number;
  name: string | null;
}

export interface FocusSessionSummary {
  id: string;
  kind: FocusKind;
  title: string;
  heldOn: string;
  location: { id: string; name: string } | null;
  moderator: string;
  /** All participants together. */
  participantCount: number;
  sentiment: SentimentLabel | null;
  findings: number;
  updatedAt: string;
}

export interface FocusFinding {
  id: string;
  sessionId: string;
  text: string;
  theme: string | null;
  actionPlanId: string | null;
  /** The linked plan, when the caller can see it (its locations touch theirs). */
  actionPlan: { id: string; title: string; status: string } | null;
  createdAt: string;
}

/** A session as stored. */
export interface FocusSessionRecord extends FocusSessionSummary {
  namesAllowed: boolean;
  participants: Participant[];
  questions: string[];
  notes: string;
  language: string;
  analysis: NotesAnalysis | null;
  analysedAt: string | null;
}

export interface FocusSession extends FocusSessionRecord {
  /** Theme names from the organisation's dictionary (id -> names by language). */
  themeNames: Record<string, Record<string, string>>;
  findingList: FocusFinding[];
  /** Negative sentences by theme that are not findings yet (indexes into analysis.sentences). */
  suggestions: FindingSuggestion[];
  /** The caller may change it (staff.manage). */
  canEdit: boolean;
}

export interface FocusSessionsAnswer {
  items: FocusSessionSummary[];
}
export interface FocusSessionAnswer {
  session: FocusSession;
}
export interface FocusFindingAnswer {
  finding: FocusFinding;
}
