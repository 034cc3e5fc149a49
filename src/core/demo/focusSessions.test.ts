import { describe, expect, it } from 'vitest';
import { demoFocusSessions } from './focusSessions.ts';
import { demoActionPlans } from './actionPlans.ts';

describe('the focus sessions', () => {
  const sessions = demoFocusSessions('2026-06-15');
  it('are 4-6 focus groups and debriefs in ru, fa and en, with 1-2 findings, some linked to demo action plans', () => {
    expect(sessions.length >= 4 && sessions.length <= 6).toBe(true);
    expect(new Set(sessions.map((s) => s.kind))).toEqual(new Set(['focus_group', 'debrief']));
    expect(new Set(sessions.map((s) => s.language))).toEqual(new Set(['ru', 'fa', 'en']));
    expect(sessions.every((s) => s.findings.length >= 1 && s.findings.length <= 2 && s.heldOn < '2026-06-15')).toBe(true);
    expect(sessions.every((s) => s.participants.every((p) => p.count > 0 && p.name === null))).toBe(true);
    const titles = demoActionPlans('2026-06-15').map((p) => p.title);
    const linked = sessions.flatMap((s) => s.findings).filter((f) => f.actionPlan !== null);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((f) => titles.includes(f.actionPlan!))).toBe(true);
    expect(sessions.find((s) => s.language === 'fa')!.notes).toMatch(/[\u0600-\u06ff]/);
  });
});
