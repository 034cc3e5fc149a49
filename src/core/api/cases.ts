/**
 * @module The cases API contract (docs/api.md "Cases"): the inbox list with its filters and counts, a
 * case by hand (the complaints book), one case with its source, timeline and compensation, and the
 * writes (change, note, reply, resolve, compensation, bulk). Pure: zod only.
 */
import { z } from 'zod';
import {
  CASE_PRIORITIES, CASE_STATUSES, CASE_CHANNELS, CASE_EVENT_KINDS, COMPENSATION_KINDS, MANUAL_CASE_CHANNELS,
} from '../closedLoop/model.ts';
import { Day, IsoInstant, Uuid } from './common.ts';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `use ${values.join(', ')}` });
const Status = oneOf(CASE_STATUSES);
const Priority = oneOf(CASE_PRIORITIES);
const Channel = oneOf(CASE_CHANNELS);

/** `status=new,in_progress` or `status=new&status=in_progress`. */
const StatusList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(Status).max(CASE_STATUSES.length));

const Text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const Search = z.string().trim().min(1, 'must not be empty').max(200);

export const CASE_SORTS = ['due', 'created', '-created', 'priority', 'number', '-updated'] as const;

/** GET /cases */
export const CasesQuery = z.object({
  status: StatusList.optional(),
  priority: Priority.optional(),
  /** `me`, `unassigned` or a user id. */
  owner: z.union([z.enum(['me', 'unassigned']), Uuid]).optional(),
  team: Uuid.optional(),
  /** A location and its subtree. */
  location: Uuid.optional(),
  channel: Channel.optional(),
  /** Only open cases past their due time. */
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  rootCause: Uuid.optional(),
  /** The number (`42` or `#42`), or words of the title, the customer's name, e-mail or phone. */
  q: Search.optional(),
  /** Created on or after / on or before (organisation-local days). */
  from: Day.optional(),
  to: Day.optional(),
  sort: oneOf(CASE_SORTS).default('due'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** POST /cases: a claim taken by hand (a call, a letter, at the counter) into the complaints book. */
export const NewCaseBody = z.strictObject({
  channel: oneOf(MANUAL_CASE_CHANNELS),
  title: Text(300).min(1, 'must not be empty'),
  description: Text(20000).default(''),
  priority: Priority.default('normal'),
  locationId: Uuid.nullish(),
  customerName: Text(300).nullish(),
  customerEmail: z.string().trim().max(320).pipe(z.email('must be an e-mail address')).or(z.literal('')).nullish(),
  customerPhone: Text(40).regex(/^[+\d\s()\-.]*$/, 'use digits, spaces and + ( ) - .').nullish(),
  /** An owner by hand; routing decides otherwise. */
  ownerUserId: Uuid.nullish(),
});

/** PATCH /cases/:id: any of these (owner/team null: unassign). Resolving goes through /resolve. */
export const CasePatchBody = z
  .strictObject({
    status: Status.optional(),
    priority: Priority.optional(),
    ownerUserId: Uuid.nullable().optional(),
    teamId: Uuid.nullable().optional(),
    title: Text(300).min(1, 'must not be empty').optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'send at least one of status, priority, ownerUserId, teamId, title');
export type CasePatch = z.infer<typeof CasePatchBody>;

/** POST /cases/:id/notes: an internal note; `@handle` or `@e-mail` notifies those users. */
export const CaseNoteBody = z.strictObject({ text: Text(10000).min(1, 'must not be empty') });

/** POST /cases/:id/replies: an e-mail to the customer. */
export const CaseReplyBody = z.strictObject({
  subject: Text(300).nullish(),
  text: Text(20000).min(1, 'must not be empty'),
});

/** POST /cases/:id/resolve */
export const CaseResolveBody = z.strictObject({
  rootCauseId: Uuid.nullish(),
  controllable: z.boolean().nullish(),
  resolution: Text(5000).default(''),
  /** Send the customer the short "was your problem solved?" survey. */
  askCustomer: z.boolean().default(false),
});

/** POST /cases/:id/compensations: in the organisation's currency. */
export const CaseCompensationBody = z.strictObject({
  amount: z.number().positive('must be more than 0').max(999_999_999_999.99).refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'at most 2 decimals'),
  kind: oneOf(COMPENSATION_KINDS).default('refund'),
  note: Text(1000).nullish(),
});

export const BULK_ACTIONS = ['assign', 'status', 'priority'] as const;
/** POST /cases/bulk: all or nothing. assign: a user id or null; status: a status (not resolved); priority: a priority. */
export const CaseBulkBody = z.strictObject({
  ids: z.array(Uuid).min(1, 'choose at least one case').max(200, 'at most 200 cases at once'),
  action: oneOf(BULK_ACTIONS),
  value: z.string().max(100).nullable(),
});

// ---- Answers ----

const Person = z.strictObject({ id: z.string(), name: z.string() });

export const CaseListItemSchema = z.strictObject({
  id: Uuid,
  number: z.number().int(),
  title: z.string(),
  status: Status,
  priority: Priority,
  channel: Channel,
  customerName: z.string().nullable(),
  location: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  owner: Person.nullable(),
  team: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  dueAt: IsoInstant.nullable(),
  overdue: z.boolean(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type CaseListItem = z.infer<typeof CaseListItemSchema>;

export const CasesAnswerSchema = z.strictObject({
  items: z.array(CaseListItemSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** Cases per status under the other filters (the status chips' numbers). */
  counts: z.record(z.string(), z.number().int()),
});
export type CasesAnswer = z.infer<typeof CasesAnswerSchema>;

/** Where the case came from, in a few lines. */
export const CaseSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('response'), id: z.string(), surveyId: z.string(), surveyName: z.string(), score: z.number().nullable(),
    metric: z.string().nullable(), comment: z.string().nullable(), at: IsoInstant,
  }),
  z.strictObject({
    kind: z.literal('review'), id: z.string(), source: z.string(), rating: z.number().nullable(), ratingScale: z.number().nullable(),
    text: z.string(), author: z.string().nullable(), at: IsoInstant.nullable(),
  }),
  z.strictObject({ kind: z.literal('support_contact'), id: z.string(), externalId: z.string(), subject: z.string().nullable(), channel: z.string().nullable(), at: IsoInstant.nullable() }),
  z.strictObject({ kind: z.literal('feedback_message'), id: z.string(), from: z.string(), subject: z.string().nullable(), body: z.string(), at: IsoInstant }),
]);
export type CaseSource = z.infer<typeof CaseSourceSchema>;

export const CaseEventSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(CASE_EVENT_KINDS),
  at: IsoInstant,
  actor: Person.nullable(),
  body: z.record(z.string(), z.unknown()),
  mentions: z.array(Person),
  messageId: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export const CompensationSchema = z.strictObject({
  id: z.string(),
  amount: z.number(),
  currency: z.string(),
  kind: z.enum(COMPENSATION_KINDS),
  note: z.string().nullable(),
  givenBy: Person.nullable(),
  givenAt: IsoInstant,
});

export const CaseAnswerSchema = z.strictObject({
  ...CaseListItemSchema.shape,
  description: z.string(),
  customerEmail: z.string().nullable(),
  customerPhone: z.string().nullable(),
  source: CaseSourceSchema.nullable(),
  triggerScore: z.number().nullable(),
  rootCause: z.strictObject({ id: z.string(), key: z.string(), name: z.record(z.string(), z.string()) }).nullable(),
  controllable: z.boolean().nullable(),
  resolution: z.string().nullable(),
  firstActionAt: IsoInstant.nullable(),
  resolvedAt: IsoInstant.nullable(),
  closedAt: IsoInstant.nullable(),
  escalationLevel: z.number().int(),
  events: z.array(CaseEventSchema),
  compensations: z.array(CompensationSchema),
  currency: z.string(),
  /** What the caller may do here (the page hides what it may not). */
  abilities: z.strictObject({
    work: z.boolean(),
    /** The caller's compensation limit per case (none: their role gives none) and what is left of it on this case. */
    compensation: z.strictObject({ kind: z.enum(['none', 'max', 'unlimited']), limit: z.number().nullable(), left: z.number().nullable() }),
    /** A reply needs the customer's e-mail. */
    reply: z.boolean(),
    /** Replies go to the outbox (no SMTP configured). */
    outbox: z.boolean(),
  }),
});
export type CaseAnswer = z.infer<typeof CaseAnswerSchema>;

export const CaseCreatedAnswerSchema = z.strictObject({ id: Uuid, number: z.number().int() });
export type CaseCreatedAnswer = z.infer<typeof CaseCreatedAnswerSchema>;

export const CaseEventAnswerSchema = z.strictObject({ eventId: z.string(), emailed: z.boolean().optional(), mentioned: z.number().int().optional() });
export type CaseEventAnswer = z.infer<typeof CaseEventAnswerSchema>;

export const CaseBulkAnswerSchema = z.strictObject({ updated: z.number().int() });
export type CaseBulkAnswer = z.infer<typeof CaseBulkAnswerSchema>;

/** GET /cases/people: who can own cases or be @mentioned (the assign menu and the note box's completion). */
export const CasePeopleAnswerSchema = z.strictObject({
  users: z.array(z.strictObject({ id: z.string(), name: z.string(), email: z.string(), handle: z.string() })),
  teams: z.array(z.strictObject({ id: z.string(), name: z.string() })),
});
export type CasePeopleAnswer = z.infer<typeof CasePeopleAnswerSchema>;
