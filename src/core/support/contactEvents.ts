/**
 * @module The canonical support contact event (docs/import-formats.md) and the per-contact summary
 * derived from a contact's events. This is the single home of the per-contact rules of
 * ../shared/METRICS.md "Support operations metrics": the server stores the summary
 * (support_contacts), the `sarafan kpi` command computes it from a file, and both aggregate it.
 */

export const SUPPORT_EVENT_KINDS = ['created', 'agent_reply', 'customer_reply', 'auto_reply', 'solved', 'reopened', 'closed', 'assigned'] as const;
export type SupportEventKind = (typeof SUPPORT_EVENT_KINDS)[number];

export function isSupportEventKind(value: string): value is SupportEventKind {
  return (SUPPORT_EVENT_KINDS as readonly string[]).includes(value);
}

/** Attributes a contact carries; any event may give them (the latest non-empty value wins). */
export interface ContactAttributes {
  channel: string | null;
  agent: string | null;
  team: string | null;
  location: string | null;
  priority: string | null;
  category: string | null;
  subject: string | null;
  isComplaint: boolean | null;
}

/** One event of one contact, as every importer and the API produce it. */
export interface SupportEvent extends Partial<ContactAttributes> {
  ticketId: string;
  customerId: string | null;
  at: Date;
  kind: SupportEventKind;
}

/** What the KPIs need of one contact. Times are null when the contact has not reached that point. */
export interface ContactSummary extends ContactAttributes {
  ticketId: string;
  customerId: string | null;
  createdAt: Date;
  /** First agent reply at or after creation (automatic replies excluded): frt.v1. */
  firstResponseAt: Date | null;
  /** First `solved` (or a `closed` with no `solved` before it): first resolution. */
  firstSolvedAt: Date | null;
  /** Last `solved` (after reopens): full resolution; null while reopened and not solved again. */
  lastSolvedAt: Date | null;
  closedAt: Date | null;
  agentReplies: number;
  /** `reopened` events that follow a resolution. */
  reopens: number;
  /** The agent credited with the resolution: the agent on the last resolving event, else the last one assigned or replying before it. */
  solvedBy: string | null;
  /** Null when none of its events says whether it is a complaint. */
  isComplaint: boolean | null;
}

// Same-instant events are taken in the order a contact's life goes through them.
const KIND_ORDER: Record<SupportEventKind, number> = {
  created: 0, assigned: 1, auto_reply: 2, customer_reply: 3, agent_reply: 4, solved: 5, reopened: 6, closed: 7,
};

function byTime(a: SupportEvent, b: SupportEvent): number {
  return a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

const ATTRIBUTE_KEYS = ['channel', 'agent', 'team', 'location', 'priority', 'category', 'subject'] as const;

/**
 * The summary of one contact from all its events (any order; all with the same ticketId). The contact
 * starts at its first `created` event, or at its earliest event when no `created` was given.
 */
export function summariseContact(events: readonly SupportEvent[]): ContactSummary {
  if (events.length === 0) throw new Error('summariseContact: a contact needs at least one event');
  const sorted = [...events].sort(byTime);
  const created = sorted.find((e) => e.kind === 'created') ?? sorted[0];
  const attrs: ContactAttributes = { channel: null, agent: null, team: null, location: null, priority: null, category: null, subject: null, isComplaint: null };
  let customerId: string | null = null;
  let firstResponseAt: Date | null = null;
  let firstSolvedAt: Date | null = null;
  let lastSolvedAt: Date | null = null;
  let closedAt: Date | null = null;
  let agentReplies = 0;
  let reopens = 0;
  let solvedBy: string | null = null;
  let lastWorkingAgent: string | null = null;
  let resolved = false;
  for (const e of sorted) {
    if (e.customerId) customerId = e.customerId;
    for (const key of ATTRIBUTE_KEYS) {
      const value = e[key];
      if (value !== undefined && value !== null && value !== '') attrs[key] = value;
    }
    if (e.isComplaint !== undefined && e.isComplaint !== null) attrs.isComplaint = e.isComplaint;
    if (e.agent && (e.kind === 'assigned' || e.kind === 'agent_reply')) lastWorkingAgent = e.agent;
    const resolving = e.kind === 'solved' || (e.kind === 'closed' && !resolved);
    switch (e.kind) {
      case 'agent_reply':
        agentReplies += 1;
        if (firstResponseAt === null && e.at >= created.at) firstResponseAt = e.at;
        break;
      case 'reopened':
        if (resolved) {
          reopens += 1;
          resolved = false;
          lastSolvedAt = null;
        }
        break;
      case 'closed':
        closedAt = e.at;
        break;
      default:
        break;
    }
    if (resolving) {
      if (firstSolvedAt === null) firstSolvedAt = e.at;
      lastSolvedAt = e.at;
      resolved = true;
      solvedBy = e.agent || lastWorkingAgent || attrs.agent;
    }
  }
  return {
    ...attrs,
    ticketId: created.ticketId,
    customerId,
    createdAt: created.at,
    firstResponseAt,
    firstSolvedAt,
    lastSolvedAt,
    closedAt,
    agentReplies,
    reopens,
    solvedBy,
  };
}
