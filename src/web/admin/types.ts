/**
 * Response shapes of the admin endpoints (docs/api.md). Survey shapes come from the server's schema
 * (`import type` only, so client and server cannot drift); the others are written here after docs/api.md.
 */
import type { LocalizedText, SurveyDef } from '../../core/surveys/types.ts';
import type { SurveyResponse as SurveyAnswer } from '../../server/surveys/schema.ts';

export type { SurveyLink, SurveyListItem } from '../../server/surveys/schema.ts';

export interface SurveyTemplate {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  survey: Omit<SurveyDef, 'id' | 'status' | 'version'>;
}

/** GET /surveys/:id adds the public URL to what create and update answer. */
/** GET /surveys/:id adds the public URL, the earlier addresses that redirect and the archive time. */
export type SurveyResponse = SurveyAnswer & { publicUrl?: string; earlierSlugs?: string[]; archivedAt?: string | null };

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
