/** Request schemas of the account API (docs/api.md, "Accounts"). */
import { z } from 'zod';
import { pathParam } from '../../http/validate.ts';
import { LANGUAGES } from '../../core/i18n/languages.ts';

/** Every password a person chooses (setup, invitation, reset, change). */
export const NewPassword = z.string().min(10, 'at least 10 characters').max(200);

export const LoginSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
  /** Where the dashboard goes afterwards; anything but a path under /app becomes /app. */
  next: z.string().max(2000).optional(),
});

const code = z.string().trim().min(1).max(20);
/** Either a code from the authenticator app or one of the recovery codes. */
export const SecondFactorSchema = z
  .object({ code: code.optional(), recoveryCode: code.optional() })
  .refine((f) => !!f.code !== !!f.recoveryCode, { message: 'give either code or recoveryCode', path: ['code'] });
export const ConfirmCodeSchema = z.object({ code });

export const ProfileSchema = z
  .object({ name: z.string().trim().max(200).optional(), locale: z.enum(LANGUAGES).optional() })
  .refine((p) => p.name !== undefined || p.locale !== undefined, { message: 'give name or locale', path: ['name'] });

export const ChangePasswordSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword });
export const DisableTwoFactorSchema = z.object({ password: z.string().min(1).max(200), code });
export const ForgotSchema = z.object({ email: z.string().trim().min(1).max(320) });
export const ResetSchema = z.object({ password: NewPassword });
export const RequireTwoFactorSchema = z.object({ required: z.boolean() });

const LINK_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** The `:token` of a one-time link (32 random bytes, base64url); anything that cannot be one is simply not found. */
export function parseLinkToken(params: unknown, notFoundMessage: string): string {
  return pathParam(params, 'token', (v) => LINK_TOKEN_RE.test(v), notFoundMessage);
}

export const parseResetToken = (params: unknown) => parseLinkToken(params, 'This link is not valid any more');
