/**
 * @module Satisfaction after support contacts (docs/support.md "Surveys after a contact"): CSAT
 * answers (csat.v1) joined to the support contact they follow, by the credited agent or by the
 * contact's resolution-time bucket; and CES answers (ces.v1) by the credited agent (docs/audits.md,
 * per-agent QA next to their customers' CSAT / CES). An answer follows a contact through the invitation the contact
 * triggered, or through the link stored when history was imported (src/db/support/storeEvents.ts).
 * Scoped: only contacts in the caller's locations count.
 */
import type { Scope } from '../../core/access/index.ts';
import { metricsCsatBox } from '../../core/stats/boxes.ts';
import { computeCes, type CesDirection } from '../../core/stats/ces.ts';
import type { MetricResult } from '../../core/stats/result.ts';
import {
  creditedAgent, pooledCsat, RESOLUTION_BUCKETS, RESOLUTION_BUCKET_ORDER, type CsatPart, type ResolutionBucket, type SupportCredit,
} from '../../core/support/storing.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';
import { contactFilterSql, type SupportFilter } from './kpiQueries.ts';

export type SatisfactionGrouping = 'agent' | 'resolution';

export interface SatisfactionGroup {
  /** The credited agent (null: no agent known), or the resolution bucket. */
  key: string | null;
  /** Support contacts the answers follow. */
  contacts: number;
  /** csat.v1 of the answers that follow those contacts. */
  csat: MetricResult;
}

const RESOLUTION_SECONDS = 'extract(epoch from sc.last_solved_at - sc.created_at)';
const BUCKET_SQL = `case when sc.last_solved_at is null then 'unresolved' ${RESOLUTION_BUCKETS.map((b) => `when ${RESOLUTION_SECONDS} < ${b.maxSeconds} then '${b.key}'`).join(' ')} else 'over_3d' end`;

interface Row {
  solved_by: string | null;
  agent: string | null;
  bucket: ResolutionBucket;
  scale_min: number;
  scale_max: number;
  box_min: number | null;
  direction: CesDirection | null;
  score: number;
  answers: string;
  contacts: string[];
}

/** The answers of `metric` questions that follow support contacts in scope and in the filter, counted by contact facts, scale and score. */
async function answersAfterContacts(db: Queryable, scope: Scope, metric: 'csat' | 'ces', filter: Omit<SupportFilter, 'repeatDays' | 'now'>): Promise<Row[]> {
  const params: unknown[] = [scope.orgId, metric];
  const inScope = [locationScopeSql(scope, 'sc.location_id', params), ...contactFilterSql(filter, params, 'sc')].join(' and ');
  const { rows } = await db.query<Row>(
    `/* answersAfterContacts */ select sc.solved_by, sc.agent, ${BUCKET_SQL} as bucket, q.scale_min, q.scale_max, q.box_min, q.direction, a.score,
            count(*) as answers, array_agg(distinct sc.id::text) as contacts
       from responses r
       left join survey_invitations i on i.org_id = r.org_id and i.id = r.invitation_id
       join support_contacts sc on sc.org_id = r.org_id and sc.id = coalesce(i.support_contact_id, r.support_contact_id)
       join answers a on a.org_id = r.org_id and a.response_id = r.id and not a.excluded and a.score is not null
       join questions q on q.org_id = a.org_id and q.id = a.question_id and q.metric = $2
      where r.org_id = $1 and not r.excluded and ${inScope}
      group by 1, 2, 3, 4, 5, 6, 7, 8`,
    params,
  );
  return rows;
}

async function creditOf(db: Queryable, orgId: string): Promise<SupportCredit> {
  const { rows } = await db.query<{ support_credit: SupportCredit }>('/* supportCreditOf */ select support_credit from orgs where id = $1', [orgId]);
  return rows[0]?.support_credit ?? 'solved_by';
}

/**
 * CSAT of the answers that follow support contacts, by the agent credited with the contact (the
 * organisation's orgs.support_credit: who solved it, or the last agent) or by resolution-time bucket
 * (full resolution, created -> last solved). Answers of questions whose scale has no csat.v1 box and
 * none stored are left out. Groups without answers are not listed.
 * @param filter the contacts the answers follow (the support dashboard's filters: created in the period, location, channel, ...)
 */
