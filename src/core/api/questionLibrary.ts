/**
 * @module The question library API (docs/api.md "Question library"): questions saved from the builder with their
 * translations, listed for reuse in any survey of the organisation.
 */
import { z } from 'zod';
import { QuestionInputSchema } from '../surveys/definition.ts';
import type { LibraryQuestion } from '../surveys/libraryEntry.ts';
import { IsoInstant, schemaOf } from './common.ts';
import { QuestionDefSchema } from './surveys.ts';

/** Save a question; `replace: true` overwrites the organisation's entry with the same key (else that is a 409). */
export const LibrarySaveBody = z.object({
  question: QuestionInputSchema,
  replace: z.boolean().optional(),
});

const LibraryQuestionSchema = schemaOf<LibraryQuestion>()(
  QuestionDefSchema.omit({ id: true, addedInVersion: true, archivedInVersion: true, showIf: true, followsQuestionKey: true, whyTexts: true }),
);

export const LibraryEntrySchema = z.strictObject({
  id: z.string(),
  key: z.string(),
  question: LibraryQuestionSchema,
  /** Who saved it last (a name or e-mail); null when that user was removed. */
  savedBy: z.string().nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;

export const LibraryListAnswerSchema = z.strictObject({ entries: z.array(LibraryEntrySchema) });
export type LibraryListAnswer = z.infer<typeof LibraryListAnswerSchema>;

export const LibraryEntryAnswerSchema = z.strictObject({ entry: LibraryEntrySchema });
export type LibraryEntryAnswer = z.infer<typeof LibraryEntryAnswerSchema>;
