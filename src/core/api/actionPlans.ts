/**
 * @module The action plans API (docs/api.md "Action plans"): improvement initiatives with an owner, dates, a
 * target metric (a survey's scored question) and locations, and their effect (the metric before and after the
 * start date with the comparison test of METRICS.md).
 */
import { z } from 'zod';
import { ACTION_PLAN_STATUSES } from '../closedLoop/model.ts';
import { ComparisonResultSchema, Day, IsoInstant, LocalizedTextSchema, MetricResultSchema, Uuid } from './common.ts';

const PlanFields = {
  title: z.string().trim().min(1, 'must not be empty').max(300, 'at most 300 characters'),
  description: z.string().max(5000, 'at most 5000 characters'),
  status: z.enum(ACTION_PLAN_STATUSES),
  ownerUserId: Uuid.nullable(),
  surveyId: Uuid.nullable(),
  questionId: Uuid.nullable(),
  targetValue: z.number().min(-100).max(100).nullable(),
  locationIds: z.array(Uuid).max(200, 'at most 200 locations'),
  rootCauseId: Uuid.nullable(),
  startDate: Day,
  dueDate: Day.nullable(),
};

/** POST /action-plans. */
export const ActionPlanCreateSchema = z.strictObject({
  ...PlanFields,
  description: PlanFields.description.default(''),
  status: PlanFields.status.default('active'),
  ownerUserId: PlanFields.ownerUserId.default(null),
  surveyId: PlanFields.surveyId.default(null),
  questionId: PlanFields.questionId.default(null),
  targetValue: PlanFields.targetValue.default(null),
  locationIds: PlanFields.locationIds.default([]),
  rootCauseId: PlanFields.rootCauseId.default(null),
  dueDate: PlanFields.dueDate.default(null),
});
export type ActionPlanCreate = z.infer<typeof ActionPlanCreateSchema>;

/** PATCH /action-plans/:id: the fields given change. */
export const ActionPlanPatchSchema = z.strictObject(PlanFields).partial();
export type ActionPlanPatch = z.infer<typeof ActionPlanPatchSchema>;

export const ActionPlanListQuery = z.object({
  status: z.enum(ACTION_PLAN_STATUSES).optional(),
  /** Plans touching this location's subtree. */
  location: Uuid.optional(),
});

export const ActionPlanSchema = z.strictObject({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  status: z.enum(ACTION_PLAN_STATUSES),
  ownerUserId: Uuid.nullable(),
  owner: z.strictObject({ id: Uuid, email: z.string(), name: z.string().nullable() }).nullable(),
  surveyId: Uuid.nullable(),
  surveyName: z.string().nullable(),
  questionId: Uuid.nullable(),
  targetValue: z.number().nullable(),
  locationIds: z.array(Uuid),
  locations: z.array(z.strictObject({ id: Uuid, name: z.string() })),
  rootCauseId: Uuid.nullable(),
  rootCause: LocalizedTextSchema.nullable(),
  startDate: Day,
  dueDate: Day.nullable(),
  /** The caller may change or delete it (plan.manage and every location of the plan in their scope). */
  canEdit: z.boolean(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type ActionPlan = z.infer<typeof ActionPlanSchema>;

export const ActionPlansAnswerSchema = z.strictObject({ items: z.array(ActionPlanSchema) });
export type ActionPlansAnswer = z.infer<typeof ActionPlansAnswerSchema>;
export const ActionPlanAnswerSchema = z.strictObject({ plan: ActionPlanSchema });
export type ActionPlanAnswer = z.infer<typeof ActionPlanAnswerSchema>;

const Window = z.strictObject({ from: Day, to: Day, result: MetricResultSchema.nullable() });

/** GET /action-plans/:id/effect. */
export const ActionPlanEffectAnswerSchema = z.strictObject({
  /** `no_metric`: the plan has no survey question; `not_started`: its start date is ahead; `ok`: measured. */
  state: z.enum(['ok', 'no_metric', 'not_started']),
  question: z.strictObject({
    id: Uuid, key: z.string(), metric: z.string(), text: LocalizedTextSchema,
    /** A rise is an improvement (false only for the legacy "effort" CES scale, where lower is easier). */
    higherIsBetter: z.boolean(),
  }).nullable(),
  /** The locations measured: the plan's that are in the caller's scope (all of them for an unrestricted caller). */
  locations: z.array(z.strictObject({ id: Uuid, name: z.string() })),
  targetValue: z.number().nullable(),
  startDate: Day,
  before: Window.nullable(),
  after: Window.nullable(),
  /** after - before with the metric's test (adjusted Wald for NPS, two proportions or Fisher for CSAT, Welch for CES). */
  change: ComparisonResultSchema.nullable(),
  interval: z.enum(['week', 'month']).nullable(),
  trend: z.array(z.strictObject({ period: Day, partial: z.boolean(), result: MetricResultSchema.nullable() })),
});
export type ActionPlanEffectAnswer = z.infer<typeof ActionPlanEffectAnswerSchema>;
