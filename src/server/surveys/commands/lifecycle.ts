/** Duplicate, archive, restore and delete a survey (docs/api.md "Survey lifecycle"), each with its audit row. */
import type { Principal } from '../../../core/access/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { storedAsInput } from '../../../core/surveys/definition.ts';
import { copyName, deleteCheck } from '../../../core/surveys/lifecycle.ts';
import type { Queryable } from '../../../db/connection.ts';
import { loadSurvey } from '../../../db/surveys/loadSurvey.ts';
import { countSurveyResponses, deleteSurveyAndAnswers, setSurveyArchived, surveyArchivedAt } from '../../../db/surveys/lifecycle.ts';
import { auditSurvey, lockSurvey } from '../../../db/surveys/saveSurvey.ts';
import { notFound } from '../../../http/errors.ts';
import { createSurvey } from './createSurvey.ts';
import { groupMatrices } from '../../../core/surveys/matrix.ts';

/** Locks and loads the survey, or 404. */
async function lockedSurvey(tx: Queryable, actor: Principal, surveyId: string) {
  if (!(await lockSurvey(tx, actor.orgId, surveyId))) throw notFound('Survey not found');
  return (await loadSurvey(tx, actor.orgId, surveyId))!;
}

/**
 * A draft copy of the survey: its texts, languages and active questions, named "<name> (copy)" with a new
 * generated slug. No answers are copied.
 * @returns the copy's id
 */
export async function duplicateSurvey(tx: Queryable, actor: Principal, surveyId: string, locale: string): Promise<string> {
  const source = await loadSurvey(tx, actor.orgId, surveyId);
  if (!source) throw notFound('Survey not found');
  // Ids and versions are stripped by the schema: the copy starts at version 1 with a new generated slug. The schedule
  // belongs to the original's campaign: the copy starts unscheduled.
  const input = storedAsInput(source, {
    name: copyName(source.name, locale), slug: undefined, opensAt: undefined, closesAt: undefined, closedRedirectSlug: undefined,
    // A matrix is stored as its rows: the copy gets the grid again (expanded anew when saved).
    questions: groupMatrices(source.questions.filter((q) => !q.archivedInVersion)),
  });
  const id = await createSurvey(tx, actor, input);
  await auditSurvey(tx, actor.orgId, actor.userId, 'survey.duplicate', id, { from: surveyId });
  return id;
}

/** Archives (closing a live survey) or restores it. Repeating either is a no-op. */
export async function setArchived(tx: Queryable, actor: Principal, surveyId: string, archived: boolean): Promise<void> {
  const stored = await lockedSurvey(tx, actor, surveyId);
  if ((await surveyArchivedAt(tx, actor.orgId, surveyId) !== null) === archived) return;
  await setSurveyArchived(tx, actor.orgId, surveyId, archived);
  await auditSurvey(tx, actor.orgId, actor.userId, archived ? 'survey.archive' : 'survey.restore', surveyId, { status: stored.status });
}

/**
 * Deletes the survey, its responses, answers and rollup rows in one transaction. With answers, `confirm`
 * must be the survey's name, and the caller must see the whole organisation.
 * @throws DomainError('forbidden') for a location-limited caller when answers exist; DomainError('conflict', details {field: 'confirm', responses}) when confirmation is needed;
 *   DomainError('validation') when the typed name differs
 */
export async function deleteSurvey(tx: Queryable, actor: Principal, surveyId: string, confirm: string | undefined): Promise<{ responses: number }> {
  const stored = await lockedSurvey(tx, actor, surveyId);
  const responses = await countSurveyResponses(tx, actor.orgId, surveyId);
  // Answers outside a location-limited caller's locations are not theirs to delete.
  if (responses > 0 && actor.locationPaths !== null) {
    throw new DomainError('forbidden', 'Deleting a survey with answers needs access to the whole organisation');
  }
  const check = deleteCheck(responses, stored.name, confirm);
  if (check === 'needs_confirmation') {
    const counted = `${responses} ${responses === 1 ? 'response' : 'responses'}`;
    throw new DomainError('conflict', `confirm: this survey has ${counted}; type its name to delete ${responses === 1 ? 'it' : 'them'} with it`, {
      field: 'confirm',
      responses,
    });
  }
  if (check === 'wrong_confirmation') {
    throw new DomainError('validation', 'confirm: type the survey name exactly as shown', { field: 'confirm', responses });
  }
  await deleteSurveyAndAnswers(tx, actor.orgId, surveyId);
  await auditSurvey(tx, actor.orgId, actor.userId, 'survey.delete', surveyId, { name: stored.name, slug: stored.slug, responses });
  return { responses };
}
