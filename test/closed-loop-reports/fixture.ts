/**
 * Cases for the closed-loop report tests, inserted directly with SQL (the cases API is another helper's), and an
 * independent oracle of the definitions (docs/closed-loop.md "Case metrics") in plain JavaScript over the same
 * rows: never the production SQL.
 */
import type pg from 'pg';
import { ensureRootCausesSeeded, listRootCauses } from '../../src/db/cases/rootCauses.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { buildLocation, buildUser } from '../helpers/app.ts';

export interface FixtureCase {
  n: number;
  store: string | null;
  created: string;
  /** Minutes after creation; null: none. */
  fa?: number | null;
  resolvedMin?: number | null;
  dueMin?: number | null;
  status: 'new' | 'in_progress' | 'waiting_customer' | 'resolved' | 'closed';
  cause?: string | null;
  controllable?: boolean | null;
  trigger?: { metric: string; score: number } | null;
  recovery?: number | null;
  responseId?: string | null;
}

const MIN = 60_000;

export async function insertCases(pool: pg.Pool, orgId: string, stores: Record<string, string>, causes: Record<string, string>, rows: readonly FixtureCase[]): Promise<Record<number, string>> {
  const ids: Record<number, string> = {};
  for (const c of rows) {
    const at = new Date(c.created);
    const plus = (m: number | null | undefined) => (m === null || m === undefined ? null : new Date(at.getTime() + m * MIN));
    const { rows: r } = await pool.query(
      `insert into cases(org_id, number, title, status, channel, location_id, created_at, first_action_at, resolved_at, due_at, root_cause_id, controllable,
         trigger_metric, trigger_score, recovery_score, response_id, source_kind)
       values ($1, $2, $3, $4, 'survey', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, case when $15::uuid is null then null else 'response' end) returning id`,
      [orgId, c.n, `Case ${c.n}`, c.status, c.store ? stores[c.store] : null, at, plus(c.fa), plus(c.resolvedMin), plus(c.dueMin),
        c.cause ? causes[c.cause] : null, c.controllable ?? null, c.trigger?.metric ?? null, c.trigger?.score ?? null, c.recovery ?? null, c.responseId ?? null],
    );
    ids[c.n] = r[0].id;
  }
  return ids;
}

export async function insertCompensation(pool: pg.Pool, orgId: string, caseId: string, givenBy: string, amount: number, currency: string, at: string) {
  await pool.query(
    `insert into case_compensations(org_id, case_id, amount, currency, given_by, given_at) values ($1, $2, $3, $4, $5, $6)`,
    [orgId, caseId, amount, currency, givenBy, at],
  );
}

/** PostgreSQL's percentile_cont, written out: linear interpolation between the closest ranks. */
export function percentile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  // to the millisecond, as the API reports times
  return Math.round((s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo)) * 1000) / 1000;
}

/** The metrics of `rows` over [from, to) instants by the definitions. */
export function expectedMetrics(rows: readonly FixtureCase[], from: Date, to: Date, now: Date) {
  const t = (c: FixtureCase) => new Date(c.created).getTime();
  const inP = (ms: number) => ms >= from.getTime() && ms < to.getTime();
  const created = rows.filter((c) => inP(t(c)));
  const resolved = rows.filter((c) => c.resolvedMin != null && ['resolved', 'closed'].includes(c.status) && inP(t(c) + c.resolvedMin * MIN));
  const fa = created.filter((c) => c.fa != null).map((c) => c.fa! * 60);
  const res = resolved.map((c) => c.resolvedMin! * 60);
  const judged = resolved.filter((c) => c.dueMin != null);
  const open = rows.filter((c) => ['new', 'in_progress', 'waiting_customer'].includes(c.status));
  return {
    created: created.length,
    resolved: resolved.length,
    fa: { n: fa.length, median_s: percentile(fa, 0.5), p90_s: percentile(fa, 0.9) },
    res: { n: res.length, median_s: percentile(res, 0.5), p90_s: percentile(res, 0.9) },
    slaJudged: judged.length,
    slaMet: judged.filter((c) => c.resolvedMin! <= c.dueMin!).length,
    open: open.length,
    overdue: open.filter((c) => c.dueMin != null && t(c) + c.dueMin * MIN < now.getTime()).length,
  };
}

