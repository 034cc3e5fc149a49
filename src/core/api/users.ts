/** @module The users and invitations API contract (docs/api.md "Users and invitations"). */
import { z } from 'zod';
import { INVITABLE_ROLES, ROLES } from '../access/index.ts';
import { NewPassword } from './accounts.ts';
import { IsoInstant } from './common.ts';

const locationIds = z.array(z.uuid()).max(200).transform((ids) => [...new Set(ids)]);

export const InviteSchema = z.object({
  email: z.email().max(320).transform((e) => e.trim()),
  role: z.enum(INVITABLE_ROLES),
  locationIds: locationIds.default([]),
});
export type InviteInput = z.infer<typeof InviteSchema>;

export const AcceptSchema = z.object({
  name: z.string().trim().min(1).max(200),
  password: NewPassword,
});

/** Resend (`email`: true, the default) or only a new link to copy. */
export const ResendSchema = z.object({ email: z.boolean().default(true) });

export const UpdateUserSchema = z.object({
  role: z.enum(ROLES).optional(),
  locationIds: locationIds.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

// ---- Answers ----

/** A user as the admin pages see them (no password hash, no locale). */
const UserViewSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locationIds: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: IsoInstant,
});
export type UserView = z.infer<typeof UserViewSchema>;

/** An invitation without its token. */
const InvitationViewSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  locationIds: z.array(z.string()),
  createdAt: IsoInstant,
  expiresAt: IsoInstant,
  acceptedAt: IsoInstant.nullable(),
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

/** GET /users: users and pending invitations in the caller's scope. */
export const UsersAnswerSchema = z.strictObject({ users: z.array(UserViewSchema), invitations: z.array(InvitationViewSchema) });
export type UsersAnswer = z.infer<typeof UsersAnswerSchema>;

/** PATCH /users/:id. */
export const UserAnswerSchema = z.strictObject({ user: UserViewSchema });
export type UserAnswer = z.infer<typeof UserAnswerSchema>;

/** POST /invitations and /invitations/:id/resend: `link` to pass on unless it was e-mailed. */
export const InvitationAnswerSchema = z.strictObject({ invitation: InvitationViewSchema, link: z.string().nullable(), emailed: z.boolean() });
export type InvitationAnswer = z.infer<typeof InvitationAnswerSchema>;

/** POST /users/:id/password-reset: a one-time link, returned unless it was e-mailed. */
export const PasswordResetAnswerSchema = z.strictObject({ link: z.string().nullable(), emailed: z.boolean(), expiresAt: IsoInstant });
export type PasswordResetAnswer = z.infer<typeof PasswordResetAnswerSchema>;

/** GET /invitations/:token (public): what the invitation page shows. */
export const InvitationInfoAnswerSchema = z.strictObject({ email: z.string(), role: z.enum(ROLES), orgName: z.string() });
export type InvitationInfoAnswer = z.infer<typeof InvitationInfoAnswerSchema>;

/** A message the server kept (GET /outbox): every message without SMTP, else the record of what was e-mailed. */
const OutboxMessageSchema = z.strictObject({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: IsoInstant,
  sentAt: IsoInstant.nullable(),
});

/** GET /outbox: the newest 200 messages, newest first. */
export const OutboxAnswerSchema = z.strictObject({ messages: z.array(OutboxMessageSchema) });
export type OutboxAnswer = z.infer<typeof OutboxAnswerSchema>;

/** POST /invitations/:token/accept: signed in, or (`signIn`) two-factor sign-in to set up at the sign-in page first. */
export const AcceptAnswerSchema = z.strictObject({ ok: z.literal(true), signIn: z.literal(true).optional() });
export type AcceptAnswer = z.infer<typeof AcceptAnswerSchema>;
