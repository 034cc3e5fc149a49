/** Request schemas of the users and invitations API (docs/api.md, "Users and invitations"). */
import { z } from 'zod';
import { ROLES } from '../../core/access/index.ts';
import { pathParam } from '../http/validate.ts';

/** Roles an invitation may grant: owners are made by promoting an existing user. */
export const INVITABLE_ROLES = ['admin', 'analyst', 'location_manager', 'viewer'] as const;

const locationIds = z.array(z.uuid()).max(200).transform((ids) => [...new Set(ids)]);

export const InviteSchema = z.object({
  email: z.email().max(320).transform((e) => e.trim()),
  role: z.enum(INVITABLE_ROLES),
  locationIds: locationIds.default([]),
});
export type InviteInput = z.infer<typeof InviteSchema>;

export const AcceptSchema = z.object({
  name: z.string().trim().min(1).max(200),
  password: z.string().min(10, 'at least 10 characters').max(200),
});

export const UpdateUserSchema = z.object({
  role: z.enum(ROLES).optional(),
  locationIds: locationIds.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** The `:token` route parameter; anything that cannot be a token is simply not found. */
export function parseTokenParam(params: unknown): string {
  return pathParam(params, 'token', (v) => TOKEN_RE.test(v), 'This invitation is not valid any more');
}
