/** @module Cases as the API answers them (src/core/api/cases.ts). */
import type { CaseAnswer, CaseListItem, CaseSource } from '../../core/api/cases.ts';
import { isOverdue } from '../../core/closedLoop/sla.ts';
import { isOpenStatus } from '../../core/closedLoop/model.ts';
import type { CaseListRow } from '../../db/cases/listCases.ts';
import type { CaseEventRow, CaseRow, CaseSourceRow, CompensationRow } from '../../db/cases/getCase.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCaseListItem(r: CaseListRow, now: Date): CaseListItem {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    priority: r.priority,
    channel: r.channel,
    customerName: r.customerName,
    location: r.locationId ? { id: r.locationId, name: r.locationName ?? '' } : null,
    owner: r.ownerUserId ? { id: r.ownerUserId, name: r.ownerName ?? '' } : null,
    team: r.teamId ? { id: r.teamId, name: r.teamName ?? '' } : null,
    dueAt: iso(r.dueAt),
    overdue: isOverdue({ dueAt: r.dueAt, open: isOpenStatus(r.status) }, now),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function presentSource(s: CaseSourceRow | null): CaseSource | null {
  if (!s) return null;
  if (s.kind === 'response') return { ...s, at: s.at.toISOString() };
  if (s.kind === 'feedback_message') return { ...s, at: s.at.toISOString() };
  return { ...s, at: iso(s.at) };
}

export function presentCase(
  c: CaseRow,
  parts: { events: CaseEventRow[]; compensations: CompensationRow[]; source: CaseSourceRow | null; abilities: CaseAnswer['abilities'] },
  now: Date,
): CaseAnswer {
  // select c.* brings every column; the list item takes only its own.
  const { id, number, title, status, priority, channel, customerName, locationId, locationName, ownerUserId, ownerName, teamId, teamName, dueAt, createdAt, updatedAt } = c;
  return {
    ...presentCaseListItem({ id, number, title, status, priority, channel, customerName, locationId, locationName, ownerUserId, ownerName, teamId, teamName, dueAt, createdAt, updatedAt }, now),
    description: c.description,
    customerEmail: c.customerEmail,
    customerPhone: c.customerPhone,
    source: presentSource(parts.source),
    triggerScore: c.triggerScore,
    rootCause: c.rootCauseId ? { id: c.rootCauseId, key: c.rootCauseKey ?? '', name: c.rootCauseName ?? {} } : null,
    controllable: c.controllable,
    resolution: c.resolution,
    firstActionAt: iso(c.firstActionAt),
    resolvedAt: iso(c.resolvedAt),
    closedAt: iso(c.closedAt),
    escalationLevel: c.escalationLevel,
    events: parts.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      actor: e.actorUserId ? { id: e.actorUserId, name: e.actorName ?? '' } : null,
      body: e.body,
      mentions: e.mentions,
      messageId: e.messageId,
    })),
    compensations: parts.compensations.map((k) => ({
      id: k.id, amount: k.amount, currency: k.currency, kind: k.kind, note: k.note,
      givenBy: k.givenBy ? { id: k.givenBy, name: k.givenByName ?? '' } : null, givenAt: k.givenAt.toISOString(),
    })),
    currency: c.currency,
    abilities: parts.abilities,
  };
}
