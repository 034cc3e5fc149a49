/** @module The website widget's API contract (docs/api.md "Website widget"; docs/widget.md). */
import { z } from 'zod';
import { MAX_WIDGET_ORIGINS, normalizeOrigin, WIDGET_URL_PATTERN_RE } from '../surveys/widget.ts';

/** PUT /surveys/:id/widget: the allowed website origins and the triggers. */
export const WidgetSettingsSchema = z.strictObject({
  origins: z
    .array(
      z
        .string()
        .max(300)
        .transform((o, ctx) => {
          const normalized = normalizeOrigin(o);
          if (normalized === null) {
            ctx.addIssue({ code: 'custom', message: 'use an origin like https://shop.example (scheme and host, no path)' });
            return z.NEVER;
          }
          return normalized;
        }),
    )
    .max(MAX_WIDGET_ORIGINS)
    .transform((list) => [...new Set(list)]),
  /** Show after this many seconds on a matching page; null for no timer. */
  delaySeconds: z.number().int().min(0).max(3600).nullable(),
  /** Show when the pointer leaves the top of the window. */
  exitIntent: z.boolean(),
  /** Only on pages whose path matches (`*` = any characters); '' or null for every page. */
  urlPattern: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .transform((p) => p || null)
    .refine((p) => p === null || WIDGET_URL_PATTERN_RE.test(p), 'use a path starting with / (* matches anything)'),
});
export type WidgetSettings = z.infer<typeof WidgetSettingsSchema>;

// ---- Answers ----

const WidgetSettingsViewSchema = z.strictObject({
  origins: z.array(z.string()),
  delaySeconds: z.number().nullable(),
  exitIntent: z.boolean(),
  urlPattern: z.string().nullable(),
});

/** GET and PUT /surveys/:id/widget. */
export const WidgetAnswerSchema = z.strictObject({
  settings: WidgetSettingsViewSchema,
  /** The snippet to paste into the website's HTML. */
  snippet: z.string(),
  /** Why the widget cannot show this survey now (null: it can, on the allowed origins). */
  problem: z.enum(['not_live', 'first_question', 'required_questions']).nullable(),
  /** The contact gap in force (survey's, else organisation's), in days. */
  gapDays: z.number(),
});
export type WidgetAnswer = z.infer<typeof WidgetAnswerSchema>;

// ---- The public endpoints (no session; the survey's allowed origins only) ----

/** POST /w/:slug: one prompt's answer (JSON, sent as text/plain or application/json). */
export const WidgetSubmitSchema = z.object({
  /** Idempotency key, made by the prompt once per prompt: a retry never stores twice. */
  k: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/),
  lang: z.string().max(10).optional(),
  score: z.number().int(),
  comment: z.string().max(5000).optional(),
  /** The snippet's data-location: a location code or id of the survey's organisation (unknown ones are ignored). */
  loc: z.string().max(100).optional(),
  /** The page's path (no query string, which may carry personal data), kept as the hidden field `page`. */
  page: z.string().max(2000).optional(),
});
