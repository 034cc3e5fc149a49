/** The demo's action plans (src/core/demo/actionPlans.ts) on the demo-nps NPS question, owned by the demo owner. */
import type { PoolClient } from '../connection.ts';
import { demoActionPlans } from '../../core/demo/actionPlans.ts';
import { DEMO_OWNER_EMAIL, DEMO_TIMEZONE } from '../../core/demo/structure.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { ensureRootCausesSeeded, listRootCauses } from '../cases/rootCauses.ts';
import { insertActionPlan } from '../cases/actionPlans.ts';
import type { DemoIds } from './insertDemoStructure.ts';

/** @returns how many plans were written */
export async function insertDemoActionPlans(tx: PoolClient, ids: DemoIds, opts: { now: Date }): Promise<number> {
  await ensureRootCausesSeeded(tx, ids.orgId);
  const causes = new Map((await listRootCauses(tx, ids.orgId)).map((c) => [c.key, c.id]));
  const { rows } = await tx.query(`/* demoOwner */ select id from users where org_id = $1 and lower(email) = $2`, [ids.orgId, DEMO_OWNER_EMAIL]);
  const owner = (rows[0]?.id as string | undefined) ?? null;
  const nps = ids.surveys.get('demo-nps')!;
  const plans = demoActionPlans(orgToday(DEMO_TIMEZONE, opts.now));
  for (const p of plans) {
    await insertActionPlan(tx, ids.orgId, owner, {
      title: p.title, description: p.description, status: p.status, ownerUserId: owner, surveyId: nps.id, questionId: nps.questions.get('nps')!,
      targetValue: p.target, locationIds: p.stores.map((s) => ids.locations.get(s)!), rootCauseId: causes.get(p.rootCause) ?? null,
      startDate: p.startDate, dueDate: p.dueDate,
    });
  }
  return plans.length;
}
