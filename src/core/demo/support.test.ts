import { describe, expect, it } from 'vitest';
import { summariseContact, type SupportEvent } from '../support/contactEvents.ts';
import { chooseSupportAnchors, DEMO_SLA_TARGETS, generateDemoSupportEvents } from './support.ts';
import { createRng } from './random.ts';

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

describe('chooseSupportAnchors', () => {
  const at = new Date('2026-05-01T10:00:00Z');
  const answer = (id: string, customerId: string | null, store: string) => ({ id, customerId, store, answeredAt: at, score: 4 });
  const directory = [
    { externalId: 'cust-1', store: 'MSK-01' }, { externalId: 'cust-2', store: 'MSK-01' }, { externalId: 'cust-3', store: 'SPB-01' }, { externalId: 'cust-4', store: null },
  ];

  it('with every answer anchored: known customers keep theirs, one-off answers get a customer of the same store who has not answered, each once', () => {
    const answers = [answer('a', null, 'MSK-01'), answer('b', 'cust-1', 'MSK-01'), answer('c', null, 'MSK-01'), answer('d', null, 'SPB-01'), answer('e', null, 'KZN-01')];
    const { anchors, adopted } = chooseSupportAnchors(createRng(1), answers, directory, 1);
    // cust-1 answered already, so a gets cust-2 and c (MSK-01) finds nobody left; d gets cust-3; KZN-01 has nobody.
    expect([...adopted]).toEqual([['a', 'cust-2'], ['d', 'cust-3']]);
    expect(anchors.map((x) => x.customerId)).toEqual(['cust-2', 'cust-1', 'cust-3']);
  });

  it('anchors about the given share of the answers', () => {
    const answers = Array.from({ length: 1000 }, (_, i) => answer(`r${i}`, `known-${i}`, 'MSK-01'));
    const { anchors, adopted } = chooseSupportAnchors(createRng(2), answers, [], 0.6);
    expect(adopted.size).toBe(0);
    expect(anchors.length).toBeGreaterThan(540);
    expect(anchors.length).toBeLessThan(660);
  });
});
