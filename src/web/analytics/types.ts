/** Shapes of the Analytics API answers (docs/api.md "Analytics"), as the dashboard reads them. */
import type { ComparisonResult, MetricResult } from '../../core/stats/index.ts';
import type { CsiBreakdown } from '../../core/stats/csi.ts';
import type { LocalizedText, SurveyDef } from '../../core/surveys/types.ts';

export type { MetricResult, SurveyDef, LocalizedText };

export interface OverviewSurvey {
  surveyId: string;
  name: string;
  slug: string;
  status: 'draft' | 'live' | 'closed';
  responses: number;
  /** `nps.details.skipped`: respondents who skipped it (null: unknown); `csi` for CSI surveys (stated importance). */
  metrics: { nps?: MetricResult; csat?: MetricResult; ces?: MetricResult; csi?: MetricResult };
}

export interface SummaryQuestion {
  questionId: string;
  key: string;
  type: string;
  metric: string;
  /** The CSI attribute a csi_satisfaction / csi_importance question rates. */
  attribute?: string;
  text: LocalizedText;
  scale: { min: number; max: number } | null;
  archived?: boolean;
  result: MetricResult | null;
  distribution: { score: number; n: number }[];
  choices?: { value: string; n: number }[];
}

export interface Summary {
  responses: number;
  source: 'rollup' | 'raw';
  questions: SummaryQuestion[];
  csi?: MetricResult & { breakdown?: CsiBreakdown };
}

export interface TrendAnswer {
  interval: string;
  /** `partial`: the period is not wholly inside the window (cut by from/to, or still running). */
  points: { period: string; partial: boolean; result: MetricResult | null }[];
}

export interface BreakdownRow {
  key: string;
  label: string;
  hasChildren?: boolean;
  result: MetricResult | null;
}

export interface BreakdownAnswer {
  by: string;
  rows: BreakdownRow[];
}

export interface HeatmapAnswer {
  columns: { questionId: string; key: string; metric: string; text: LocalizedText }[];
  rows: { locationId: string; name: string; cells: Record<string, MetricResult | null> }[];
}

/** What one side of a comparison is (docs/api.md, compare `sides`). */
export interface CompareSide {
  kind: 'all' | 'scope' | 'location' | 'rest_of_all' | 'rest_of_scope' | 'rest_of_location' | 'rest_of_company';
  location: { id: string; name: string } | null;
  without: { id: string; name: string } | null;
  from: string | null;
  to: string | null;
  segments: { key: string; value: string }[];
}

export interface CompareAnswer {
  a: MetricResult;
  b: MetricResult;
  /** diff = a - b with its test, p-value and, when it cannot be significant, a reason (docs/api.md "compare"). */
  change: ComparisonResult;
  sides?: { a: CompareSide; b: CompareSide };
}

export interface DriversAnswer {
  definition: string;
  n: number;
  r2: number;
  drivers: { questionId: string; key: string; name: string | LocalizedText; text?: LocalizedText; importance: number; pctOfR2: number; performance: number; quadrant: string }[];
  /** CSI weighted by these drivers, when the survey's CSI attributes were rated without stated importance. */
  csi?: MetricResult & { breakdown?: CsiBreakdown };
}

export interface Comment {
  responseId: string;
  questionKey: string;
  text: string;
  score: number | null;
  group: 'detractor' | 'passive' | 'promoter' | null;
  submittedAt: string;
  locationName: string | null;
  language: string;
  channel: string;
}

export type QualityReason = 'missing_required' | 'straight_lining' | 'duplicate_contact' | 'speeder';

export interface QualityAnswer {
  rules: { speederMs: number } & Record<string, unknown>;
  flagged: {
    responseId: string;
    submittedAt: string;
    locationName: string | null;
    reasons: QualityReason[];
    excluded: boolean;
    exclusionReason: string | null;
  }[];
}

export type { Location, SurveyListItem } from '../admin/types.ts';
