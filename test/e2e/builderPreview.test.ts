/**
 * The builder's live preview and question library in real Chromium (issue 17): at phone width the preview, behind
 * its toggle, follows the author's typing and shows Persian right to left; a question added from the library keeps
 * its key and metric through the save. Needs Chromium and the built SPA in dist/web (`npm run build:web`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

describe('live preview and question library in the builder', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let orgId = '';
  let surveyId = '';

  const api = (method: string, url: string, body?: unknown) =>
    page.evaluate(
      async ([m, u, b]) => {
        const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: b === undefined ? undefined : JSON.stringify(b) });
        return { status: res.status, json: await res.json().catch(() => null) };
      },
      [method, url, body] as const,
    );
  const frame = () => page.frameLocator('iframe.preview-frame');

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Preview Shop');
    orgId = org.orgId;
    await buildUser(server.pool, orgId, 'owner', 'owner@preview-e2e.test');
    browser = await launchBrowser();
    page = await openSignedInPage(browser, server.baseUrl, 'owner@preview-e2e.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 390, height: 844 });
    const created = await api('POST', '/api/v1/surveys', {
      name: 'Harbour visit', slug: 'harbour-preview', title: { en: 'Your visit', fa: 'بازدید شما' }, languages: ['en', 'fa'], defaultLanguage: 'en',
      questions: [{ key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Would you recommend us?', fa: 'ما را توصیه می‌کنید؟' } }],
    });
    expect(created.status).toBe(201);
    surveyId = created.json.survey.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('at phone width, the preview follows the typing and is right to left in Persian', async () => {
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}/edit`);
    await page.getByRole('button', { name: 'Show preview' }).click();
    await poll(() => page.getByRole('button', { name: 'Hide preview' }).getAttribute('aria-expanded')).toBe('true');
    await poll(() => frame().locator('h1').textContent()).toBe('Your visit');
    // The respondent page's own preview banner, inside the frame.
    await poll(() => frame().locator('p.pv').count()).toBe(1);

    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Your visit to <the> harbour');
    await poll(() => frame().locator('h1').textContent()).toBe('Your visit to <the> harbour');
    await title.fill('Your visit to the harbour today');
    await poll(() => frame().locator('h1').textContent()).toBe('Your visit to the harbour today');

    // A draft that cannot be shown keeps the last preview and says what to fix.
    const question = page.locator('.question-card textarea').first();
    await question.fill('');
    await poll(() => page.locator('.preview-note').textContent()).toContain('questions.0.text.en');
    expect(await frame().locator('h1').textContent()).toBe('Your visit to the harbour today');
    await question.fill('Would you recommend the harbour?');
    await poll(() => page.locator('.preview-note').count()).toBe(0);
    await poll(() => frame().locator('legend, .qt').first().textContent()).toContain('Would you recommend the harbour?');

    await page.locator('.preview-pane select').selectOption('fa');
    await poll(() => frame().locator('html').getAttribute('dir')).toBe('rtl');
    expect(await frame().locator('html').getAttribute('lang')).toBe('fa');
    expect(await frame().locator('h1').textContent()).toBe('بازدید شما');
    // The frame keeps the phone's width (390 px) within the screen.
    const box = await page.locator('iframe.preview-frame').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    expect(box!.width).toBeGreaterThan(250);
  }, 60_000);

  it('opens the phone preview at the question being edited', async () => {
    const text = (en: string) => ({ en });
    const created = await api('POST', '/api/v1/surveys', {
      name: 'Three screens', slug: 'three-screens', title: text('Three screens'), languages: ['en'], defaultLanguage: 'en',
      questions: [
        { key: 'first', type: 'text', text: text('First question') },
        { key: 'second', type: 'text', text: text('Second question') },
        { key: 'third', type: 'text', text: text('Third question') },
      ],
    });
    expect(created.status).toBe(201);
    await page.goto(`${server.baseUrl}/app/surveys/${created.json.survey.id}/edit`);
    await page.getByRole('button', { name: 'Show preview' }).click();
    // One question per screen at phone width: the first screen before any edit.
    await poll(() => frame().locator('fieldset.q.cur .qt').textContent()).toBe('First question');
    await page.locator('.question-card textarea').nth(2).fill('Third question, reworded');
    await poll(() => frame().locator('fieldset.q.cur .qt').textContent()).toBe('Third question, reworded');
    await page.locator('.question-card textarea').nth(1).fill('Second question, reworded');
    await poll(() => frame().locator('fieldset.q.cur .qt').textContent()).toBe('Second question, reworded');
  }, 60_000);

  it('adds a question from the library with its key and metric, and refuses a key the survey has', async () => {
    const saved = await api('POST', '/api/v1/question-library', {
      question: { key: 'satisfaction', type: 'rating', metric: 'csat', required: true, scale: { min: 1, max: 5 }, text: { en: 'How satisfied are you?', fa: 'چقدر راضی هستید؟' } },
    });
    expect(saved.status).toBe(201);
    await api('POST', '/api/v1/question-library', { question: { key: 'nps', type: 'nps', metric: 'nps', text: { en: 'Recommend?' } } });
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}/edit`);
    await page.getByRole('button', { name: 'Add from library' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a question from the library' });
    await dialog.getByLabel('Search by text or key').fill('satisf');
    await poll(() => dialog.locator('.library-item').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Add "How satisfied are you?"' }).click();
    await poll(() => page.locator('.question-card').count()).toBe(2);
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await poll(async () => (await server.pool.query(`select key, type, metric, box_min from questions where org_id = $1 and survey_id = $2 order by position`, [orgId, surveyId])).rows)
      .toEqual([
        { key: 'nps', type: 'nps', metric: 'nps', box_min: null },
        { key: 'satisfaction', type: 'rating', metric: 'csat', box_min: 4 },
      ]);

    // The survey has "nps" already: the library's nps question is not added.
    await page.getByRole('button', { name: 'Add from library' }).click();
    await dialog.getByRole('button', { name: 'Add "Recommend?"' }).click();
    await poll(() => dialog.getByRole('status').textContent()).toBe('This survey already has a question with the key "nps", so it was not added.');
    expect(await page.locator('.question-card').count()).toBe(2);
  }, 60_000);
});
