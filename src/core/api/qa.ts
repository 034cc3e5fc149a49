/**
 * @module The staff directory, quality reviews of support contacts, calibration and coaching API contract
 * (docs/audits.md "Staff", "Quality reviews of support contacts", "Calibration", "Coaching").
 */
import { z } from 'zod';
import type { ChecklistDefinition } from '../audits/checklist.ts';
import { Day, Uuid } from './common.ts';

const Name = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');
const Code = z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters');
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const Search = z.string().trim().max(200, 'at most 200 characters');

export interface Employee {
  id: string;
  name: string;
  code: string | null;
  locationId: string | null;
  agentName: string | null;
  active: boolean;
  locationName: string | null;
}

/** GET /employees */
export const EmployeesQuery = z.object({ locationId: Uuid.optional(), q: Search.optional(), active: Flag.optional() });

/** POST /employees */
export const EmployeeBody = z.strictObject({
  name: Name,
  code: Code.nullable().optional(),
  locationId: Uuid.nullable().optional(),
  agentName: Name.nullable().optional(),
  active: z.boolean().optional(),
});

/** PATCH /employees/:id: the fields given change (null clears code, location or agent name). */
export const EmployeePatchBody = EmployeeBody.partial().refine((b) => Object.keys(b).length > 0, { message: 'change name, code, locationId, agentName or active' });

/** A period filter (organisation calendar days). */
const Period = { from: Day.optional(), to: Day.optional() };
const checkPeriod = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const periodMessage = { message: 'must not be before from', path: ['to'] };

/** GET /employees/:id */
export const EmployeeQuery = z.object(Period).refine(checkPeriod, periodMessage);

/** GET /qa/contacts */
export const QaContactsQuery = z.object({ ...Period, agent: Name.optional(), q: Search.optional() }).refine(checkPeriod, periodMessage);

const Answers = z.record(z.string(), z.unknown());

/** POST /qa/reviews: a contact from the support import or one entered by hand (subject). */
export const QaReviewBody = z
  .strictObject({
    checklistId: Uuid,
    checklistVersion: z.number().int().min(1).optional(),
    supportContactId: Uuid.optional(),
    subject: z.string().trim().min(1, 'must not be empty').max(20000, 'at most 20000 characters').optional(),
    employeeId: Uuid.optional(),
    answers: Answers,
    notes: z.string().trim().max(20000, 'at most 20000 characters').optional(),
  })
  .refine((b) => (b.supportContactId === undefined) !== (b.subject === undefined), { message: 'give either supportContactId or subject (a contact entered by hand)', path: ['supportContactId'] });

/** GET /qa/reviews */
export const QaReviewsQuery = z.object({ ...Period, agent: Name.optional(), employeeId: Uuid.optional() }).refine(checkPeriod, periodMessage);

/** GET /qa/agents: QA next to CSAT / CES per agent; targets in percent (below them a row is flagged). */
export const QaAgentsQuery = z
  .object({ ...Period, qaTarget: z.coerce.number().min(0).max(100).default(85), csatTarget: z.coerce.number().min(0).max(100).default(80) })
  .refine(checkPeriod, periodMessage);

/** POST /audit-calibrations */
export const CalibrationBody = z
  .strictObject({
    name: Name,
    checklistId: Uuid,
    supportContactId: Uuid.optional(),
    subject: z.string().trim().min(1, 'must not be empty').max(20000, 'at most 20000 characters').optional(),
    reviewerIds: z.array(Uuid).min(2, 'choose at least two reviewers').max(50, 'at most 50 reviewers'),
  })
  .refine((b) => (b.supportContactId === undefined) !== (b.subject === undefined), { message: 'give either supportContactId or subject', path: ['supportContactId'] })
  .refine((b) => new Set(b.reviewerIds).size === b.reviewerIds.length, { message: 'each reviewer once', path: ['reviewerIds'] });

/** POST /audit-calibrations/:id/scores */
export const CalibrationScoreBody = z.strictObject({ answers: Answers, notes: z.string().trim().max(20000).optional() });

/** POST /employees/:id/coaching-notes */
export const CoachingNoteBody = z.strictObject({
  note: z.string().trim().min(1, 'must not be empty').max(5000, 'at most 5000 characters'),
  followUpOn: Day.nullable().optional(),
  visitId: Uuid.nullable().optional(),
});

/** PATCH /coaching-notes/:id */
export const CoachingNotePatchBody = z
  .strictObject({ done: z.boolean().optional(), note: z.string().trim().min(1, 'must not be empty').max(5000, 'at most 5000 characters').optional(), followUpOn: Day.nullable().optional() })
  .refine((b) => b.done !== undefined || b.note !== undefined || b.followUpOn !== undefined, { message: 'change done, note or followUpOn' });

export interface CoachingNote {
  id: string;
  employeeId: string;
  note: string;
  followUpOn: string | null;
  done: boolean;
  doneAt: string | null;
  overdue: boolean;
  visitId: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface QaContact {
  id: string;
  externalId: string;
  subject: string | null;
  channel: string | null;
  agent: string | null;
  createdAt: string;
  reviews: number;
}

export interface QaReview {
  id: string;
  visitedAt: string;
  score: number | null;
  earned: number;
  possible: number;
  autofail: boolean;
  checklistId: string;
  checklistVersion: number;
  checklistName: string;
  employeeId: string | null;
  employeeName: string | null;
  supportContactId: string | null;
  externalId: string | null;
  agent: string | null;
  subject: string | null;
  reviewerName: string | null;
}

export interface QaAgentRow {
  employeeId: string | null;
  name: string;
  agentName: string | null;
  reviews: number;
  qaScore: number | null;
  autofails: number;
  csat: { value: number | null; n: number } | null;
  ces: { value: number | null; n: number; direction: string } | null;
  belowQaTarget: boolean;
  belowCsatTarget: boolean;
}

/** A checklist a contact can be scored on, with its current version (GET /qa/scorecards). */
export interface QaScorecard {
  id: string;
  name: string;
  channel: string;
  version: number;
  definition: ChecklistDefinition;
}

/** A calibration session (GET /audit-calibrations). */
export interface QaCalibration {
  id: string;
  name: string;
  checklistId: string;
  checklistVersion: number;
  checklistName: string;
  supportContactId: string | null;
  externalId: string | null;
  subject: string | null;
  agent: string | null;
  reviewerIds: string[];
  status: 'open' | 'closed';
  createdAt: string;
  scored: number;
}

/** A published visit naming an employee (their page). */
export interface EmployeeVisit {
  id: string;
  kind: string;
  visitedAt: string;
  score: number | null;
  autofail: boolean;
  checklistName: string;
  locationName: string | null;
}
