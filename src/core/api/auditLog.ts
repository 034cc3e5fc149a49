/** @module The audit log's API contract (docs/audit-log.md, docs/api.md "Audit log"). */
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { AUDIT_ACTOR_KINDS, auditActionGroup, AUDIT_ACTIONS } from '../audit/actions.ts';
import { decodeAuditCursor } from '../audit/cursor.ts';
import { Day, IsoInstant, Uuid } from './common.ts';

const GROUPS = new Set(AUDIT_ACTIONS.map(auditActionGroup));

/** The filters of the list and the export: days are the organisation's, both included. */
const AuditFilterFields = {
  from: Day.optional(),
  to: Day.optional(),
  /** a user's or API key's id, or `system` */
  actor: z.union([Uuid, z.literal('system')], { error: 'use an actor id or system' }).optional(),
  /** one action (`survey.publish`) or a group (`survey`: all its actions) */
  action: z.string().max(60).refine((a) => (AUDIT_ACTIONS as readonly string[]).includes(a) || GROUPS.has(a), 'not an audit action or group').optional(),
  /** the target's id, or words of its label */
  target: z.string().trim().min(1).max(200).optional(),
};
const fromBeforeTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;

/** GET /audit-log: newest first, `cursor` from the previous page's `nextCursor`. */
export const AuditLogQuery = z.object({
  ...AuditFilterFields,
  cursor: z.string().max(300).transform((v, ctx) => {
    const position = decodeAuditCursor(v);
    if (position) return position;
    ctx.addIssue({ code: 'custom', message: 'use the nextCursor of a page of this list' });
    return z.NEVER;
  }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).refine(fromBeforeTo, { message: 'to: must not be before from', path: ['to'] });
export type AuditLogFilter = z.output<typeof AuditLogQuery>;

/** GET /audit-log/export: the list's filters, every matching event (newest first) as CSV or XLSX. */
export const AuditLogExportQuery = z.object({
  ...AuditFilterFields,
  format: z.enum(['csv', 'xlsx'], { error: 'use csv or xlsx' }).default('csv'),
  lang: z.enum(LANGUAGES, { error: `use ${LANGUAGES.join(', ')}` }).optional(),
}).refine(fromBeforeTo, { message: 'to: must not be before from', path: ['to'] });

export const AuditActorSchema = z.strictObject({
  kind: z.enum(AUDIT_ACTOR_KINDS),
  /** null for the application */
  id: Uuid.nullable(),
  /** "Name <e-mail>" of a user, "Name (srf_ab…)" of a key, as they were; null for the application */
  label: z.string().nullable(),
});

export const AuditEventSchema = z.strictObject({
  id: z.string(),
  at: IsoInstant,
  actor: AuditActorSchema,
  /** one of src/core/audit/actions.ts (rows of older versions may hold others) */
  action: z.string(),
  target: z.strictObject({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
  /** what changed (redacted: no password, token or secret is ever stored) */
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventSchema>;

export const AuditLogAnswerSchema = z.strictObject({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() });
export type AuditLogAnswer = z.infer<typeof AuditLogAnswerSchema>;

/** GET /audit-log/actors: everyone who appears in the log, for the filter. */
export const AuditActorsAnswerSchema = z.strictObject({ actors: z.array(AuditActorSchema) });
export type AuditActorsAnswer = z.infer<typeof AuditActorsAnswerSchema>;
