/**
 * Answers of the admin endpoints as the dashboard reads them: the types inferred from the API contract's
 * schemas (src/core/api), which the server validates with and returns, so client and server cannot drift.
 */
export { INVITABLE_ROLES, ROLES as ALL_ROLES } from '../../core/access/index.ts';
export type { Location } from '../../core/locations/tree.ts';
export type { InvitationView as InvitationRow, UserView as UserRow } from '../../core/api/users.ts';
export type {
  SurveyAnswer, SurveyDetailAnswer, SurveyLink, SurveyListItem, SurveyTemplateView as SurveyTemplate,
} from '../../core/api/surveys.ts';
