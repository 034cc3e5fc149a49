/**
 * The demo's report (docs/reports.md): "Weekly store report" of the main survey (key figures, trend and the
 * breakdown, no comments, last week), sent every Monday at 09:00 on the organisation's clock to the location
 * managers, each of whom gets their own store's report. Owned by the demo owner.
 */
import type { PoolClient } from '../connection.ts';
import { nextRunAt } from '../../core/reports/schedule.ts';
import { insertReport, insertSchedule } from '../reports/reports.ts';
import type { DemoIds } from './insertDemoStructure.ts';

export const DEMO_REPORT_NAME = 'Weekly store report';

export async function insertDemoReports(tx: PoolClient, ids: DemoIds, opts: { now: Date; surveySlug: string; ownerEmail: string; timeZone: string }): Promise<void> {
  const survey = ids.surveys.get(opts.surveySlug);
  const { rows } = await tx.query(`/* demoReportOwner */ select id from users where org_id = $1 and email = $2`, [ids.orgId, opts.ownerEmail]);
  if (!survey || !rows[0]) return;
  const ownerId: string = rows[0].id;
  const reportId = await insertReport(tx, {
    orgId: ids.orgId, name: DEMO_REPORT_NAME, locationPath: null, ownerId,
    definition: { surveyId: survey.id, sections: ['kpis', 'trend', 'breakdown'], filters: {}, period: { rule: 'last_week' }, includeComments: false },
  });
  const rule = { frequency: 'weekly' as const, dayOfWeek: 1, dayOfMonth: null, hour: 9 };
  await insertSchedule(tx, ids.orgId, reportId, ownerId, {
    ...rule, recipients: [{ kind: 'role', role: 'location_manager' }], enabled: true, nextRunAt: nextRunAt(rule, opts.timeZone, opts.now),
  });
}
