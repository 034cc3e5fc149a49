/**
 * In Chromium: a reviewer reviews a support contact on the scorecard at 1280 px (the score is worked out by hand),
 * then the agent's page at 390 px (phone) shows the review, the customers' CSAT and an overdue coaching follow-up; the QA
 * page in Persian (right to left); a calibration session scored blind, then its agreement (worked out by hand).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildUser, signIn, TEST_PASSWORD, startTestServer, type TestServer } from '../../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../../helpers/browser.ts';
import { seedQaOrg } from './fixture.ts';

requirePageTestPrerequisites();

describe('QA pages in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let fx: Awaited<ReturnType<typeof seedQaOrg>>;
  let ann: string;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    fx = await seedQaOrg(server.pool, 'QA Pages Org');
    await buildUser(server.pool, fx.orgId, 'owner', 'owner@qapages.test');
    const e = await server.pool.query(`insert into employees(org_id, name, code, location_id, agent_name) values ($1, 'Ann Lee', 'A-1', $2, 'ann') returning id`, [fx.orgId, fx.stores.A]);
    ann = e.rows[0].id;
    await server.pool.query(`insert into coaching_notes(org_id, employee_id, note, follow_up_on) values ($1, $2, 'Verify identity first', '2026-01-10')`, [fx.orgId, ann]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reviews a contact on the scorecard at desktop width', { timeout: 120_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@qapages.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/audits/qa`);
    await page.getByTestId('qa-review-start').click();
    await page.waitForURL(/\/app\/audits\/qa\/review$/);
    await page.getByTestId('qa-contacts').getByText('Refund for order 1').click();
    // Submitting with nothing answered says how many items are missing and stores nothing.
    await page.getByRole('button', { name: 'Save the review' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('4 items are not answered yet');
    const item = (key: string) => page.locator(`[data-item="${key}"]`);
    await item('greet').getByLabel('Yes').check();
    await item('name').getByLabel('N/A').check();
    await item('solve').getByRole('spinbutton').fill('2');
    await item('privacy').getByLabel('Yes').check();
    await page.getByLabel('Notes').fill('Friendly, slow on the fix');
    await page.getByRole('button', { name: 'Save the review' }).click();
    // greet 2/2, name N/A, solve 2/3, privacy 1/1: 5 of 6 = 83.3%.
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Review saved: score 83.3%.');
    const stored = await server.pool.query(`select employee_id, earned, possible, notes from audit_visits where org_id = $1 and kind = 'qa'`, [fx.orgId]);
    expect(stored.rows).toEqual([{ employee_id: ann, earned: 5, possible: 6, notes: 'Friendly, slow on the fix' }]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1280);
    await page.context().close();
  });

  it("shows the agent's page on a phone with the QA score, CSAT and the overdue follow-up", { timeout: 120_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@qapages.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/app/audits/staff`);
    await page.getByTestId('qa-staff-list').getByRole('link', { name: 'Ann Lee' }).click();
    await page.waitForURL(new RegExp(`/app/audits/staff/${ann}$`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ann Lee');
    const tiles = page.getByTestId('qa-emp-tiles');
    await expect.poll(() => tiles.textContent()).toContain('83.3%');
    // CSAT of all Ann's contacts: k1 5, 4; k3 2; k4 1 -> 2 of 4 satisfied = 50%.
    await expect.poll(() => tiles.textContent()).toContain('50');
    const overdue = page.getByTestId('qa-coaching-notes').locator('.is-overdue');
    await expect.poll(() => overdue.textContent()).toContain('Verify identity first');
    expect(await overdue.textContent()).toContain('Overdue');
    // A new note with a follow-up, then marked done.
    await page.getByLabel('Note', { exact: true }).fill('Practise the greeting');
    await page.getByRole('button', { name: 'Add the note' }).click();
    await expect.poll(() => page.getByTestId('qa-coaching-notes').textContent()).toContain('Practise the greeting');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('shows the quality reviews page in Persian, right to left, with the agent flagged below target', { timeout: 120_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@qapages.test', TEST_PASSWORD, { lang: 'fa' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/app/audits/qa`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ارزیابی کیفیت');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Ann: one review of 83.3 (below the default QA target 85) -> flagged in words.
    await expect.poll(() => page.getByTestId('qa-agents').textContent()).toContain('زیر هدف');
    // The review page on the phone: nothing wider than the screen, and the "by hand" checkbox on the line of its words
    // (the global label is a column, which put the box alone on a line above them).
    await page.goto(`${server.baseUrl}/app/audits/qa/review`);
    const byHand = page.getByLabel('نوشتن تماس به‌صورت دستی');
    await byHand.waitFor();
    const sameLine = await byHand.evaluate((box) => {
      const label = box.closest('label')!;
      const range = document.createRange();
      range.selectNodeContents(label.lastChild!);
      const b = box.getBoundingClientRect();
      const w = range.getBoundingClientRect();
      return b.top < w.bottom && w.top < b.bottom;
    });
    expect(sameLine).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('scores a calibration session blind, then shows the agreement once two reviewers have scored', { timeout: 120_000 }, async () => {
    const other = await buildUser(server.pool, fx.orgId, 'analyst', 'analyst@qapages.test');
    const ownerId = (await server.pool.query(`select id from users where email = 'owner@qapages.test'`)).rows[0].id;
    const session = await server.pool.query(
      `insert into audit_calibrations(org_id, name, checklist_id, checklist_version, subject, reviewer_ids) values ($1, 'April calibration', $2, 1, 'Chat about a refund', $3) returning id`,
      [fx.orgId, fx.checklistId, [ownerId, other]],
    );
    const id = session.rows[0].id;
    // The analyst scores first: all pass (7 of 7).
    const analyst = await signIn(server.baseUrl, 'analyst@qapages.test');
    expect((await analyst.post(`/api/v1/audit-calibrations/${id}/scores`, { answers: { greet: { value: 'yes' }, name: { value: 'yes' }, solve: { value: 3 }, privacy: { value: 'yes' } } })).status).toBe(201);
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@qapages.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/audits/qa`);
    await page.getByTestId('qa-cal-list').getByRole('link', { name: 'April calibration' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('April calibration');
    // Blind: the analyst has scored, but neither their score nor the agreement is shown yet.
    const reviewers = page.getByTestId('qa-cal-reviewers');
    await expect.poll(() => reviewers.textContent()).toContain('analyst@qapages.test: ✓');
    expect(await page.getByTestId('qa-agreement').count()).toBe(0);
    const item = (key: string) => page.locator(`[data-item="${key}"]`);
    // Owner: greet no, name yes, solve 3, privacy yes -> 5 of 7 = 71.4%.
    await item('greet').getByLabel('No').check();
    await item('name').getByLabel('Yes').check();
    await item('solve').getByRole('spinbutton').fill('3');
    await item('privacy').getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Submit my scoring' }).click();
    await expect.poll(() => reviewers.textContent()).toContain('100%');
    expect(await reviewers.textContent()).toContain('71.4%');
    // Items: greet P/F, name P/P, solve P/P, privacy P/P -> pairwise 3 of 4 = 75%; ratings pass 7, fail 1 of 8:
    // Pe = (49 + 1) / 64 = 50/64; kappa = (0.75 - 50/64) / (1 - 50/64) = (48 - 50) / 14 = -0.14 -> poor.
    const agreement = page.getByTestId('qa-agreement');
    await expect.poll(() => agreement.textContent()).toContain('75%');
    expect(await agreement.textContent()).toContain('-0.14');
    expect(await agreement.textContent()).toContain('poor');
    await page.context().close();
  });
});
