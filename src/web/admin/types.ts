/**
 * Answers of the admin endpoints as the dashboard reads them: the types inferred from the API contract's
 * schemas (src/core/api), which the server validates with and returns, so client and server cannot drift.
 */
import type { LocalizedText } from '../../core/surveys/types.ts';

export { INVITABLE_ROLES, ROLES as ALL_ROLES } from '../../core/access/index.ts';
export { LOCATION_KINDS } from '../../core/locations/tree.ts';
export type { Location } from '../../core/locations/tree.ts';
export type { InvitationView as InvitationRow, UserView as UserRow } from '../../core/api/users.ts';
export type {
  SurveyAnswer, SurveyDetailAnswer, SurveyLink, SurveyListItem, SurveyTemplateView as SurveyTemplate,
} from '../../core/api/surveys.ts';

/** Picks a localized text for display: the wanted language, then the fallback, then any. */
export function localized(text: LocalizedText | undefined, lang: string, fallback = 'en'): string {
  if (!text) return '';
  return text[lang] || text[fallback] || Object.values(text).find(Boolean) || '';
}
