/**
 * The demo's staff voice (src/core/demo/staffVoice.ts, focusSessions.ts), inside the demo's transaction: the staff
 * pulse answers by COPY before the rollups are built (anonymous: no contact, no hidden fields), and the focus groups
 * and debriefs with their findings after the action plans they link to.
 */
import type { PoolClient } from '../connection.ts';
import { copyRows, type CopyValue } from './copyRows.ts';
import type { DemoIds } from './insertDemoStructure.ts';
import { generateStaffResponses } from '../../core/demo/staffVoice.ts';
import { demoFocusSessions } from '../../core/demo/focusSessions.ts';
import { DEMO_STAFF_SLUG } from '../../core/demo/surveys.ts';
import { DEMO_TIMEZONE } from '../../core/demo/structure.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';

const RESPONSE_COLUMNS = ['org_id', 'id', 'survey_id', 'location_id', 'channel', 'language', 'hidden', 'idempotency_key', 'survey_version', 'started_at', 'submitted_at', 'duration_ms'];
const ANSWER_COLUMNS = ['org_id', 'response_id', 'question_id', 'survey_id', 'location_id', 'channel', 'language', 'submitted_at', 'score', 'choice', 'choices'];

/** The staff pulse answers; call before the rollups. @returns how many responses */
export async function insertDemoStaffResponses(tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date; days: number }): Promise<number> {
  const survey = ids.surveys.get(DEMO_STAFF_SLUG)!;
  const responses = generateStaffResponses(opts);
  const answers: CopyValue[][] = [];
  for (const r of responses) {
    for (const [key, a] of Object.entries(r.answers)) {
      answers.push([ids.orgId, r.id, survey.questions.get(key)!, survey.id, ids.locations.get(r.store)!, 'link', r.language, r.submittedAt,
        a.score ?? null, a.choice ?? null, a.choices ?? null]);
    }
  }
  const n = await copyRows(tx, 'responses', RESPONSE_COLUMNS, responses.map((r) => [
    ids.orgId, r.id, survey.id, ids.locations.get(r.store)!, 'link', r.language, {}, `demo-${r.id}`, 1,
    new Date(r.submittedAt.getTime() - r.durationMs), r.submittedAt, r.durationMs,
  ]));
  await copyRows(tx, 'answers', ANSWER_COLUMNS, answers);
  return n;
}

/** The focus groups and debriefs with their findings; call after the action plans. @returns how many sessions */
export async function insertDemoFocusSessions(tx: PoolClient, ids: DemoIds, opts: { now: Date }): Promise<number> {
  const sessions = demoFocusSessions(orgToday(DEMO_TIMEZONE, opts.now));
  for (const s of sessions) {
    const { rows } = await tx.query(
      `/* demoFocusSession */ insert into focus_sessions(org_id, kind, title, held_on, location_id, moderator, participants, questions, notes, language, created_by, created_at, updated_at)
       select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
              (select id from users where org_id = $1 and role = 'owner' order by created_at limit 1), ($4::date + time '18:00') at time zone $11, ($4::date + time '18:00') at time zone $11
       returning id`,
      [ids.orgId, s.kind, s.title, s.heldOn, ids.locations.get(s.store)!, s.moderator, JSON.stringify(s.participants), JSON.stringify(s.questions), s.notes, s.language, DEMO_TIMEZONE],
    );
    for (const f of s.findings) {
      await tx.query(
        `/* demoFocusFinding */ insert into focus_findings(org_id, session_id, text, theme, action_plan_id, created_at)
         values ($1, $2, $3, $4, (select id from action_plans where org_id = $1 and title = $5 order by created_at limit 1), ($6::date + time '19:00') at time zone $7)`,
        [ids.orgId, rows[0].id, f.text, f.theme, f.actionPlan, s.heldOn, DEMO_TIMEZONE],
      );
    }
  }
  return sessions.length;
}
