/**
 * /app/staff in Chromium: the owner picks the staff survey and sees the anonymous groups (a region with two
 * small stores merged into it, a store of 6 on its own), creates a staff results link for the region, and the
 * public page shows the same groups with the rule, in Persian right-to-left on a 390 px phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import type { Browser } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();

describe('staff results page', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Staff Page Org');
    const region = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'North');
    const small1 = await buildLocation(server.pool, org.orgId, region, 'store', 'Arbat 5');
    const small2 = await buildLocation(server.pool, org.orgId, region, 'store', 'Nevsky 20');
    const big = await buildLocation(server.pool, org.orgId, region, 'store', 'Tverskaya 1');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@staffpage.test');
    const owner = await signIn(server.baseUrl, 'owner@staffpage.test');
    const made = await owner.post('/api/v1/surveys', { template: 'staff_pulse' });
    await owner.post(`/api/v1/surveys/${made.json.survey.id}/status`, { status: 'live' });
    const send = async (loc: string, score: number) => {
      const res = await fetch(`${server.baseUrl}/s/${made.json.survey.slug}`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ _k: crypto.randomUUID(), _loc: loc, q_recommend_employer: score, q_customer_recommend: 7, q_customer_satisfaction: 4 }),
      });
      expect(res.status).toBe(200);
    };
    // Arbat 2 x 10 and Nevsky 3 x 0 -> North: 5 people, 2 promoters, 3 detractors: eNPS -20. Tverskaya 6 x 9: 100.
    for (let i = 0; i < 2; i++) await send(small1.id, 10);
    for (let i = 0; i < 3; i++) await send(small2.id, 0);
    for (let i = 0; i < 6; i++) await send(big.id, 9);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows merged groups, creates a results link and opens it in Persian on a phone', { timeout: 120_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@staffpage.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/staff`);
    const table = page.getByTestId('sv-group-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(2);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/North\s+5\s+-20/);
    expect(rows[0]).toContain('Arbat 5');
    expect(rows[0]).toContain('Nevsky 20');
    expect(rows[1]).toMatch(/Tverskaya 1\s+6\s+100/);
    await page.screenshot({ path: 'test-results/staff-results-1280-en.png', fullPage: true });

    await page.getByLabel('Location', { exact: true }).last().selectOption({ label: 'North' });
    await page.getByRole('button', { name: 'Create link' }).click();
    const url = await page.locator('[role=status] input, [role=status] code, [role=status] a').first().evaluate((el) => (el as HTMLInputElement).value || el.textContent || '');
    expect(url).toContain('/staff-results/');
    await expect.poll(() => page.getByTestId('sv-link-list').locator('tbody tr').count(), { timeout: 30_000 }).toBe(1);

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${url.trim()}?lang=fa`);
    expect(await phone.locator('html').getAttribute('dir')).toBe('rtl');
    const text = await phone.locator('main').innerText();
    expect(text).toContain('پاسخ‌ها ناشناس است');
    expect(text).toContain('Tverskaya 1');
    expect(text).toContain('North');
    await phone.screenshot({ path: 'test-results/staff-results-390-fa.png', fullPage: true });

    await page.getByRole('button', { name: 'Revoke the link of North' }).click();
    await expect.poll(async () => (await fetch(url.trim())).status, { timeout: 30_000 }).toBe(404);
  });
});
