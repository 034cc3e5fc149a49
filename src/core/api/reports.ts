/**
 * @module A report's definition (docs/reports.md): the saved selection of sections, the dashboard filters
 * and a period rule. One schema for report templates (/api/v1/reports), shared links of a view or a report
 * (/api/v1/shared-links), saved views' "download PDF" and "send now". The window itself comes from the
 * period rule on the run's day (src/core/reports/period.ts) or from explicit `from`/`to` of a dashboard view.
 */
import { z } from 'zod';
import { PERIOD_RULES } from '../reports/period.ts';
import { Day, Uuid } from './common.ts';
import { FilterSchema } from './analytics.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/** In display order: what a report can hold. */
export const REPORT_SECTIONS = ['kpis', 'trend', 'breakdown', 'drivers', 'themes', 'comments', 'cases', 'audits', 'support'] as const;

/** The dashboard filters a report keeps (no period: the rule or the view's from/to gives it). */
export const ReportFiltersSchema = FilterSchema.pick({ location: true, channel: true, language: true, dim: true, sentiment: true, theme: true });

export const ReportDefinitionSchema = z.object({
  /** The survey whose KPIs, trend, breakdown, drivers, themes and comments are shown. */
  surveyId: Uuid,
  sections: z.array(z.enum(REPORT_SECTIONS)).min(1).max(REPORT_SECTIONS.length)
    .refine((s) => new Set(s).size === s.length, 'each section at most once'),
  filters: ReportFiltersSchema.default({}),
  /** A rule (last week, last month, quarter to date ...) or, for a one-off view, fixed days. */
  period: z.union([
    z.object({ rule: z.enum(PERIOD_RULES) }).strict(),
    z.object({ from: Day, to: Day }).strict().refine((p) => p.from <= p.to, 'from must not be after to'),
  ]),
  /** Comments appear only when the report (or the sharer) includes them; contact details are always removed. */
  includeComments: z.boolean().default(false),
}).strict();

export type ReportDefinition = z.infer<typeof ReportDefinitionSchema>;
export type ReportFilters = z.infer<typeof ReportFiltersSchema>;

/** The formats a report renders to. */
export const REPORT_FORMATS = ['pdf', 'html'] as const;

/** POST /api/v1/reports/render: a report of a definition as a PDF or a self-contained HTML page, in `lang` (default: the caller's). */
export const ReportRenderBody = z.object({
  definition: ReportDefinitionSchema,
  format: z.enum(REPORT_FORMATS),
  lang: z.enum(LANGUAGES).optional(),
}).strict();
