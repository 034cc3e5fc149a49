/** Request schema of PATCH /org. */
import { z } from 'zod';

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
  // Each dimension adds one rollup row per answer, so their number is kept small.
  dimensions: z
    .array(z.string().regex(/^[a-z0-9_]{1,40}$/, 'use 1-40 of a-z, 0-9 and _'))
    .max(10)
    .refine((d) => new Set(d).size === d.length, 'duplicate dimension')
    .optional(),
});
export type UpdateOrgInput = z.infer<typeof UpdateOrgSchema>;
