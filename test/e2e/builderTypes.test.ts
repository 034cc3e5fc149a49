/**
 * The survey builder with the new question types in Chromium: a matrix and a number question are added from the
 * add menu, their rows and range edited, and the saved survey stores the matrix as one rating question per row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrg, buildUser, signIn, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
requirePageTestPrerequisites();

describe('builder: new question types', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId: string;
  let surveyId: string;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    orgId = (await buildOrg(server.pool, 'Builder Types')).orgId;
    await buildUser(server.pool, orgId, 'owner', 'owner@builder-types.test');
    const owner = await signIn(server.baseUrl, 'owner@builder-types.test');
    const created = await owner.post('/api/v1/surveys', { name: 'Grid', title: { en: 'Grid' }, languages: ['en', 'fa'], questions: [] });
    expect(created.status, created.text).toBe(201);
    surveyId = created.json.survey.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a matrix and a number question and saves them', async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@builder-types.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/surveys/${surveyId}/edit`);
    await page.getByLabel('Question type').selectOption('matrix');
    await page.getByRole('button', { name: 'Add question' }).click();
    const grid = page.locator('.question-card').last();
    await poll(() => grid.count()).toBe(1);
    await grid.getByLabel('Question text').fill('Rate our shop');
    await grid.getByLabel('Row 1', { exact: true }).fill('Staff');
    await grid.getByLabel('Row 2', { exact: true }).fill('Prices');
    await grid.getByRole('button', { name: 'Add row' }).click();
    await grid.getByLabel('Row 3', { exact: true }).fill('Music');
    await grid.getByRole('button', { name: 'Remove row 2' }).click();

    await page.getByLabel('Question type').selectOption('number');
    await page.getByRole('button', { name: 'Add question' }).click();
    const people = page.locator('.question-card').last();
    await people.getByLabel('Question text').fill('How many of you?');
    await people.getByLabel('Lowest').fill('1');
    await people.getByLabel('Highest').fill('12');
    await page.screenshot({ path: '/tmp/qtypes/builder-1280-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Save' }).first().click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);

    const { rows } = await server.pool.query(`select key, type, text from questions where org_id = $1 and survey_id = $2 order by position`, [orgId, surveyId]);
    expect(rows.map((r) => `${r.key}:${r.type}:${r.text.en}`)).toEqual(['matrix__row_1:rating:Staff', 'matrix__row_3:rating:Music', 'number:number:How many of you?']);
    const got = await page.evaluate((id) => fetch(`/api/v1/surveys/${id}`).then((r) => r.json()), surveyId);
    expect(got.survey.questions[1].range).toEqual({ min: 1, max: 12 });
    await page.context().close();
  });
});
