/**
 * Cases for the closed-loop report tests, inserted directly with SQL (the cases API is another helper's), and an
 * independent oracle of the definitions (docs/closed-loop.md "Case metrics") in plain JavaScript over the same
 * rows: never the production SQL.
 */
import type pg from 'pg';

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
