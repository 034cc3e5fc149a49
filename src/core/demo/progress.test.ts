import { describe, expect, it } from 'vitest';
import { demoProgress } from './progress.ts';
import { dropoff } from '../surveys/progress.ts';

describe('demoProgress', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const rows = demoProgress(7, now);

  it('is the same for the same seed', () => {
    expect(demoProgress(7, now)).toEqual(rows);
    expect(rows).toHaveLength(160);
  });

  it('leaves unfinished respondents on a screen they neither answered nor timed, within the last 30 days', () => {
    for (const r of rows.filter((x) => !x.finished)) {
      expect(Object.hasOwn(r.answers, r.atKey)).toBe(false);
      expect(Object.hasOwn(r.times, r.atKey)).toBe(false);
    }
    expect(rows.every((r) => r.startedAt <= now && now.getTime() - r.startedAt.getTime() <= 30 * 86_400_000)).toBe(true);
  });

  it('tells the drop-off story: most leave at the comment', () => {
    const d = dropoff(['nps', 'why', 'staff', 'checkout', 'purchase'], rows.map((r) => ({ ...r, answered: Object.keys(r.answers) })));
    const most = d.questions.reduce((a, b) => (b.left > a.left ? b : a));
    expect(most.key).toBe('why');
    expect(d.finished).toBeGreaterThan(d.started / 2);
  });
});
