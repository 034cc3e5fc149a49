/**
 * @module The API contract of case operations (docs/closed-loop.md "Routing and business hours"):
 * routing rules, case teams, business hours of the organisation and its locations, compensation limits.
 */
import { z } from 'zod';
import { CASE_ROLES } from '../access/index.ts';
import { CASE_CHANNELS, CASE_PRIORITIES } from '../closedLoop/model.ts';
import { parseBusinessHours } from '../support/businessHours.ts';
import { Uuid } from './common.ts';

/** One routing rule: conditions (null: any) and exactly one target, a user or a team. */
export const RoutingRuleInputSchema = z
  .strictObject({
    /** The case's location lies in this location's subtree. */
    locationId: Uuid.nullable(),
    channel: z.enum(CASE_CHANNELS).nullable(),
    priority: z.enum(CASE_PRIORITIES).nullable(),
    ownerUserId: Uuid.nullable(),
    teamId: Uuid.nullable(),
  })
  .refine((r) => (r.ownerUserId === null) !== (r.teamId === null), { message: 'choose either a user or a team', path: ['ownerUserId'] });
export type RoutingRuleInput = z.infer<typeof RoutingRuleInputSchema>;

/** PUT /org/case-routing: the whole ordered list (the first matching rule wins). */
export const PutRoutingRulesSchema = z.strictObject({ rules: z.array(RoutingRuleInputSchema).max(100) });

export const RoutingRuleSchema = z.strictObject({
  id: Uuid,
  locationId: Uuid.nullable(),
  channel: z.enum(CASE_CHANNELS).nullable(),
  priority: z.enum(CASE_PRIORITIES).nullable(),
  ownerUserId: Uuid.nullable(),
  teamId: Uuid.nullable(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
export const RoutingRulesAnswerSchema = z.strictObject({ rules: z.array(RoutingRuleSchema) });
export type RoutingRulesAnswer = z.infer<typeof RoutingRulesAnswerSchema>;

const TeamName = z.string().trim().min(1, 'enter a name').max(120);
const MemberIds = z.array(Uuid).max(200);

/** POST /org/case-teams */
export const CreateCaseTeamSchema = z.strictObject({ name: TeamName, memberIds: MemberIds.default([]) });
/** PATCH /org/case-teams/:id: the name and/or the whole member list. */
export const UpdateCaseTeamSchema = z.strictObject({ name: TeamName.optional(), memberIds: MemberIds.optional() });
export type UpdateCaseTeam = z.infer<typeof UpdateCaseTeamSchema>;

export const CaseTeamSchema = z.strictObject({ id: Uuid, name: z.string(), memberIds: z.array(Uuid) });
export type CaseTeam = z.infer<typeof CaseTeamSchema>;
export const CaseTeamsAnswerSchema = z.strictObject({ teams: z.array(CaseTeamSchema) });
export type CaseTeamsAnswer = z.infer<typeof CaseTeamsAnswerSchema>;
export const CaseTeamAnswerSchema = z.strictObject({ team: CaseTeamSchema });
export type CaseTeamAnswer = z.infer<typeof CaseTeamAnswerSchema>;

/** "Mon-Fri 09:00-18:00"; null or "" clears (the location inherits; the organisation: round the clock). */
export const BusinessHoursText = z
  .string()
  .trim()
  .max(100)
  .nullable()
  .transform((s) => (s ? s : null))
  .superRefine((s, ctx) => {
    if (s === null) return;
    const parsed = parseBusinessHours(s, 'UTC');
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  });

/** PUT /org/business-hours and PUT /locations/:id/business-hours */
export const PutBusinessHoursSchema = z.strictObject({ businessHours: BusinessHoursText });

export const LocationBusinessHoursSchema = z.strictObject({
  id: Uuid,
  name: z.string(),
  parentId: Uuid.nullable(),
  depth: z.number().int(),
  /** Its own hours (null: inherits). */
  businessHours: z.string().nullable(),
  /** The hours that apply: its own, else the nearest ancestor's, else the organisation's (null: round the clock). */
  effective: z.string().nullable(),
  /** Where `effective` comes from: the location itself, an ancestor (its name), the organisation, or nowhere. */
  inheritedFrom: z.union([z.literal('self'), z.literal('org'), z.literal('none'), z.strictObject({ locationId: Uuid, name: z.string() })]),
});
export type LocationBusinessHours = z.infer<typeof LocationBusinessHoursSchema>;

/** GET /org/business-hours: the organisation's hours and time zone, and every location the caller sees. */
export const BusinessHoursAnswerSchema = z.strictObject({
  businessHours: z.string().nullable(),
  timeZone: z.string(),
  locations: z.array(LocationBusinessHoursSchema),
});
export type BusinessHoursAnswer = z.infer<typeof BusinessHoursAnswerSchema>;

const Amount = z.number().min(0, 'must be 0 or more').max(999_999_999_999, 'too large').multipleOf(0.01, 'at most two decimals');

/** PUT /org/compensation-limits: the currency and, per role, the largest amount one case may record (null: the role may not give compensation). */
export const PutCompensationLimitsSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'use a three-letter ISO 4217 code such as RUB'),
  limits: z.array(z.strictObject({ role: z.enum(CASE_ROLES), maxAmount: Amount.nullable() })).max(CASE_ROLES.length)
    .refine((l) => new Set(l.map((x) => x.role)).size === l.length, 'each role once'),
});

export const CompensationLimitsAnswerSchema = z.strictObject({
  currency: z.string(),
  /** Every role that takes part in cases, in CASE_ROLES order. */
  limits: z.array(z.strictObject({ role: z.enum(CASE_ROLES), maxAmount: z.number().nullable() })),
});
export type CompensationLimitsAnswer = z.infer<typeof CompensationLimitsAnswerSchema>;
