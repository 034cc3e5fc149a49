import { describe, expect, it } from 'vitest';
import { generateDemoResponses } from './responses.ts';
import { DEMO_KIOSKS, demoKioskAnswers, demoKioskChannel } from './kiosks.ts';

describe('demo kiosks', () => {
  it('keeps the kiosk channel only where a demo kiosk stands', () => {
    expect(demoKioskChannel('demo-nps', 'MSK-01', 'kiosk')).toBe('kiosk');
    expect(demoKioskChannel('demo-nps', 'THR-01', 'kiosk')).toBe('kiosk');
    expect(demoKioskChannel('demo-nps', 'MSK-02', 'kiosk')).toBe('qr');
    expect(demoKioskChannel('demo-csi', 'MSK-01', 'kiosk')).toBe('qr');
    expect(demoKioskChannel('demo-nps', 'MSK-02', 'email')).toBe('email');
  });

  it('keeps only the score and the "why?" of a kiosk answer', () => {
    const answers = { nps: { score: 9 }, why: { text: 'Fast' }, staff: { score: 5 }, purchase: { choice: 'shoes' } };
    expect(demoKioskAnswers('demo-nps', 'kiosk', answers)).toEqual({ nps: { score: 9 }, why: { text: 'Fast' } });
    expect(demoKioskAnswers('demo-nps', 'qr', answers)).toBe(answers);
  });

  it('generates kiosk answers at the two kiosk stores only, with nothing beyond what a kiosk asks', () => {
    const responses = [...generateDemoResponses({ seed: 11, count: 4000, now: new Date(Date.UTC(2026, 10, 30)), days: 60 })];
    const kiosk = responses.filter((r) => r.channel === 'kiosk');
    expect(kiosk.length).toBeGreaterThan(0);
    expect(new Set(kiosk.map((r) => `${r.survey} ${r.location}`))).toEqual(new Set(DEMO_KIOSKS.map((k) => `${k.survey} ${k.store}`)));
    for (const r of kiosk) expect(Object.keys(r.answers).every((k) => k === 'nps' || k === 'why')).toBe(true);
  });
});
