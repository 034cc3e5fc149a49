/**
 * The demo's support contacts (src/core/demo/support.ts), stored in the demo's transaction through the
 * same stage as a file import, so their summaries, location and customer matching and the links from
 * the customers' CSAT answers are made by the import's own code; plus SLA targets per priority.
 */
import { createRng, deriveSeed } from '../../core/demo/random.ts';
import { chooseSupportAnchors, DEMO_SLA_TARGETS, generateDemoSupportEvents } from '../../core/demo/support.ts';
import type { PoolClient } from '../connection.ts';
import { saveSlaTarget } from '../support/slaTargets.ts';
import { applyStagedEvents, createEventStage, stageEvents } from '../support/storeEvents.ts';
import type { DemoIds } from './insertDemoStructure.ts';

/** Share of the demo's CSAT answers that follow a support contact. */
const ANCHORED_SHARE = 0.6;

/** @returns events stored and support contacts made */
export async function insertDemoSupport(tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date; days: number }): Promise<{ events: number; contacts: number }> {
  const csat = ids.surveys.get('demo-csat');
  const { rows } = await tx.query<{ id: string; customer: string | null; store: string; submitted_at: Date; score: number }>(
    `/* insertDemoSupport:anchors */ select r.id, c.external_id as customer, l.code as store, r.submitted_at, a.score
       from responses r
       left join contacts c on c.org_id = r.org_id and c.id = r.contact_id
       join locations l on l.org_id = r.org_id and l.id = r.location_id
       join answers a on a.org_id = r.org_id and a.response_id = r.id and a.question_id = $3
      where r.org_id = $1 and r.survey_id = $2 and a.score is not null and l.kind = 'store'
      order by r.submitted_at, r.id`,
    [ids.orgId, csat?.id ?? null, csat?.questions.get('csat') ?? null],
  );
  const { rows: customers } = await tx.query<{ external_id: string; store: string | null }>(
    `select c.external_id, l.code as store from contacts c left join locations l on l.org_id = c.org_id and l.id = c.location_id
      where c.org_id = $1 and c.external_id is not null order by c.external_id`,
    [ids.orgId],
  );
  const { anchors, adopted } = chooseSupportAnchors(
    createRng(deriveSeed(opts.seed, 13)),
    rows.map((r) => ({ id: r.id, customerId: r.customer, store: r.store, answeredAt: r.submitted_at, score: r.score })),
    customers.map((c) => ({ externalId: c.external_id, store: c.store })),
    ANCHORED_SHARE,
  );
  // The one-off customers of anchored answers become the directory customers chosen for them.
  await tx.query(
    `/* insertDemoSupport:adopt */ update responses r set contact_key = c.external_id, contact_id = c.id
       from unnest($2::uuid[], $3::text[]) x(id, customer) join contacts c on c.org_id = $1 and c.external_id = x.customer
      where r.org_id = $1 and r.id = x.id`,
    [ids.orgId, [...adopted.keys()], [...adopted.values()]],
  );
  const events = generateDemoSupportEvents({ ...opts, anchors, customers: customers.map((c) => c.external_id) });
  await createEventStage(tx);
  await stageEvents(tx, events.map((event, i) => ({ line: i + 1, event })));
  const stored = await applyStagedEvents(tx, ids.orgId, null);
  for (const t of DEMO_SLA_TARGETS) await saveSlaTarget(tx, ids.orgId, t);
  return { events: stored.eventsAdded, contacts: stored.contactsTouched };
}
