/** Request schemas of the users and invitations API (docs/api.md, "Users and invitations"). */
import { z } from 'zod';
import { ROLES } from '../../core/access/index.ts';
import { NewPassword, parseLinkToken } from '../auth/schema.ts';

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

/** The `:token` of an invitation link. */
export const parseTokenParam = (params: unknown) => parseLinkToken(params, 'This invitation is not valid any more');
