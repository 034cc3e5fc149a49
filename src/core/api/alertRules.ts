/**
 * @module The alert rules' API contract (docs/closed-loop.md "Alerts", docs/api.md "Alert rules"): a rule's
 * trigger-specific params, its scope and recipients; the alerts it fired; the bell's notifications. The
 * rules themselves (what fires, quiet periods) are in src/core/closedLoop/alertRules.ts.
 */
import { z } from 'zod';
import { ALERT_SOURCE_KINDS, CASE_PRIORITIES, NOTIFICATION_KINDS } from '../closedLoop/model.ts';
import { ROLES } from '../access/index.ts';
import { Uuid } from './common.ts';

/** Metrics a low_score rule watches: `any` is an NPS, CSAT or CES question, whichever the answer has. */
export const LOW_SCORE_METRICS = ['nps', 'csat', 'ces', 'any'] as const;
export type LowScoreMetric = (typeof LOW_SCORE_METRICS)[number];
/** Metrics a metric_drop rule compares between periods. */
export const DROP_METRICS = ['nps', 'csat', 'ces'] as const;
export type DropMetric = (typeof DROP_METRICS)[number];

const Keyword = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/** low_score: an answer at or below maxScore (on the question's own scale); the metric's default otherwise. */
export const LowScoreParamsSchema = z.strictObject({
  metric: z.enum(LOW_SCORE_METRICS),
  maxScore: z.number().int().min(0).max(10).optional(),
});
/** negative_review: a review with negative sentiment, or rated at most maxRating stars (a 10-point rating is halved). */
export const NegativeReviewParamsSchema = z.strictObject({
  maxRating: z.number().int().min(1).max(5).optional(),
});
/** comment_match: a comment, review or letter containing one of the keywords (whole words; `word*` a prefix) or tagged with one of the themes. */
export const CommentMatchParamsSchema = z
  .strictObject({
    keywords: z.array(Keyword).max(50).default([]),
    themes: z.array(z.string().min(1).max(100)).max(50).default([]),
  })
  .refine((p) => p.keywords.length + p.themes.length > 0, { message: 'needs at least one keyword or theme', path: ['keywords'] });
/** sla_breach: a support contact past its first-response or resolution target. */
export const SlaBreachParamsSchema = z.strictObject({});
/** metric_drop: the metric over the last complete period is significantly lower than over the one before. */
export const MetricDropParamsSchema = z.strictObject({
  metric: z.enum(DROP_METRICS),
  periodDays: z.number().int().min(1).max(90),
  by: z.enum(['location', 'segment']),
});

export type LowScoreParams = z.infer<typeof LowScoreParamsSchema>;
export type NegativeReviewParams = z.infer<typeof NegativeReviewParamsSchema>;
export type CommentMatchParams = z.infer<typeof CommentMatchParamsSchema>;

/** A rule's trigger with its params: one shape per trigger. */
export const AlertTriggerSchema = z.discriminatedUnion('trigger', [
  z.strictObject({ trigger: z.literal('low_score'), params: LowScoreParamsSchema }),
  z.strictObject({ trigger: z.literal('negative_review'), params: NegativeReviewParamsSchema }),
  z.strictObject({ trigger: z.literal('comment_match'), params: CommentMatchParamsSchema }),
  z.strictObject({ trigger: z.literal('sla_breach'), params: SlaBreachParamsSchema }),
  z.strictObject({ trigger: z.literal('metric_drop'), params: MetricDropParamsSchema }),
]);

export const RecipientsSchema = z.strictObject({
  userIds: z.array(Uuid).max(50).default([]),
  /** Users of these roles whose locations include the alert's location (its managers, its region's...). */
  locationRoles: z.array(z.enum(ROLES)).max(5).default([]),
  emails: z.array(z.email('must be an e-mail address').max(320)).max(20).default([]),
  /** Send `alert.triggered` to the organisation's webhook endpoints subscribed to it. */
  webhook: z.boolean().default(false),
});

/** "key:value" of a hidden field (the dashboards' dimension filter). */
export const SegmentSchema = z.string().trim().max(300).regex(/^[a-z0-9_]{1,40}:.+$/, 'must be "key:value" of a hidden field');

const ruleFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200),
  enabled: z.boolean().default(true),
  surveyId: Uuid.nullable().default(null),
  locationId: Uuid.nullable().default(null),
  channel: z.string().trim().min(1).max(40).nullable().default(null),
  segment: SegmentSchema.nullable().default(null),
  recipients: RecipientsSchema.default({ userIds: [], locationRoles: [], emails: [], webhook: false }),
  quietMinutes: z.number().int().min(0).max(43_200).default(60),
  opensCase: z.boolean().default(false),
  casePriority: z.enum(CASE_PRIORITIES).default('normal'),
};

/** POST /alert-rules. */
export const CreateAlertRuleSchema = z.intersection(z.strictObject(ruleFields), AlertTriggerSchema);

/** PATCH /alert-rules/:id: any field; a new trigger comes with its params (params alone are checked against the stored trigger). */
export const UpdateAlertRuleSchema = z.strictObject({
  name: ruleFields.name.optional(),
  enabled: z.boolean().optional(),
  surveyId: Uuid.nullable().optional(),
  locationId: Uuid.nullable().optional(),
  channel: z.string().trim().min(1).max(40).nullable().optional(),
  segment: SegmentSchema.nullable().optional(),
  recipients: RecipientsSchema.optional(),
  quietMinutes: z.number().int().min(0).max(43_200).optional(),
  opensCase: z.boolean().optional(),
  casePriority: z.enum(CASE_PRIORITIES).optional(),
  trigger: z.enum(['low_score', 'negative_review', 'comment_match', 'sla_breach', 'metric_drop']).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const AlertRuleSchema = z.strictObject({
  id: Uuid,
  name: z.string(),
  enabled: z.boolean(),
  trigger: z.enum(['low_score', 'negative_review', 'comment_match', 'sla_breach', 'metric_drop']),
  params: z.record(z.string(), z.unknown()),
  surveyId: Uuid.nullable(),
  locationId: Uuid.nullable(),
  channel: z.string().nullable(),
  segment: z.string().nullable(),
  recipients: z.strictObject({ userIds: z.array(Uuid), locationRoles: z.array(z.string()), emails: z.array(z.string()), webhook: z.boolean() }),
  quietMinutes: z.number().int(),
  opensCase: z.boolean(),
  casePriority: z.enum(CASE_PRIORITIES),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Alerts fired in the last 30 days (delivered or held back by the quiet period). */
  alertsLast30Days: z.number().int(),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;
export const AlertRulesAnswerSchema = z.strictObject({ items: z.array(AlertRuleSchema) });
export type AlertRulesAnswer = z.infer<typeof AlertRulesAnswerSchema>;
export const AlertRuleAnswerSchema = z.strictObject({ rule: AlertRuleSchema });
export type AlertRuleAnswer = z.infer<typeof AlertRuleAnswerSchema>;

/** What an alert says (the score, an excerpt, the metric before and after); user-written text stays text. */
export const AlertSummarySchema = z.record(z.string(), z.unknown());

export const AlertSchema = z.strictObject({
  id: Uuid,
  ruleId: Uuid,
  ruleName: z.string(),
  trigger: z.string(),
  sourceKind: z.enum(ALERT_SOURCE_KINDS),
  sourceId: z.string(),
  location: z.strictObject({ id: Uuid, name: z.string() }).nullable(),
  summary: AlertSummarySchema,
  caseId: Uuid.nullable(),
  delivered: z.boolean(),
  firedAt: z.string(),
});
export const AlertsQuery = z.strictObject({
  ruleId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AlertsAnswerSchema = z.strictObject({ items: z.array(AlertSchema) });
export type AlertsAnswer = z.infer<typeof AlertsAnswerSchema>;

export const NotificationSchema = z.strictObject({
  id: Uuid,
  kind: z.enum(NOTIFICATION_KINDS),
  alertId: Uuid.nullable(),
  caseId: Uuid.nullable(),
  body: z.record(z.string(), z.unknown()),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export const NotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
/** GET /notifications: the caller's newest notifications and how many are unread in all. */
export const NotificationsAnswerSchema = z.strictObject({ items: z.array(NotificationSchema), unread: z.number().int() });
export type NotificationsAnswer = z.infer<typeof NotificationsAnswerSchema>;
/** POST /notifications/read: these ids, or every one of the caller's. */
export const MarkReadSchema = z.union([
  z.strictObject({ ids: z.array(Uuid).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);
export const MarkReadAnswerSchema = z.strictObject({ marked: z.number().int(), unread: z.number().int() });
export type MarkReadAnswer = z.infer<typeof MarkReadAnswerSchema>;
