/**
 * The closed-loop report and an action plan's page in Chromium over fixture cases and answers (fixture.ts):
 * tile values computed by hand, the Pareto table in its order, a store manager's narrower numbers, Persian
 * right-to-left, and a plan created through the form whose page says the improvement is significant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { seedClosedLoopOrg } from './fixture.ts';

requirePageTestPrerequisites();

const MARCH = 'period=custom&from=2026-03-01&to=2026-03-31';
const DOMAIN = 'clpage.test';

describe('closed-loop report and action plan pages', () => {
  let server: TestServer;
  let browser: Browser;
  let seed: Awaited<ReturnType<typeof seedClosedLoopOrg>>;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR, now: () => new Date('2026-04-01T12:00:00Z') });
    seed = await seedClosedLoopOrg(server, DOMAIN);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const tile = (page: Page, id: string) => page.getByTestId(`clr-kpi-${id}`).getByTestId('clr-kpi-value');

  it('shows the tiles, the Pareto table and compensation (en)', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, `admin@${DOMAIN}`, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name: 'Report', exact: true }).click();
    await page.waitForURL(/\/app\/cases\/report$/);
    // the Report tab is the current one, not the Inbox whose URL it extends
    // (the tab bar follows the new URL once the lazily loaded report page has rendered)
    await expect.poll(() => page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name: 'Report', exact: true }).getAttribute('aria-current'), { timeout: 15_000 }).toBe('page');
    expect(await page.getByRole('link', { name: 'Inbox' }).getAttribute('aria-current')).toBeNull();
    await page.goto(`${server.baseUrl}/app/cases/report?${MARCH}`);
    await tile(page, 'sla').waitFor();
    // SLA: 1, 3 and 6 met; 2 and 4 missed -> 3 of 5
    expect(await tile(page, 'sla').textContent()).toBe('60%');
    expect(await tile(page, 'overdue').textContent()).toBe('1');
    // first actions 600, 1800, 2700, 3600, 7200 s: median 2700 s = 45 min
    expect(await tile(page, 'first-action').textContent()).toBe('45 min');
    // recovery: case 1 (3 -> 9) recovered, case 2 (5 -> 6) not: 1 of 2
    expect(await tile(page, 'recovery').textContent()).toBe('50%');
    expect(await page.getByTestId('clr-kpi-recovery').textContent()).toContain('1 of 2 customers who answered');
    // Pareto: staff behaviour 3; delivery and price 1 each, tied: the taxonomy's order (delivery first)
    const causes = await page.locator('[data-testid=clr-pareto] figure table tbody tr td:first-child').allTextContents();
    expect(causes).toEqual(['Staff behaviour', 'Delivery', 'Price']);
    expect(await page.locator('[data-testid=clr-pareto] svg').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('clr-comp-total').textContent()).toMatch(/1,700/);
    // the location filter goes to the address and narrows the numbers: store A has 1 and 3 met, 2 missed
    await page.getByTestId('clr-filter-location').selectOption({ label: 'Store A' });
    await page.waitForURL(new RegExp(`location=${seed.stores.A}`));
    await expect.poll(() => tile(page, 'sla').textContent()).toBe('66.7%');
    await page.context().close();
  });

  it('gives a store manager only their store, in Persian right to left', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, `a@${DOMAIN}`, TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/cases/report?${MARCH}`);
    await tile(page, 'sla').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // 2 of 3 (cases 1 and 3 met, 2 missed) in Persian digits
    expect(await tile(page, 'sla').textContent()).toContain('۶۶٫۷');
    expect(await tile(page, 'overdue').textContent()).toContain('۰');
    const causes = await page.locator('[data-testid=clr-pareto] figure table tbody tr td:first-child').allTextContents();
    expect(causes).toEqual(['رفتار کارکنان', 'قیمت']);
    // another store named in the address is not found
    await page.goto(`${server.baseUrl}/app/cases/report?${MARCH}&location=${seed.stores.B}`);
    await page.getByRole('alert').first().waitFor();
    await page.context().close();
  });

  it('creates a plan through the form and shows its significant improvement', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, `admin@${DOMAIN}`, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/action-plans`);
    await page.getByTestId('plan-new').click();
    await page.waitForURL(/\/app\/action-plans\/new$/);
    // A save without a title keeps the form and names the field
    await page.getByTestId('plan-save').click();
    await page.locator('.field-error').first().waitFor();
    expect(await page.locator('.field-error').first().textContent()).toMatch(/^title:/);
    await page.getByLabel('Title').fill('Train cashiers at Store A');
    await page.getByLabel('Start date').fill('2026-03-01');
    await page.getByLabel('Survey').selectOption({ label: 'Survey' });
    await page.getByLabel('Question (target metric)').selectOption({ label: 'Would you recommend us?' });
    await page.getByLabel('Target value').fill('35');
    await page.getByTestId('plan-locations').getByLabel('Store A').check();
    await page.getByTestId('plan-save').click();
    await page.waitForURL(/\/app\/action-plans\/[0-9a-f-]{36}$/);
    await page.getByTestId('plan-verdict').waitFor();
    expect(await page.getByTestId('plan-before').getByTestId('metric-number').textContent()).toBe('-25');
    expect(await page.getByTestId('plan-after').getByTestId('metric-number').textContent()).toBe('50');
    expect(await page.getByTestId('plan-verdict').textContent()).toBe('Significant improvement: the change is unlikely to be chance.');
    expect(await page.getByTestId('plan-diff').textContent()).toBe('Change: +75');
    expect(await page.locator('[data-testid=plan-trend] svg').count()).toBeGreaterThan(0);
    // listed, with its location
    await page.getByRole('link', { name: 'All action plans' }).click();
    expect(await page.getByTestId('plan-list').textContent()).toContain('Train cashiers at Store A');
    await page.context().close();
  });
});
