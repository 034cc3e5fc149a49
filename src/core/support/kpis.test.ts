import { describe, expect, it } from 'vitest';
import type { ContactSummary } from './contactEvents.ts';
import { groupKey, parseDuration, percentileCont, repeatFlags, repeatWindowProblem, roundSeconds, supportKpis, supportKpisByGroup, type KpiOptions } from './kpis.ts';

const T0 = Date.UTC(2024, 2, 1, 0, 0, 0);
const H = 3600_000;
const at = (hours: number) => new Date(T0 + hours * H);

function contact(id: string, over: Partial<ContactSummary> & { created?: number; response?: number; firstSolved?: number; lastSolved?: number } = {}): ContactSummary {
  const { created = 0, response, firstSolved, lastSolved, ...rest } = over;
  return {
    ticketId: id, customerId: null, createdAt: at(created),
    firstResponseAt: response === undefined ? null : at(response),
    firstSolvedAt: firstSolved === undefined ? null : at(firstSolved),
    lastSolvedAt: lastSolved === undefined ? (firstSolved === undefined ? null : at(firstSolved)) : at(lastSolved),
    closedAt: null, agentReplies: 0, reopens: 0, solvedBy: null,
    channel: null, agent: null, team: null, location: null, priority: null, category: null, subject: null, isComplaint: false,
    ...rest,
  };
}

const base = (n: number): KpiOptions => ({ repeats: Array<null>(n).fill(null), repeatWindowS: 7 * 86_400, complaintsKnown: true });

describe('roundSeconds', () => {
  it('keeps milliseconds and drops float noise', () => {
    expect(roundSeconds(294036.0000000028)).toBe(294036);
    expect(roundSeconds(135128.43644544433)).toBe(135128.436);
    expect(roundSeconds(0.0005)).toBe(0.001);
  });
});

describe('percentileCont (PostgreSQL percentile_cont)', () => {
  it('interpolates linearly between the closest ranks at p * (n - 1)', () => {
    // [10, 20, 30, 40]: median at position 1.5 -> 25; p90 at 2.7 -> 30 + 0.7 * 10 = 37
    expect(percentileCont([40, 10, 30, 20], 0.5)).toBe(25);
    expect(percentileCont([40, 10, 30, 20], 0.9)).toBeCloseTo(37, 12);
    // [1, 2, 3, 4, 100]: median exactly the middle value; p90 at 3.6 -> 4 + 0.6 * 96 = 61.6
    expect(percentileCont([100, 1, 2, 3, 4], 0.5)).toBe(3);
    expect(percentileCont([100, 1, 2, 3, 4], 0.9)).toBeCloseTo(61.6, 12);
    expect(percentileCont([7], 0.9)).toBe(7);
    expect(percentileCont([3, 9], 0)).toBe(3);
    expect(percentileCont([3, 9], 1)).toBe(9);
    expect(percentileCont([], 0.5)).toBeNull();
  });
});

describe('parseDuration', () => {
  it('reads 7d, 48h, 30m, 90s, 2w and bare numbers in the given unit', () => {
    expect(parseDuration('7d')).toBe(604_800);
    expect(parseDuration('48h')).toBe(172_800);
    expect(parseDuration('14')).toBe(1_209_600);
    expect(parseDuration('30m')).toBe(1800);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('2w')).toBe(1_209_600);
    expect(parseDuration('1.5h')).toBe(5400);
    expect(parseDuration('14', null)).toBeNull();
    expect(parseDuration('0d')).toBeNull();
    expect(parseDuration('-7d')).toBeNull();
    expect(parseDuration('a week')).toBeNull();
  });
});

describe('repeatWindowProblem', () => {
  it('allows windows up to 90 days (as the API) and refuses longer ones', () => {
    expect(repeatWindowProblem(3600)).toBeNull();
    expect(repeatWindowProblem(7_776_000)).toBeNull(); // 90 days
    expect(repeatWindowProblem(7_776_001)).toBe('at most 90d');
    expect(repeatWindowProblem(7_862_400)).toBe('at most 90d'); // 91 days
  });
});

