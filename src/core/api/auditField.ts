/** @module The auditor's API contract (docs/audits.md "The auditor's page (offline)", "Evidence"). */
import { z } from 'zod';
import { IsoInstant, Uuid } from './common.ts';
import { EVIDENCE_FILE_KINDS } from '../audits/evidence.ts';

/** GET /my/audit-assignments: one planned visit of the signed-in auditor, with what the page needs offline. */
export interface MyAssignment {
  id: string;
  status: 'assigned' | 'submitted';
  dueOn: string | null;
  wave: { id: string; name: string; endsOn: string };
  location: { id: string; name: string; kind: string; code: string | null; parentName: string | null };
  checklistId: string;
  checklistName: string;
  checklistChannel: string;
  checklistVersion: number;
  /** The checklist version's definition (src/core/audits/checklist.ts). */
  checklist: unknown;
  /** The submitted visit (status submitted only). */
  visit: { id: string; status: string; score: number | null; autofail: boolean; submittedAt: string } | null;
}
export interface MyAssignmentsAnswer { items: MyAssignment[] }

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

export interface SubmitVisitAnswer {
  id: string;
  status: string;
  score: number | null;
  earned: number;
  possible: number;
  autofail: boolean;
}

/** POST /audit-evidence?kind=photo|audio&keepLocation=false (the raw file as the body). */
export const EvidenceUploadQuerySchema = z.strictObject({
  kind: z.enum(EVIDENCE_FILE_KINDS),
  keepLocation: z.enum(['true', 'false']).optional(),
});

export interface EvidenceAnswer {
  id: string;
  kind: string;
  contentType: string;
  sizeBytes: number;
}
