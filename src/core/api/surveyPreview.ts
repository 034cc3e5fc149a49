/**
 * @module The builder's live preview API (docs/api.md "Live preview"): POST /api/v1/surveys/preview renders the
 * author's unsaved draft with the respondent page's own code and answers its HTML.
 */
import { z } from 'zod';

/** `survey` is the builder's SurveyInput as it stands (validated with SurveyInputSchema); `lang` one of its languages. */
export const SurveyPreviewRequestSchema = z.object({
  survey: z.unknown(),
  lang: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code').optional(),
});

export const SurveyPreviewAnswerSchema = z.strictObject({
  /** The respondent page (a complete document, preview mode: banner, nothing is sent). */
  html: z.string(),
  /** The language it is in (the asked one when the survey offers it, else its default). */
  lang: z.string(),
  /** 'rtl' for Persian and other right-to-left languages. */
  dir: z.enum(['ltr', 'rtl']),
});
export type SurveyPreviewAnswer = z.infer<typeof SurveyPreviewAnswerSchema>;
