/**
 * @module The report templates' API contract (docs/reports.md, docs/api.md "Reports"): a report (name and
 * definition), its schedules (frequency, hour on the organisation's clock, recipients), "send now", and the
 * delivery log. When schedules run and who their recipients are: src/core/reports/schedule.ts.
 */
import { z } from 'zod';
import { ROLES } from '../access/index.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { SCHEDULE_FREQUENCIES } from '../reports/schedule.ts';
import { IsoInstant, Uuid } from './common.ts';
import { ReportDefinitionSchema } from './reports.ts';

export type ReportDefinition = z.output<typeof ReportDefinitionSchema>;

const Name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const Lang = z.enum(LANGUAGES);

export const ReportBody = z.strictObject({ name: Name, definition: ReportDefinitionSchema });
export const ReportPatchBody = z.strictObject({ name: Name.optional(), definition: ReportDefinitionSchema.optional() });

export const ReportAnswerSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  definition: ReportDefinitionSchema,
  ownerId: z.string().nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type ReportAnswer = z.infer<typeof ReportAnswerSchema>;
export const ReportsAnswerSchema = z.strictObject({ items: z.array(ReportAnswerSchema) });
export type ReportsAnswer = z.infer<typeof ReportsAnswerSchema>;

const UserRecipient = z.strictObject({ kind: z.literal('user'), userId: Uuid, lang: Lang.optional() });
const EmailRecipient = z.strictObject({ kind: z.literal('email'), email: z.email('must be an e-mail address').max(254), lang: Lang });

/** A schedule's recipient: a user (in their language unless one is chosen), a role of the report's locations, an address. */
export const RecipientSchema = z.discriminatedUnion('kind', [
  UserRecipient,
  z.strictObject({ kind: z.literal('role'), role: z.enum(ROLES), lang: Lang.optional() }),
  EmailRecipient,
]);
export type RecipientInput = z.infer<typeof RecipientSchema>;

const ScheduleFields = {
  frequency: z.enum(SCHEDULE_FREQUENCIES),
  /** ISO weekday, 1 = Monday; weekly only. */
  dayOfWeek: z.number().int().min(1).max(7).nullable().optional(),
  /** 1-31 (a shorter month runs on its last day); monthly only. */
  dayOfMonth: z.number().int().min(1).max(31).nullable().optional(),
  /** The hour on the organisation's clock. */
  hour: z.number().int().min(0).max(23),
  recipients: z.array(RecipientSchema).min(1, 'needs at least one recipient').max(50),
  enabled: z.boolean().default(true),
};

function daysMatch(s: { frequency: string; dayOfWeek?: number | null; dayOfMonth?: number | null }, ctx: z.RefinementCtx) {
  if ((s.frequency === 'weekly') !== (s.dayOfWeek != null)) ctx.addIssue({ code: 'custom', path: ['dayOfWeek'], message: 'weekly schedules, and only they, need a day of the week' });
  if ((s.frequency === 'monthly') !== (s.dayOfMonth != null)) ctx.addIssue({ code: 'custom', path: ['dayOfMonth'], message: 'monthly schedules, and only they, need a day of the month' });
}

export const ScheduleBody = z.strictObject(ScheduleFields).superRefine(daysMatch);
/** A PATCH gives any fields; the result must still be a valid schedule (checked against the stored one). */
export const SchedulePatchBody = z.strictObject({
  frequency: ScheduleFields.frequency.optional(),
  dayOfWeek: ScheduleFields.dayOfWeek,
  dayOfMonth: ScheduleFields.dayOfMonth,
  hour: ScheduleFields.hour.optional(),
  recipients: ScheduleFields.recipients.optional(),
  enabled: z.boolean().optional(),
});

export const ScheduleAnswerSchema = z.strictObject({
  id: z.string(),
  reportId: z.string(),
  frequency: z.enum(SCHEDULE_FREQUENCIES),
  dayOfWeek: z.number().nullable(),
  dayOfMonth: z.number().nullable(),
  hour: z.number(),
  recipients: z.array(RecipientSchema),
  enabled: z.boolean(),
  /** The next run (UTC instant), computed in the organisation's time zone. */
  nextRunAt: IsoInstant,
});
export type ScheduleAnswer = z.infer<typeof ScheduleAnswerSchema>;
export const SchedulesAnswerSchema = z.strictObject({ items: z.array(ScheduleAnswerSchema) });
export type SchedulesAnswer = z.infer<typeof SchedulesAnswerSchema>;

/** Send now: to the caller (no recipients), or to the given ones; `lang` overrides the language of the caller's own copy. */
export const SendNowBody = z.strictObject({
  recipients: z.array(RecipientSchema).min(1).max(50).optional(),
  lang: Lang.optional(),
});

/**
 * POST /reports/send: a dashboard view (its filters and period as a definition) e-mailed once to named users the
 * caller may see and/or addresses; `title` (default: the survey's name) names the mail and the log's row.
 */
export const SendViewBody = z.strictObject({
  title: Name.optional(),
  definition: ReportDefinitionSchema,
  recipients: z.array(z.discriminatedUnion('kind', [UserRecipient, EmailRecipient])).min(1, 'needs at least one recipient').max(50),
});

/** GET /reports/recipients: the users a caller may name as recipients (their own scope's). */
export const ReportRecipientsAnswerSchema = z.strictObject({
  users: z.array(z.strictObject({ id: z.string(), name: z.string(), email: z.string(), locale: z.string() })),
});
export type ReportRecipientsAnswer = z.infer<typeof ReportRecipientsAnswerSchema>;

export const DELIVERY_STATUS_VALUES = ['queued', 'sending', 'sent', 'failed', 'unknown'] as const;

export const DeliveriesQuery = z.strictObject({
  report: Uuid.optional(),
  status: z.enum(DELIVERY_STATUS_VALUES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const DeliveryAnswerSchema = z.strictObject({
  id: z.string(),
  reportId: z.string(),
  reportName: z.string(),
  scheduleId: z.string().nullable(),
  email: z.string(),
  lang: Lang,
  periodKey: z.string(),
  reportDay: z.string(),
  status: z.enum(DELIVERY_STATUS_VALUES),
  attempts: z.number(),
  error: z.string().nullable(),
  createdAt: IsoInstant,
  finishedAt: IsoInstant.nullable(),
});
export type DeliveryAnswer = z.infer<typeof DeliveryAnswerSchema>;
export const DeliveriesAnswerSchema = z.strictObject({ items: z.array(DeliveryAnswerSchema) });
export type DeliveriesAnswer = z.infer<typeof DeliveriesAnswerSchema>;
export const SendNowAnswerSchema = z.strictObject({ deliveries: z.array(DeliveryAnswerSchema) });
export type SendNowAnswer = z.infer<typeof SendNowAnswerSchema>;

export const PdfQuery = z.strictObject({ lang: Lang.optional() });
