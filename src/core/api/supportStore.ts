/**
 * @module The API contract of storing support contact events (docs/api.md "Support contact events",
 * docs/support.md "Importing contact events"): the canonical event as JSON for POST /api/v1/events
 * (a batch, idempotent), and the file imports of the dashboard (upload, progress, outcome).
 */
import { z } from 'zod';
import { SUPPORT_EVENT_KINDS, type SupportEvent } from '../support/contactEvents.ts';
import { SUPPORT_FIELD_LIMITS } from '../support/storing.ts';
import { IsoInstant } from './common.ts';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`).nullable().optional();

/** One canonical event (docs/import-formats.md): the file format's columns as JSON fields. */
export const SupportEventItemSchema = z.strictObject({
  ticket_id: z.string().trim().min(1, 'must not be empty').max(SUPPORT_FIELD_LIMITS.ticketId),
  customer_id: text(SUPPORT_FIELD_LIMITS.customerId),
  /** ISO 8601 with a zone offset or Z. */
  at: IsoInstant,
  event: z.enum(SUPPORT_EVENT_KINDS, { error: `use ${SUPPORT_EVENT_KINDS.join(', ')}` }),
  channel: text(SUPPORT_FIELD_LIMITS.channel),
  agent: text(SUPPORT_FIELD_LIMITS.agent),
  team: text(SUPPORT_FIELD_LIMITS.team),
  /** A location's code or name (matched by code, then name). */
  location: text(SUPPORT_FIELD_LIMITS.location),
  priority: text(SUPPORT_FIELD_LIMITS.priority),
  category: text(SUPPORT_FIELD_LIMITS.category),
  subject: text(SUPPORT_FIELD_LIMITS.subject),
  is_complaint: z.boolean().nullable().optional(),
});
export type SupportEventItem = z.infer<typeof SupportEventItemSchema>;

/** Events one request may carry. */
export const MAX_EVENTS_PER_BATCH = 1000;

/**
 * POST /events with an `events` array: support contact events. Each item is validated on its own;
 * the valid ones are stored (once each: sending the same events again stores nothing new).
 */
export const SupportEventsBatchSchema = z.strictObject({
  events: z.array(z.unknown()).min(1, 'at least one event').max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} events`),
});

/** The OpenAPI form of the batch (the server validates the items one by one with SupportEventItemSchema). */
export const SupportEventsBatchDocSchema = z.strictObject({
  events: z.array(SupportEventItemSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export const SupportEventsAnswerSchema = z.strictObject({
  /** Valid events (stored now or stored before: the answer to a retry is the same). */
  accepted: z.number().int(),
  /** Items refused, each listed in `errors`. */
  rejected: z.number().int(),
  /** Distinct tickets among the accepted events. */
  contacts: z.number().int(),
  errors: z.array(z.strictObject({ index: z.number().int(), field: z.string(), message: z.string() })),
});
export type SupportEventsAnswer = z.infer<typeof SupportEventsAnswerSchema>;

/** A validated item as the canonical event. */
export function supportEventOfItem(item: SupportEventItem): SupportEvent {
  const orNull = (v: string | null | undefined) => (v ? v : null);
  return {
    ticketId: item.ticket_id, customerId: orNull(item.customer_id), at: new Date(item.at), kind: item.event,
    channel: orNull(item.channel), agent: orNull(item.agent), team: orNull(item.team), location: orNull(item.location),
    priority: orNull(item.priority), category: orNull(item.category), subject: orNull(item.subject), isComplaint: item.is_complaint ?? null,
  };
}

export const SUPPORT_IMPORT_PRESETS = ['canonical', 'zendesk', 'servicenow'] as const;

/** Query of POST /support/imports (the body is the file itself). */
export const SupportImportQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(300),
  preset: z.enum(SUPPORT_IMPORT_PRESETS, { error: `use ${SUPPORT_IMPORT_PRESETS.join(', ')}` }).default('canonical'),
  /** IANA zone of times written without an offset. */
  timeZone: z.string().trim().min(1).max(64).refine((z) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: z });
      return true;
    } catch {
      return false;
    }
  }, 'not a known time zone').default('UTC'),
  /** Declared format of dates that are not ISO 8601, e.g. dd-mm-yyyy HH:MM. */
  dateFormat: z.string().trim().min(1).max(40).optional(),
  /** "true": store the good rows of a file with bad ones (the bad ones are listed). */
  skipBadRows: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const SupportImportAnswerSchema = z.strictObject({
  id: z.string(),
  fileName: z.string().nullable(),
  preset: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed']),
  skipBadRows: z.boolean(),
  rowsRead: z.number().int(),
  rowsRefused: z.number().int(),
  eventsAdded: z.number().int(),
  contactsTouched: z.number().int(),
  bytesRead: z.number(),
  bytesTotal: z.number().nullable(),
  problems: z.array(z.strictObject({ line: z.number().int(), reason: z.string() })),
  startedAt: IsoInstant,
  finishedAt: IsoInstant.nullable(),
});
export type SupportImportAnswer = z.infer<typeof SupportImportAnswerSchema>;

/** POST /support/imports: the import started, or the earlier import of the same file (nothing changed). */
export const StartImportAnswerSchema = z.strictObject({
  import: SupportImportAnswerSchema,
  /** true: this file (same bytes and preset) was imported or is being imported already; nothing was added. */
  alreadyImported: z.boolean(),
});
export type StartImportAnswer = z.infer<typeof StartImportAnswerSchema>;

export const SupportImportsAnswerSchema = z.strictObject({ imports: z.array(SupportImportAnswerSchema) });
export type SupportImportsAnswer = z.infer<typeof SupportImportsAnswerSchema>;
