/**
 * The PDF's trend chart (server-side ECharts SVG, src/server/reports/charts.ts) draws the data the dashboard's
 * trend chart shows in Chromium, for the same survey, period and location filter: the dashboard's trend API
 * answer (and its data table) gives hand-computed NPS per month; the report HTML the dashboard's "Download PDF"
 * definition renders has the same month labels and its value markers sit at the heights of those values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey, type SeedResponse } from '../analytics/seed.ts';

requirePageTestPrerequisites();

// Store A, by month: Jan 10 10 10 9 0 -> (4 - 1) / 5 = 60; Feb 10 0 0 8 7 -> (1 - 2) / 5 = -20;
// Mar 9 9 6 5 10 10 -> (4 - 2) / 6 = 33.3 (April, without answers, has no point). Store B (filtered out) all 0 in January: were it counted,
// January would read (4 - 6) / 10 = -20.
const STORE_A: Record<string, number[]> = { '2026-01': [10, 10, 10, 9, 0], '2026-02': [10, 0, 0, 8, 7], '2026-03': [9, 9, 6, 5, 10, 10] };
const EXPECTED = [60, -20, 33.3];
const MONTHS = ['2026-01-01', '2026-02-01', '2026-03-01'];
const LABELS = ['1/1/26', '2/1/26', '3/1/26'];

/** The value markers (ECharts SVG: a unit circle path scaled and moved by a matrix) of the chart, left to right. */
function markers(svg: string): { x: number; y: number }[] {
  const found = [...svg.matchAll(/<path d="M1 0A1 1 0[^"]*" transform="matrix\(([^)]+)\)"[^>]*ecmeta_ssr_type="chart"/g)].map((m) => {
    const [, , , , x, y] = m[1].split(',').map(Number);
    return { x, y };
  });
  return found.sort((a, b) => a.x - b.x);
}

/** The value axis as the SVG labels it: tick labels (right-aligned numbers) and their heights, turned into height -> value. */
function valueAxis(svg: string): (y: number) => number {
  const ticks = [...svg.matchAll(/<text[^>]*text-anchor="end"[^>]*transform="translate\([\d.]+ ([\d.]+)\)"[^>]*>(-?[\d.]+)<\/text>/g)]
    .map((m) => ({ y: Number(m[1]), v: Number(m[2]) }));
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const [a, b] = [ticks[0], ticks.at(-1)!];
  return (y) => a.v + ((y - a.y) / (b.y - a.y)) * (b.v - a.v);
}

/** The x position of a category label of the SVG. */
function labelX(svg: string, label: string): number {
  const m = new RegExp(`<text[^>]*text-anchor="middle"[^>]*transform="translate\\(([\\d.]+) [\\d.]+\\)"[^>]*>${label.replaceAll('/', '\\/')}</text>`).exec(svg);
  return m ? Number(m[1]) : NaN;
}

