/**
 * Live surveys by public slug, kept in memory for POST /s/:slug so a submission costs one statement.
 * An entry carries the survey's `updated_at` read *before* it was loaded; the insert stores only while
 * the survey is still live with that stamp (submitResponse `surveyStamp`), otherwise the handler
 * drops the entry and loads again. So a cached copy is never used after an edit or a close, in this
 * process or another one, and no invalidation message is needed.
 */
import type { Queryable } from '../db/connection.ts';
import { loadSurveyBySlug, type LoadedSurvey } from '../db/surveys/loadSurvey.ts';
import { getSurveyStamp } from '../db/surveys/surveyStamp.ts';

export interface StampedSurvey {
  survey: LoadedSurvey;
  /** surveys.updated_at as text (microseconds kept); null when not cached (closed surveys). */
  stamp: string | null;
}

export interface SurveyCache {
  /** The survey by slug (cached when live), or null when none. */
  get(slug: string): Promise<StampedSurvey | null>;
  /** Forgets the slug (after SurveyChangedError) and loads it afresh. */
  reload(slug: string): Promise<StampedSurvey | null>;
}

/** @param max entries kept (least recently loaded dropped first) */
export function createSurveyCache(db: Queryable, max = 1_000): SurveyCache {
  const entries = new Map<string, StampedSurvey>();
  const load = async (slug: string): Promise<StampedSurvey | null> => {
    const stamp = await getSurveyStamp(db, slug);
    const survey = stamp ? await loadSurveyBySlug(db, slug) : null;
    if (!survey) return null;
    if (survey.status !== 'live') return { survey, stamp: null };
    const entry = { survey, stamp };
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(slug, entry);
    return entry;
  };
  return {
    async get(slug) {
      return entries.get(slug) ?? load(slug);
    },
    async reload(slug) {
      entries.delete(slug);
      return load(slug);
    },
  };
}
