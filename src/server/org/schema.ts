/** Request schema of PATCH /org and the shapes of the /org answers (the SPA imports the types). */
import { z } from 'zod';
import { ACCENT_COLOR_RE } from '../../core/branding/branding.ts';
import { hiddenKeyOf, hiddenKeyProblem, MAX_DIMENSIONS } from '../../core/responses/hiddenFields.ts';

/** True when `tz` is an IANA time zone this runtime (and so Intl formatting in reports) knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

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

/** GET /org and the settings part of PATCH /org. */
export interface OrgSettingsView {
  id: string;
  name: string;
  timezone: string;
  dimensions: string[];
}

/** GET /org/rollup-job: the latest rollup rebuild of the organisation ('idle' when none ever ran). */
export interface RollupJobView {
  status: 'idle' | 'running' | 'done' | 'failed';
  /** Batches of the current run (0 until the rebuild has counted them). */
  total: number;
  done: number;
  startedAt: string | null;
  finishedAt: string | null;
}

/** PATCH /org: the new settings (also at the top level, as before), and the rebuild they started, if any. */
export type UpdateOrgResponse = OrgSettingsView & { org: OrgSettingsView; rollupJob: RollupJobView | null };

/** GET /org/hidden-keys: hidden-field keys seen in recent responses that can be dimensions, most used first. */
export interface HiddenKeysResponse {
  keys: { key: string; responses: number }[];
}

/** PUT /org/branding: the accent colour, or null for the default look. */
export const UpdateBrandingSchema = z.object({
  accentColor: z
    .string()
    .trim()
    .transform((c) => c.toLowerCase())
    .refine((c) => ACCENT_COLOR_RE.test(c), 'use a colour like #1a7f5a')
    .nullable(),
});

/** GET /org/branding and the answer of its writes. */
export interface BrandingView {
  accentColor: string | null;
  /** Text colour on accent-filled buttons (black or white, the more readable); null without an accent. */
  accentTextColor: string | null;
  /** The logo for the settings page (signed-in URL, versioned), or null. */
  logoUrl: string | null;
}
