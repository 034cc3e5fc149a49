/**
 * Answers of the analytics API (docs/api.md "Analytics") as the dashboard reads them: the types inferred
 * from the API contract's schemas (src/core/api/analytics.ts), which the server returns.
 */
export type { MetricResult } from '../../core/stats/index.ts';
export type { SurveyDef } from '../../core/surveys/types.ts';
export type { QualityReason } from '../../core/quality/reasons.ts';
export type {
  BreakdownAnswer, BreakdownRow, Comment, CompareAnswer, CompareSide, DriversAnswer, HeatmapAnswer, OverviewSurvey, QualityAnswer,
  SummaryAnswer as Summary, SummaryQuestion, TrendAnswer,
} from '../../core/api/analytics.ts';
export type { Location } from '../admin/types.ts';
