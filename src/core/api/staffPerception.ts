/**
 * @module The perception gap API (docs/staff.md "The perception gap"): GET /api/v1/staff/perception compares a staff
 * survey's estimate of the customers (expected NPS, CSAT, top complaints) with a customer survey's actual answers in
 * the same locations and period, per location and team (groups of 5+ staff only: src/core/staff/perception.ts).
 */
import { z } from 'zod';
import type { GapReading, PERCEPTION_THRESHOLDS } from '../staff/perception.ts';
import { Day, Uuid } from './common.ts';

/**
 * `survey`: the staff survey (default: the organisation's newest live staff survey, else its newest one);
 * `customerSurvey`: default the org's first live customer survey with an NPS question; `from`..`to`: org-local days of
 * the answers (both surveys); `location`: that location's subtree, within the caller's locations.
 */
export const StaffPerceptionQuery = z.object({
  survey: Uuid.optional(),
  customerSurvey: Uuid.optional(),
  from: Day.optional(),
  to: Day.optional(),
  location: Uuid.optional(),
});

interface SurveyRef {
  id: string;
  name: string;
  status: string;
}

export interface StaffPerceptionGroup {
  locationId: string;
  name: string;
  /** the respondents' team (a team question's option value); null: the location's staff not shown in a team */
  team: string | null;
  /** respondents in the group: never under thresholds.minGroup */
  staffN: number;
  /** the staff's estimate: NPS in points, CSAT in percent (null: nobody answered) */
  expected: { nps: number | null; csat: number | null };
  /** the customers of the location's subtree: NPS, CSAT and the responses answering either */
  actual: { nps: number | null; csat: number | null; n: number };
  /** expected - actual in points: above 0 staff are more optimistic than the customers, below more pessimistic */
  gap: { nps: number | null; csat: number | null };
  /** the gap in plain words (within +/- thresholds.alignedWithin points: aligned) */
  reading: { nps: GapReading | null; csat: GapReading | null };
  /**
   * The customers' top complaint themes and those staff named: share of the customers' negative comments carrying the
   * theme, share of the group's staff naming it (null: the staff survey does not ask), `unseen`: a top theme named by
   * fewer than thresholds.unseenBelowShare of staff;
   * `top`: among the customers' thresholds.topThemes most frequent. `name`: the theme's names by language.
   */
  complaints: Array<{ theme: string; name: Record<string, string>; customerShare: number; top: boolean; staffShare: number | null; unseen: boolean }>;
}

export interface StaffPerceptionAnswer {
  /** the surveys compared (null: the organisation has none) */
  survey: SurveyRef | null;
  customerSurvey: SurveyRef | null;
  /** what can be picked: staff surveys, and customer surveys with an NPS or CSAT question */
  surveys: { staff: SurveyRef[]; customers: SurveyRef[] };
  /** the staff survey has expected_nps, expected_csat, expected_complaints and team questions */
  asks: { nps: boolean; csat: boolean; complaints: boolean; team: boolean };
  groups: StaffPerceptionGroup[];
  /** groups of 1-4 staff that could not be merged into a parent location in view */
  hidden: number;
  thresholds: typeof PERCEPTION_THRESHOLDS;
}
