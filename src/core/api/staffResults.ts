/**
 * @module Staff survey results and staff results links (docs/staff.md "Employee surveys and anonymity",
 * "Telling staff the results"): request schemas the server validates with, answer types the dashboard reads.
 */
import { z } from 'zod';
import { Day, IsoInstant, LocalizedTextSchema, Uuid } from './common.ts';
import { STAFF_ROLES } from '../surveys/types.ts';

/** GET /staff/results query: the staff survey, an optional period (days, inclusive) and location (its subtree). */
export const StaffResultsQuerySchema = z
  .object({
    survey: Uuid,
    from: Day.optional(),
    to: Day.optional(),
    location: Uuid.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });

/** A reporting node: a location, a team inside a location, or the answers without a location. */
const GroupRefSchema = z.strictObject({
  kind: z.enum(['location', 'team', 'none']),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  /** kind team: the team option's value and label */
  team: z.strictObject({ value: z.string(), label: LocalizedTextSchema }).nullable(),
});
export type StaffGroupRef = z.infer<typeof GroupRefSchema>;

const QuestionResultSchema = z.strictObject({
  key: z.string(),
  type: z.enum(['nps', 'rating', 'single', 'multi']),
  staffRole: z.enum(STAFF_ROLES).nullable(),
  hidden: z.boolean(),
  answered: z.number().optional(),
  mean: z.number().optional(),
  boxShare: z.number().optional(),
  options: z.array(z.strictObject({ value: z.string(), share: z.number() })).optional(),
});

const GroupSchema = GroupRefSchema.extend({
  n: z.number(),
  /** the nodes whose respondents were merged into this group (each under 5 on its own) */
  merged: z.array(GroupRefSchema),
  enps: z.strictObject({ value: z.number(), promoters: z.number(), passives: z.number(), detractors: z.number() }).nullable(),
  questions: z.array(QuestionResultSchema),
});
export type StaffResultGroup = z.infer<typeof GroupSchema>;

/** GET /staff/results and the public page's data. */
export const StaffResultsAnswerSchema = z.strictObject({
  survey: z.strictObject({ id: z.string(), name: z.string(), defaultLanguage: z.string() }),
  minGroup: z.number(),
  groups: z.array(GroupSchema),
  /** some respondents are hidden (fewer than minGroup, never their number) */
  hidden: z.boolean(),
  overall: GroupSchema.nullable(),
  /** the questions' texts and options, for labels */
  questions: z.array(
    z.strictObject({
      key: z.string(),
      type: z.string(),
      staffRole: z.enum(STAFF_ROLES).nullable(),
      text: LocalizedTextSchema,
      boxMin: z.number().nullable(),
      options: z.array(z.strictObject({ value: z.string(), label: LocalizedTextSchema })),
    }),
  ),
});
export type StaffResultsAnswer = z.infer<typeof StaffResultsAnswerSchema>;

/** POST /staff/result-links. */
export const CreateResultLinkSchema = z.object({ surveyId: Uuid, locationId: Uuid });

const ResultLinkSchema = z.strictObject({
  id: z.string(),
  surveyId: z.string(),
  surveyName: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  createdAt: IsoInstant,
  revokedAt: IsoInstant.nullable(),
});
export type StaffResultLink = z.infer<typeof ResultLinkSchema>;

/** POST /staff/result-links: the link and, once, its address. */
export const ResultLinkCreatedSchema = z.strictObject({ link: ResultLinkSchema, token: z.string(), url: z.string() });
export type ResultLinkCreated = z.infer<typeof ResultLinkCreatedSchema>;

/** GET /staff/result-links. */
export const ResultLinkListSchema = z.strictObject({ links: z.array(ResultLinkSchema) });
export type ResultLinkList = z.infer<typeof ResultLinkListSchema>;

/** POST /staff/result-links/:id/revoke. */
export const ResultLinkRevokedSchema = z.strictObject({ link: ResultLinkSchema });
export type ResultLinkRevoked = z.infer<typeof ResultLinkRevokedSchema>;
