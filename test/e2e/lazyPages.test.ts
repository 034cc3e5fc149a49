/**
 * Dashboard pages load on first visit (src/web/shell/lazyPage.tsx), in a real Chromium against a
 * real server: the overview does not fetch other pages' code; a page's chunk comes when it is opened;
 * a chunk that cannot be fetched (a new version installed while the tab was open) reloads the page
 * once, and if that does not help, the page says what failed instead of staying blank.
 * Needs the dashboard built into dist/web (`npm run build`) and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrgWithOwner, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

describe('pages loaded on first visit', () => {
  let server: TestServer;
  let browser: Browser;
  const owner = `owner-${Date.now()}@lazy.test`;

  beforeAll(async () => {
    requirePageTestPrerequisites();
    server = await startTestServer({ webDir: WEB_DIR });
    await buildOrgWithOwner(server, 'Lazy Pages', owner);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fetches a page\'s code when it is opened, not with the overview', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, owner, TEST_PASSWORD);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.reload();
    await page.locator('h1').first().waitFor();
    expect(scripts.some((s) => /\/assets\/OverviewPage-[\w-]+\.js$/.test(s))).toBe(true);
    expect(scripts.filter((s) => /\/assets\/(LocationsPage|SurveyDashboard|BuilderPage|UsersPage)-/.test(s))).toEqual([]);

    await page.getByRole('link', { name: 'Locations' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('Locations');
    expect(scripts.some((s) => /\/assets\/LocationsPage-[\w-]+\.js$/.test(s))).toBe(true);
    await page.context().close();
  });

  it('fetches the messages of Russian or Persian only for an interface in that language', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, owner, TEST_PASSWORD);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.reload();
    await page.getByRole('link', { name: 'Locations' }).waitFor();
    const catalogues = () => scripts.filter((s) => /\/assets\/(ru|fa)-[\w-]+\.js$/.test(s));
    expect(catalogues()).toEqual([]);

    // Switching loads the Russian chunk, then the shell is in Russian (no English or keys in between).
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.getByRole('link', { name: 'Точки' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(catalogues()).toEqual([expect.stringMatching(/\/assets\/ru-[\w-]+\.js$/)]);
    await page.context().close();

    // Opened in Persian: the app appears right to left once the Persian chunk is in.
    const persian = await openSignedInPage(browser, server.baseUrl, owner, TEST_PASSWORD, { lang: 'fa' });
    await persian.getByRole('link', { name: 'شعبه‌ها' }).waitFor();
    expect(await persian.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await persian.context().close();
  });

  it('reloads once when a page\'s code cannot be fetched, then says so', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, owner, TEST_PASSWORD);
    let documents = 0;
    page.on('request', (r) => r.resourceType() === 'document' && documents++);
    await page.route(/\/assets\/LocationsPage-[\w-]+\.js$/, (route) => route.abort());
    await page.goto(`${server.baseUrl}/app/locations`);
    await poll(() => page.getByRole('alert').textContent()).toMatch(/^Something went wrong: /);
    expect(documents).toBe(2); // the visit and one reload, no loop

    // Fetchable again (e.g. after the reload got the new version's files): the page works.
    await page.unroute(/\/assets\/LocationsPage-[\w-]+\.js$/);
    await page.reload();
    await poll(() => page.locator('h1').textContent()).toBe('Locations');
    await page.context().close();
  });
});
