/**
 * The administration pages in a real Chromium against a real server and database: first-visit
 * setup, locations CSV import, a survey from the NPS template through the builder to publishing and
 * its per-location links, inviting a user (link shown without SMTP) and accepting, Persian RTL.
 * Needs the SPA built into dist/web (`npx vite build --config src/web/vite.config.ts`) and Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/app.ts';
import { launchBrowser, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

describe('administration pages in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const password = 'e2e long password';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'en-US' });
    await context.addInitScript(() => localStorage.getItem('sarafan.lang') ?? localStorage.setItem('sarafan.lang', 'en'));
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates the owner on the first-visit setup page', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(/\/setup$/);
    await page.getByLabel('Organisation name').fill('E2E Bakery');
    await page.getByLabel('Your name').fill('Olga Owner');
    await page.getByLabel('E-mail').fill('owner@bakery.test');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create owner account' }).click();
    await page.waitForURL(/\/app$/);
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
    expect(me.user.role).toBe('owner');
  });

  it('imports locations from pasted CSV and shows them in the tree', async () => {
    await page.goto(`${server.baseUrl}/app/locations`);
    await poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByLabel('Or paste the CSV text').fill('code,name,kind,parent_code\nNORTH,North region,region,\nS01,Main Street,store,NORTH\nS02,Harbour,store,NORTH\n');
    await poll(() => page.getByText('3 locations to import.').count()).toBe(1);
    await page.getByRole('button', { name: 'Import 3 locations' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).count()).toBe(1);
    await poll(() => page.getByRole('treeitem', { name: /North region/ }).count()).toBe(1);
    const bad = await page.evaluate(() =>
      fetch('/api/v1/locations/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'code,name,kind,parent_code\nX1,X,store,NOPE\n' }).then((r) => r.status),
    );
    expect(bad).toBe(400);
  });

  it('builds a survey from the NPS template, adds a question, publishes it and lists location links', async () => {
    await page.goto(`${server.baseUrl}/app/surveys`);
    await page.getByRole('link', { name: 'New survey' }).first().click();
    await page.locator('[data-template="nps_relational"] button').click();
    await page.waitForURL(/\/app\/surveys\/[0-9a-f-]+\/edit$/);
    const surveyId = /surveys\/([0-9a-f-]+)\/edit/.exec(page.url())![1];
    await poll(() => page.locator('.question-card').count()).toBeGreaterThan(0);
    const before = await page.locator('.question-card').count();

    await page.getByLabel('Question type').selectOption('text');
    await page.getByRole('button', { name: 'Add question' }).click();
    await poll(() => page.locator('.question-card').count()).toBe(before + 1);
    const added = page.locator('.question-card').last().getByLabel('Question text');
    await poll(() => added.evaluate((el) => el === document.activeElement)).toBe(true);
    await added.fill('Anything else you want to tell us?');
    // A server-side validation error lands next to the field it names, and the edits stay.
    const slug = page.getByLabel('Address');
    const goodSlug = await slug.inputValue();
    await slug.fill('ab');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await poll(() => slug.getAttribute('aria-invalid')).toBe('true');
    expect(await added.inputValue()).toBe('Anything else you want to tell us?');
    await slug.fill(goodSlug);
    await page.getByRole('button', { name: 'Save' }).first().click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    if (process.env.ADMIN_SHOTS) await page.screenshot({ path: '/tmp/admin-builder.png', fullPage: true });

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog', { name: 'Publish this survey?' }).getByRole('button', { name: 'Publish' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'The survey is live' }).count()).toBe(1);
    const stored = await page.evaluate((id) => fetch(`/api/v1/surveys/${id}`).then((r) => r.json()), surveyId);
    expect(stored.survey.status).toBe('live');
    expect(stored.survey.questions.at(-1).text.en).toBe('Anything else you want to tell us?');

    await page.getByRole('link', { name: 'Distribute' }).first().click();
    await page.waitForURL(/\/distribute$/);
    const row = page.getByRole('row', { name: /Main Street/ });
    await poll(() => row.count()).toBe(1);
    expect(await row.getByRole('link').first().getAttribute('href')).toMatch(/\/s\/[a-z0-9-]+\?loc=S01/);
    expect(await row.getByRole('link', { name: /PDF poster, English/ }).first().getAttribute('href')).toMatch(/poster\.pdf\?location=/);
    await page.getByLabel('Field 1 name').fill('order');
    await page.getByLabel('Field 1 value').fill('A-17');
    await poll(() => page.getByLabel('Resulting link').inputValue()).toMatch(/order=A-17/);
  });

  it('invites a user, shows the link without SMTP, and the invitee joins with it', async () => {
    await page.goto(`${server.baseUrl}/app/users`);
    await page.getByLabel('E-mail').fill('ana@bakery.test');
    await page.getByLabel('Role', { exact: true }).selectOption('analyst');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const link = page.getByLabel('Invitation link');
    await poll(() => link.inputValue().catch(() => '')).toMatch(/\/invite\/[A-Za-z0-9_-]+/);
    await poll(() => page.getByText('ana@bakery.test').count()).toBeGreaterThan(0);

    const guest = await browser.newContext({ locale: 'en-US' });
    const invitee = await guest.newPage();
    await invitee.goto(await link.inputValue());
    await poll(() => invitee.getByText(/E2E Bakery invites you as Analyst/).count()).toBe(1);
    await invitee.getByLabel('Your name').fill('Ana Analyst');
    await invitee.getByLabel('Password').fill('another long password');
    await invitee.getByRole('button', { name: 'Create my account' }).click();
    await invitee.waitForURL(/\/app$/);
    const me = await invitee.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
    expect(me.user.role).toBe('analyst');
    await guest.close();
  });

  it('lays the interface out right to left in Persian', async () => {
    await page.evaluate(() => localStorage.setItem('sarafan.lang', 'fa'));
    await page.goto(`${server.baseUrl}/app/surveys`);
    await poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('نظرسنجی‌ها');
    await poll(() => page.getByText('فعال').count()).toBeGreaterThan(0);
    if (process.env.ADMIN_SHOTS) {
      await page.goto(`${server.baseUrl}/app/locations`);
      await poll(() => page.getByRole('treeitem').count()).toBeGreaterThan(1);
      await page.getByRole('treeitem').first().focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.screenshot({ path: '/tmp/admin-locations-fa.png', fullPage: true });
    }
  });
});
