/**
 * @module Support KPIs from contact summaries (../shared/METRICS.md "Support operations metrics";
 * docs/support.md "KPI definitions"). The SQL of the support page mirrors these definitions.
 *
 * Exports: `percentileCont`, `parseDuration`, `REPEAT_WINDOW_MAX_DAYS`, `repeatWindowProblem`, `repeatFlags`, `supportKpis`, `SupportKpis`, `SlaTarget`,
 * `SlaResult`, `KpiOptions`, `KPI_GROUPS`, `KpiGroup`, `groupKey`, `supportKpisByGroup`, `GroupKpis`.
 */
import type { ContactSummary } from './contactEvents.ts';

/**
 * The p-quantile (0..1) of `values` by linear interpolation between the closest ranks, exactly as
 * PostgreSQL's `percentile_cont(p) within group (order by v)`: with the n values sorted, the position
 * is p * (n - 1); between the values at floor and ceil of it the result is interpolated linearly.
 * @returns null for no values
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * A duration written as `7d`, `48h`, `30m`, `90s`, `2w`, or a bare number in `bareUnit` (`14` = 14 days
 * by default), in seconds.
 * @returns null when the text is no positive duration
 */
/** A time in seconds as reported (CLI and API): milliseconds at most, the interpolation's float noise dropped. */
export function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export function parseDuration(text: string, bareUnit: 's' | 'm' | 'h' | 'd' | 'w' | null = 'd'): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhdw])?\s*$/i.exec(text);
  if (!m) return null;
  const unit = m[2]?.toLowerCase() ?? bareUnit;
  if (unit === null) return null;
  const seconds = Number(m[1]) * UNIT_SECONDS[unit];
  return seconds > 0 ? seconds : null;
}

/** The longest repeat-contact window, in days: the CLI (`--repeat-window`) and the API (`repeatWindow`) refuse longer ones. */
export const REPEAT_WINDOW_MAX_DAYS = 90;

/** Why a repeat-contact window of `seconds` is refused (longer than REPEAT_WINDOW_MAX_DAYS), or null when it is usable. */
export function repeatWindowProblem(seconds: number): string | null {
  return seconds > REPEAT_WINDOW_MAX_DAYS * 86_400 ? `at most ${REPEAT_WINDOW_MAX_DAYS}d` : null;
}

/**
 * For each contact (same order): true when the same customer's next contact (contacts ordered by
 * creation, then ticket id) was created at most `windowSeconds` after this one's creation; false when
 * not; null when the contact has no customer (it cannot tell). repeat.v1.
 */
export function repeatFlags(contacts: readonly ContactSummary[], windowSeconds: number): (boolean | null)[] {
  const byCustomer = new Map<string, number[]>();
  contacts.forEach((c, i) => {
    if (c.customerId === null) return;
    const list = byCustomer.get(c.customerId);
    if (list) list.push(i);
    else byCustomer.set(c.customerId, [i]);
  });
  const flags: (boolean | null)[] = contacts.map((c) => (c.customerId === null ? null : false));
  for (const list of byCustomer.values()) {
    list.sort((a, b) => contacts[a].createdAt.getTime() - contacts[b].createdAt.getTime() || (contacts[a].ticketId < contacts[b].ticketId ? -1 : contacts[a].ticketId > contacts[b].ticketId ? 1 : 0));
    for (let k = 0; k + 1 < list.length; k++) {
      const gap = contacts[list[k + 1]].createdAt.getTime() - contacts[list[k]].createdAt.getTime();
      flags[list[k]] = gap <= windowSeconds * 1000;
    }
  }
  return flags;
}

/** Targets of one priority, in seconds; null: no target of that kind. */
export interface SlaTarget {
  priority: string;
  firstResponseS: number | null;
  resolutionS: number | null;
}

export interface SlaResult {
  priority: string;
  /** Contacts of the priority whose outcome is known (see supportKpis). */
  judged: number;
  met: number;
  /** met / judged; null when none is judged. */
  attainment: number | null;
}

export interface KpiOptions {
  /** One flag per contact (repeatFlags); the window in seconds, part of the metric's label. */
  repeats: readonly (boolean | null)[];
  repeatWindowS: number;
  /** False when the source says nothing about complaints: `complaints` is then null. */
  complaintsKnown: boolean;
  slaTargets?: readonly SlaTarget[];
  /** The instant the data is as of (SLA: a contact still waiting past its target is a breach). */
  asOf?: Date;
  /** Seconds between two instants: wall-clock by default; business hours with businessSeconds (businessHours.ts). */
  elapsed?: (from: Date, to: Date) => number;
}

/** The KPIs of a set of contacts; times in seconds, rates 0..1, null where the data cannot tell. */
export interface SupportKpis {
  contacts: number;
  /** Contacts solved at least once. */
  solved: number;
  first_response_median_s: number | null;
  first_response_p90_s: number | null;
  first_response_mean_s: number | null;
  first_resolution_median_s: number | null;
  first_resolution_p90_s: number | null;
  first_resolution_mean_s: number | null;
  /** Full resolution (created -> last solve, of contacts solved now). */
  resolution_median_s: number | null;
  resolution_p90_s: number | null;
  resolution_mean_s: number | null;
  reopen_rate: number | null;
  one_touch_rate: number | null;
  repeat_contact_rate: number | null;
  repeat_window_s: number;
  complaints: number | null;
  sla: SlaResult[] | null;
}

const wallSeconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;
const mean = (v: readonly number[]) => (v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length);
const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/**
 * One contact against its priority's targets: true met, false breached, null not yet known. A target
 * is met when the time is at most the target; a contact that has not reached the point yet is a breach
 * once `asOf` is past the target, else not yet known. A contact meets its SLA when every given target
 * is met (full resolution for the resolution target).
 */
function slaOutcome(c: ContactSummary, t: SlaTarget, asOf: Date | undefined, seconds: (from: Date, to: Date) => number): boolean | null {
  const outcomes: (boolean | null)[] = [];
  const check = (target: number | null, reached: Date | null) => {
    if (target === null) return;
    if (reached) outcomes.push(seconds(c.createdAt, reached) <= target);
    else outcomes.push(asOf && seconds(c.createdAt, asOf) > target ? false : null);
  };
  check(t.firstResponseS, c.firstResponseAt);
  check(t.resolutionS, c.lastSolvedAt);
  if (outcomes.includes(false)) return false;
  if (outcomes.length === 0 || outcomes.includes(null)) return null;
  return true;
}

/** The KPIs of `contacts` (docs/support.md "KPI definitions"). */
export function supportKpis(contacts: readonly ContactSummary[], options: KpiOptions): SupportKpis {
  const seconds = options.elapsed ?? wallSeconds;
  const firstResponse: number[] = [];
  const firstResolution: number[] = [];
  const fullResolution: number[] = [];
  let solved = 0;
  let reopened = 0;
  let oneTouch = 0;
  let repeatKnown = 0;
  let repeated = 0;
  let complaints = 0;
  contacts.forEach((c, i) => {
    if (c.firstResponseAt) firstResponse.push(seconds(c.createdAt, c.firstResponseAt));
    if (c.firstSolvedAt) {
      solved += 1;
      firstResolution.push(seconds(c.createdAt, c.firstSolvedAt));
      if (c.reopens > 0) reopened += 1;
      if (c.agentReplies === 1) oneTouch += 1;
    }
    if (c.lastSolvedAt) fullResolution.push(seconds(c.createdAt, c.lastSolvedAt));
    const r = options.repeats[i];
    if (r !== null && r !== undefined) {
      repeatKnown += 1;
      if (r) repeated += 1;
    }
    if (c.isComplaint) complaints += 1;
  });
  const sla = options.slaTargets?.length
    ? options.slaTargets.map((t) => {
        let judged = 0;
        let met = 0;
        for (const c of contacts) {
          if (c.priority !== t.priority) continue;
          const outcome = slaOutcome(c, t, options.asOf, seconds);
          if (outcome === null) continue;
          judged += 1;
          if (outcome) met += 1;
        }
        return { priority: t.priority, judged, met, attainment: ratio(met, judged) };
      })
    : null;
  return {
    contacts: contacts.length,
    solved,
    first_response_median_s: percentileCont(firstResponse, 0.5),
    first_response_p90_s: percentileCont(firstResponse, 0.9),
    first_response_mean_s: mean(firstResponse),
    first_resolution_median_s: percentileCont(firstResolution, 0.5),
    first_resolution_p90_s: percentileCont(firstResolution, 0.9),
    first_resolution_mean_s: mean(firstResolution),
    resolution_median_s: percentileCont(fullResolution, 0.5),
    resolution_p90_s: percentileCont(fullResolution, 0.9),
    resolution_mean_s: mean(fullResolution),
    reopen_rate: ratio(reopened, solved),
    one_touch_rate: ratio(oneTouch, solved),
    repeat_contact_rate: ratio(repeated, repeatKnown),
    repeat_window_s: options.repeatWindowS,
    complaints: options.complaintsKnown ? complaints : null,
    sla,
  };
}

export const KPI_GROUPS = ['team', 'agent', 'channel', 'location', 'category', 'priority', 'month'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** The group of a contact: its attribute, or for `month` the month of its creation in `timeZone` (YYYY-MM). */
export function groupKey(c: ContactSummary, by: KpiGroup, timeZone: string): string | null {
  if (by !== 'month') return c[by];
  let f = monthFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    monthFormats.set(timeZone, f);
  }
  const parts = f.formatToParts(c.createdAt);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

export interface GroupKpis extends SupportKpis {
  /** The group's value; null for contacts without one. */
  group: string | null;
}

/**
 * The KPIs per group, most contacts first (then by group name, the group without a value last). Repeat
 * contacts are found over all contacts (a customer's next contact may be in another group).
 */
export function supportKpisByGroup(contacts: readonly ContactSummary[], by: KpiGroup, timeZone: string, options: KpiOptions): GroupKpis[] {
  const groups = new Map<string | null, number[]>();
  contacts.forEach((c, i) => {
    const key = groupKey(c, by, timeZone);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const out: GroupKpis[] = [];
  for (const [group, idx] of groups) {
    const kpis = supportKpis(idx.map((i) => contacts[i]), { ...options, repeats: idx.map((i) => options.repeats[i]) });
    out.push({ group, ...kpis });
  }
  return out.sort((a, b) => b.contacts - a.contacts || (a.group === null ? 1 : b.group === null ? -1 : a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
