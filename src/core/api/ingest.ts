/**
 * @module The integration API contract for `ingest` keys (docs/api.md "Integration endpoints"): contacts
 * created or updated by e-mail, phone or external id (the contact directory's upsert); a survey triggered for a contact after an event;
 * responses recorded from other systems with idempotency keys.
 */
import { z } from 'zod';
import { IsoInstant, Uuid } from './common.ts';
import { ContactAnswerSchema, ContactWriteSchema } from './contacts.ts';

/** Channels an invitation may be sent through (survey_invitations.channel). */
export const INVITATION_CHANNELS = ['email', 'sms', 'telegram'] as const;

/**
 * A contact as another system knows it: the contact directory's own write form (docs/api.md "Contacts");
 * at least one of email, phone, externalId identifies it.
 */
export const ContactInputSchema = ContactWriteSchema;

/** PUT /contacts: created (201) or updated (200). */
export const UpsertContactAnswerSchema = ContactAnswerSchema.extend({ created: z.boolean() });
export type UpsertContactAnswer = z.infer<typeof UpsertContactAnswerSchema>;

/** POST /events: ask a contact to answer a survey some time after an event (a ticket solved, an order delivered). */
export const TriggerSurveySchema = z.object({
  /** What happened, in the caller's words; kept with the invitation. */
  event: z.string().trim().min(1, 'must not be empty').max(100),
  contact: ContactInputSchema,
  surveyId: Uuid,
  /** Wait this long before sending (0 to 30 days). */
  delaySeconds: z.number().int().min(0).max(30 * 86_400).default(0),
  channel: z.enum(INVITATION_CHANNELS, { error: `use ${INVITATION_CHANNELS.join(', ')}` }).default('email'),
  /**
   * The support ticket the event is about (its ticket_id in support contact events): the answer is then
   * joined to that contact's agent, team and resolution time (docs/support.md "Surveys after a contact").
   */
  ticketId: z.string().trim().min(1).max(200).optional(),
});

export const TriggerAnswerSchema = z.strictObject({
  invitation: z.strictObject({
    id: z.string(),
    surveyId: z.string(),
    contactId: z.string(),
    channel: z.enum(INVITATION_CHANNELS),
    /** queued: waits for send_after; the sending pipeline then sends it or skips it (frequency policy, opt-out). */
    status: z.string(),
    /** Why it will not be sent (when the invitation pipeline applies the policy at once); null while queued. */
    skipReason: z.string().nullable(),
    sendAfter: IsoInstant,
  }),
  contact: z.strictObject({ id: z.string(), created: z.boolean() }),
});
export type TriggerAnswer = z.infer<typeof TriggerAnswerSchema>;

const Answer = z.union([z.number(), z.string().max(10_000), z.array(z.union([z.string().max(200), z.number()])).max(100), z.null()]);

/** POST /surveys/:id/responses: a response given elsewhere (a call centre's system, a POS terminal). */
export const RecordResponseSchema = z.object({
  /** 8 to 100 of A-Z a-z 0-9 _ -: a retry with the same key finds the first response instead of making another. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'use 8 to 100 of A-Z a-z 0-9 _ -'),
  /** Answers by question key: a score, a choice key, a list of choice keys or a text. */
  answers: z.record(z.string().max(100), Answer),
  /** One of the survey's languages; default: the survey's default language. */
  language: z.string().trim().min(2).max(16).optional(),
  /** A location (id) inside the key's locations. */
  locationId: Uuid.optional(),
  /** Default `api`. */
  channel: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'use 1 to 32 of a-z 0-9 _ -').default('api'),
  /** Hidden fields (segments, order ids): at most 20. */
  hidden: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'use letters, digits, _ . -'), z.string().max(500)).optional()
    .refine((h) => !h || Object.keys(h).length <= 20, 'at most 20 hidden fields'),
  /** When it was given (default: now); not in the future. */
  submittedAt: IsoInstant.optional(),
  /** Who answered: created or updated like PUT /contacts, and linked to the response. */
  contact: ContactInputSchema.optional(),
});

export const RecordResponseAnswerSchema = z.strictObject({
  responseId: z.string(),
  /** false: the idempotency key had been used; nothing new was stored. */
  created: z.boolean(),
});
export type RecordResponseAnswer = z.infer<typeof RecordResponseAnswerSchema>;
