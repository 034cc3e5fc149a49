/** @module The auditor's API contract (docs/audits.md "The auditor's page (offline)", "Evidence"). */
import { z } from 'zod';
import { IsoInstant, Uuid } from './common.ts';
import { EVIDENCE_FILE_KINDS } from '../audits/evidence.ts';

/** GET /my/audit-assignments: one planned visit of the signed-in auditor, with what the page needs offline. */
export const MyAssignmentSchema = z.strictObject({
  id: Uuid,
  status: z.enum(['assigned', 'submitted']),
  dueOn: z.string().nullable(),
  wave: z.strictObject({ id: Uuid, name: z.string(), endsOn: z.string() }),
  location: z.strictObject({ id: Uuid, name: z.string(), kind: z.string(), code: z.string().nullable(), parentName: z.string().nullable() }),
  checklistId: Uuid,
  checklistName: z.string(),
  checklistChannel: z.string(),
  checklistVersion: z.number().int(),
  /** The checklist version's definition (src/core/audits/checklist.ts). */
  checklist: z.unknown(),
  /** The submitted visit (status submitted only). */
  visit: z.strictObject({ id: Uuid, status: z.string(), score: z.number().nullable(), autofail: z.boolean(), submittedAt: IsoInstant }).nullable(),
});
export type MyAssignment = z.infer<typeof MyAssignmentSchema>;
export const MyAssignmentsAnswerSchema = z.strictObject({ items: z.array(MyAssignmentSchema) });
export type MyAssignmentsAnswer = z.infer<typeof MyAssignmentsAnswerSchema>;

export const VISIT_KINDS = ['visit', 'call', 'chat', 'internal'] as const;

/** POST /audit-visits: a filled-in checklist (answers in the stored form, src/core/audits/answers.ts). */
export const SubmitVisitSchema = z.strictObject({
  clientKey: z.string().min(8, 'at least 8 characters').max(100, 'at most 100 characters').regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, "_", "-", ".", ":" only'),
  assignmentId: Uuid.optional(),
  checklistId: Uuid.optional(),
  checklistVersion: z.number().int().min(1),
  locationId: Uuid.optional(),
  kind: z.enum(VISIT_KINDS).optional(),
  visitedAt: IsoInstant,
  position: z.strictObject({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    accuracyM: z.number().min(0).max(1_000_000).nullable().optional(),
  }).nullable().optional(),
  employeeLabel: z.string().trim().max(200, 'at most 200 characters').optional(),
  notes: z.string().max(20_000, 'at most 20000 characters').optional(),
  answers: z.record(z.string(), z.unknown()),
});
export type SubmitVisitBody = z.infer<typeof SubmitVisitSchema>;

export const SubmitVisitAnswerSchema = z.strictObject({
  id: Uuid,
  status: z.enum(['submitted', 'reviewed', 'published']),
  /** Percent 0..100; null when nothing was applicable. */
  score: z.number().nullable(),
  earned: z.number(),
  possible: z.number(),
  autofail: z.boolean(),
});
export type SubmitVisitAnswer = z.infer<typeof SubmitVisitAnswerSchema>;

/** POST /audit-evidence?kind=photo|audio&keepLocation=false (the raw file as the body). */
export const EvidenceUploadQuerySchema = z.strictObject({
  kind: z.enum(EVIDENCE_FILE_KINDS),
  keepLocation: z.enum(['true', 'false']).optional(),
});

export const EvidenceAnswerSchema = z.strictObject({ id: Uuid, kind: z.enum(EVIDENCE_FILE_KINDS), contentType: z.string(), sizeBytes: z.number().int() });
export type EvidenceAnswer = z.infer<typeof EvidenceAnswerSchema>;
