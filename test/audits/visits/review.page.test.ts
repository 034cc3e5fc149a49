/**
 * The review page in Chromium at phone width (390 px): a reviewer opens a submitted visit from the list, sees
 * the failed item highlighted, tries a correction without a reason (refused, the answer kept), corrects it
 * with a reason (the score is recalculated: 6 of 9 -> 9 of 9), and publishes; the store's manager then sees
 * the published visit with its score and appeals an item once; another store's manager gets "not found".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../../helpers/browser.ts';
import { seedAuditOrg, seedVisit, type AuditOrg } from './fixtures.ts';

requirePageTestPrerequisites();

describe('audit visit review page', () => {
  let server: TestServer;
  let browser: Browser;
  let o: AuditOrg;
  let visitId = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    o = await seedAuditOrg(server.pool, 'reviewpage');
    // greet 2 + wait 0 (7 min fails "at most 5") + clean 4, smile N/A: 6 of 9 = 66.7%.
    visitId = await seedVisit(server.pool, o, { locationId: o.storeA.id, answers: { greet: { value: 'yes' }, smile: { value: 'na' }, wait: { measured: 7 }, clean: { value: 'yes' } } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('corrects with a reason, publishes, and the store manager appeals once', { timeout: 240_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, o.emails.analyst, TEST_PASSWORD);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/app/audits/visits`);
    const row = page.getByTestId('av-row').filter({ hasText: 'Store A' });
    await row.waitFor();
    expect(await row.innerText()).toContain('66.7%');
    expect(await row.innerText()).toContain('Submitted');
    await row.getByRole('link').click();
    await page.getByTestId('av-visit').waitFor();
    const wait = page.getByTestId('av-item-wait');
    expect(await wait.getAttribute('class')).toContain('failed');
    expect(await wait.innerText()).toContain('Measured: 7 min');

    // No reason: refused on the spot, the new value stays in the field.
    await page.getByTestId('av-correct-wait').click();
    const form = page.getByTestId('av-correct-form-wait');
    await form.getByLabel('Measured value (min)').fill('4');
    await form.getByRole('button', { name: 'Save correction' }).click();
    await form.getByText('Give the reason for the correction.').waitFor();
    expect(await form.getByLabel('Measured value (min)').inputValue()).toBe('4');
    await form.getByLabel('Reason (required)').fill('The stopwatch was started early');
    await form.getByRole('button', { name: 'Save correction' }).click();
    // 2 + 3 + 4 = 9 of 9.
    await page.getByTestId('av-score').getByText('100%').waitFor();
    expect(await page.getByTestId('av-score').innerText()).toContain('9 of 9 points');
    expect(await page.getByTestId('av-corrections').innerText()).toContain('The stopwatch was started early');
    expect(await page.getByTestId('av-item-wait').getAttribute('class')).not.toContain('failed');

    await page.getByTestId('av-publish').click();
    await page.getByText('The visit is published to the location.').waitFor();
    expect(await page.getByTestId('av-meta').innerText()).toContain('Published');
    expect(await page.getByTestId('av-correct-greet').count()).toBe(0);
    // Nothing sticks out sideways at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const stored = await server.pool.query(`select status, score, reviewed_by from audit_visits where org_id = $1 and id = $2`, [o.orgId, visitId]);
    expect(stored.rows[0]).toEqual({ status: 'published', score: 100, reviewed_by: o.users.analyst });

    // The store's manager: the score, read-only, one appeal per item.
    const manager = await openSignedInPage(browser, server.baseUrl, o.emails.managerA, TEST_PASSWORD);
    await manager.setViewportSize({ width: 390, height: 844 });
    await manager.goto(`${server.baseUrl}/app/audits/visits`);
    const mine = manager.getByTestId('av-row').filter({ hasText: 'Store A' });
    await mine.waitFor();
    expect(await mine.innerText()).toContain('100%');
    await mine.getByRole('link').click();
    await manager.getByTestId('av-visit').waitFor();
    expect(await manager.getByTestId('av-publish').count()).toBe(0);
    expect(await manager.getByTestId('av-correct-greet').count()).toBe(0);
    await manager.getByTestId('av-appeal-smile').click();
    await manager.getByLabel('Why is this item disputed?').fill('Nobody was at the counter');
    await manager.getByRole('button', { name: 'Send appeal' }).click();
    await manager.getByTestId('av-appeal-status-smile').getByText('Appealed: waiting for a decision').waitFor();
    expect(await manager.getByTestId('av-appeal-smile').count()).toBe(0);
    expect(await manager.getByTestId('av-appeal-greet').count()).toBe(1);

    const other = await openSignedInPage(browser, server.baseUrl, o.emails.managerB, TEST_PASSWORD);
    await other.goto(`${server.baseUrl}/app/audits/visits/${visitId}`);
    await other.getByText('This visit does not exist or is not visible to you.').waitFor();
  });
});
