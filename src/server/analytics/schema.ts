/** Request schemas of the analytics API (docs/api.md "Analytics"); the SPA may import the types. */
import { z } from 'zod';
import { UUID_RE } from '../../core/ids.ts';
import { SCORE_GROUPS } from '../../core/surveys/types.ts';
import { isCalendarDay } from '../../core/time/orgCalendar.ts';

export const Uuid = z.string().regex(UUID_RE, 'must be an id');

/** YYYY-MM-DD, an existing calendar day (org-local). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine(isCalendarDay, 'not a valid date');

/** `key:value` of one marked dimension (hidden field). */
export const Dim = z
  .string()
  .max(300)
  .regex(/^[A-Za-z0-9_.-]{1,64}:.+$/, 'use key:value')
  .transform((s) => {
    const i = s.indexOf(':');
    return { key: s.slice(0, i), value: s.slice(i + 1) };
  });

const Flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** Filters every analytics endpoint accepts. */
export const FilterSchema = z.object({
  from: Day.optional(),
  to: Day.optional(),
  location: Uuid.optional(),
  channel: z.string().trim().min(1).max(64).optional(),
  language: z.string().trim().min(1).max(16).optional(),
  dim: Dim.optional(),
  includeExcluded: Flag.optional(),
});
export type FilterQuery = z.infer<typeof FilterSchema>;

export const TrendQuery = FilterSchema.extend({
  question: Uuid.optional(),
  interval: z.enum(['day', 'week', 'month', 'quarter']).default('week'),
});

export const BreakdownQuery = FilterSchema.extend({
  question: Uuid.optional(),
  by: z.string().regex(/^(location|channel|language|dim:[A-Za-z0-9_.-]{1,64})$/, 'use location, channel, language or dim:<key>'),
  parent: Uuid.optional(),
  leaf: Flag.optional(),
  sort: z.enum(['worst', 'best', 'n']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const HeatmapQuery = FilterSchema.extend({ parent: Uuid.optional() });

export const CompareQuery = FilterSchema.extend({
  question: Uuid.optional(),
  aFrom: Day.optional(),
  aTo: Day.optional(),
  bFrom: Day.optional(),
  bTo: Day.optional(),
  aDim: Dim.optional(),
  bDim: Dim.optional(),
  aLocation: Uuid.optional(),
  bLocation: Uuid.optional(),
  /** `company`: B is the rest of the organisation (everything but A's locations), as one benchmark figure. */
  b: z.enum(['company'], { error: 'use company (A against the rest of the company)' }).optional(),
});

export const DriversQuery = FilterSchema.extend({ outcome: Uuid.optional() });

const IsoInstant = z.iso.datetime({ offset: true });

/**
 * `before` of the comments: an ISO instant (strictly older comments), or the `nextBefore` of a page,
 * `<instant>,<responseId>,<questionKey>`, which continues exactly after that page's last comment.
 */
export const CommentsBefore = z.string().max(200).transform((v, ctx) => {
  const [at, responseId, questionKey, ...rest] = v.split(',');
  const atOk = IsoInstant.safeParse(at).success;
  if (responseId === undefined && atOk) return { at };
  if (atOk && rest.length === 0 && UUID_RE.test(responseId) && /^[a-z0-9_]{1,40}$/.test(questionKey ?? '')) {
    return { at, row: { responseId, questionKey } };
  }
  ctx.addIssue({ code: 'custom', message: 'use an ISO date-time or the nextBefore of the previous page' });
  return z.NEVER;
});

export const CommentsQuery = FilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: CommentsBefore.optional(),
  group: z.enum(SCORE_GROUPS).optional(),
});

export const DimensionValuesQuery = z.object({
  /** Part of the value, matched case-insensitively. */
  q: z.string().trim().max(200).optional(),
  survey: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** GET /analytics/dimensions/:key/values: values seen in the caller's scope, most used first. */
export interface DimensionValuesResponse {
  values: { value: string; responses: number }[];
}

export const QualityQuery = FilterSchema.omit({ includeExcluded: true });

export const ExcludeBody = z.object({ reason: z.string().trim().max(500).optional() });
