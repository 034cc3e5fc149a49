/** Moves a survey between draft, live and closed. */
import type { Principal } from '../../../core/access/index.ts';
import { DomainError } from '../../../core/errors.ts';
import type { SurveyStatus } from '../../../core/surveys/types.ts';
import type { Queryable } from '../../../db/connection.ts';
import { loadSurvey } from '../../../db/surveys/loadSurvey.ts';
import { auditSurvey, lockSurvey, setSurveyStatusRow, surveyHasResponses } from '../../../db/surveys/saveSurvey.ts';
import { surveyArchivedAt } from '../../../db/surveys/lifecycle.ts';
import { notFound } from '../../../http/errors.ts';

/** Going live is "publish" in the audit log, closing "close"; back to draft stays a plain status change. */
const STATUS_ACTIONS = { live: 'survey.publish', closed: 'survey.close', draft: 'survey.status' } as const;

/**
 * Sets the status on `tx`. Going live needs at least one active question and a survey that is not
 * archived; going back to draft is refused once answers exist (a draft allows free edits, which would break them).
 * @throws DomainError('not_found' | 'validation' | 'conflict')
 */
export async function setSurveyStatus(tx: Queryable, actor: Principal, surveyId: string, status: SurveyStatus): Promise<void> {
  if (!(await lockSurvey(tx, actor.orgId, surveyId))) throw notFound('Survey not found');
  const stored = (await loadSurvey(tx, actor.orgId, surveyId))!;
  if (stored.status === status) return;
  if (status === 'live' && !stored.questions.some((q) => !q.archivedInVersion)) {
    throw new DomainError('validation', 'questions: add at least one question before going live', { field: 'questions' });
  }
  // An archived survey is hidden from lists: it must not collect answers unseen.
  if (status === 'live' && (await surveyArchivedAt(tx, actor.orgId, surveyId))) {
    throw new DomainError('conflict', 'This survey is archived: restore it before publishing it again.');
  }
  if (status === 'draft' && (await surveyHasResponses(tx, actor.orgId, surveyId))) {
    throw new DomainError('conflict', 'This survey already has answers, so it cannot go back to draft; close it instead.');
  }
  await setSurveyStatusRow(tx, actor.orgId, surveyId, status);
  await auditSurvey(tx, actor.orgId, actor.userId, STATUS_ACTIONS[status], surveyId, { from: stored.status, to: status });
}
