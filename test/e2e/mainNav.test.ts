/**
 * The main navigation in a real Chromium: on a 390 px phone it is one row that scrolls sideways (not rows of links
 * above the page), starting at the right in Persian; a link out of sight comes into view when the keyboard reaches
 * it, with a visible focus ring; the current page's link is in view after navigating; on the audit log only "Audit
 * log" is the current page (not "Settings" too). At 1280 px nothing is hidden in a scrolling row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildOrgWithOwner, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();

/** The nav's box and each link's box and text, in page pixels. */
async function navGeometry(page: Page) {
  return page.locator('nav.mainnav').evaluate((nav) => {
    const box = nav.getBoundingClientRect();
    return {
      nav: { left: box.left, right: box.right, height: box.height, scrollWidth: nav.scrollWidth, clientWidth: nav.clientWidth },
      links: [...nav.querySelectorAll('a')].map((a) => {
        const r = a.getBoundingClientRect();
        return { text: a.textContent ?? '', top: r.top, left: r.left, right: r.right, height: r.height, current: a.getAttribute('aria-current') };
      }),
    };
  });
}

describe('the main navigation', () => {
  let server: TestServer;
  let browser: Browser;
  const owner = 'owner@mainnav.test';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    await buildOrgWithOwner(server, 'Main Nav Org', owner);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is one scrolling row on a phone; the keyboard brings a hidden link into view with a visible focus ring', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, owner, TEST_PASSWORD);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Account' }).waitFor({ state: 'attached' });
    const g = await navGeometry(page);
    // An owner has every entry: far more than 390 px of links.
    expect(g.links.length).toBeGreaterThan(10);
    expect(new Set(g.links.map((l) => Math.round(l.top))).size).toBe(1);
    expect(g.nav.height).toBeLessThan(2 * g.links[0].height);
    expect(g.nav.scrollWidth).toBeGreaterThan(g.nav.clientWidth);
    // The row scrolls inside itself: the page does not get wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // "Account", the last entry, starts out of sight; tabbing to it brings it into the row's view.
    const account = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Account' });
    const before = g.links.find((l) => l.text === 'Account')!;
    expect(before.left).toBeGreaterThan(g.nav.right);
    // The overview page loads its panels after the nav is drawn and may move focus while it does (seen on a loaded CI
    // machine): let it settle, then tab from "Audit log" until the focus lands where the keyboard put it.
    await page.waitForLoadState('networkidle');
    await expect.poll(async () => {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).focus();
      await page.keyboard.press('Tab');
      return account.evaluate((a) => a === document.activeElement);
    }, { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => {
      const now = await navGeometry(page);
      const link = now.links.find((l) => l.text === 'Account')!;
      return link.left >= now.nav.left && link.right <= now.nav.right;
    }, { timeout: 5_000 }).toBe(true);
    expect(await account.evaluate((a) => getComputedStyle(a).outlineStyle)).toBe('solid');

    // Opened by its link, the audit log is the one current entry, and it is in view.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/app\/settings\/audit-log$/);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const onLog = await navGeometry(page);
    expect(onLog.links.filter((l) => l.current === 'page').map((l) => l.text)).toEqual(['Audit log']);
    const log = onLog.links.find((l) => l.text === 'Audit log')!;
    expect(log.left).toBeGreaterThanOrEqual(onLog.nav.left);
    expect(log.right).toBeLessThanOrEqual(onLog.nav.right);
    // Settings' own pages still make "Settings" current.
    await page.goto(`${server.baseUrl}/app/settings`);
    await expect.poll(async () => (await navGeometry(page)).links.filter((l) => l.current === 'page').map((l) => l.text)).toEqual(['Settings']);
    await page.context().close();
  });

  it('starts at the right in Persian, one row, and scrolls towards the left', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, owner, TEST_PASSWORD, { lang: 'fa' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'نمای کلی' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const g = await navGeometry(page);
    expect(new Set(g.links.map((l) => Math.round(l.top))).size).toBe(1);
    // The first entry (Overview) sits at the row's right edge; the last ones are hidden past its left edge.
    expect(g.links[0].text).toBe('نمای کلی');
    expect(g.links[0].right).toBeGreaterThan(g.nav.right - 40);
    expect(g.links.at(-1)!.right).toBeLessThan(g.nav.left);
    await page.context().close();
  });

  it('hides no entry in a scrolling row at 1280 px', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, owner, TEST_PASSWORD, { lang: 'ru' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('link', { name: 'Обзор' }).waitFor();
    const g = await navGeometry(page);
    expect(g.nav.scrollWidth).toBeLessThanOrEqual(g.nav.clientWidth);
    for (const l of g.links) {
      expect(l.left).toBeGreaterThanOrEqual(g.nav.left - 1);
      expect(l.right).toBeLessThanOrEqual(g.nav.right + 1);
    }
    await page.context().close();
  });
});
