/**
 * The demo's cases (src/core/demo/cases.ts), written in the demo's transaction after its responses: the
 * demo-nps detractors are read back, the plan is made from them, and each case is stored with its
 * timeline, root cause and compensation as if it had been worked.
 */
import type { PoolClient } from '../connection.ts';
import { planDemoCases, type DemoActor, type DemoDetractor } from '../../core/demo/cases.ts';
import { DEMO_ANALYST_EMAIL, DEMO_MANAGER_EMAIL, DEMO_OWNER_EMAIL, DEMO_TIMEZONE } from '../../core/demo/structure.ts';
import { caseDueAt } from '../../core/closedLoop/sla.ts';
import { caseMessageId, isFirstActionEvent } from '../../core/closedLoop/cases.ts';
import { insertCase, insertCaseEvent } from '../cases/openCase.ts';
import { listRootCauses } from '../cases/rootCauses.ts';
import { insertCompensation, setReplyDelivery, updateCase } from '../cases/updateCase.ts';
import type { DemoIds } from './insertDemoStructure.ts';

async function demoDetractors(tx: PoolClient, orgId: string, surveyId: string): Promise<DemoDetractor[]> {
  const { rows } = await tx.query(
    `/* demoDetractors */ select r.id, l.code, a.score, r.language, r.submitted_at,
       (select w.text from answers w join questions wq on wq.org_id = w.org_id and wq.survey_id = w.survey_id and wq.id = w.question_id
         where w.org_id = r.org_id and w.response_id = r.id and wq.key = 'why') as comment
       from answers a
       join questions q on q.org_id = a.org_id and q.survey_id = a.survey_id and q.id = a.question_id and q.key = 'nps'
       join responses r on r.org_id = a.org_id and r.id = a.response_id
       join locations l on l.org_id = r.org_id and l.id = r.location_id and l.kind = 'store'
      where a.org_id = $1 and a.survey_id = $2 and a.score <= 4`,
    [orgId, surveyId],
  );
  return rows.map((r) => ({ responseId: r.id, store: r.code, score: r.score, comment: r.comment, language: r.language, submittedAt: r.submitted_at }));
}

/** @returns how many cases were written */
export async function insertDemoCases(tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date }): Promise<number> {
  const survey = ids.surveys.get('demo-nps');
  if (!survey) return 0;
  const detractors = await demoDetractors(tx, ids.orgId, survey.id);
  const plans = planDemoCases({ seed: opts.seed, now: opts.now, detractors });
  const users = await tx.query(`/* demoCaseUsers */ select id, lower(email) as email from users where org_id = $1`, [ids.orgId]);
  const userOf = (email: string) => users.rows.find((u) => u.email === email)?.id as string | undefined;
  const actors: Record<DemoActor, string | undefined> = { owner: userOf(DEMO_OWNER_EMAIL), manager: userOf(DEMO_MANAGER_EMAIL), analyst: userOf(DEMO_ANALYST_EMAIL) };
  const causes = new Map((await listRootCauses(tx, ids.orgId)).map((c) => [c.key, c.id]));
  for (const p of plans) {
    const ownerUserId = p.owner ? (actors[p.owner] ?? null) : null;
    const c = await insertCase(tx, {
      orgId: ids.orgId, title: p.title.slice(0, 300), description: p.description, priority: p.priority, channel: p.channel,
      source: p.responseId ? { kind: 'response', id: p.responseId } : null, alertRuleId: null, contactId: null,
      customerName: p.customerName, customerEmail: p.customerEmail, customerPhone: p.customerPhone, locationId: ids.locations.get(p.store) ?? null,
      ownerUserId, teamId: null, triggerScore: p.score, triggerMetric: p.score === null ? null : 'nps',
      dueAt: caseDueAt(p.openedAt, p.priority, null, DEMO_TIMEZONE), createdBy: p.responseId ? null : (actors.owner ?? null), createdAt: p.openedAt,
    });
    let first: Date | null = null;
    let last = p.openedAt;
    for (const e of p.events) {
      const at = new Date(p.openedAt.getTime() + e.at * 60_000);
      const actor = actors[e.actor] ?? null;
      const body = e.kind === 'root_cause' ? { ...e.body, rootCauseId: causes.get(String(e.body.rootCauseKey)) ?? null } : e.body;
      const eventId = await insertCaseEvent(tx, { orgId: ids.orgId, caseId: c.id, kind: e.kind, actorUserId: actor, body, at });
      if (e.kind === 'reply_sent') await setReplyDelivery(tx, ids.orgId, eventId, { messageId: caseMessageId(c.id, eventId, 'demo.sarafan.local') });
      if (e.kind === 'compensation' && actor) {
        await insertCompensation(tx, { orgId: ids.orgId, caseId: c.id, amount: Number(e.body.amount), currency: 'RUB', kind: p.compensation!.kind, note: p.compensation!.note, givenBy: actor, at });
      }
      if (!first && isFirstActionEvent(e.kind, actor)) first = at;
      last = at;
    }
    if (first) await updateCase(tx, ids.orgId, c.id, {}, first, true);
    const resolvedAt = p.events.find((e) => e.kind === 'root_cause');
    await updateCase(tx, ids.orgId, c.id, {
      status: p.status,
      resolvedAt: resolvedAt ? new Date(p.openedAt.getTime() + resolvedAt.at * 60_000) : null,
      closedAt: p.status === 'closed' ? last : null,
      rootCauseId: p.rootCause ? (causes.get(p.rootCause) ?? null) : null,
      controllable: p.controllable,
      resolution: p.resolution,
    }, last, false);
  }
  return plans.length;
}