export async function satisfactionAfterContacts(
  db: Queryable, scope: Scope, by: SatisfactionGrouping, filter: Omit<SupportFilter, 'repeatDays' | 'now'> = { timeZone: 'UTC' },
): Promise<SatisfactionGroup[]> {
  const rows = await answersAfterContacts(db, scope, 'csat', filter);
  const credit = await creditOf(db, scope.orgId);
  const groups = new Map<string | null, { contacts: Set<string>; parts: Map<string, CsatPart> }>();
  for (const r of rows) {
    const box = r.box_min ?? metricsCsatBox(r.scale_min, r.scale_max);
    if (box === null) continue;
    const key = by === 'agent' ? creditedAgent(credit, { solvedBy: r.solved_by, agent: r.agent }) : r.bucket;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { contacts: new Set(), parts: new Map() }));
    for (const c of r.contacts) g.contacts.add(c);
    const scaleKey = `${r.scale_min}:${r.scale_max}:${box}`;
    let part = g.parts.get(scaleKey);
    if (!part) g.parts.set(scaleKey, (part = { histogram: {}, scale: { min: r.scale_min, max: r.scale_max, box } }));
    const h = part.histogram as Record<number, number>;
    h[r.score] = (h[r.score] ?? 0) + Number(r.answers);
  }
  const out = [...groups].map(([key, g]) => ({ key, contacts: g.contacts.size, csat: pooledCsat([...g.parts.values()]) }));
  const order = (k: string | null) => (by === 'resolution' ? RESOLUTION_BUCKET_ORDER.indexOf(k as ResolutionBucket) : 0);
  return out.sort((a, b) => order(a.key) - order(b.key) || b.csat.n - a.csat.n || String(a.key).localeCompare(String(b.key)));
}

export interface CesGroup {
  /** The credited agent (null: no agent known). */
  key: string | null;
  contacts: number;
  /** ces.v1 of the answers; null when they were given on more than one scale (a mean over different scales means nothing). */
  ces: MetricResult | null;
  /** Answers counted (also when the scales differ). */
  n: number;
}

/** CES of the answers that follow support contacts, by credited agent (same filters and scope as satisfactionAfterContacts). */
export async function cesAfterContactsByAgent(db: Queryable, scope: Scope, filter: Omit<SupportFilter, 'repeatDays' | 'now'> = { timeZone: 'UTC' }): Promise<CesGroup[]> {
  const rows = await answersAfterContacts(db, scope, 'ces', filter);
  const credit = await creditOf(db, scope.orgId);
  const groups = new Map<string | null, { contacts: Set<string>; scales: Map<string, { min: number; max: number; direction: CesDirection; box: number | null; histogram: Record<number, number> }> }>();
  for (const r of rows) {
    const key = creditedAgent(credit, { solvedBy: r.solved_by, agent: r.agent });
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { contacts: new Set(), scales: new Map() }));
    for (const c of r.contacts) g.contacts.add(c);
    const direction = r.direction ?? 'higher_is_easier';
    const scaleKey = `${r.scale_min}:${r.scale_max}:${direction}:${r.box_min}`;
    let scale = g.scales.get(scaleKey);
    if (!scale) g.scales.set(scaleKey, (scale = { min: r.scale_min, max: r.scale_max, direction, box: r.box_min, histogram: {} }));
    scale.histogram[r.score] = (scale.histogram[r.score] ?? 0) + Number(r.answers);
  }
  return [...groups].map(([key, g]) => {
    const scales = [...g.scales.values()];
    const n = scales.reduce((s, x) => s + Object.values(x.histogram).reduce((a, b) => a + b, 0), 0);
    const one = scales.length === 1 ? scales[0] : null;
    const ces = one ? computeCes(one.histogram, { min: one.min, max: one.max, direction: one.direction, box: one.direction === 'higher_is_easier' && one.box !== null ? one.box : undefined }) : null;
    return { key, contacts: g.contacts.size, ces, n };
  });
}
