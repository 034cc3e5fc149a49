/**
 * The support page's reads (src/db/support/kpiQueries.ts) timed on the contacts the support import
 * benchmark stored (docs/bench.md "Support import"): each query as the page sends it, for the whole
 * organisation and for one store's manager, over the data's last 30 days and over all of it.
 */
import type pg from 'pg';
import type { Scope } from '../src/core/access/index.ts';
import {
  getSupportComplaintsByLocation, getSupportKpiGroups, getSupportKpiTrend, getSupportKpis, getSupportTimeDistribution, listSupportRepeats,
  listSupportSlaBreaches, type SupportFilter,
} from '../src/db/support/kpiQueries.ts';

export interface SupportKpiLatency {
  query: string;
  period: string;
  scope: string;
  median_ms: number;
}

const RUNS = 3;
const LIST_LIMIT = 50;

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)]);
}

/** Times every support page query on the organisation's stored contacts (SLA targets set for the benchmark's priorities). */
export async function measureSupportKpiLatency(pool: pg.Pool, orgId: string): Promise<SupportKpiLatency[]> {
  await pool.query(`insert into support_sla_targets (org_id, priority, first_response_s, resolution_s) values ($1, 'high', 1800, 14400), ($1, 'normal', 3600, 28800)
    on conflict do nothing`, [orgId]);
  const { rows } = await pool.query<{ last: string; path: string }>(
    `select (max(c.created_at) at time zone 'UTC')::date::text as last, (select l.path from locations l where l.org_id = $1 order by l.code limit 1) as path
       from support_contacts c where c.org_id = $1`, [orgId]);
  const last = rows[0].last;
  const from30 = new Date(Date.parse(`${last}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const now = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000);
  const periods: { name: string; from?: string; to?: string }[] = [{ name: 'last 30 days', from: from30, to: last }, { name: 'all' }];
  const scopes: { name: string; scope: Scope }[] = [
    { name: 'organisation', scope: { orgId, locationPaths: null } },
    { name: 'one store', scope: { orgId, locationPaths: [rows[0].path] } },
  ];
  const out: SupportKpiLatency[] = [];
  for (const s of scopes) {
    for (const p of periods) {
      const f: SupportFilter = { from: p.from, to: p.to, timeZone: 'UTC', repeatDays: 7, now };
      const queries: [string, () => Promise<unknown>][] = [
        ['kpis', () => getSupportKpis(pool, s.scope, f)],
        ['kpis by agent', () => getSupportKpiGroups(pool, s.scope, f, 'agent')],
        ['trend (week)', () => getSupportKpiTrend(pool, s.scope, f, 'week')],
        ['distribution', () => getSupportTimeDistribution(pool, s.scope, f)],
        ['repeats', () => listSupportRepeats(pool, s.scope, f, LIST_LIMIT)],
        ['sla breaches', () => listSupportSlaBreaches(pool, s.scope, f, LIST_LIMIT)],
        ['complaints', () => getSupportComplaintsByLocation(pool, s.scope, f)],
      ];
      for (const [query, run] of queries) out.push({ query, period: p.name, scope: s.name, median_ms: await medianMs(run) });
    }
  }
  return out;
}
