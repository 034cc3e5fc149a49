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
