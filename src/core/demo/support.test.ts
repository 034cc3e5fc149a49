import { describe, expect, it } from 'vitest';
import { summariseContact, type SupportEvent } from '../support/contactEvents.ts';
import { DEMO_SLA_TARGETS, generateDemoSupportEvents } from './support.ts';

const NOW = new Date('2026-06-15T12:00:00Z');

function contacts(events: SupportEvent[]) {
  const byTicket = new Map<string, SupportEvent[]>();
  for (const e of events) byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);
  return [...byTicket.values()].map(summariseContact);
}

describe('generateDemoSupportEvents', () => {
  it('is deterministic for a seed', () => {
    const a = generateDemoSupportEvents({ seed: 3, now: NOW, days: 30, anchors: [], customers: ['cust-1'] });
    const b = generateDemoSupportEvents({ seed: 3, now: NOW, days: 30, anchors: [], customers: ['cust-1'] });
    expect(a).toEqual(b);
    expect(a.every((e) => e.at <= NOW)).toBe(true);
  });

  it('solves an anchored ticket 1 to 30 hours before its answer, and the poorer the answer the slower the resolution', () => {
    const anchors = Array.from({ length: 400 }, (_, i) => ({
      customerId: `cust-${i}`, store: 'MSK-01', answeredAt: new Date(NOW.getTime() - (10 + (i % 100)) * 86_400_000), score: 1 + (i % 5),
    }));
    const events = generateDemoSupportEvents({ seed: 5, now: NOW, days: 0, anchors, customers: [] });
    const summaries = contacts(events);
    expect(summaries).toHaveLength(400);
    const hours = (score: number) => {
      const of = summaries.filter((s) => anchors[Number(s.ticketId.slice(3)) - 1].score === score);
      return of.reduce((sum, s) => sum + (s.lastSolvedAt!.getTime() - s.createdAt.getTime()) / 3_600_000, 0) / of.length;
    };
    for (const s of summaries) {
      const answered = anchors[Number(s.ticketId.slice(3)) - 1].answeredAt.getTime();
      const lag = (answered - s.lastSolvedAt!.getTime()) / 3_600_000;
      expect(lag).toBeGreaterThanOrEqual(1);
      expect(lag).toBeLessThanOrEqual(30);
    }
    expect(hours(1)).toBeGreaterThan(hours(3));
    expect(hours(3)).toBeGreaterThan(hours(5));
  });

  it('has an SLA target for each priority it uses', () => {
    const events = generateDemoSupportEvents({ seed: 9, now: NOW, days: 60, anchors: [], customers: ['cust-1', 'cust-2'] });
    const priorities = new Set(events.map((e) => e.priority).filter(Boolean));
    expect([...priorities].sort()).toEqual(DEMO_SLA_TARGETS.map((t) => t.priority).sort());
  });
});
