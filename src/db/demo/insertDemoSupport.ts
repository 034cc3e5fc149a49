/**
 * The demo's support contacts (src/core/demo/support.ts), stored in the demo's transaction through the
 * same stage as a file import, so their summaries, location and customer matching and the links from
 * the customers' CSAT answers are made by the import's own code; plus SLA targets per priority.
 */
import { createRng, deriveSeed } from '../../core/demo/random.ts';
import { DEMO_SLA_TARGETS, generateDemoSupportEvents, type SupportAnchor } from '../../core/demo/support.ts';
import type { PoolClient } from '../connection.ts';
import { saveSlaTarget } from '../support/slaTargets.ts';
import { applyStagedEvents, createEventStage, stageEvents } from '../support/storeEvents.ts';
import type { DemoIds } from './insertDemoStructure.ts';

/** Share of the demo's CSAT answers by known customers that follow a support contact. */
const ANCHORED_SHARE = 0.6;

/** @returns events stored and support contacts made */
export async function insertDemoSupport(tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date; days: number }): Promise<{ events: number; contacts: number }> {
  const csat = ids.surveys.get('demo-csat');
  const { rows } = await tx.query<{ customer: string; store: string; submitted_at: Date; score: number }>(
    `/* insertDemoSupport:anchors */ select c.external_id as customer, l.code as store, r.submitted_at, a.score
       from responses r
       join contacts c on c.org_id = r.org_id and c.id = r.contact_id
       join locations l on l.org_id = r.org_id and l.id = r.location_id
       join answers a on a.org_id = r.org_id and a.response_id = r.id and a.question_id = $3
      where r.org_id = $1 and r.survey_id = $2 and a.score is not null and l.kind = 'store'
      order by r.submitted_at, r.id`,
    [ids.orgId, csat?.id ?? null, csat?.questions.get('csat') ?? null],
  );
  const rng = createRng(deriveSeed(opts.seed, 13));
  const anchors: SupportAnchor[] = rows.filter(() => rng.chance(ANCHORED_SHARE))
    .map((r) => ({ customerId: r.customer, store: r.store, answeredAt: r.submitted_at, score: r.score }));
  const { rows: customers } = await tx.query<{ external_id: string }>(
    'select external_id from contacts where org_id = $1 and external_id is not null order by external_id', [ids.orgId],
  );
  const events = generateDemoSupportEvents({ ...opts, anchors, customers: customers.map((c) => c.external_id) });
  await createEventStage(tx);
  await stageEvents(tx, events.map((event, i) => ({ line: i + 1, event })));
  const stored = await applyStagedEvents(tx, ids.orgId, null);
  for (const t of DEMO_SLA_TARGETS) await saveSlaTarget(tx, ids.orgId, t);
  return { events: stored.eventsAdded, contacts: stored.contactsTouched };
}
