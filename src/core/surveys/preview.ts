/**
 * @module The builder's live preview: the survey as the author has it on screen (a validated SurveyInput,
 * not yet saved) turned into the SurveyDef that the respondent page renders. Pure; no I/O.
 */
import { normalizeQuestion, type SurveyInput } from './definition.ts';
import type { SurveyDef } from './types.ts';

/** Stand-in address of a draft that has none yet (the preview page posts nowhere, so it is never visited). */
export const PREVIEW_SLUG = 'preview';

/**
 * The draft as the respondent page's SurveyDef: archived questions left out, the others normalized as a save
 * would store them (NPS scale, metric boxes), so the preview shows what publishing would show.
 */
export function draftSurvey(input: SurveyInput): SurveyDef {
  return {
    id: '',
    slug: input.slug ?? PREVIEW_SLUG,
    name: input.name,
    title: input.title,
    intro: input.intro,
    thanks: input.thanks,
    languages: input.languages,
    defaultLanguage: input.defaultLanguage,
    status: 'draft',
    template: input.template ?? null,
    audience: input.audience ?? 'customers',
    version: 1,
    responseLimit: input.responseLimit ?? null,
    quotas: input.quotas ?? [],
    questions: input.questions.filter((q) => !q.archivedInVersion).map(normalizeQuestion),
  };
}

/** The language to preview in: the asked one when the survey offers it, else the survey's default. */
export function previewLanguage(survey: Pick<SurveyDef, 'languages' | 'defaultLanguage'>, asked: string | undefined): string {
  return asked && survey.languages.includes(asked) ? asked : survey.defaultLanguage;
}