describe('the PDF trend chart and the dashboard trend chart show the same data', () => {
  let server: TestServer;
  let browser: Browser;
  let surveyId = '';
  let storeA = '';
  const email = 'owner@server-chart.test';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildAnalyticsOrg(server.pool, 'Server Chart Org');
    const a = await buildLocation(server.pool, org.orgId, org.root, 'store', 'Store A');
    const b = await buildLocation(server.pool, org.orgId, org.root, 'store', 'Store B');
    storeA = a.id;
    await buildUser(server.pool, org.orgId, 'owner', email);
    const s = await seedSurvey(server.pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }], 'Coffee visits');
    surveyId = s.surveyId;
    const rows: SeedResponse[] = [
      ...Object.entries(STORE_A).flatMap(([month, scores]) => scores.map((score, i) => ({ locationId: a.id, at: `${month}-${String(10 + i)}T10:00:00Z`, answers: { nps: { score } } }))),
      ...[0, 0, 0, 0, 0].map((score, i) => ({ locationId: b.id, at: `2026-01-${String(10 + i)}T10:00:00Z`, answers: { nps: { score } } })),
    ];
    await seedResponses(server.pool, org.orgId, surveyId, s.ids, rows);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('same months and values in the dashboard (API and data table) and in the server-rendered SVG', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    const trendAnswer = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/analytics/trend') && r.ok());
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}?range=custom&from=2026-01-01&to=2026-04-30&location=${storeA}&interval=month`);
    const answer = await (await trendAnswer).json() as { points: { period: string; result: { value: number | null } | null }[] };
    const shown = answer.points.map((p) => p.result?.value ?? null);
    expect(answer.points.map((p) => p.period)).toEqual(MONTHS);
    expect(shown.map((v) => (v === null ? null : Math.round(v * 10) / 10))).toEqual(EXPECTED);
    // The page displays those numbers in the chart's data table.
    const panel = page.locator('section[aria-labelledby="trend-title"]');
    await panel.getByRole('button', { name: 'Show data table' }).click();
    const table = panel.locator('.chart-table table');
    await table.locator('tbody tr').first().waitFor();
    const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 2).map((c) => c.textContent?.trim())));
    expect(cells.map((c) => c[0])).toEqual(MONTHS);
    expect(cells.map((c) => c[1])).toEqual(['60', '-20', '33.3']);

    // The definition the dashboard's "Download PDF" posts, rendered as HTML instead of PDF.
    const pdf = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/reports/render');
    await page.getByTestId('download-pdf').click();
    expect((await pdf).status()).toBe(200);
    const { definition } = (await pdf).request().postDataJSON() as { definition: { filters: Record<string, string>; period: unknown } };
    expect(definition.filters.location).toBe(storeA);
    expect(definition.period).toEqual({ from: '2026-01-01', to: '2026-04-30' });
    const res = await page.request.post(`${server.baseUrl}/api/v1/reports/render`, { data: { definition, format: 'html', lang: 'en' } });
    expect(res.status()).toBe(200);
    const html = await res.text();
    const section = /<section class="section" data-section="trend">.*?<\/section>/s.exec(html)?.[0] ?? '';
    const svg = /<svg.*?<\/svg>/s.exec(section)?.[0] ?? '';
    expect(svg).not.toBe('');
    for (const label of LABELS) expect(svg).toContain(`>${label}</text>`);

    // One marker per month, above its month's label, at the height of the month's value on the drawn axis.
    const drawn = markers(svg);
    expect(drawn).toHaveLength(shown.length);
    const valueAt = valueAxis(svg);
    drawn.forEach((m, i) => {
      expect(m.x).toBeCloseTo(labelX(svg, LABELS[i]), 0);
      expect(valueAt(m.y)).toBeCloseTo(shown[i]!, 0);
    });
  }, 90_000);

  it('draws the Persian PDF trend legend inside the chart, its entries side by side without overlapping', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    const definition = { surveyId, sections: ['trend'], filters: { location: storeA }, period: { from: '2026-01-01', to: '2026-04-30' } };
    const res = await page.request.post(`${server.baseUrl}/api/v1/reports/render`, { data: { definition, format: 'html', lang: 'fa' } });
    expect(res.status()).toBe(200);
    await page.setContent(await res.text());
    const svg = page.locator('section[data-section="trend"] svg');
    const chart = (await svg.boundingBox())!;
    // Legend texts and the band's mark: the drawing's top row.
    const boxes = await svg.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      return [...el.querySelectorAll('text, path[ecmeta_ssr_type="legend"]:not([fill="none"])')]
        .map((n) => n.getBoundingClientRect())
        .filter((r) => r.top - top < 30 && r.width > 0)
        .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
    });
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(chart.x);
      expect(b.right).toBeLessThanOrEqual(chart.x + chart.width);
    }
    const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1));
    expect(overlaps).toEqual([]);
  }, 60_000);
});
