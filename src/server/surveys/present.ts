/** Presenters: the only shapes of survey data that leave the API. */
import { surveyWarnings } from '../../core/surveys/definition.ts';
import { groupMatrices } from '../../core/surveys/matrix.ts';
import type { SurveyDef } from '../../core/surveys/types.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import type { SurveyListRow } from '../../db/surveys/listSurveys.ts';
import type { SurveyAnswer, SurveyListItem } from '../../core/api/surveys.ts';
import { visibleAnswerCount } from '../../core/staff/anonymity.ts';

/** A survey definition without internal fields (org id). */
export function presentSurvey(s: LoadedSurvey): SurveyDef {
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    title: s.title,
    intro: s.intro,
    thanks: s.thanks,
    languages: s.languages,
    defaultLanguage: s.defaultLanguage,
    status: s.status,
    template: s.template,
    audience: s.audience ?? 'customers',
    version: s.version,
    responseLimit: s.responseLimit ?? null,
    quotas: s.quotas ?? [],
    countPartial: s.countPartial ?? false,
    opensAt: s.opensAt ?? null,
    closesAt: s.closesAt ?? null,
    closedRedirectSlug: s.closedRedirectSlug ?? null,
    randomGroups: s.randomGroups ?? [],
    // A matrix is stored as its rows; the API shows it as one question, as the builder sends it.
    questions: groupMatrices(s.questions),
  };
}

/** `{survey, warnings}` as returned by create, read and update. */
export function presentSurveyWithWarnings(s: LoadedSurvey): SurveyAnswer {
  return { survey: presentSurvey(s), warnings: surveyWarnings(s) };
}

/** A list row; a staff survey's count and last answer time only from MIN_GROUP answers up (docs/staff.md). */
export function presentSurveyListItem(r: SurveyListRow): SurveyListItem {
  const responseCount = visibleAnswerCount(r.audience, r.responseCount);
  return {
    ...r,
    responseCount,
    lastResponseAt: r.lastResponseAt && responseCount !== null ? r.lastResponseAt.toISOString() : null,
    archivedAt: r.archivedAt ? r.archivedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
