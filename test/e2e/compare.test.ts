/**
 * The dashboard's compare panel in a real Chromium against a real server and database: it says what
 * A and B are, clears its result when the mode changes, says higher/lower (not increase/decrease) for
 * locations, compares a store with the rest of its region, and offers a location manager
 * "my location vs the company". Needs the SPA built into dist/web and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

requirePageTestPrerequisites();

describe('compare panel in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let surveyId = '';
  const ids: Record<string, string> = {};
  const owner = `owner-${Date.now()}@compare.test`;
  const manager = `manager-${Date.now()}@compare.test`;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const { pool } = server;
    const org = await buildOrg(pool, 'Compare Coffee');
    const root = { id: org.rootLocationId, path: org.rootPath };
    const north = await buildLocation(pool, org.orgId, root, 'region', 'North');
    const south = await buildLocation(pool, org.orgId, root, 'region', 'South');
    ids.north = north.id;
    ids.A = (await buildLocation(pool, org.orgId, north, 'store', 'Store A')).id;
    ids.B = (await buildLocation(pool, org.orgId, north, 'store', 'Store B')).id;
    ids.C = (await buildLocation(pool, org.orgId, south, 'store', 'Store C')).id;
    await buildUser(pool, org.orgId, 'owner', owner);
    await buildUser(pool, org.orgId, 'location_manager', manager, [ids.A]);
    const s = await seedSurvey(pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }], 'Store visit');
    surveyId = s.surveyId;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    // Store A: 40 promoters (NPS 100); Store B: 40 detractors (NPS -100); Store C: 10 passives (NPS 0).
    const answers = (store: string, score: number, n: number) => Array.from({ length: n }, () => ({ locationId: ids[store], at: yesterday, answers: { nps: { score } } }));
    await seedResponses(pool, org.orgId, surveyId, s.ids, [...answers('A', 10, 40), ...answers('B', 0, 40), ...answers('C', 8, 10)]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (email: string): Promise<Page> => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}`);
    return page;
  };
  const panelOf = (page: Page) => page.locator('section[aria-labelledby="compare-title"]');
  // Location names are bidi-isolated (FSI…PDI) in the labels; compare what a reader sees.
  const text = async (page: Page, testId: string) => ((await panelOf(page).getByTestId(testId).textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');

  it('labels A and B, clears on a mode change, and says higher/lower for a store against the rest of its region', async () => {
    const page = await open(owner);
    const panel = panelOf(page);
    // The default comparison (this period against the previous one) says which period each side is.
    await poll(() => panel.getByTestId('compare-result').count()).toBe(1);
    expect(await text(page, 'compare-side-a')).toMatch(/^A/);
    expect(await text(page, 'compare-side-b')).toMatch(/^B/);
    expect(await text(page, 'compare-side-a')).toContain('All locations');

    await panel.getByTestId('compare-mode').selectOption('locations');
    // The period result gives way to "press Compare" (rendered in its place): nothing stale stays on screen.
    await poll(() => panel.getByTestId('compare-pending').count()).toBe(1);
    expect(await panel.getByTestId('compare-result').count()).toBe(0);

    await panel.getByRole('group', { name: 'Side A' }).getByRole('combobox', { name: 'Location' }).selectOption(ids.A);
    await panel.getByRole('group', { name: 'Side B' }).getByRole('combobox', { name: 'Location' }).selectOption(ids.north);
    await panel.getByRole('button', { name: 'Compare', exact: true }).click();
    await poll(() => text(page, 'compare-side-b')).toContain('Rest of North (without Store A)');
    expect(await text(page, 'compare-side-a')).toContain('Store A');
    // A = Store A (NPS 100, n 40); B = North without Store A = Store B (NPS -100, n 40), not North (n 80).
    const numbers = await panel.getByTestId('metric-number').allTextContents();
    expect(numbers).toEqual(['100', '-100']);
    expect(await text(page, 'compare-result')).toContain('n = 40');
    const verdict = await text(page, 'compare-verdict');
    expect(verdict).toBe('A is significantly higher than B');
    expect(await text(page, 'compare-result')).not.toMatch(/increase|decrease/);
    await page.context().close();
  }, 120_000);

  it('offers a location manager "my location vs the company" in one click, without other stores', async () => {
    const page = await open(manager);
    const panel = panelOf(page);
    await panel.getByRole('button', { name: 'My location vs the company' }).click();
    await poll(() => text(page, 'compare-side-b')).toContain('Rest of the company');
    expect(await text(page, 'compare-side-a')).toContain('Store A');
    // Rest of the company = Stores B and C: 0 promoters, 40 detractors of 50 -> NPS -80.
    expect(await panel.getByTestId('metric-number').allTextContents()).toEqual(['100', '-80']);
    const shown = await text(page, 'compare-result');
    for (const other of ['Store B', 'Store C', 'North', 'South']) expect(shown).not.toContain(other);
    await page.context().close();
  }, 120_000);
});
