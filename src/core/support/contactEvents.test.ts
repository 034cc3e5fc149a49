import { describe, expect, it } from 'vitest';
import { isSupportEventKind, summariseContact, type SupportEvent, type SupportEventKind } from './contactEvents.ts';

const T0 = Date.UTC(2024, 2, 1, 9, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const ev = (kind: SupportEventKind, minutes: number, extra: Partial<SupportEvent> = {}): SupportEvent => ({
  ticketId: 'T1', customerId: 'C1', at: at(minutes), kind, ...extra,
});

describe('summariseContact', () => {
  it('a plain contact: created, replied, solved, closed', () => {
    const s = summariseContact([
      ev('created', 0), ev('agent_reply', 15, { agent: 'ann' }), ev('customer_reply', 20), ev('agent_reply', 30, { agent: 'ann' }),
      ev('solved', 60, { agent: 'ann' }), ev('closed', 600),
    ]);
    expect(s).toMatchObject({
      ticketId: 'T1', customerId: 'C1', createdAt: at(0), firstResponseAt: at(15), firstSolvedAt: at(60), lastSolvedAt: at(60),
      closedAt: at(600), agentReplies: 2, reopens: 0, solvedBy: 'ann', isComplaint: null, // no event says whether it is a complaint
    });
  });

  it('reopen after solve: first and last solve apart, one reopen; a reopen of an unsolved contact does not count', () => {
    const s = summariseContact([
      ev('created', 0), ev('reopened', 5), ev('agent_reply', 10, { agent: 'ann' }), ev('solved', 20, { agent: 'ann' }),
      ev('reopened', 100), ev('agent_reply', 110, { agent: 'bob' }), ev('solved', 130),
    ]);
    expect(s.reopens).toBe(1);
    expect(s.firstSolvedAt).toEqual(at(20));
    expect(s.lastSolvedAt).toEqual(at(130));
    // the last solve names no agent: the last agent who replied before it is credited
    expect(s.solvedBy).toBe('bob');
    expect(s.agentReplies).toBe(2);
  });

  it('reopened and not solved again: no full resolution', () => {
    const s = summariseContact([ev('created', 0), ev('solved', 20), ev('reopened', 30)]);
    expect(s.firstSolvedAt).toEqual(at(20));
    expect(s.lastSolvedAt).toBeNull();
    expect(s.reopens).toBe(1);
  });

  it('closed without solved: the close is the resolution; a close after a solve is not', () => {
    const closedOnly = summariseContact([ev('created', 0), ev('closed', 45, { agent: 'cy' })]);
    expect(closedOnly).toMatchObject({ firstSolvedAt: at(45), lastSolvedAt: at(45), closedAt: at(45), solvedBy: 'cy' });
    const solvedThenClosed = summariseContact([ev('created', 0), ev('solved', 30), ev('closed', 45)]);
    expect(solvedThenClosed).toMatchObject({ firstSolvedAt: at(30), lastSolvedAt: at(30), closedAt: at(45) });
  });

  it('auto replies are no response and no agent reply', () => {
    const s = summariseContact([ev('created', 0), ev('auto_reply', 1), ev('agent_reply', 50)]);
    expect(s.firstResponseAt).toEqual(at(50));
    expect(s.agentReplies).toBe(1);
    expect(summariseContact([ev('created', 0), ev('auto_reply', 1)]).firstResponseAt).toBeNull();
  });

  it('same-instant events go in the order of a contact life whatever the input order', () => {
    // solved, reply and created all at minute 0, given backwards: created < reply < solved
    const s = summariseContact([ev('solved', 0), ev('agent_reply', 0), ev('created', 0)]);
    expect(s).toMatchObject({ createdAt: at(0), firstResponseAt: at(0), firstSolvedAt: at(0), agentReplies: 1, reopens: 0 });
    // a reopen and a solve at the same instant: the solve first, then the reopen
    const r = summariseContact([ev('created', 0), ev('reopened', 10), ev('solved', 10)]);
    expect(r.reopens).toBe(1);
    expect(r.lastSolvedAt).toBeNull();
  });

  it('attributes: the latest non-empty value wins, events in any order', () => {
    const s = summariseContact([
      ev('solved', 30, { team: 'L2', agent: '', customerId: null }),
      ev('created', 0, { team: 'L1', channel: 'email', priority: 'high', isComplaint: true, customerId: null }),
      ev('assigned', 10, { agent: 'ann', channel: null, isComplaint: false, customerId: 'C9' }),
    ]);
    expect(s).toMatchObject({ team: 'L2', agent: 'ann', channel: 'email', priority: 'high', isComplaint: false, customerId: 'C9' });
    // the assignee before the solve is credited
    expect(s.solvedBy).toBe('ann');
  });

  it('without a created event the contact starts at its earliest event; a reply before creation is no response', () => {
    expect(summariseContact([ev('agent_reply', 20), ev('customer_reply', 5)]).createdAt).toEqual(at(5));
    expect(summariseContact([ev('agent_reply', -5), ev('created', 0)]).firstResponseAt).toBeNull();
    expect(() => summariseContact([])).toThrow();
  });

  it('isSupportEventKind', () => {
    expect(isSupportEventKind('agent_reply')).toBe(true);
    expect(isSupportEventKind('reply')).toBe(false);
  });
});
