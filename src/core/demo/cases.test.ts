import { describe, expect, it } from 'vitest';
import { planDemoCases, type DemoDetractor } from './cases.ts';

const now = new Date('2026-12-01T09:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const detractor = (i: number, store: string, ageDays: number, score = 2): DemoDetractor => ({
  responseId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, store, score, comment: 'Долго ждали на кассе, никто не помог', language: 'ru', submittedAt: daysAgo(ageDays),
});

describe('planDemoCases', () => {
  const detractors = [
    detractor(1, 'MSK-01', 60, 0), detractor(2, 'MSK-04', 45, 3), detractor(3, 'SPB-01', 30), detractor(4, 'MSK-04', 10),
    detractor(5, 'MSK-01', 5), detractor(6, 'KZN-02', 1), detractor(7, 'THR-02', 0.5),
  ];
  const plans = planDemoCases({ seed: 7, now, detractors, perMonth: 10 });

  it('makes a case of every detractor (under the monthly cap) plus the six complaints-book claims, oldest first', () => {
    const fromSurvey = plans.filter((p) => p.channel === 'survey');
    expect(fromSurvey.map((p) => p.responseId).sort()).toEqual(detractors.map((d) => d.responseId).sort());
    expect(plans.filter((p) => p.channel !== 'survey').map((p) => p.channel).sort()).toEqual(['in_person', 'in_person', 'letter', 'letter', 'phone', 'phone']);
    const times = plans.map((p) => p.openedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('caps the cases per month', () => {
    const many = Array.from({ length: 30 }, (_, i) => detractor(100 + i, 'SPB-03', 40 + (i % 3) * 0.1));
    expect(planDemoCases({ seed: 1, now, detractors: many, perMonth: 4 }).filter((p) => p.channel === 'survey')).toHaveLength(4);
  });

  it('resolves old cases with a root cause and keeps recent ones open', () => {
    for (const p of plans) {
      const age = (now.getTime() - p.openedAt.getTime()) / 86_400_000;
      const done = p.status === 'resolved' || p.status === 'closed';
      if (age > 14) expect(done).toBe(true);
      if (age < 3) expect(done).toBe(false);
      expect(p.rootCause !== null).toBe(done);
      expect(p.controllable !== null).toBe(done);
      if (p.compensation) expect(done && p.controllable).toBe(true);
      // a worked case's timeline ends with its status; a new one has none
      if (p.status === 'new') expect(p.events).toEqual([]);
      if (done) expect(p.events.some((e) => e.kind === 'root_cause' && e.body.rootCauseKey === p.rootCause)).toBe(true);
      const ats = p.events.map((e) => e.at);
      expect(ats).toEqual([...ats].sort((a, b) => a - b));
    }
  });

  it("gives the manager's store to its manager and names the score in the title", () => {
    const msk01 = plans.filter((p) => p.store === 'MSK-01' && p.channel === 'survey');
    expect(msk01.map((p) => p.owner)).toEqual(['manager', 'manager']);
    expect(plans.find((p) => p.responseId === detractors[0].responseId)!.title).toBe('Оценка 0: Долго ждали на кассе, никто не помог');
    expect(plans.find((p) => p.responseId === detractors[0].responseId)!.priority).toBe('high');
    expect(plans.find((p) => p.responseId === detractors[1].responseId)!.priority).toBe('normal');
  });

  it('is deterministic for a seed', () => {
    expect(planDemoCases({ seed: 7, now, detractors, perMonth: 10 })).toEqual(plans);
  });
});
