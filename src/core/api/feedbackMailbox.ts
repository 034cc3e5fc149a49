/** @module The feedback mailbox's API contract (docs/api.md "Feedback mailbox", docs/closed-loop.md "Feedback mailbox"). */
import { z } from 'zod';
import { IsoInstant, Uuid } from './common.ts';
import { CASE_PRIORITIES } from '../closedLoop/model.ts';
import { MAILBOX_CASE_POLICIES } from '../closedLoop/mailbox.ts';

const HOST_RE = /^[A-Za-z0-9.-]{1,255}$|^\[[0-9A-Fa-f:.]{2,60}\]$/;

/** PUT /org/feedback-mailbox. `password` omitted or empty keeps the stored one (required the first time). */
export const UpdateFeedbackMailboxSchema = z.object({
  /** The published address customers write to. */
  address: z.email('an e-mail address like feedback@shop.example').max(320),
  host: z.string().trim().regex(HOST_RE, 'a host name like imap.example.com'),
  port: z.coerce.number().int().min(1).max(65535),
  /** TLS from the first byte (port 993); false: plain IMAP, upgraded with STARTTLS when the server offers it. */
  secure: z.boolean(),
  username: z.string().trim().min(1, 'the IMAP user name').max(320),
  password: z.string().max(500).optional(),
  folder: z.string().trim().min(1).max(200).default('INBOX'),
  enabled: z.boolean().default(true),
  openCases: z.enum(MAILBOX_CASE_POLICIES),
  casePriority: z.enum(CASE_PRIORITIES),
});

/** GET/PUT /org/feedback-mailbox: the settings (never the password) and the reader's status. */
export const FeedbackMailboxViewSchema = z.strictObject({
  configured: z.boolean(),
  address: z.string().nullable(),
  host: z.string().nullable(),
  port: z.number().nullable(),
  secure: z.boolean(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  folder: z.string(),
  enabled: z.boolean(),
  openCases: z.enum(MAILBOX_CASE_POLICIES),
  casePriority: z.enum(CASE_PRIORITIES),
  lastCheckedAt: IsoInstant.nullable(),
  lastSuccessAt: IsoInstant.nullable(),
  /** Why the last read failed (auth_failed, cannot_connect, folder_missing, or another short text); null when it worked. */
  lastError: z.string().nullable(),
  lettersRead: z.number(),
  lettersSkipped: z.number(),
  /** When the reader tries again after failures (null: at its next minute). */
  nextAttemptAt: IsoInstant.nullable(),
});
export type FeedbackMailboxView = z.infer<typeof FeedbackMailboxViewSchema>;

export const MAILBOX_PROBLEMS = ['auth_failed', 'cannot_connect', 'folder_missing', 'tls_failed', 'other'] as const;
export type MailboxProblem = (typeof MAILBOX_PROBLEMS)[number];

/** POST /org/feedback-mailbox/test: connect with the stored settings and open the folder. */
export const FeedbackMailboxTestAnswerSchema = z.strictObject({
  ok: z.boolean(),
  problem: z.enum(MAILBOX_PROBLEMS).nullable(),
  /** A sentence for people (English; the dashboard shows its own text per problem). */
  message: z.string().nullable(),
  /** Letters in the folder when it opened. */
  messages: z.number().nullable(),
});
export type FeedbackMailboxTestAnswer = z.infer<typeof FeedbackMailboxTestAnswerSchema>;

/** GET /feedback-messages: letters read from the mailbox, newest first. */
export const ListFeedbackMessagesQuerySchema = z.object({
  kind: z.enum(['feedback', 'reply']).optional(),
  sentiment: z.enum(['negative', 'neutral', 'positive']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const FeedbackMessageSchema = z.strictObject({
  id: Uuid,
  kind: z.enum(['feedback', 'reply']),
  fromName: z.string().nullable(),
  fromAddress: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  receivedAt: IsoInstant,
  language: z.string().nullable(),
  sentiment: z.enum(['negative', 'neutral', 'positive']).nullable(),
  themes: z.array(z.string()),
  location: z.strictObject({ id: Uuid, name: z.string() }).nullable(),
  case: z.strictObject({ id: Uuid, number: z.number(), status: z.string() }).nullable(),
  attachments: z.number(),
  note: z.enum(['too_large', 'truncated']).nullable(),
});
export type FeedbackMessage = z.infer<typeof FeedbackMessageSchema>;

export const FeedbackMessagesAnswerSchema = z.strictObject({
  items: z.array(FeedbackMessageSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});
export type FeedbackMessagesAnswer = z.infer<typeof FeedbackMessagesAnswerSchema>;
