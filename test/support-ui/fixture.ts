/**
 * Support contacts for the dashboard tests, inserted directly with SQL, and an independent oracle of the
 * KPI definitions (../shared/METRICS.md, docs/support.md) written in plain JavaScript over the same rows:
 * never the production SQL.
 */
import type pg from 'pg';

export interface FixtureContact {
  ext: string;
  customer: string | null;
  /** Key of the fixture's locations, or null (matched to no location). */
  store: string | null;
  channel: string;
  team: string;
  agent: string;
  priority: string;
  category: string;
  subject?: string;
  /** Absent: not a complaint; null: the source says nothing about complaints (unknown). */
  complaint?: boolean | null;
  at: string;
  /** Minutes after creation; null: not reached. */
  fr: number | null;
  fs: number | null;
  ls: number | null;
  replies: number;
  reopens: number;
}

export const MIN = 60;

export async function insertContacts(pool: pg.Pool, orgId: string, stores: Record<string, string>, rows: readonly FixtureContact[]) {
  for (const c of rows) {
    const at = new Date(c.at);
    const plus = (m: number | null) => (m === null ? null : new Date(at.getTime() + m * 60_000));
    await pool.query(
      `insert into support_contacts(org_id, external_id, customer_key, channel, agent, team, location_id, location_label, priority, category, subject,
         is_complaint, created_at, first_response_at, first_solved_at, last_solved_at, agent_replies, reopens, solved_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $5)`,
      [orgId, c.ext, c.customer, c.channel, c.agent, c.team, c.store ? stores[c.store] : null, c.store ?? 'Unknown shop', c.priority, c.category,
        c.subject ?? `About ${c.category}`, c.complaint === undefined ? false : c.complaint, at, plus(c.fr), plus(c.fs), plus(c.ls), c.replies, c.reopens],
    );
  }
}

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
export function percentile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export interface SlaTargetFixture {
  fr: number | null;
  res: number | null;
}

/**
 * The KPIs of `rows` by the definitions, where `visible` is every contact the caller may see (the next
 * contact of a customer is looked for among them) and `now` the instant SLA targets are judged at.
 */
export function expectedKpis(rows: readonly FixtureContact[], visible: readonly FixtureContact[], targets: Record<string, SlaTargetFixture>, now: Date, windowDays = 7) {
  const t = (c: FixtureContact) => new Date(c.at).getTime();
  const frs = rows.filter((c) => c.fr !== null).map((c) => c.fr! * MIN);
  const res = rows.filter((c) => c.fs !== null).map((c) => c.fs! * MIN);
  const full = rows.filter((c) => c.ls !== null).map((c) => c.ls! * MIN);
  const solved = rows.filter((c) => c.fs !== null);
  const reopened = rows.filter((c) => c.reopens >= 1).length;
  const oneTouch = solved.filter((c) => c.replies === 1).length;
  const withCustomer = rows.filter((c) => c.customer !== null);
  const repeats = withCustomer.filter((c) => {
    const later = visible.filter((o) => o.customer === c.customer && o !== c && (t(o) > t(c) || (t(o) === t(c) && o.ext > c.ext)));
    const next = Math.min(...later.map(t));
    return later.length > 0 && next - t(c) <= windowDays * 86_400_000;
  }).length;
  let met = 0;
  let missed = 0;
  for (const c of rows) {
    const target = targets[c.priority];
    if (!target) continue;
    const elapsed = (now.getTime() - t(c)) / 1000;
    const state = (reached: number | null, limit: number | null) =>
      limit === null ? 'none' : reached !== null ? (reached * MIN <= limit ? 'met' : 'missed') : elapsed > limit ? 'missed' : 'pending';
    const a = state(c.fr, target.fr);
    const b = state(c.ls, target.res);
    if (a === 'missed' || b === 'missed') missed++;
    else if (a !== 'pending' && b !== 'pending') met++;
  }
  const share = (x: number, n: number) => (n ? x / n : null);
  return {
    contacts: rows.length,
    first_response_median_s: percentile(frs, 0.5),
    first_response_p90_s: percentile(frs, 0.9),
    first_response_mean_s: mean(frs),
    first_resolution_median_s: percentile(res, 0.5),
    first_resolution_p90_s: percentile(res, 0.9),
    first_resolution_mean_s: mean(res),
    resolution_median_s: percentile(full, 0.5),
    resolution_p90_s: percentile(full, 0.9),
    resolution_mean_s: mean(full),
    responded: frs.length,
    solved: solved.length,
    reopened,
    reopen_rate: share(reopened, solved.length),
    one_touch: oneTouch,
    one_touch_rate: share(oneTouch, solved.length),
    repeat_base: withCustomer.length,
    repeats,
    repeat_contact_rate: share(repeats, withCustomer.length),
    repeat_window_s: windowDays * 86_400,
    repeat_metric: `repeat_${windowDays}d`,
    complaints: rows.some((c) => c.complaint !== null) ? rows.filter((c) => c.complaint).length : null,
    sla_judged: met + missed,
    sla_met: met,
    sla_attainment: share(met, met + missed),
  };
}

/** Floats to 6 digits, so SQL and JavaScript arithmetic compare equal. */
export function rounded(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(6)) : v]));
}