describe('repeatFlags (repeat.v1)', () => {
  it('a contact is repeated when the same customer next comes back within the window (inclusive)', () => {
    const contacts = [
      contact('a1', { customerId: 'A', created: 0 }),
      contact('a2', { customerId: 'A', created: 168 }), // exactly 7 days after a1: inside
      contact('a3', { customerId: 'A', created: 400 }), // 232 h after a2: outside
      contact('b1', { customerId: 'B', created: 10 }),
      contact('x1', { customerId: null, created: 11 }),
      contact('x2', { customerId: null, created: 12 }),
    ];
    expect(repeatFlags(contacts, 7 * 86_400)).toEqual([true, false, false, false, null, null]);
    expect(repeatFlags(contacts, 10 * 86_400)).toEqual([true, true, false, false, null, null]);
  });

  it('same-instant contacts: ordered by ticket id, only the first is followed', () => {
    const contacts = [contact('t2', { customerId: 'A' }), contact('t1', { customerId: 'A' })];
    expect(repeatFlags(contacts, 3600)).toEqual([false, true]);
  });
});

describe('supportKpis', () => {
  it('hand-computed figures of five contacts', () => {
    const contacts = [
      // response 1 h, solved at 4 h, one reply: one-touch
      contact('1', { response: 1, firstSolved: 4, agentReplies: 1, isComplaint: true }),
      // response 2 h, solved at 10 h, reopened, solved again at 30 h, three replies
      contact('2', { response: 2, firstSolved: 10, lastSolved: 30, reopens: 1, agentReplies: 3 }),
      // response 3 h, solved 6 h, two replies
      contact('3', { response: 3, firstSolved: 6, agentReplies: 2 }),
      // response 10 h, not solved
      contact('4', { response: 10, agentReplies: 1 }),
      // solved at 8 h after a reopen and not yet solved again: first resolution only
      contact('5', { firstSolved: 8, lastSolved: undefined, reopens: 1, agentReplies: 1 }),
    ];
    contacts[4].lastSolvedAt = null;
    const k = supportKpis(contacts, { ...base(5), repeats: [true, false, null, false, null] });
    expect(k.contacts).toBe(5);
    expect(k.solved).toBe(4);
    // first response [1, 2, 3, 10] h: median 2.5 h, p90 at 2.7 -> 3 + 0.7 * 7 = 7.9 h, mean 4 h
    expect(k.first_response_median_s).toBe(2.5 * 3600);
    expect(k.first_response_p90_s).toBeCloseTo(7.9 * 3600, 6);
    expect(k.first_response_mean_s).toBe(4 * 3600);
    // first resolution [4, 10, 6, 8] h -> sorted 4 6 8 10: median 7, p90 at 2.7 -> 8 + 0.7 * 2 = 9.4, mean 7
    expect(k.first_resolution_median_s).toBe(7 * 3600);
    expect(k.first_resolution_p90_s).toBeCloseTo(9.4 * 3600, 6);
    expect(k.first_resolution_mean_s).toBe(7 * 3600);
    // full resolution [4, 30, 6] h (contact 5 is reopened, unsolved): median 6, p90 at 1.8 -> 6 + 0.8 * 24 = 25.2, mean 40/3
    expect(k.resolution_median_s).toBe(6 * 3600);
    expect(k.resolution_p90_s).toBeCloseTo(25.2 * 3600, 6);
    expect(k.resolution_mean_s).toBeCloseTo((40 / 3) * 3600, 6);
    // reopened 2 of 4 solved; one reply: contacts 1 and 5 of the solved 4
    expect(k.reopen_rate).toBe(0.5);
    expect(k.one_touch_rate).toBe(0.5);
    // repeat: 1 of 3 that can tell
    expect(k.repeat_contact_rate).toBeCloseTo(1 / 3, 12);
    expect(k.complaints).toBe(1);
    expect(k.sla).toBeNull();
  });

  it('elapsed: times and SLA measured by the given clock (e.g. business hours)', () => {
    const halved = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 2000;
    const contacts = [contact('1', { priority: 'P1', response: 2, firstSolved: 6 })];
    const k = supportKpis(contacts, { ...base(1), elapsed: halved, slaTargets: [{ priority: 'P1', firstResponseS: 3600, resolutionS: 3 * 3600 }] });
    // 2 h and 6 h of wall clock are 1 h and 3 h by this clock: both targets met
    expect([k.first_response_median_s, k.first_resolution_median_s, k.resolution_mean_s]).toEqual([3600, 3 * 3600, 3 * 3600]);
    expect(k.sla).toEqual([{ priority: 'P1', judged: 1, met: 1, attainment: 1 }]);
  });

  it('null where the data cannot tell', () => {
    const k = supportKpis([contact('1'), contact('2')], { ...base(2), complaintsKnown: false });
    expect(k).toMatchObject({
      contacts: 2, solved: 0, first_response_median_s: null, first_response_p90_s: null, first_response_mean_s: null, resolution_median_s: null,
      reopen_rate: null, one_touch_rate: null, repeat_contact_rate: null, complaints: null,
    });
    expect(supportKpis([], base(0))).toMatchObject({ contacts: 0, complaints: 0, first_response_median_s: null });
  });

  it('SLA attainment per priority: met, breached, and still waiting (judged only once past the target at asOf)', () => {
    const contacts = [
      contact('1', { priority: 'P1', response: 0.5, firstSolved: 3 }), // met both (1 h / 4 h)
      contact('2', { priority: 'P1', response: 2, firstSolved: 3 }), // response breached
      contact('3', { priority: 'P1', response: 0.5, firstSolved: 5 }), // resolution breached
      contact('4', { priority: 'P1', created: 10, response: 10.5 }), // unsolved, 2 h old at asOf: not yet known
      contact('5', { priority: 'P1', created: 0 }), // no response, 12 h old at asOf: breached
      contact('6', { priority: 'P2', response: 20 }), // response target only (24 h): met
      contact('7', { priority: 'P3', response: 1 }), // no target for P3
    ];
    const k = supportKpis(contacts, {
      ...base(7), asOf: at(12),
      slaTargets: [{ priority: 'P1', firstResponseS: 3600, resolutionS: 4 * 3600 }, { priority: 'P2', firstResponseS: 24 * 3600, resolutionS: null }],
    });
    expect(k.sla).toEqual([
      { priority: 'P1', judged: 4, met: 1, attainment: 0.25 },
      { priority: 'P2', judged: 1, met: 1, attainment: 1 },
    ]);
  });
});

