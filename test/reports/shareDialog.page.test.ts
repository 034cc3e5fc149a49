/**
 * The Share dialog end to end in a real Chromium (docs/sharing.md): on a survey dashboard the owner creates a
 * link (comments off); the dialog shows the address once, with Copy and the embed snippet; a browser without
 * any session opens the address and sees the survey's name and its NPS; the dialog has one way out at each step
 * (Cancel, then Close) and Escape closes it; the link is revoked on
 * /app/shared-links and the address then answers 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

requirePageTestPrerequisites();

// One store, five answers: four promoters (10, 10, 10, 9) and a detractor (0): NPS (4 - 1) / 5 = 60.
const SCORES = [10, 10, 10, 9, 0];
const SURVEY = 'Coffee visits';
const COMMENT = 'The oat milk ran out again';

describe('the Share dialog, the public page and revoking, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let surveyId = '';
  const email = 'owner@share-dialog.test';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildAnalyticsOrg(server.pool, 'Share Dialog Org');
    const store = await buildLocation(server.pool, org.orgId, org.root, 'store', 'Store A');
    await buildUser(server.pool, org.orgId, 'owner', email);
    const s = await seedSurvey(server.pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }, { key: 'why', type: 'text' }], SURVEY);
    surveyId = s.surveyId;
    await seedResponses(server.pool, org.orgId, surveyId, s.ids, SCORES.map((score, i) => ({
      locationId: store.id, at: `2026-10-0${i + 1}T10:00:00Z`, answers: { nps: { score }, ...(i === 0 ? { why: { text: COMMENT } } : {}) },
    })));
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a link shown once with Copy and the embed code; a visitor without session sees the report; revoked, it is gone', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, email, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}?range=all`);
    await poll(() => page.getByTestId('kpi-nps').textContent()).toContain('n = 5');

    await page.getByTestId('share-button').click();
    const dialog = page.getByRole('dialog', { name: 'Share a read-only link' });
    await dialog.getByLabel('Title').fill('October for the board');
    const comments = dialog.getByLabel(/Include comments/);
    expect(await comments.isChecked()).toBe(false);
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/shared-links');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    expect((await created).status()).toBe(201);

    const result = dialog.getByTestId('share-result');
    await result.waitFor();
    const url = await result.getByRole('textbox', { name: 'Link' }).inputValue();
    expect(url).toMatch(new RegExp(`^${server.baseUrl}/p/[A-Za-z0-9_-]{20,}$`));
    expect(await result.getByRole('button', { name: 'Copy' }).isVisible()).toBe(true);
    const embed = await result.getByLabel('Embed code for an intranet page').inputValue();
    expect(embed).toContain('<iframe');
    expect(embed).toContain(`src="${url}/embed"`);

    // One way out once the link is made: Close (and Escape), no Cancel beside it that would seem to undo the link.
    expect(await dialog.getByRole('button').allTextContents()).toEqual(['Copy', 'Close']);

    // Shown once: closed and opened again, the dialog asks for a new link and the address is nowhere on the page.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('share-button').click();
    await dialog.getByLabel('Title').waitFor();
    expect(await dialog.getByTestId('share-result').count()).toBe(0);
    expect(await page.content()).not.toContain(url);
    // Before a link is made: Create link, and Cancel as the one way out.
    expect(await dialog.getByRole('button').allTextContents()).toEqual(['Create link', 'Cancel']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Escape closes it too, and focus goes back to the Share button.
    await page.getByTestId('share-button').click();
    await dialog.getByLabel('Title').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('share-button').evaluate((b) => b === document.activeElement)).toBe(true);

    // A visitor: a fresh browser context, no cookies, no session.
    const visitor = await browser.newContext();
    const guest = await visitor.newPage();
    const shown = await guest.goto(url);
    expect(shown?.status()).toBe(200);
    expect(await guest.locator('body').textContent()).toContain(SURVEY);
    expect(await guest.locator('[data-kpi=nps] .kpi-figure .value').textContent()).toBe('60');
    // Comments were not included.
    expect(await guest.content()).not.toContain(COMMENT);

    await page.goto(`${server.baseUrl}/app/shared-links`);
    const row = page.getByTestId('shared-links').getByRole('row', { name: /October for the board/ });
    await row.getByRole('button', { name: 'Revoke' }).click();
    const revoked = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/shared-links\/[^/]+\/revoke$/.test(new URL(r.url()).pathname));
    await row.getByRole('button', { name: 'Yes' }).click();
    expect((await revoked).status()).toBe(200);
    await poll(() => page.getByRole('status').filter({ hasText: 'Link revoked.' }).count()).toBe(1);

    const gone = await guest.goto(url);
    expect(gone?.status()).toBe(404);
    expect(await guest.locator('body').textContent()).not.toContain(SURVEY);
    await visitor.close();
  }, 90_000);
});
