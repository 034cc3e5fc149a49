/** Saves a survey's website-widget settings (allowed origins, triggers) with an audit row, in one transaction. */
import type { Principal } from '../../../core/access/index.ts';
import type { WidgetSettings } from '../../../core/api/widget.ts';
import type { Queryable } from '../../../db/connection.ts';
import { auditSurvey, lockSurvey } from '../../../db/surveys/saveSurvey.ts';
import { saveWidgetSettings } from '../../../db/surveys/widgetSettings.ts';
import { notFound } from '../../../http/errors.ts';

/** @throws DomainError not_found when the survey is not the organisation's */
export async function updateWidgetSettings(tx: Queryable, actor: Principal, surveyId: string, settings: WidgetSettings): Promise<void> {
  if (!(await lockSurvey(tx, actor.orgId, surveyId))) throw notFound('Survey not found');
  await saveWidgetSettings(tx, actor.orgId, surveyId, settings);
  await auditSurvey(tx, actor.orgId, actor.userId, 'survey.widget', surveyId, settings);
}
