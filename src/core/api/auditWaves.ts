/**
 * @module The audit waves API (docs/audits.md "Waves and assignments"): waves (a checklist over locations in a
 * period), their assignments to auditors, and their progress.
 */
import { z } from 'zod';
import { ASSIGNMENT_STATUSES, WAVE_STATUSES } from '../audits/waves.ts';
import { Day, IsoInstant, Uuid } from './common.ts';

const WaveFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
  checklistId: Uuid,
  startsOn: Day,
  endsOn: Day,
  visitsPerLocation: z.number().int('must be a whole number').min(1, 'at least 1').max(100, 'at most 100'),
  status: z.enum(WAVE_STATUSES),
};

/** POST /audit-waves. */
export const WaveCreateSchema = z.strictObject({
  ...WaveFields,
  visitsPerLocation: WaveFields.visitsPerLocation.default(1),
  status: WaveFields.status.default('planned'),
});
export type WaveCreate = z.infer<typeof WaveCreateSchema>;

/** PATCH /audit-waves/:id: the fields given change. */
export const WavePatchSchema = z.strictObject(WaveFields).partial();
export type WavePatch = z.infer<typeof WavePatchSchema>;

export const WaveListQuery = z.object({ status: z.enum(WAVE_STATUSES).optional() });

export const WaveProgressSchema = z.strictObject({ assigned: z.number(), submitted: z.number(), published: z.number(), cancelled: z.number() });

export const WaveSchema = z.strictObject({
  id: Uuid,
  name: z.string(),
  checklistId: Uuid,
  checklistName: z.string().nullable(),
  startsOn: Day,
  endsOn: Day,
  visitsPerLocation: z.number(),
  status: z.enum(WAVE_STATUSES),
  /** Counted over the assignments in the caller's locations. */
  progress: WaveProgressSchema,
  createdAt: IsoInstant,
});
export type Wave = z.infer<typeof WaveSchema>;
export const WavesAnswerSchema = z.strictObject({ items: z.array(WaveSchema) });
export type WavesAnswer = z.infer<typeof WavesAnswerSchema>;
export const WaveAnswerSchema = z.strictObject({ wave: WaveSchema });
export type WaveAnswer = z.infer<typeof WaveAnswerSchema>;

/**
 * POST /audit-waves/:id/assignments: visitsPerLocation assignments for each location. Without `dueOn` the
 * due dates are spread over the wave's period.
 */
export const AssignmentsCreateSchema = z.strictObject({
  locationIds: z.array(Uuid).min(1, 'choose at least one location').max(500, 'at most 500 locations'),
  auditorId: Uuid.nullable().default(null),
  dueOn: Day.nullable().default(null),
});

/** PATCH /audit-assignments/:id: reassign, move the due date, cancel (or restore a cancelled one). */
export const AssignmentPatchSchema = z.strictObject({
  auditorId: Uuid.nullable(),
  dueOn: Day.nullable(),
  status: z.enum(['assigned', 'cancelled']),
}).partial();
export type AssignmentPatch = z.infer<typeof AssignmentPatchSchema>;

export const AssignmentSchema = z.strictObject({
  id: Uuid,
  waveId: Uuid,
  locationId: Uuid,
  locationName: z.string(),
  locationKind: z.string(),
  auditorId: Uuid.nullable(),
  auditorName: z.string().nullable(),
  dueOn: Day.nullable(),
  status: z.enum(ASSIGNMENT_STATUSES),
  visitId: Uuid.nullable(),
  visitStatus: z.string().nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;
export const AssignmentsAnswerSchema = z.strictObject({ items: z.array(AssignmentSchema) });
export type AssignmentsAnswer = z.infer<typeof AssignmentsAnswerSchema>;
export const AssignmentAnswerSchema = z.strictObject({ assignment: AssignmentSchema });
export type AssignmentAnswer = z.infer<typeof AssignmentAnswerSchema>;

/** GET /audit-waves/options: what the wave form offers (checklists, the caller's auditable locations, auditors). */
export const WaveOptionsAnswerSchema = z.strictObject({
  checklists: z.array(z.strictObject({ id: Uuid, name: z.string() })),
  locations: z.array(z.strictObject({ id: Uuid, name: z.string(), kind: z.string() })),
  auditors: z.array(z.strictObject({ id: Uuid, name: z.string(), role: z.string() })),
});
export type WaveOptionsAnswer = z.infer<typeof WaveOptionsAnswerSchema>;
