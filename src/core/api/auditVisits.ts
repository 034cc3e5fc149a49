/**
 * @module The audit visits API (docs/audits.md "Review, publishing and appeals"): the visits list, one visit
 * with its checklist, answers, item outcomes, evidence, corrections and appeals; corrections, review,
 * publishing, the employee link, appeals and their decisions.
 */
import { z } from 'zod';
import { VISIT_KINDS, VISIT_STATUSES } from '../audits/visitStatus.ts';
import { Day, IsoInstant, Uuid } from './common.ts';

export const VisitListQuery = z.object({
  status: z.enum(VISIT_STATUSES).optional(),
  waveId: Uuid.optional(),
  locationId: Uuid.optional(),
  kind: z.enum(VISIT_KINDS).optional(),
  /** Visited on or after this day (UTC). */
  from: Day.optional(),
  /** Visited on or before this day (UTC). */
  to: Day.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type VisitListFilter = z.infer<typeof VisitListQuery>;

export const VisitRowSchema = z.strictObject({
  id: Uuid,
  kind: z.enum(VISIT_KINDS),
  status: z.enum(VISIT_STATUSES),
  locationId: Uuid.nullable(),
  locationName: z.string().nullable(),
  locationKind: z.string().nullable(),
  waveId: Uuid.nullable(),
  waveName: z.string().nullable(),
  checklistId: Uuid,
  checklistName: z.string().nullable(),
  checklistVersion: z.number(),
  auditorId: Uuid.nullable(),
  auditorName: z.string().nullable(),
  employeeId: Uuid.nullable(),
  employeeName: z.string().nullable(),
  employeeLabel: z.string().nullable(),
  visitedAt: IsoInstant,
  score: z.number().nullable(),
  earned: z.number(),
  possible: z.number(),
  autofail: z.boolean(),
  failedItems: z.number(),
});
export type VisitRow = z.infer<typeof VisitRowSchema>;
export const VisitsAnswerSchema = z.strictObject({ items: z.array(VisitRowSchema), total: z.number(), limit: z.number(), offset: z.number() });
export type VisitsAnswer = z.infer<typeof VisitsAnswerSchema>;

/** A stored answer (src/core/audits/answers.ts): checked against the checklist by the server. */
export const StoredAnswerSchema = z.strictObject({
  value: z.union([z.enum(['yes', 'no', 'na']), z.number()]).optional(),
  measured: z.number().optional(),
  comment: z.string().optional(),
  evidence: z.array(z.string()).optional(),
});

const ItemOutcomeSchema = z.strictObject({
  itemKey: z.string(), sectionKey: z.string(), standard: z.string().nullable(), critical: z.boolean(),
  applicable: z.boolean(), earned: z.number(), possible: z.number(), failed: z.boolean(),
});
const EvidenceSchema = z.strictObject({ id: Uuid, itemKey: z.string().nullable(), kind: z.enum(['photo', 'audio']), contentType: z.string(), sizeBytes: z.number() });
const CorrectionSchema = z.strictObject({
  id: Uuid, itemKey: z.string(), oldAnswer: z.unknown(), newAnswer: z.unknown(), reason: z.string(),
  correctedBy: z.string().nullable(), createdAt: IsoInstant,
});
export const AppealSchema = z.strictObject({
  id: Uuid, visitId: Uuid, itemKey: z.string(), reason: z.string(), appealedBy: z.string().nullable(), createdAt: IsoInstant,
  decision: z.enum(['upheld', 'rejected']).nullable(), decisionNote: z.string().nullable(), decidedBy: z.string().nullable(), decidedAt: IsoInstant.nullable(),
});
export type Appeal = z.infer<typeof AppealSchema>;

export const VisitSchema = VisitRowSchema.extend({
  /** The checklist version the visit was scored against (src/core/audits/checklist.ts). */
  definition: z.unknown(),
  answers: z.record(z.string(), StoredAnswerSchema),
  notes: z.string().nullable(),
  items: z.array(ItemOutcomeSchema),
  evidence: z.array(EvidenceSchema),
  corrections: z.array(CorrectionSchema),
  appeals: z.array(AppealSchema),
  submittedAt: IsoInstant,
  reviewedAt: IsoInstant.nullable(),
  reviewedBy: z.string().nullable(),
  publishedAt: IsoInstant.nullable(),
  publishedBy: z.string().nullable(),
  /** What the caller may do with it now. */
  can: z.strictObject({ correct: z.boolean(), review: z.boolean(), publish: z.boolean(), appeal: z.boolean(), decide: z.boolean(), editEmployee: z.boolean() }),
});
export type Visit = z.infer<typeof VisitSchema>;
export const VisitAnswerSchema = z.strictObject({ visit: VisitSchema });
export type VisitAnswer = z.infer<typeof VisitAnswerSchema>;

/** POST /audit-visits/:id/corrections. */
export const CorrectionCreateSchema = z.strictObject({
  itemKey: z.string().min(1, 'must not be empty').max(60, 'at most 60 characters'),
  /** The stored-answer form; `{}` removes the answer. */
  answer: z.custom<unknown>((v) => v !== undefined && v !== null, 'give the corrected answer ({} removes it)'),
  reason: z.string().trim().min(1, 'give the reason for the correction').max(2000, 'at most 2000 characters'),
});

/** PATCH /audit-visits/:id: link the visit to an employee of the directory, or describe the employee. */
export const VisitPatchSchema = z.strictObject({
  employeeId: Uuid.nullable(),
  employeeLabel: z.string().trim().max(200, 'at most 200 characters').nullable(),
}).partial();

/** POST /audit-visits/:id/appeals. */
export const AppealCreateSchema = z.strictObject({
  itemKey: z.string().min(1, 'must not be empty').max(60, 'at most 60 characters'),
  reason: z.string().trim().min(1, 'say why the item is disputed').max(2000, 'at most 2000 characters'),
});

/** POST /audit-appeals/:id/decision; `answer` (the corrected stored answer) only when upheld. */
export const AppealDecisionSchema = z.strictObject({
  decision: z.enum(['upheld', 'rejected']),
  note: z.string().trim().max(2000, 'at most 2000 characters').default(''),
  answer: z.unknown().optional(),
});
export const AppealAnswerSchema = z.strictObject({ appeal: AppealSchema });
export type AppealAnswer = z.infer<typeof AppealAnswerSchema>;