/**
 * An organisation for the page tests: stores A and B, an admin and A's manager, March 2026 cases with root causes
 * and compensation, and NPS answers at store A that improve after 1 March (the plan's start).
 */
export async function seedClosedLoopOrg(server: { pool: pg.Pool; baseUrl: string }, domain: string) {
  const org = await buildAnalyticsOrg(server.pool, `Closed Loop ${domain}`);
  const stores = {
    A: (await buildLocation(server.pool, org.orgId, org.root, 'store', 'Store A')).id,
    B: (await buildLocation(server.pool, org.orgId, org.root, 'store', 'Store B')).id,
  };
  const adminId = await buildUser(server.pool, org.orgId, 'admin', `admin@${domain}`);
  await buildUser(server.pool, org.orgId, 'location_manager', `a@${domain}`, [stores.A]);
  await ensureRootCausesSeeded(server.pool, org.orgId);
  const causes = Object.fromEntries((await listRootCauses(server.pool, org.orgId)).map((c) => [c.key, c.id]));
  const H = 60;
  const cases: FixtureCase[] = [
    { n: 1, store: 'A', created: '2026-03-02T09:00:00Z', fa: 30, resolvedMin: 2 * H, dueMin: 4 * H, status: 'resolved', cause: 'staff_behaviour', controllable: true, trigger: { metric: 'nps', score: 3 }, recovery: 9 },
    { n: 2, store: 'A', created: '2026-03-03T09:00:00Z', fa: 60, resolvedMin: 10 * H, dueMin: 8 * H, status: 'closed', cause: 'staff_behaviour', controllable: true, trigger: { metric: 'nps', score: 5 }, recovery: 6 },
    { n: 3, store: 'A', created: '2026-03-05T09:00:00Z', fa: 10, resolvedMin: 1 * H, dueMin: 4 * H, status: 'resolved', cause: 'price', controllable: false },
    { n: 4, store: 'B', created: '2026-03-06T09:00:00Z', fa: 120, resolvedMin: 5 * H, dueMin: 4 * H, status: 'resolved', cause: 'staff_behaviour' },
    { n: 5, store: 'B', created: '2026-03-10T09:00:00Z', fa: null, dueMin: 24 * H, status: 'new' },
    { n: 6, store: 'B', created: '2026-03-12T09:00:00Z', fa: 45, resolvedMin: 3 * H, dueMin: 4 * H, status: 'resolved', cause: 'delivery' },
  ];
  const ids = await insertCases(server.pool, org.orgId, stores, causes, cases);
  await insertCompensation(server.pool, org.orgId, ids[1], adminId, 500, 'RUB', '2026-03-02T11:00:00Z');
  await insertCompensation(server.pool, org.orgId, ids[4], adminId, 1200, 'RUB', '2026-03-06T14:00:00Z');
  const survey = await seedSurvey(server.pool, org.orgId, [{ key: 'nps', type: 'nps', text: { en: 'Would you recommend us?', ru: 'Порекомендуете нас?', fa: 'ما را توصیه می‌کنید؟' } }]);
  const at = (day: string, locationId: string) => (score: number) => ({ locationId, at: `${day}T10:00:00Z`, answers: { nps: { score } } });
  const scores = (spec: Array<[number, number]>) => spec.flatMap(([s, n]) => Array<number>(n).fill(s));
  await seedResponses(server.pool, org.orgId, survey.surveyId, survey.ids, scores([[9, 10], [7, 10], [3, 20]]).map(at('2026-02-20', stores.A)));
  await seedResponses(server.pool, org.orgId, survey.surveyId, survey.ids, scores([[10, 25], [8, 10], [0, 5]]).map(at('2026-03-05', stores.A)));
  return { orgId: org.orgId, stores, causes, adminId, survey };
}
