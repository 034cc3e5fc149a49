/** Replaces a survey's definition, following the versioning rules of src/core/surveys/revision.ts. */
import type { Principal } from '../../../core/access/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { expandMatrices } from '../../../core/surveys/matrix.ts';
import { normalizeQuestion, planRevision, type SurveyInput } from '../../../core/surveys/definition.ts';
import type { Queryable } from '../../../db/connection.ts';
import { loadSurvey } from '../../../db/surveys/loadSurvey.ts';
import {
  auditSurvey, lockSurvey, surveyFields, surveyHasResponses, updateSurvey as updateSurveyRow, writeQuestions,
} from '../../../db/surveys/saveSurvey.ts';
import { assertSlugNotRedirecting, recordSlugChange } from '../../../db/surveys/slugHistory.ts';
import { notFound } from '../../../http/errors.ts';
import { scheduleIssues } from '../../../core/surveys/schedule.ts';
import { assertClosedRedirect, assertStaffRoles } from './createSurvey.ts';

/**
 * Applies `input` to the survey on `tx`: free edits for a draft without answers; otherwise texts in
 * place, appended questions, archived removals and a version bump when the question set changed.
 * @throws DomainError('not_found') outside the organisation; DomainError('conflict') for frozen-field
 *   changes or a taken slug; DomainError('validation') when a live survey would have no questions left.
 */
export async function updateSurvey(tx: Queryable, actor: Principal, surveyId: string, input: SurveyInput) {
  if (!(await lockSurvey(tx, actor.orgId, surveyId))) throw notFound('Survey not found');
  const stored = (await loadSurvey(tx, actor.orgId, surveyId))!;
  const strict = stored.status !== 'draft' || (await surveyHasResponses(tx, actor.orgId, surveyId));
  const questions = expandMatrices(input.questions.filter((q) => !q.archivedInVersion).map(normalizeQuestion));
  if (stored.status === 'live' && questions.length === 0) {
    throw new DomainError('validation', 'questions: a live survey needs at least one question', { field: 'questions' });
  }
  const audience = input.audience ?? stored.audience ?? 'customers';
  if (audience !== (stored.audience ?? 'customers') && (await surveyHasResponses(tx, actor.orgId, surveyId))) {
    throw new DomainError('validation', 'audience: the audience cannot change once the survey has answers', { field: 'audience' });
  }
  assertStaffRoles(audience, input.questions);
  await assertClosedRedirect(tx, actor.orgId, input.closedRedirectSlug, surveyId);
  const plan = planRevision(stored.questions.map((q) => ({ ...q, id: q.id! })), questions, stored.version, strict);
  const slug = input.slug ?? stored.slug;
  if (slug !== stored.slug) {
    await assertSlugNotRedirecting(tx, slug, surveyId);
    // A draft was never public: its old address need not keep working.
    if (stored.status !== 'draft') await recordSlugChange(tx, actor.orgId, surveyId, stored.slug, slug);
  }
  const fields = surveyFields(input, slug, stored.template, audience, stored);
  // A bound sent alone is checked against the other one as stored.
  const [scheduleIssue] = scheduleIssues(fields);
  if (scheduleIssue) throw new DomainError('validation', `closesAt: ${scheduleIssue.message}`, { field: 'closesAt' });
  await updateSurveyRow(tx, actor.orgId, surveyId, fields, plan.version);
  await writeQuestions(tx, actor.orgId, surveyId, plan.questions, plan.deleteIds);
  await auditSurvey(tx, actor.orgId, actor.userId, 'survey.update', surveyId, {
    version: plan.version,
    added: plan.added,
    archived: plan.archived,
    restored: plan.restored,
    deleted: plan.deleteIds.length,
    ...(slug !== stored.slug ? { slug: { from: stored.slug, to: slug } } : {}),
    ...(audience !== stored.audience ? { audience } : {}),
  });
}
