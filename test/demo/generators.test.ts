/** Unit tests for the pure demo generators: deterministic for a seed, plausible distributions. */
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, scoreFromLatent } from '../../src/core/demo/random.ts';
import { generateDemoResponses, type DemoResponse } from '../../src/core/demo/responses.ts';
import { generateComment } from '../../src/core/demo/comments.ts';
import { npsGroup } from '../../src/core/stats/nps.ts';
import { DECLINING_STORE, IMPROVING_STORE, DEMO_LOCATIONS } from '../../src/core/demo/structure.ts';
import { DEMO_SURVEYS } from '../../src/core/demo/surveys.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const sample = (seed: number, count = 6000): DemoResponse[] => [...generateDemoResponses({ seed, count, now: NOW, days: 182 })];
const nps = (scores: number[]) => (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;

describe('seeded random numbers', () => {
  it('repeat for the same seed and differ for another', () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
  });

  it('stay within their ranges', () => {
    const rng = createRng(3);
    for (let i = 0; i < 2000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = rng.int(2, 4);
      expect(n >= 2 && n <= 4).toBe(true);
    }
    expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('maps any latent value onto the scale', () => {
    for (const z of [-50, -2, 0, 2, 50]) {
      const s = scoreFromLatent(z, 1, 7);
      expect(s >= 1 && s <= 7 && Number.isInteger(s)).toBe(true);
    }
    expect(scoreFromLatent(-50, 0, 10)).toBe(0);
    expect(scoreFromLatent(50, 0, 10)).toBe(10);
  });
});

describe('demo responses', () => {
  const responses = sample(11);

  it('are deterministic for a seed', () => {
    expect(sample(11)).toEqual(responses);
    expect(sample(12, 300)).not.toEqual(responses.slice(0, 300));
  });

  it('cover every survey, known location, channel and language, inside the period', () => {
    const locationKeys = new Set(DEMO_LOCATIONS.map((l) => l.key));
    const start = NOW.getTime() - 183 * 86_400_000;
    for (const r of responses) {
      expect(locationKeys.has(r.location)).toBe(true);
      expect(r.submittedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(r.submittedAt.getTime()).toBeGreaterThan(start);
      expect(r.startedAt.getTime()).toBe(r.submittedAt.getTime() - r.durationMs);
    }
    // every customer survey (the staff survey's answers come from src/core/demo/staffVoice.ts)
    expect(new Set(responses.map((r) => r.survey))).toEqual(new Set(DEMO_SURVEYS.filter((s) => s.audience !== 'staff').map((s) => s.slug)));
    expect(new Set(responses.map((r) => r.language))).toEqual(new Set(['ru', 'en', 'fa']));
    const channels = new Set(responses.map((r) => r.channel));
    for (const c of ['link', 'qr', 'receipt', 'email', 'kiosk', 'phone', 'chat']) expect(channels.has(c)).toBe(true);
  });

  it('only answer questions that exist, with scores on their scales', () => {
    for (const r of responses) {
      const survey = DEMO_SURVEYS.find((s) => s.slug === r.survey)!;
      for (const [key, a] of Object.entries(r.answers)) {
        const q = survey.questions.find((x) => x.key === key);
        expect(q, `${r.survey}.${key}`).toBeDefined();
        if (a.score !== undefined) expect(a.score >= q!.scale!.min && a.score <= q!.scale!.max).toBe(true);
        if (a.choice !== undefined) expect(q!.options!.map((o) => o.value)).toContain(a.choice);
      }
    }
  });

  it('give a plausible chain NPS and a story: one store improves, one declines', () => {
    const scores = (filter: (r: DemoResponse) => boolean) => responses.filter((r) => r.answers.nps && filter(r)).map((r) => r.answers.nps.score!);
    const all = nps(scores(() => true));
    expect(all).toBeGreaterThan(0);
    expect(all).toBeLessThan(60);
    const mid = NOW.getTime() - 91 * 86_400_000;
    const early = (key: string) => nps(scores((r) => r.location === key && r.submittedAt.getTime() < mid));
    const late = (key: string) => nps(scores((r) => r.location === key && r.submittedAt.getTime() >= mid));
    expect(late(IMPROVING_STORE)).toBeGreaterThan(early(IMPROVING_STORE) + 15);
    expect(late(DECLINING_STORE)).toBeLessThan(early(DECLINING_STORE) - 15);
  });

  it('include a few speeders, duplicates and straight-liners', () => {
    const speeders = responses.filter((r) => r.durationMs < 4000).length;
    expect(speeders).toBeGreaterThan(0);
    expect(speeders / responses.length).toBeLessThan(0.05);
    const seen = new Map<string, DemoResponse>();
    let duplicates = 0;
    for (const r of responses) {
      const key = `${r.survey}|${r.contactKey}|${JSON.stringify(r.answers)}`;
      if (r.contactKey && seen.has(key)) duplicates++;
      seen.set(key, r);
    }
    expect(duplicates).toBeGreaterThan(0);
    const straight = responses.filter((r) => r.survey === 'demo-csi' && new Set(Object.values(r.answers).map((a) => a.score)).size === 1);
    expect(straight.length).toBeGreaterThan(0);
  });

  it('carry the hidden dimensions, and an order id on receipts', () => {
    for (const r of responses) {
      expect(['first_time', 'returning']).toContain(r.hidden.customer_type);
      expect(['basic', 'silver', 'gold']).toContain(r.hidden.segment);
      expect(r.hidden.age_band).toBeTruthy();
      if (r.channel === 'receipt') expect(r.hidden.order_id).toMatch(/^R\d{8}$/);
    }
  });
});

describe('demo comments', () => {
  it('are varied and written in the respondent language', () => {
    const rng = createRng(5);
    const scripts = { ru: /[а-яё]/i, fa: /[\u0600-\u06ff]/, en: /^[\x20-\x7e]+$/ } as const;
    for (const language of ['ru', 'en', 'fa'] as const) {
      const texts = new Set<string>();
      for (let i = 0; i < 1500; i++) {
        const group = npsGroup(i % 11);
        const text = generateComment(rng, { language, group, context: i % 3 === 0 ? 'support' : 'store', issues: ['queue'] });
        expect(text).toMatch(scripts[language]);
        expect(text).not.toContain('{when}');
        texts.add(text);
      }
      expect(texts.size).toBeGreaterThan(600);
    }
  });
});