describe('groups', () => {
  it('groupKey: attributes, and the month of creation in the zone', () => {
    const c = contact('1', { team: 'L1', created: -1 }); // 2024-02-29 23:00 UTC
    expect(groupKey(c, 'team', 'UTC')).toBe('L1');
    expect(groupKey(c, 'agent', 'UTC')).toBeNull();
    expect(groupKey(c, 'month', 'UTC')).toBe('2024-02');
    expect(groupKey(c, 'month', 'Europe/Moscow')).toBe('2024-03');
  });

  it('supportKpisByGroup: most contacts first, no-value group last; repeats found across groups', () => {
    const contacts = [
      contact('1', { team: 'B', customerId: 'A', created: 0 }),
      contact('2', { team: 'A', customerId: 'A', created: 5 }),
      contact('3', { team: 'A', customerId: 'Z', created: 6 }),
      contact('4', { team: null, customerId: 'Y', created: 7 }),
      contact('5', { team: 'C', customerId: 'X', created: 8 }),
    ];
    const groups = supportKpisByGroup(contacts, 'team', 'UTC', { ...base(5), repeats: repeatFlags(contacts, 86_400) });
    expect(groups.map((g) => [g.group, g.contacts, g.repeat_contact_rate])).toEqual([
      ['A', 2, 0],
      ['B', 1, 1], // contact 1 is followed by contact 2 of team A
      ['C', 1, 0],
      [null, 1, 0],
    ]);
  });
});
