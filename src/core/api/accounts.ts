/**
 * @module The accounts API contract (docs/api.md "Accounts"): first-run setup, sign-in with a second
 * factor, password reset, the signed-in user's own account and the organisation's two-factor rule.
 */
import { z } from 'zod';
import { ACTIONS, ROLES } from '../access/index.ts';
import { isTimeZone } from '../time/timeZone.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/** Every password a person chooses (setup, invitation, reset, change). */
export const NewPassword = z.string().min(10, 'at least 10 characters').max(200);

/** POST /auth/setup: the organisation and its owner, on the first visit. */
export const SetupSchema = z.object({
  orgName: z.string().trim().min(1).max(200),
  name: z.string().trim().max(200).default(''),
  email: z.email().max(320),
  password: NewPassword,
  locale: z.enum(LANGUAGES).default('en'),
  // Rollups group answers by day in this zone: an unknown one would make every submission fail.
  timezone: z.string().max(64).refine(isTimeZone, 'unknown time zone').default('UTC'),
});

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

// ---- Answers ----

/** GET /auth/state: whether the first visit still has to create the owner, and whether this browser is signed in. */
export const AuthStateAnswerSchema = z.strictObject({ needsSetup: z.boolean(), signedIn: z.boolean() });
export type AuthStateAnswer = z.infer<typeof AuthStateAnswerSchema>;

/** GET /me: the signed-in user, the organisation (`timezone`: dashboard dates are days there), the location grants and what the role may do. */
export const MeAnswerSchema = z.strictObject({
  user: z.strictObject({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES), locale: z.string() }),
  org: z.strictObject({ id: z.string(), name: z.string(), timezone: z.string() }),
  /** null: the whole organisation. */
  locationPaths: z.array(z.string()).nullable(),
  permissions: z.array(z.enum(ACTIONS)),
});
export type MeAnswer = z.infer<typeof MeAnswerSchema>;

/** PATCH /me. */
export const ProfileAnswerSchema = z.strictObject({ user: z.strictObject({ id: z.string(), email: z.string(), name: z.string(), locale: z.string() }) });
export type ProfileAnswer = z.infer<typeof ProfileAnswerSchema>;

/** POST /auth/login: signed in (`ok`), or a second factor to give or set up first (`twoFactor`). */
export const LoginAnswerSchema = z.strictObject({ ok: z.boolean(), twoFactor: z.enum(['verify', 'enrol']).optional(), next: z.string() });
export type LoginAnswer = z.infer<typeof LoginAnswerSchema>;

/** POST /auth/two-factor. */
export const SecondFactorAnswerSchema = z.strictObject({ ok: z.literal(true), next: z.string() });
export type SecondFactorAnswer = z.infer<typeof SecondFactorAnswerSchema>;

/** POST /auth/two-factor/enrol and /me/two-factor/setup: the key for an authenticator app. */
export const EnrolmentAnswerSchema = z.strictObject({
  /** The Base32 key for typing into an app by hand. */
  key: z.string(),
  uri: z.string(),
  /** The otpauth URI as an SVG QR code (a data: URL). */
  qrDataUrl: z.string(),
});
export type EnrolmentAnswer = z.infer<typeof EnrolmentAnswerSchema>;

/** POST /auth/two-factor/enrol/confirm: signed in, with the recovery codes shown once. */
export const EnrolConfirmAnswerSchema = z.strictObject({ ok: z.literal(true), recoveryCodes: z.array(z.string()), next: z.string() });
export type EnrolConfirmAnswer = z.infer<typeof EnrolConfirmAnswerSchema>;

/** POST /me/two-factor/confirm: the recovery codes, shown once. */
export const RecoveryCodesAnswerSchema = z.strictObject({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesAnswer = z.infer<typeof RecoveryCodesAnswerSchema>;

/** GET /me/two-factor. */
export const TwoFactorStateAnswerSchema = z.strictObject({ enabled: z.boolean(), recoveryCodesLeft: z.number(), requiredByOrg: z.boolean() });
export type TwoFactorStateAnswer = z.infer<typeof TwoFactorStateAnswerSchema>;

/** GET and PUT /org/two-factor: whether everyone must sign in with a second factor. */
export const TwoFactorRuleAnswerSchema = z.strictObject({ required: z.boolean() });
export type TwoFactorRuleAnswer = z.infer<typeof TwoFactorRuleAnswerSchema>;

/** GET /auth/reset/:token: whose password the link resets. */
export const ResetLinkAnswerSchema = z.strictObject({ email: z.string() });
export type ResetLinkAnswer = z.infer<typeof ResetLinkAnswerSchema>;

