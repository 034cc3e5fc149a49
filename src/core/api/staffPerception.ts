/**
 * @module The perception gap API (docs/staff.md "The perception gap"): GET /api/v1/staff/perception compares a staff
 * survey's estimate of the customers (expected NPS, CSAT, top complaints) with a customer survey's actual answers in
 * the same locations and period, per location and team (groups of 5+ staff only: src/core/staff/perception.ts).
 */
import { z } from 'zod';
import type { ComplaintRow, PERCEPTION_THRESHOLDS, PerceptionGroup } from '../staff/perception.ts';
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

/**
 * One location (or a team in it) of 5+ staff: the fields of src/core/staff/perception.ts PerceptionGroup (expected and
 * actual NPS in points and CSAT in percent, the gap = expected - actual: above 0 staff are more optimistic, its
 * reading, staffN, actual.n) with each complaint theme's names by language (`name`).
 */
export type StaffPerceptionGroup = Omit<PerceptionGroup, 'complaints'> & { complaints: Array<ComplaintRow & { name: Record<string, string> }> };

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
