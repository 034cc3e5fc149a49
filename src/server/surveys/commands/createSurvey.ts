/** Creates a draft survey from a template, from scratch, or from a full SurveyInput. */
import crypto from 'node:crypto';
import type { Principal } from '../../../core/access/index.ts';
import { expandMatrices } from '../../../core/surveys/matrix.ts';
import { normalizeQuestion, planRevision, slugFromName, SurveyInputSchema, type SurveyInput } from '../../../core/surveys/definition.ts';
import { SURVEY_TEMPLATES, surveyFromTemplate } from '../../../core/surveys/templates.ts';
import { languageOr } from '../../../core/i18n/languages.ts';
import type { Queryable } from '../../../db/connection.ts';
import { auditSurvey, insertSurvey, orgSurveyIdBySlug, surveyFields, writeQuestions } from '../../../db/surveys/saveSurvey.ts';
import { assertSlugNotRedirecting } from '../../../db/surveys/slugHistory.ts';
import { parse } from '../../../http/validate.ts';
import { DomainError } from '../../../core/errors.ts';
import { staffRoleIssues } from '../../../core/staff/roles.ts';
import type { SurveyAudience } from '../../../core/surveys/types.ts';
import type { CreateSurveyRequest } from '../../../core/api/surveys.ts';

const randomSuffix = () => crypto.randomBytes(4).toString('hex').slice(0, 6);

/**
 * Turns the short POST form into a full SurveyInput: the template's survey (named in the creator's
 * language) or an empty survey in the creator's language.
 */
export function inputFromRequest(req: CreateSurveyRequest, locale: string): SurveyInput {
  const lang = languageOr(locale);
  if (req.template) {
    const survey = surveyFromTemplate(req.template)!;
    const template = SURVEY_TEMPLATES.find((t) => t.key === req.template)!;
    survey.name = req.name ?? template.name[lang] ?? survey.name;
    if (req.audience && req.audience !== (survey.audience ?? 'customers')) {
      throw new DomainError('validation', `audience: the ${req.template} template makes a ${survey.audience ?? 'customers'} survey`, { field: 'audience' });
    }
    if (req.slug) survey.slug = req.slug;
    return survey;
  }
  const name = req.name ?? { en: 'New survey', ru: 'Новый опрос', fa: 'نظرسنجی جدید' }[lang]!;
  return parse(SurveyInputSchema, {
    name, slug: req.slug, title: { [lang]: name }, languages: [lang], defaultLanguage: lang, audience: req.audience, questions: [],
  });
}

/**
 * Stores the survey as a draft (version 1) with its questions and an audit row, on `tx`.
 * @returns the new survey's id
 * @throws DomainError('conflict') when the slug is already taken
 */
export async function createSurvey(tx: Queryable, actor: Principal, input: SurveyInput): Promise<string> {
  const slug = input.slug ?? slugFromName(input.name, randomSuffix);
  await assertSlugNotRedirecting(tx, slug, null);
  const audience = input.audience ?? 'customers';
  assertStaffRoles(audience, input.questions);
  await assertClosedRedirect(tx, actor.orgId, input.closedRedirectSlug, null);
  const id = await insertSurvey(tx, actor.orgId, actor.userId, surveyFields(input, slug, input.template ?? null, audience));
  const questions = expandMatrices(input.questions.filter((q) => !q.archivedInVersion).map(normalizeQuestion));
  const plan = planRevision([], questions, 1, false);
  await writeQuestions(tx, actor.orgId, id, plan.questions, []);
  await auditSurvey(tx, actor.orgId, actor.userId, 'survey.create', id, { slug, template: input.template ?? null, audience, questions: questions.length });
  return id;
}

/** The staff-role rules against the survey's actual audience (the input may leave it to the stored one). */
export function assertStaffRoles(audience: SurveyAudience, questions: SurveyInput['questions']): void {
  const [issue] = staffRoleIssues(audience, questions);
  if (issue) throw new DomainError('validation', `${issue.path.join('.')}: ${issue.message}`, { field: issue.path.join('.') });
}

/**
 * The closed page's link must name another survey of the organisation (an address it does not have would
 * send respondents to "Survey not found").
 */
export async function assertClosedRedirect(tx: Queryable, orgId: string, slug: string | null | undefined, selfId: string | null): Promise<void> {
  if (!slug) return;
  const id = await orgSurveyIdBySlug(tx, orgId, slug);
  const problem = !id ? `no survey of the organisation has the address "${slug}"` : id === selfId ? 'must be another survey, not this one' : null;
  if (problem) throw new DomainError('validation', `closedRedirectSlug: ${problem}`, { field: 'closedRedirectSlug' });
}
