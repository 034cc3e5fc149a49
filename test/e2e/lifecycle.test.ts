/**
 * The survey lifecycle in real Chromium: the author's preview with its banner (nothing stored), the
 * confirmations before publishing, closing and changing a live survey's address (old links redirect),
 * the unsaved-changes prompt on in-app navigation, and duplicate / archive / restore / delete (typed
 * name) in the survey list. Needs Chromium and the built SPA in dist/web (`npm run build:web`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

describe('survey lifecycle in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let orgId = '';
  let surveyId = '';

  const countResponses = async (id: string) =>
    (await server.pool.query(`select count(*)::int as n from responses where org_id = $1 and survey_id = $2`, [orgId, id])).rows[0].n as number;
  const api = (method: string, url: string, body?: unknown) =>
    page.evaluate(
      async ([m, u, b]) => {
        const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: b === undefined ? undefined : JSON.stringify(b) });
        return { status: res.status, json: await res.json().catch(() => null), url: res.url };
      },
      [method, url, body] as const,
    );

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Lifecycle Shop');
    orgId = org.orgId;
    const store = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Harbour');
    await server.pool.query(`update locations set code = 'H1' where org_id = $1 and id = $2`, [orgId, store.id]);
    await buildUser(server.pool, orgId, 'owner', 'owner@lifecycle.test');
    browser = await launchBrowser();
    page = await openSignedInPage(browser, server.baseUrl, 'owner@lifecycle.test', TEST_PASSWORD);
    const created = await api('POST', '/api/v1/surveys', { template: 'nps_relational', slug: 'harbour-visit', name: 'Harbour visit' });
    expect(created.status).toBe(201);
    surveyId = created.json.survey.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('previews a draft from the builder with a banner, and the preview stores nothing', async () => {
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}/edit`);
    const link = page.getByRole('link', { name: /Preview/ });
    await poll(() => link.getAttribute('href')).toBe('/s/harbour-visit?preview=1&lang=en');
    const [preview] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await preview.waitForLoadState();
    await expect(preview.getByRole('status').filter({ hasText: 'Preview — answers are not saved' }).count()).resolves.toBe(1);
    await preview.locator('input[type=radio][value="9"]').first().check();
    while ((await preview.locator('button.nx:visible').count()) > 0) await preview.locator('button.nx:visible').click();
    await preview.locator('button[type=submit]:visible').last().click();
    await preview.locator('h1', { hasText: 'Thank you!' }).waitFor();
    // The banner stays on the thank-you, so the author knows this was not a real answer.
    expect(await preview.getByRole('status').filter({ hasText: 'Preview — answers are not saved' }).count()).toBe(1);
    await preview.close();
    expect(await countResponses(surveyId)).toBe(0);

    // A visitor without a session gets "Survey not found" for the same address.
    const anonymous = await browser.newContext();
    const other = await anonymous.newPage();
    const res = await other.goto(`${server.baseUrl}/s/harbour-visit?preview=1`);
    expect(res?.status()).toBe(404);
    await other.locator('h1', { hasText: 'Survey not found' }).waitFor();
    await anonymous.close();
  });

  it('asks before publishing; cancelling keeps the draft', async () => {
    await page.getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this survey?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Cancel sent nothing: the survey is still a draft.
    expect((await api('GET', `/api/v1/surveys/${surveyId}`)).json.survey.status).toBe('draft');
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Publish');

    await page.getByRole('button', { name: 'Publish' }).click();
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'The survey is live' }).count()).toBe(1);
    expect((await api('GET', `/api/v1/surveys/${surveyId}`)).json.survey.status).toBe('live');
  });

  it('warns before changing a live survey\'s address, and the old address redirects with its query', async () => {
    const slug = page.getByLabel('Address');
    await slug.fill('harbour-spring');
    await poll(() => page.getByText(/the old address \u2066\/s\/harbour-visit\u2069 will redirect to the new one/).count()).toBe(1);
    await page.getByRole('button', { name: 'Save' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Change the address of a published survey?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('printed QR codes redirect to \u2066/s/harbour-spring\u2069');
    await dialog.getByRole('button', { name: 'Change address and save' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    const followed = await api('GET', '/s/harbour-visit?loc=H1&channel=qr');
    expect(followed.status).toBe(200);
    expect(followed.url).toBe(`${server.baseUrl}/s/harbour-spring?loc=H1&channel=qr`);
  });

  it('keeps unsaved edits from being dropped by in-app navigation', async () => {
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Harbour visit 2026');
    await page.getByRole('link', { name: '← All surveys' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stay and keep editing' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toMatch(/\/edit$/);
    expect(await name.inputValue()).toBe('Harbour visit 2026');

    await page.getByRole('link', { name: '← All surveys' }).click();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await page.waitForURL(/\/app\/surveys$/);
    expect((await api('GET', `/api/v1/surveys/${surveyId}`)).json.survey.name).toBe('Harbour visit');
  });

  it('asks the browser to confirm closing the tab with unsaved edits', async () => {
    const tab = await page.context().newPage();
    await tab.goto(`${server.baseUrl}/app/surveys/${surveyId}/edit`);
    await tab.getByLabel('Name', { exact: true }).fill('Edited, not saved');
    const asked = tab.waitForEvent('dialog');
    await tab.close({ runBeforeUnload: true });
    const prompt = await asked;
    expect(prompt.type()).toBe('beforeunload');
    await prompt.accept();
  });

  it('tells the admin when distribution links point to this machine only', async () => {
    // The test server runs without SARAFAN_PUBLIC_URL on 127.0.0.1, so its links are local.
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}/distribute`);
    const note = page.getByRole('note', { name: 'These links point to this computer only' });
    await note.waitFor();
    expect(await note.textContent()).toContain('Set SARAFAN_PUBLIC_URL to the public address of this server');
    expect(await note.textContent()).toContain('built from 127.0.0.1');
  });

  it('asks before closing a survey', async () => {
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}/edit`);
    await page.getByRole('button', { name: 'Close survey' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close this survey?' });
    await dialog.getByRole('button', { name: 'Close survey' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'The survey is closed' }).count()).toBe(1);
    expect((await api('GET', `/api/v1/surveys/${surveyId}`)).json.survey.status).toBe('closed');
  });

  it('duplicates, archives and restores from the survey list', async () => {
    await page.goto(`${server.baseUrl}/app/surveys`);
    await page.getByRole('button', { name: 'Duplicate Harbour visit' }).click();
    await page.waitForURL(/\/app\/surveys\/[0-9a-f-]+\/edit$/);
    await poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Harbour visit (copy)');

    await page.goto(`${server.baseUrl}/app/surveys`);
    await page.getByRole('button', { name: 'Archive Harbour visit (copy)' }).click();
    await page.getByRole('dialog', { name: 'Archive "Harbour visit (copy)"?' }).getByRole('button', { name: 'Archive' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: '"Harbour visit (copy)" archived.' }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /Harbour visit \(copy\)/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Archived surveys' }).click();
    await poll(() => page.getByRole('row', { name: /Harbour visit \(copy\)/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Restore Harbour visit (copy)' }).click();
    await poll(() => page.getByText('No archived surveys.').count()).toBe(1);
    await page.getByRole('button', { name: 'Current surveys' }).click();
    await poll(() => page.getByRole('row', { name: /Harbour visit \(copy\)/ }).count()).toBe(1);
  });

  it('deletes a survey with answers only after its name is typed, saying how many answers go', async () => {
    expect((await api('POST', `/api/v1/surveys/${surveyId}/status`, { status: 'live' })).status).toBe(200);
    const survey = (await api('GET', `/api/v1/surveys/${surveyId}`)).json.survey;
    const npsKey = survey.questions.find((q: { type: string }) => q.type === 'nps').key;
    for (const [i, score] of [7, 10].entries()) {
      expect((await api('POST', '/s/harbour-spring', { _k: `e2e-delete-key-${i}`, [`q_${npsKey}`]: score })).status).toBe(200);
    }
    await page.reload();
    await page.getByRole('button', { name: 'Delete Harbour visit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete "Harbour visit"?' });
    await poll(() => dialog.getByText('This also deletes its 2 responses for good').count()).toBe(1);
    const confirm = dialog.getByRole('button', { name: 'Delete for good' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type the survey name to confirm: Harbour visit').fill('Harbour');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type the survey name to confirm: Harbour visit').fill('Harbour visit');
    await confirm.click();
    await poll(() => page.getByRole('status').filter({ hasText: '"Harbour visit" deleted.' }).count()).toBe(1);
    expect(await countResponses(surveyId)).toBe(0);
    expect(await page.getByRole('row', { name: /^Harbour visit \/s\// }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /^Harbour visit \(copy\)/ }).count()).toBe(1);
  });

  it('shows the organisation\'s logo and accent on the survey page, allowed by the page\'s CSP', async () => {
    // A 1x1 PNG.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const uploaded = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      return (await fetch('/api/v1/org/logo', { method: 'PUT', headers: { 'content-type': 'image/png' }, body: bytes })).status;
    }, png);
    expect(uploaded).toBe(200);
    expect((await api('PUT', '/api/v1/org/branding', { accentColor: '#1a7f5a' })).status).toBe(200);
    const created = await api('POST', '/api/v1/surveys', { template: 'nps_relational', slug: 'branded-visit' });
    expect((await api('POST', `/api/v1/surveys/${created.json.survey.id}/status`, { status: 'live' })).status).toBe(200);

    const visitor = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const respondent = await visitor.newPage();
    const blocked: string[] = [];
    respondent.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    await respondent.goto(`${server.baseUrl}/s/branded-visit`);
    const logo = respondent.getByRole('img', { name: 'Lifecycle Shop' });
    await poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    // #1a7f5a with white text (4.97:1), from the accent style block.
    const button = respondent.locator('button:visible').last();
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(26, 127, 90)');
    expect(await button.evaluate((b) => getComputedStyle(b).color)).toBe('rgb(255, 255, 255)');
    expect(blocked).toEqual([]);
    await visitor.close();
  });
});
