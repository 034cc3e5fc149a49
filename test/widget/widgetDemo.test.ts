/**
 * The widget in the demo story: some NPS and CSAT answers come through the website widget (channel
 * widget, only what the prompt asks, on pages the demo's triggers allow), and the demo surveys allow the
 * demo web shop with triggers set, so `sarafan demo` shows the widget section filled in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoResponses } from '../../src/core/demo/responses.ts';
import { DEMO_WIDGET_ORIGIN } from '../../src/core/demo/widget.ts';
import { loadDemo, type LoadDemoResult } from '../../src/db/demo/loadDemo.ts';
import { startTestServer, type TestServer } from '../helpers/app.ts';

const NOW = new Date('2026-06-15T12:00:00Z');

describe('demo responses through the widget', () => {
  const responses = [...generateDemoResponses({ seed: 5, count: 4000, now: NOW, days: 182 })];
  const widget = responses.filter((r) => r.channel === 'widget');

  it('are a share of the NPS and CSAT answers only', () => {
    const npsAndCsat = responses.filter((r) => r.survey === 'demo-nps' || r.survey === 'demo-csat').length;
    // Weights: 10 of 110 (NPS) and 10 of 110 (CSAT): about 9 %.
    expect(widget.length / npsAndCsat).toBeGreaterThan(0.06);
    expect(widget.length / npsAndCsat).toBeLessThan(0.12);
    expect(new Set(widget.map((r) => r.survey))).toEqual(new Set(['demo-nps', 'demo-csat']));
  });

  it('hold only what the prompt asks, and the page, which the survey\'s triggers allow', () => {
    for (const r of widget) {
      if (r.survey === 'demo-nps') {
        expect(Object.keys(r.answers).every((k) => k === 'nps' || k === 'why')).toBe(true);
        expect(r.answers.nps.score).toBeTypeOf('number');
        expect(r.hidden.page).toMatch(/^\/checkout\//);
      } else {
        expect(Object.keys(r.answers)).toEqual(['csat']);
        expect(r.hidden.page).toMatch(/^\//);
      }
    }
    expect(widget.some((r) => r.answers.why)).toBe(true);
    expect(responses.filter((r) => r.channel !== 'widget').every((r) => r.hidden.page === undefined)).toBe(true);
  });
});

describe('loadDemo', () => {
  let server: TestServer;
  let demo: LoadDemoResult;
  beforeAll(async () => {
    server = await startTestServer();
    demo = await loadDemo(server.pool, { responses: 1500, seed: 3, passwordHash: 'x' });
  });
  afterAll(() => server?.close());

  it('allows the demo web shop on the NPS and CSAT surveys, and stores widget answers', async () => {
    const { rows } = await server.pool.query(
      `select slug, widget_origins, widget_delay_seconds, widget_exit_intent, widget_url_pattern from surveys where org_id = $1 order by slug`,
      [demo.orgId],
    );
    const bySlug = Object.fromEntries(rows.map((r) => [r.slug, r]));
    expect(bySlug['demo-nps']).toMatchObject({ widget_origins: [DEMO_WIDGET_ORIGIN, 'http://localhost:8080'], widget_delay_seconds: 5, widget_exit_intent: false, widget_url_pattern: '/checkout/*' });
    expect(bySlug['demo-csat']).toMatchObject({ widget_origins: [DEMO_WIDGET_ORIGIN, 'http://localhost:8080'], widget_delay_seconds: null, widget_exit_intent: true, widget_url_pattern: null });
    expect(bySlug['demo-ces'].widget_origins).toEqual([]);
    const { rows: counts } = await server.pool.query(
      `select count(*)::int as n, count(*) filter (where hidden ? 'page')::int as with_page from responses where org_id = $1 and channel = 'widget'`,
      [demo.orgId],
    );
    expect(counts[0].n).toBeGreaterThan(0);
    expect(counts[0].with_page).toBe(counts[0].n);
  });
});
