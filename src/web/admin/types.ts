/**
 * Response shapes of the admin endpoints, as written in docs/api.md. The server's zod schemas are
 * being written at the same time; once they export types, import them here with `import type`.
 */
import type { LocalizedText, SurveyDef, SurveyStatus } from '../../core/surveys/types.ts';

export interface SurveyListItem {
  id: string;
  slug: string;
  name: string;
  title: LocalizedText;
  status: SurveyStatus;
  languages: string[];
  defaultLanguage: string;
  questionCount: number;
  responseCount: number;
  lastResponseAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SurveyTemplate {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  survey: Omit<SurveyDef, 'id' | 'status' | 'version'>;
}

export interface SurveyResponse {
  survey: SurveyDef;
  warnings: string[];
  publicUrl?: string;
}

export interface SurveyLink {
  locationId: string | null;
  locationName: string | null;
  code: string | null;
  url: string;
}

export const LOCATION_KINDS = ['company', 'region', 'store', 'branch', 'call_center', 'team', 'other'] as const;

export interface Location {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  code: string | null;
  path: string;
  depth: number;
}

export const ALL_ROLES = ['owner', 'admin', 'analyst', 'location_manager', 'viewer'];
/** Roles an invitation can carry (owners are made at setup, not invited). */
export const INVITABLE_ROLES = ['admin', 'analyst', 'location_manager', 'viewer'];

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  locationIds: string[];
  disabled: boolean;
  createdAt: string;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: string;
  locationIds: string[];
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/** Picks a localized text for display: the wanted language, then the fallback, then any. */
export function localized(text: LocalizedText | undefined, lang: string, fallback = 'en'): string {
  if (!text) return '';
  return text[lang] || text[fallback] || Object.values(text).find(Boolean) || '';
}
