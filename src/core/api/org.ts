/** @module The organisation settings API contract (docs/api.md "Organisation settings", "Branding"). */
import { z } from 'zod';
import { ACCENT_COLOR_RE } from '../branding/branding.ts';
import { hiddenKeyOf, hiddenKeyProblem, MAX_DIMENSIONS } from '../responses/hiddenFields.ts';
import { isTimeZone } from '../time/timeZone.ts';
import { IsoInstant } from './common.ts';

export const UpdateOrgSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  timezone: z.string().max(64).refine(isTimeZone, 'unknown time zone').optional(),
  // Dimensions are hidden-field keys, lowercased like the respondent pages store them (`Segment` is `segment`).
  dimensions: z
    .array(
      z
        .string()
        .transform(hiddenKeyOf)
        .refine((k) => hiddenKeyProblem(k) === null, 'use 1-40 of a-z, 0-9 and _, other than lang, loc, channel and preview'),
    )
    .max(MAX_DIMENSIONS)
    .refine((d) => new Set(d).size === d.length, 'duplicate dimension')
    .optional(),
});
export type UpdateOrgInput = z.infer<typeof UpdateOrgSchema>;

/** PUT /org/branding: the accent colour, or null for the default look. */
export const UpdateBrandingSchema = z.object({
  accentColor: z
    .string()
    .trim()
    .transform((c) => c.toLowerCase())
    .refine((c) => ACCENT_COLOR_RE.test(c), 'use a colour like #1a7f5a')
    .nullable(),
});

// ---- Answers ----

/** GET /org and the settings part of PATCH /org. */
export const OrgSettingsViewSchema = z.strictObject({ id: z.string(), name: z.string(), timezone: z.string(), dimensions: z.array(z.string()) });
export type OrgSettingsView = z.infer<typeof OrgSettingsViewSchema>;

/** GET /org/rollup-job: the latest rollup rebuild of the organisation ('idle' when none ever ran). */
export const RollupJobViewSchema = z.strictObject({
  status: z.enum(['idle', 'running', 'done', 'failed']),
  /** Batches of the current run (0 until the rebuild has counted them). */
  total: z.number(),
  done: z.number(),
  startedAt: IsoInstant.nullable(),
  finishedAt: IsoInstant.nullable(),
});
export type RollupJobView = z.infer<typeof RollupJobViewSchema>;

/** PATCH /org: the new settings (also at the top level, as before), and the rebuild they started, if any. */
export const UpdateOrgAnswerSchema = OrgSettingsViewSchema.extend({ org: OrgSettingsViewSchema, rollupJob: RollupJobViewSchema.nullable() });
export type UpdateOrgAnswer = z.infer<typeof UpdateOrgAnswerSchema>;

/** GET /org/hidden-keys: hidden-field keys seen in recent responses that can be dimensions, most used first. */
export const HiddenKeysAnswerSchema = z.strictObject({ keys: z.array(z.strictObject({ key: z.string(), responses: z.number() })) });
export type HiddenKeysAnswer = z.infer<typeof HiddenKeysAnswerSchema>;

/** GET /org/branding and the answer of its writes. */
export const BrandingViewSchema = z.strictObject({
  accentColor: z.string().nullable(),
  /** Text colour on accent-filled buttons (black or white, the more readable); null without an accent. */
  accentTextColor: z.string().nullable(),
  /** The logo for the settings page (signed-in URL, versioned), or null. */
  logoUrl: z.string().nullable(),
});
export type BrandingView = z.infer<typeof BrandingViewSchema>;
