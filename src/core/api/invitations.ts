/**
 * @module The invitations API contract (docs/api.md "Invitation waves"): waves (create, preview, list,
 * detail, cancel), their counts and response rates, and the response rate of a survey per channel and wave.
 */
import { z } from 'zod';
import { SKIP_REASONS } from '../contacts/frequency.ts';
import { parseMinute } from '../invitations/sendWindow.ts';
import { IsoInstant, Uuid } from './common.ts';

export const INVITATION_CHANNELS = ['email', 'sms', 'telegram'] as const;
export const INVITATION_STATUSES = ['queued', 'sending', 'skipped', 'sent', 'delivered', 'bounced', 'failed'] as const;

const Clock = z.string().refine((s) => parseMinute(s) !== null, 'use HH:MM (00:00-24:00)');

export const WaveAudienceSchema = z.strictObject({
  /** Exactly these contacts (at most 50000). */
  contactIds: z.array(Uuid).min(1).max(50_000).optional(),
  /** Contacts of this segment. */
  segment: z.string().trim().min(1).max(100).optional(),
  /** Contacts of this location and the locations under it. */
  locationId: Uuid.optional(),
});

/** POST /waves and POST /waves/preview */
export const WaveCreateSchema = z.strictObject({
  surveyId: Uuid,
  name: z.string().trim().min(1).max(200),
  channel: z.enum(INVITATION_CHANNELS).default('email'),
  /** Filters that all apply; {} is every contact of the organisation (within the caller's locations). */
  audience: WaveAudienceSchema,
  /** Days after the first message on which non-responders are reminded, increasing, e.g. [3, 7]. */
  reminderDays: z.array(z.number().int().min(1).max(60)).max(3).default([])
    .refine((d) => d.every((x, i) => i === 0 || x > d[i - 1]), 'reminder days must increase'),
  /** Local time in each contact's zone (else the organisation's); start later than end crosses midnight. */
  window: z.strictObject({ start: Clock, end: Clock }).default({ start: '09:00', end: '20:00' }),
  /** Not before this instant (default: now). */
  sendAt: IsoInstant.optional(),
});
export type WaveCreate = z.infer<typeof WaveCreateSchema>;

const SkipCounts = z.partialRecord(z.enum(SKIP_REASONS), z.number().int());

/** POST /waves/preview */
export const WavePreviewResponseSchema = z.strictObject({
  total: z.number().int(),
  toSend: z.number().int(),
  /** Of those to send, how many wait for their send window. */
  delayedByWindow: z.number().int(),
  skipped: SkipCounts,
  /** The gap applied: the survey's own, else the organisation's. */
  gapDays: z.number().int(),
  surveyGapDays: z.number().int().nullable(),
});
export type WavePreviewResponse = z.infer<typeof WavePreviewResponseSchema>;

/** Counts of a set of invitations (a wave, a channel) and their response rate (METRICS.md). */
export const InvitationCountsSchema = z.strictObject({
  invitations: z.number().int(),
  /** Queued or being sent. */
  pending: z.number().int(),
  skipped: z.number().int(),
  /** Handed over without a confirmation (the outbox without SMTP). */
  sent: z.number().int(),
  /** Accepted by the provider (SMTP 250). */
  delivered: z.number().int(),
  bounced: z.number().int(),
  failed: z.number().int(),
  /** Personal link opened (no tracking pixel: opens are known only from the link). */
  opened: z.number().int(),
  responses: z.number().int(),
  remindersSent: z.number().int(),
  /** Responses to delivered invitations / delivered invitations (bounces excluded); null with none delivered. */
  responseRate: z.number().nullable(),
  skipReasons: SkipCounts,
});
export type InvitationCounts = z.infer<typeof InvitationCountsSchema>;

export const WaveViewSchema = z.strictObject({
  id: Uuid,
  name: z.string(),
  surveyId: Uuid,
  surveyName: z.string(),
  channel: z.enum(INVITATION_CHANNELS),
  status: z.enum(['planning', 'planned', 'cancelled']),
  reminderDays: z.array(z.number().int()),
  window: z.strictObject({ start: z.string(), end: z.string() }),
  sendAt: IsoInstant,
  createdAt: IsoInstant,
  counts: InvitationCountsSchema,
});
export type WaveView = z.infer<typeof WaveViewSchema>;

/** GET /waves */
export const WaveListResponseSchema = z.strictObject({ waves: z.array(WaveViewSchema), channels: z.array(z.enum(INVITATION_CHANNELS)) });
export type WaveListResponse = z.infer<typeof WaveListResponseSchema>;

export const InvitationViewSchema = z.strictObject({
  id: Uuid,
  contactId: Uuid,
  /** The contact's address for the channel, else their other one (null: none, e.g. erased). */
  contact: z.string().nullable(),
  contactName: z.string().nullable(),
  status: z.enum(INVITATION_STATUSES),
  skipReason: z.string().nullable(),
  sendAfter: IsoInstant,
  sentAt: IsoInstant.nullable(),
  openedAt: IsoInstant.nullable(),
  respondedAt: IsoInstant.nullable(),
  remindersSent: z.number().int(),
  nextReminderAt: IsoInstant.nullable(),
  lastError: z.string().nullable(),
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

/** GET /waves/:id */
export const WaveDetailResponseSchema = z.strictObject({ wave: WaveViewSchema, invitations: z.array(InvitationViewSchema), truncated: z.boolean() });
export type WaveDetailResponse = z.infer<typeof WaveDetailResponseSchema>;

/** POST /waves (201) and POST /waves/:id/cancel */
export const WaveResponseSchema = z.strictObject({ wave: WaveViewSchema });
export type WaveResponse = z.infer<typeof WaveResponseSchema>;

/** GET /surveys/:id/response-rate: the survey's invitations per channel and per wave. */
export const ResponseRateResponseSchema = z.strictObject({
  total: InvitationCountsSchema,
  byChannel: z.array(z.strictObject({ channel: z.enum(INVITATION_CHANNELS), counts: InvitationCountsSchema })),
  byWave: z.array(z.strictObject({ waveId: Uuid.nullable(), name: z.string().nullable(), counts: InvitationCountsSchema })),
});
export type ResponseRateResponse = z.infer<typeof ResponseRateResponseSchema>;

/** GET and PUT /org/contact-policy: at most one survey per contact per N days (0: no limit). */
export const OrgContactPolicySchema = z.strictObject({ contactGapDays: z.number().int().min(0).max(3650) });
export type OrgContactPolicy = z.infer<typeof OrgContactPolicySchema>;

/** PUT /surveys/:id/contact-policy: the survey's own gap, null for the organisation's. */
export const SurveyContactPolicySchema = z.strictObject({ contactGapDays: z.number().int().min(0).max(3650).nullable() });
export type SurveyContactPolicy = z.infer<typeof SurveyContactPolicySchema>;

/** POST /waves/bounces: a delivery status notification (the whole bounce e-mail, as received). */
export const DsnRequestSchema = z.strictObject({ message: z.string().min(1).max(1_000_000) });
/** Which invitations of the caller's organisation it marked bounced (none when it is not a permanent failure). */
export const DsnResponseSchema = z.strictObject({ failed: z.boolean(), status: z.string().nullable(), bounced: z.array(Uuid) });
export type DsnResponse = z.infer<typeof DsnResponseSchema>;
