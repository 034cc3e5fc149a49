/**
 * The analytics pages in a real Chromium against a real server and database: survey dashboard
 * numbers, URL filters, location drill-down, chart exports, excluding a response, Persian RTL.
 * Needs the SPA built into dist/web (`npx vite build --config src/web/vite.config.ts`) and Chromium.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { applyResponsesToRollups } from '../../src/db/rollups/applyResponse.ts';

// The page loads data asynchronously; give each expectation a few seconds on a busy 2-core machine.
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

requirePageTestPrerequisites();

type Seed = { store: string; channel: string; score: number; comment?: string; fastMs?: number };

/** NPS (nps.v1) of a list of 0..10 scores, as the page should show it (one decimal). */
function npsText(scores: number[]): string {
  const p = scores.filter((s) => s >= 9).length;
  const d = scores.filter((s) => s <= 6).length;
  return new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format((100 * (p - d)) / scores.length);
}

describe('analytics dashboard in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let surveyId = '';
  let speederId = '';
  const ids: Record<string, string> = {};
  const email = `owner-${Date.now()}@example.com`;
  const seeds: Seed[] = [
    ...[10, 10, 9, 9, 8, 7, 6, 5, 10, 9].map((score) => ({ store: 'Store A', channel: 'link', score })),
    ...[3, 4, 10, 9, 8, 2].map((score) => ({ store: 'Store B', channel: 'email', score })),
    ...[10, 10, 10, 0].map((score) => ({ store: 'Store C', channel: 'email', score })),
  ];
  seeds[0].comment = 'Great <b>coffee</b>, friendly staff';
  seeds[16].fastMs = 900;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const { pool } = server;
    const org = await buildOrg(pool, 'E2E Coffee');
    const root = { id: org.rootLocationId, path: org.rootPath };
    const north = await buildLocation(pool, org.orgId, root, 'region', 'North');
    const south = await buildLocation(pool, org.orgId, root, 'region', 'South');
    Object.assign(ids, { org: org.orgId, north: north.id, south: south.id });
    ids['Store A'] = (await buildLocation(pool, org.orgId, north, 'store', 'Store A')).id;
    ids['Store B'] = (await buildLocation(pool, org.orgId, north, 'store', 'Store B')).id;
    ids['Store C'] = (await buildLocation(pool, org.orgId, south, 'store', 'Store C')).id;
    await buildUser(pool, org.orgId, 'owner', email);
    const s = await pool.query(
      `insert into surveys(org_id, slug, name, title, languages, default_language, status)
       values ($1, $2, 'Store visit', '{"en":"Store visit"}', '{en,fa}', 'en', 'live') returning id`,
      [org.orgId, `e2e-${Date.now()}`],
    );
    surveyId = s.rows[0].id;
    const q = await pool.query(
      `insert into questions(org_id, survey_id, key, position, type, metric, required, text, scale_min, scale_max)
       values ($1, $2, 'nps', 1, 'nps', 'nps', true, '{"en":"How likely are you to recommend us?","fa":"چقدر ما را پیشنهاد می‌کنید؟"}', 0, 10),
              ($1, $2, 'why', 2, 'text', 'none', false, '{"en":"Why?"}', null, null)
       returning id, key`,
      [org.orgId, surveyId],
    );
    const qid = Object.fromEntries(q.rows.map((r) => [r.key, r.id]));
    const responseIds: string[] = [];
    for (const [i, seed] of seeds.entries()) {
      const at = new Date(Date.now() - (i % 5) * 86_400_000 - 3_600_000).toISOString();
      const r = await pool.query(
        `insert into responses(org_id, survey_id, location_id, channel, language, idempotency_key, survey_version, submitted_at, started_at, duration_ms)
         values ($1, $2, $3, $4, 'en', $5, 1, $6, $6::timestamptz - make_interval(secs => $7::int / 1000.0), $7) returning id`,
        [org.orgId, surveyId, ids[seed.store], seed.channel, `k${i}`, at, seed.fastMs ?? 90_000],
      );
      const rid = r.rows[0].id as string;
      responseIds.push(rid);
      if (seed.fastMs) speederId = rid;
      const common = [org.orgId, rid, surveyId, ids[seed.store], seed.channel, at];
      await pool.query(
        `insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score)
         values ($1, $2, $7, $3, $4, $5, 'en', $6, $8)`,
        [...common, qid.nps, seed.score],
      );
      if (seed.comment) {
        await pool.query(
          `insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, text)
           values ($1, $2, $7, $3, $4, $5, 'en', $6, $8)`,
          [...common, qid.why, seed.comment],
        );
      }
    }
    await applyResponsesToRollups(pool, org.orgId, responseIds);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signedInPage = (lang = 'en'): Promise<Page> =>
    openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD, { lang, acceptDownloads: true });

  const kpi = (page: Page) => page.getByTestId('kpi-nps').getByTestId('metric-number');

  it('shows NPS with n, filters through the URL, drills down and exports', async () => {
    const page = await signedInPage();
    // Overview: a card per survey links to its dashboard (the home section above it may link the survey too).
    const card = page.getByRole('link', { name: 'Store visit' }).and(page.locator(':not([data-testid="home"] *)'));
    await poll(() => card.count()).toBe(1);
    await card.click();
    await page.waitForURL(new RegExp(`/app/surveys/${surveyId}`));

    await poll(() => kpi(page).textContent()).toBe(npsText(seeds.map((s) => s.score)));
    expect(await page.getByTestId('kpi-nps').textContent()).toContain(`n = ${seeds.length}`);
    expect(await page.getByTestId('kpi-nps').textContent()).toContain('nps.v1');

    // A filter goes to the URL and changes the number.
    await page.getByRole('combobox', { name: 'Channel', exact: true }).selectOption('email');
    await page.waitForURL(/channel=email/);
    await poll(() => kpi(page).textContent()).toBe(npsText(seeds.filter((s) => s.channel === 'email').map((s) => s.score)));
    // The same link in a fresh load reproduces the view.
    await page.reload();
    await poll(() => kpi(page).textContent()).toBe(npsText(seeds.filter((s) => s.channel === 'email').map((s) => s.score)));
    await page.getByRole('combobox', { name: 'Channel', exact: true }).selectOption('');
    await poll(() => page.url().includes('channel=')).toBe(false);

    // Drill down: North → its stores, as the dashboard's location filter (the KPIs follow); breadcrumb back.
    // The top level lists the company's regions (the single root is skipped, as in the API's breakdown).
    const table = page.getByTestId('breakdown-table');
    await poll(() => table.getByRole('button', { name: 'Open North' }).count()).toBe(1);
    expect(await table.getByRole('button', { name: 'Open E2E Coffee' }).count()).toBe(0);
    await table.getByRole('button', { name: 'Open North' }).click();
    await page.waitForURL(new RegExp(`location=${ids.north}`));
    await poll(async () => (await table.textContent()) ?? '').toContain('Store B');
    expect(await table.textContent()).not.toContain('Store C');
    await poll(() => kpi(page).textContent()).toBe(npsText(seeds.filter((s) => s.store !== 'Store C').map((s) => s.score)));
    await page.getByRole('navigation', { name: 'Location level' }).getByRole('button', { name: 'All locations' }).click();
    await poll(() => page.url().includes('location=')).toBe(false);

    // Exports of the trend chart: CSV (data) and SVG (drawing).
    const trend = page.locator('section[aria-labelledby="trend-title"] figure');
    await trend.getByRole('button', { name: 'CSV' }).waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), trend.getByRole('button', { name: 'CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = fs.readFileSync((await csv.path())!, 'utf8');
    expect(csvText).toContain('"Period","Value"');
    const [svg] = await Promise.all([page.waitForEvent('download'), trend.getByRole('button', { name: 'SVG' }).click()]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    expect(fs.readFileSync((await svg.path())!, 'utf8')).toMatch(/^<svg[\s>]/);
    const [png] = await Promise.all([page.waitForEvent('download'), trend.getByRole('button', { name: 'PNG' }).click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(fs.readFileSync((await png.path())!).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await trend.locator('[role=img]').getAttribute('aria-label')).toBeTruthy();

    // 20 answers are too few for key drivers: the page explains instead of failing.
    await poll(() => page.getByTestId('drivers-insufficient').count()).toBe(1);

    // Comments are text, never HTML.
    await poll(() => page.getByText('Great <b>coffee</b>, friendly staff').count()).toBe(1);
    await page.context().close();
  }, 120_000);

  it('excludes a flagged response on the data-quality page', async () => {
    const page = await signedInPage();
    await page.goto(`${server.baseUrl}/app/validation?survey=${surveyId}`);
    const row = page.locator(`tr[data-response="${speederId}"]`);
    await row.getByRole('button', { name: 'Exclude' }).click();
    await poll(() => page.getByTestId('quality-status').textContent()).toBe('Response excluded from the metrics.');
    await poll(() => row.getByRole('button', { name: 'Include' }).count()).toBe(1);
    const { rows } = await server.pool.query(`select excluded from responses where org_id = $1 and id = $2`, [ids.org, speederId]);
    expect(rows[0].excluded).toBe(true);

    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}`);
    const kept = seeds.filter((s) => !s.fastMs).map((s) => s.score);
    await poll(() => kpi(page).textContent()).toBe(npsText(kept));
    await page.context().close();
  }, 120_000);

  it('lays the dashboard out right to left in Persian', async () => {
    const page = await signedInPage('fa');
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}`);
    await poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await poll(async () => (await kpi(page).textContent()) ?? '').toMatch(/[۰-۹]/);
    expect(await page.getByRole('heading', { name: 'روند' }).count()).toBe(1);
    await page.context().close();
  }, 120_000);
});
