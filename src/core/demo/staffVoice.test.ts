import { describe, expect, it } from 'vitest';
import { SMALL_STAFF_STORES, STAFF_WAVES, generateStaffResponses } from './staffVoice.ts';
import { DEMO_COMPLAINT_THEMES, DEMO_STAFF_TEAMS } from './surveys.ts';
import { DECLINING_STORE, demoStores } from './structure.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const nps = (scores: number[]) => (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;

describe('the staff pulse answers', () => {
  const answers = generateStaffResponses({ seed: 3, now: NOW, days: 182 });
  const at = (store: string) => answers.filter((a) => a.store === store);

  it('come from 8-25 employees per store over three waves, under five at the small stores', () => {
    expect(STAFF_WAVES).toHaveLength(3);
    for (const s of demoStores()) {
      const n = at(s.key).length;
      if (SMALL_STAFF_STORES.includes(s.key)) expect(n >= 3 && n <= 4).toBe(true);
      else expect(n >= 8 && n <= 25).toBe(true);
    }
    expect(answers.every((a, i) => i === 0 || answers[i - 1].submittedAt <= a.submittedAt)).toBe(true);
    expect(answers.every((a) => a.submittedAt <= NOW)).toBe(true);
  });

  it('answer every question within its options and scales', () => {
    for (const a of answers) {
      expect(Object.keys(a.answers).sort()).toEqual(['enps', 'expected_complaints', 'expected_csat', 'expected_nps', 'team']);
      expect(a.answers.enps.score! >= 0 && a.answers.enps.score! <= 10).toBe(true);
      expect(a.answers.expected_csat.score! >= 1 && a.answers.expected_csat.score! <= 5).toBe(true);
      expect(a.answers.expected_complaints.choices!.length).toBeGreaterThan(0);
      expect(a.answers.expected_complaints.choices!.every((t) => DEMO_COMPLAINT_THEMES.includes(t))).toBe(true);
      expect(DEMO_STAFF_TEAMS).toContain(a.answers.team.choice);
    }
  });

  it('at the declining store: nobody names the waiting time, and staff expect a high NPS', () => {
    const declining = at(DECLINING_STORE);
    expect(declining.some((a) => a.answers.expected_complaints.choices!.includes('waiting_time'))).toBe(false);
    expect(nps(declining.map((a) => a.answers.expected_nps.score!))).toBeGreaterThan(30);
    // elsewhere, staff of stores with queue complaints do name it
    expect(answers.some((a) => a.store === 'MSK-02' && a.answers.expected_complaints.choices!.includes('waiting_time'))).toBe(true);
  });
});
