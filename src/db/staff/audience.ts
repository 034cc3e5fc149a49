/** Whose answers a survey or a response holds: the anonymity gate's look-ups (src/server/staff/anonymityGate.ts). */
import type { Queryable } from '../connection.ts';
import { isUuid } from '../../core/ids.ts';

/** True when the survey (or the response's survey, or the wave's survey) of the organisation is a staff survey. */
export async function isStaffTarget(db: Queryable, orgId: string, kind: 'survey' | 'response', id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const sql =
    kind === 'survey'
      ? `/* isStaffSurvey */ select 1 from surveys where org_id = $1 and id = $2 and audience = 'staff'`
      : `/* isStaffResponse */ select 1 from responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id
          where r.org_id = $1 and r.id = $2 and s.audience = 'staff'`;
  const { rows } = await db.query(sql, [orgId, id]);
  return rows.length > 0;
}
