/** @module The Telegram bot and SMS gateway settings API contract (docs/api.md "Telegram and SMS"). */
import { z } from 'zod';
import { IsoInstant } from './common.ts';
import { smsTemplateProblem } from '../sms/smsBody.ts';

/** A bot token as @BotFather gives it: `<bot id>:<secret>`. */
export const BOT_TOKEN_RE = /^\d{3,20}:[A-Za-z0-9_-]{20,100}$/;

/** PUT /org/telegram: connect a bot (token) or change the mode of the connected one (token omitted). */
export const UpdateTelegramSchema = z.object({
  token: z.string().trim().regex(BOT_TOKEN_RE, 'paste the token @BotFather gave, like 123456:ABC-DEF…').optional(),
  mode: z.enum(['webhook', 'polling']),
});

/** GET/PUT /org/telegram: the connected bot (never its token), or `connected: false`. */
export const TelegramSettingsViewSchema = z.strictObject({
  connected: z.boolean(),
  /** true for a bot shown by name only (no token: the demo's placeholder): links work, nothing is received. */
  placeholder: z.boolean(),
  username: z.string().nullable(),
  mode: z.enum(['webhook', 'polling']).nullable(),
  /** Where Telegram delivers updates in webhook mode. */
  webhookUrl: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: IsoInstant.nullable(),
  connectedAt: IsoInstant.nullable(),
});
export type TelegramSettingsView = z.infer<typeof TelegramSettingsViewSchema>;

/** GET /surveys/:id/telegram: the deep link into the organisation's bot and its QR code (null without a bot). */
export const SurveyTelegramLinkSchema = z.strictObject({
  username: z.string().nullable(),
  link: z.string().nullable(),
  qrDataUrl: z.string().nullable(),
});
export type SurveyTelegramLink = z.infer<typeof SurveyTelegramLinkSchema>;

/** PUT /org/sms: the SMS gateway. `authHeader` omitted keeps the stored one; null removes it. */
export const UpdateSmsSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  authHeader: z.string().trim().max(2000).nullable().optional(),
  sender: z.string().trim().max(20).nullable().optional(),
  bodyTemplate: z
    .string()
    .trim()
    .max(4000)
    .nullable()
    .optional()
    .refine((t) => !t || smsTemplateProblem(t) === null, { message: 'use a JSON object with {to} and {text} placeholders' }),
});

/** GET/PUT /org/sms: the gateway (the auth header only as set or not). */
export const SmsSettingsViewSchema = z.strictObject({
  configured: z.boolean(),
  url: z.string().nullable(),
  hasAuthHeader: z.boolean(),
  sender: z.string().nullable(),
  bodyTemplate: z.string().nullable(),
  /** The last messages handed to the gateway, newest first. */
  recent: z.array(z.strictObject({
    /** null once the contact was erased */
    to: z.string().nullable(),
    status: z.enum(['sent', 'failed']),
    httpStatus: z.number().nullable(),
    error: z.string().nullable(),
    at: IsoInstant,
  })),
});
export type SmsSettingsView = z.infer<typeof SmsSettingsViewSchema>;

/** POST /org/sms/test: send one test message. */
export const SmsTestSchema = z.object({ to: z.string().trim().regex(/^\+?[0-9 ()-]{5,20}$/, 'a phone number like +79161234567') });
export const SmsTestAnswerSchema = z.strictObject({ ok: z.boolean(), httpStatus: z.number().nullable(), error: z.string().nullable() });
export type SmsTestAnswer = z.infer<typeof SmsTestAnswerSchema>;
