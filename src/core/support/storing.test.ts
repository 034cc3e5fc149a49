import { describe, expect, it } from 'vitest';
import type { SupportEvent } from './contactEvents.ts';
import { creditedAgent, pooledCsat, SUPPORT_FIELD_LIMITS, supportEventProblem } from './storing.ts';

const event = (over: Partial<SupportEvent> = {}): SupportEvent => ({ ticketId: 'T1', customerId: null, at: new Date('2026-03-02T09:00:00Z'), kind: 'created', ...over });

describe('supportEventProblem', () => {
  it('accepts an event within every limit', () => {
    expect(supportEventProblem(event({ agent: 'a'.repeat(200), subject: 's'.repeat(1000), channel: 'c'.repeat(60) }))).toBeNull();
  });

  it('names the first field over its limit, the missing ticket and an invalid time', () => {
    expect(supportEventProblem(event({ agent: 'a'.repeat(201) }))).toBe('agent: longer than 200 characters');
    expect(supportEventProblem(event({ priority: 'p'.repeat(61) }))).toBe('priority: longer than 60 characters');
    expect(supportEventProblem(event({ ticketId: 't'.repeat(201) }))).toBe('ticketId: longer than 200 characters');
    expect(supportEventProblem(event({ ticketId: '  ' }))).toBe('ticket_id: missing');
    expect(supportEventProblem(event({ at: new Date('nonsense') }))).toBe('at: not a valid time');
  });

  it('has the limits of the support_contacts columns', () => {
    expect(SUPPORT_FIELD_LIMITS).toEqual({ ticketId: 200, customerId: 200, channel: 60, agent: 200, team: 200, location: 200, priority: 60, category: 200, subject: 1000 });
  });
});

describe('creditedAgent', () => {
  it('credits the solver by default, the last agent when asked, and falls back to the last agent when nobody solved it', () => {
    expect(creditedAgent('solved_by', { solvedBy: 'Ivan', agent: 'Petr' })).toBe('Ivan');
    expect(creditedAgent('last_agent', { solvedBy: 'Ivan', agent: 'Petr' })).toBe('Petr');
    expect(creditedAgent('solved_by', { solvedBy: null, agent: 'Petr' })).toBe('Petr');
    expect(creditedAgent('last_agent', { solvedBy: 'Ivan', agent: null })).toBeNull();
  });
});

describe('pooledCsat', () => {
  it('is csat.v1 of one scale as it is', () => {
    // 1..5, box 4: 3 + 1 satisfied of 6 = 66.67%
    const r = pooledCsat([{ histogram: { 5: 3, 4: 1, 2: 2 }, scale: { min: 1, max: 5, box: 4 } }]);
    expect(r.n).toBe(6);
    expect(r.value).toBeCloseTo(66.667, 2);
    expect(r.metric).toBe('csat');
  });

  it('pools answers of several scales, each against its own box', () => {
    // 1..5 box 4: 2 of 4 satisfied; 1..10 box 8: 1 of 4 satisfied (9), 7 is below its box -> 3 of 8 = 37.5%
    const r = pooledCsat([
      { histogram: { 5: 1, 4: 1, 3: 2 }, scale: { min: 1, max: 5, box: 4 } },
      { histogram: { 9: 1, 7: 2, 2: 1 }, scale: { min: 1, max: 10, box: 8 } },
    ]);
    expect(r.n).toBe(8);
    expect(r.value).toBe(37.5);
    expect(r.details).toEqual({ satisfied: 3 });
    expect(r.definition).toBe('csat.v1');
    expect(r.ci95).not.toBeNull();
  });
});
