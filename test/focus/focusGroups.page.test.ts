/**
 * The focus-group pages in Chromium: the owner records a session at 1280 px (participants by role, the name
 * field only once names are allowed, a question, Russian notes with the character counter), sees the notes
 * analysed (sentences marked negative / positive with their themes, the themes table), turns a suggested
 * sentence into a finding and links it to an action plan; the list filters by kind; the pages fit a 390 px
 * phone in Persian (right-to-left).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();

const NOTES = 'Очередь на кассе огромная, ждали очень долго.\nПерсонал в зале вежливый и приветливый, спасибо!';
const SHOTS = process.env.SARAFAN_SCREENSHOTS;

describe('focus group pages', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  let sessionUrl = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Focus Page Org');
    orgId = org.orgId;
    await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Arbat 5');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@fgpage.test');
    await server.pool.query(`insert into action_plans(org_id, title, location_ids, start_date) values ($1, 'Open a second till', '{}', '2026-01-01')`, [org.orgId]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a session, shows its analysis, makes a finding and links it to a plan', { timeout: 120_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@fgpage.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/staff/focus-groups`);
    await page.getByText('No sessions yet', { exact: true }).waitFor();
    await page.getByTestId('fg-new').click();
    await page.getByTestId('fg-form').waitFor();
    await page.getByLabel('Title').fill('Cashiers, March');
    await page.getByLabel('Held on').fill('2026-03-10');
    await page.getByLabel('Location').selectOption({ label: '\u00a0\u00a0Arbat 5' });
    await page.getByLabel('Moderator').fill('Irina');
    await page.getByLabel('Role (participant 1)').fill('cashier');
    await page.getByLabel('Number of people (participant 1)').fill('4');
    // No name field until the participants agreed to be named.
    expect(await page.getByLabel('Name (participant 1)').count()).toBe(0);
    await page.getByTestId('fg-names-allowed').check();
    await page.getByLabel('Name (participant 1)').waitFor();
    await page.getByTestId('fg-names-allowed').uncheck();
    await page.getByLabel('Question 1').fill('What do customers complain about?');
    await page.getByLabel('Notes', { exact: true }).fill(NOTES);
    expect(await page.getByTestId('fg-chars').innerText()).toBe(`${NOTES.length} of 100,000 characters`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/fg-form-en-1280.png`, fullPage: true });
    await page.getByTestId('fg-save').click();
    await page.waitForURL(/\/app\/staff\/focus-groups\/[0-9a-f-]{36}$/);
    sessionUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Cashiers, March' }).waitFor();

    // The analysis: one negative sentence (waiting time), one positive (staff).
    const first = page.getByTestId('fg-sentence-0');
    expect(await first.getAttribute('data-sentiment')).toBe('negative');
    expect(await first.textContent()).toBe('−negative: Очередь на кассе огромная, ждали очень долго.');
    expect(await page.getByTestId('fg-sentence-1').getAttribute('data-sentiment')).toBe('positive');
    const themes = await page.getByTestId('fg-themes').locator('tbody tr').allInnerTexts();
    expect(themes.map((r) => r.replace(/\s+/g, ' ').trim()).sort()).toEqual(['Staff help 1 0', 'Staff politeness 1 0', 'Waiting time 1 1']);
    expect(await page.getByTestId('fg-analysis').innerText()).toContain('Sentences: 1 negative, 0 neutral, 1 positive');

    // The suggested finding: the negative sentence under "Waiting time", one click.
    const suggestions = page.getByTestId('fg-suggestions');
    await suggestions.getByRole('heading', { name: 'Waiting time' }).waitFor();
    await suggestions.getByRole('button', { name: /^Make a finding/ }).click();
    const finding = page.getByTestId('fg-finding');
    await finding.waitFor();
    expect(await finding.locator('.fg-finding-text').innerText()).toBe('Очередь на кассе огромная, ждали очень долго.');
    await expect.poll(() => suggestions.innerText()).toContain('No negative sentences left to turn into findings.');
    expect(await finding.getByTestId('fg-finding-plan').innerText()).toBe('Action plan: Not linked');

    // Link to the organisation's action plan; the link opens the plan's page.
    await finding.getByTestId('fg-plan-select').selectOption({ label: 'Open a second till' });
    await finding.getByTestId('fg-link').click();
    await finding.getByRole('link', { name: 'Open a second till' }).waitFor();
    const { rows } = await server.pool.query(
      `select f.text, f.theme, ap.title from focus_findings f join action_plans ap on ap.org_id = f.org_id and ap.id = f.action_plan_id where f.org_id = $1`, [orgId]);
    expect(rows).toEqual([{ text: 'Очередь на кассе огромная, ждали очень долго.', theme: 'waiting_time', title: 'Open a second till' }]);
    expect(await finding.getByRole('link', { name: 'Open a second till' }).getAttribute('href')).toMatch(/^\/app\/action-plans\/[0-9a-f-]{36}$/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/fg-session-en-1280.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    // The list, filtered by kind: the session is a focus group, not a debrief.
    await page.goto(`${server.baseUrl}/app/staff/focus-groups`);
    const list = page.getByTestId('fg-list');
    await list.getByRole('link', { name: 'Cashiers, March' }).waitFor();
    expect((await list.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ')).toContain('Focus group');
    await page.getByTestId('fg-filter-kind').selectOption('debrief');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No sessions match these filters', { exact: true }).waitFor();
  });

  for (const lang of ['fa', 'ru']) {
    it(`fits a 390 px phone in ${lang}`, { timeout: 90_000 }, async () => {
      const page = await openSignedInPage(browser, server.baseUrl, 'owner@fgpage.test', TEST_PASSWORD, { lang });
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [name, path] of [['list', '/app/staff/focus-groups'], ['session', sessionUrl], ['form', `${sessionUrl}/edit`]] as const) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.locator(name === 'list' ? '[data-testid=fg-list]' : name === 'form' ? '[data-testid=fg-form]' : '[data-testid=fg-findings]').waitFor();
        if (lang === 'fa') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/fg-${name}-${lang}-390.png`, fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} in ${lang}`).toBeLessThanOrEqual(390);
      }
    });
  }
});
