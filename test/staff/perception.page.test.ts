/**
 * The perception gap page in Chromium (issue 15 "Done when"): the owner sees, per location, the staff's estimate
 * beside the customers' answers with the gap in plain words and the complaints staff do not see (numbers worked out
 * in test/staff/perception.test.ts); the same page in Persian on a 390 px phone; an organisation without a staff
 * survey is told what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { seedPerception } from './perceptionSeed.ts';

requirePageTestPrerequisites();

const NOVEMBER = '/app/staff/perception?period=custom&from=2026-11-01&to=2026-11-30';
const SHOTS = process.env.SCREENSHOT_DIR;

describe('perception gap page', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    await seedPerception(server.pool, 'pgpage.test');
    const empty = await buildOrg(server.pool, 'No Staff Survey');
    await buildUser(server.pool, empty.orgId, 'owner', 'owner@empty.test');
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rowOf = (page: Page, name: string) => page.getByTestId('pg-row').filter({ has: page.getByRole('rowheader', { name }) });

  it('shows the staff estimate beside the customers, the gap and what staff do not see', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@pgpage.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.baseUrl + NOVEMBER);
    await page.getByTestId('pg-table').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Perception gap');
    expect(await page.getByTestId('pg-row').count()).toBe(2);

    // Region R: Store B's 4 staff merged with R's 1: expected NPS 40 against the customers' 14.3 (gap +25.7), CSAT 80% against 42.9%.
    const region = rowOf(page, 'Region R');
    expect(await region.getByTestId('pg-staff-n').innerText()).toBe('5');
    expect(await region.getByTestId('pg-nps').getByTestId('pg-expected').innerText()).toBe('40');
    expect(await region.getByTestId('pg-nps').getByTestId('pg-actual').innerText()).toBe('14.3');
    expect(await region.getByTestId('pg-nps-gap').innerText()).toContain('+25.7 pts');
    expect(await region.getByTestId('pg-nps-gap').innerText()).toContain('Staff are more optimistic than customers');
    expect(await region.getByTestId('pg-csat').getByTestId('pg-expected').innerText()).toBe('80%');
    expect(await region.getByTestId('pg-csat').getByTestId('pg-actual').innerText()).toBe('42.9%');
    expect(await region.getByTestId('pg-customers-n').innerText()).toBe('7');

    // Store A: 16.7 against 60 (gap −43.3, more pessimistic); CSAT 66.7% against 60% (+6.7, more optimistic).
    const storeA = rowOf(page, 'Store A');
    expect(await storeA.getByTestId('pg-staff-n').innerText()).toBe('6');
    expect(await storeA.getByTestId('pg-nps').getByTestId('pg-expected').innerText()).toBe('16.7');
    expect(await storeA.getByTestId('pg-nps').getByTestId('pg-actual').innerText()).toBe('60');
    expect(await storeA.getByTestId('pg-nps-gap').innerText()).toContain('−43.3 pts');
    expect(await storeA.getByTestId('pg-nps-gap').innerText()).toContain('Staff are more pessimistic than customers');
    expect(await storeA.getByTestId('pg-csat-gap').innerText()).toContain('+6.7 pts');

    // Store D's 2 staff cannot be shown: the note says one group is hidden; no row has fewer than 5.
    expect(await page.getByTestId('pg-anonymity').innerText()).toContain('1 group is too small to show');
    expect(await page.getByTestId('pg-status').innerText()).toBe('2 groups shown');

    // What staff do not see: in Store A the "Staff" theme (half of the negative comments, named by no one).
    const complaintsA = page.getByTestId('pg-complaints').filter({ has: page.getByRole('heading', { name: 'Store A' }) });
    expect(await complaintsA.getByTestId('pg-unseen-count').innerText()).toBe('1 problem staff do not see');
    expect(await complaintsA.getByTestId('pg-unseen-row').innerText()).toMatch(/^Staff\s+50%\s+0%\s+Not seen$/);
    const complaintsR = page.getByTestId('pg-complaints').filter({ has: page.getByRole('heading', { name: 'Region R' }) });
    expect(await complaintsR.getByTestId('pg-unseen-count').innerText()).toBe('4 problems staff do not see');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/perception-en-1280.png`, fullPage: true });

    // A location narrows the view: only Store A.
    await page.getByTestId('pg-filter-location').selectOption({ label: '\u00a0\u00a0\u00a0\u00a0Store A' });
    await page.getByTestId('pg-status').filter({ hasText: '1 group shown' }).waitFor();
    expect(await page.getByTestId('pg-row').count()).toBe(1);
    await page.context().close();
  });

  it('works in Persian on a phone, right to left, without sideways scrolling of the page', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@pgpage.test', TEST_PASSWORD, { lang: 'fa' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.baseUrl + NOVEMBER);
    await page.getByTestId('pg-table').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('شکاف ادراک');
    expect(await rowOf(page, 'Region R').getByTestId('pg-nps-gap').innerText()).toContain('کارکنان از مشتریان خوش‌بین‌ترند');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/perception-fa-390.png`, fullPage: true });
    await page.context().close();
  });

  it('speaks Russian with the plural forms of the groups', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@pgpage.test', TEST_PASSWORD, { lang: 'ru' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.baseUrl + NOVEMBER);
    await page.getByTestId('pg-table').waitFor();
    expect(await page.getByTestId('pg-status').innerText()).toBe('Показаны 2 группы');
    expect(await page.getByTestId('pg-anonymity').innerText()).toContain('1 группа слишком мала');
    expect(await rowOf(page, 'Store A').getByTestId('pg-nps-gap').innerText()).toContain('Сотрудники пессимистичнее клиентов');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/perception-ru-1280.png`, fullPage: true });
    await page.context().close();
  });

  it('tells an organisation without a staff survey to create one from the Staff pulse template', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@empty.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/staff/perception`);
    const empty = page.getByTestId('pg-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toContain('No staff survey yet');
    expect(await empty.innerText()).toContain('"Staff pulse" template');
    expect(await empty.getByRole('link', { name: 'Create a survey' }).getAttribute('href')).toBe('/app/surveys/new');
    await page.context().close();
  });
});
