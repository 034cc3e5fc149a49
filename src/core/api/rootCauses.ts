/** @module The root-cause taxonomy's API contract (docs/closed-loop.md "Root causes"). */
import { z } from 'zod';
import { LocalizedTextSchema, Uuid } from './common.ts';

export const RootCauseSchema = z.strictObject({
  id: Uuid,
  key: z.string(),
  /** {"en": "...", "ru": "...", "fa": "..."} */
  name: LocalizedTextSchema,
  position: z.number().int(),
  archived: z.boolean(),
});
export type RootCause = z.infer<typeof RootCauseSchema>;

/** GET /root-causes: the organisation's taxonomy in its order, archived causes last. */
export const RootCausesAnswerSchema = z.strictObject({ items: z.array(RootCauseSchema) });
export type RootCausesAnswer = z.infer<typeof RootCausesAnswerSchema>;

const CauseName = z.string().trim().min(1, 'must not be empty').max(120, 'at most 120 characters');
/** Names by interface language; at least one. */
const CauseNames = z
  .strictObject({ en: CauseName.optional(), ru: CauseName.optional(), fa: CauseName.optional() })
  .refine((n) => Object.values(n).some((v) => v), { message: 'give the name in at least one language (en, ru or fa)' });

/** POST /root-causes: a new cause, last in the order. */
export const RootCauseCreateSchema = z.strictObject({ name: CauseNames });

/** PATCH /root-causes/:id: rename (the names given replace the old ones), move to `position` (0 = first), archive or bring back. */
export const RootCausePatchSchema = z
  .strictObject({ name: CauseNames.optional(), position: z.number().int().min(0).max(10_000).optional(), archived: z.boolean().optional() })
  .refine((p) => p.name !== undefined || p.position !== undefined || p.archived !== undefined, { message: 'change name, position or archived' });

export const RootCauseAnswerSchema = z.strictObject({ cause: RootCauseSchema });
export type RootCauseAnswer = z.infer<typeof RootCauseAnswerSchema>;
