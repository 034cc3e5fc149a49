/**
 * The Support page in Chromium over fixture contacts (fixture.ts): tile values, the table sorted from the
 * keyboard with aria-sort, a filter that changes the numbers through the URL, Persian (RTL) digits, and the
 * empty state that leads to the import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';
import { seedResponses, seedSurvey } from '../analytics/seed.ts';
import { insertContacts, type FixtureContact } from './fixture.ts';

requirePageTestPrerequisites();

const base = { channel: 'email', team: 'L1', agent: 'ann', priority: 'normal', category: 'billing', replies: 1, reopens: 0 };
// Five contacts of team L1 and two of L2 in March; alice comes back after two days (1 repeat of 3 with a customer).
const CONTACTS: FixtureContact[] = [
  { ...base, ext: 't1', customer: 'alice', store: 'A', at: '2026-03-02T09:00:00Z', fr: 10, fs: 60, ls: 60 },
  { ...base, ext: 't2', customer: 'alice', store: 'A', complaint: true, at: '2026-03-04T09:00:00Z', fr: 30, fs: 90, ls: 90, replies: 2 },
  { ...base, ext: 't3', customer: 'bob', store: 'A', channel: 'chat', at: '2026-03-06T09:00:00Z', fr: 50, fs: 70, ls: 70 },
  { ...base, ext: 't4', customer: null, store: 'A', at: '2026-03-08T09:00:00Z', fr: 20, fs: null, ls: null },
  { ...base, ext: 't5', customer: null, store: 'A', at: '2026-03-10T09:00:00Z', fr: 40, fs: 45, ls: 45 },
  { ...base, ext: 't6', customer: null, store: 'A', team: 'L2', agent: 'cid', at: '2026-03-12T09:00:00Z', fr: 5, fs: 10, ls: 10 },
  { ...base, ext: 't7', customer: null, store: 'A', team: 'L2', agent: 'cid', channel: 'chat', at: '2026-03-14T09:00:00Z', fr: 15, fs: 20, ls: 20 },
];
const MARCH = 'period=custom&from=2026-03-01&to=2026-03-31';

describe('support page', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR, now: () => new Date('2026-04-01T12:00:00Z') });
    const org = await buildOrg(server.pool, 'Support Page Org');
    const store = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store A');
    await insertContacts(server.pool, org.orgId, { A: store.id }, CONTACTS);
    // CSAT answers after t1 (ann, solved in 60 minutes): 5 and 2 of 5, one of two satisfied.
    const csat = await seedSurvey(server.pool, org.orgId, [{ key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 }]);
    const answers = await seedResponses(server.pool, org.orgId, csat.surveyId, csat.ids, [5, 2].map((score) => ({ locationId: store.id, at: '2026-03-03T09:00:00Z', answers: { csat: { score } } })));
    await server.pool.query(`update responses set support_contact_id = (select id from support_contacts where org_id = $1 and external_id = 't1') where id = any($2::uuid[])`, [org.orgId, answers]);
    await buildUser(server.pool, org.orgId, 'owner', 'owner@sppage.test');
    const empty = await buildOrg(server.pool, 'Empty Support Org');
    await buildUser(server.pool, empty.orgId, 'owner', 'owner@spempty.test');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const tile = (page: Page, id: string) => page.getByTestId(`sp-kpi-${id}`).getByTestId('sp-kpi-value');
  const firstColumn = (page: Page) => page.locator('[data-testid=sp-group-table] tbody th').allTextContents();

  it('shows the tiles and sorts the table from the keyboard (en)', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@sppage.test', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Support' }).click();
    await page.waitForURL(/\/app\/support$/);
    await page.goto(`${server.baseUrl}/app/support?${MARCH}`);
    await tile(page, 'contacts').waitFor();
    expect(await tile(page, 'contacts').textContent()).toBe('7');
    // First responses 5, 10, 15, 20, 30, 40, 50 minutes: the median is 20 minutes.
    expect(await tile(page, 'first-response').textContent()).toBe('20 min');
    // alice's t1 is followed by t2 within 7 days: 1 of 3 contacts with a customer.
    expect(await tile(page, 'repeat').textContent()).toBe('33.3%');
    expect(await page.getByTestId('sp-kpi-repeat').locator('.an-kpi-label').textContent()).toBe('Repeat contacts within 7 days');
    // February (the previous period) has no contacts: no tile shows a change or a better/worse mark.
    await page.locator('[data-testid=sp-kpi-contacts][data-previous=none]').waitFor();
    expect(await page.getByTestId('sp-kpi-delta').count()).toBe(0);
    expect(await page.locator('.sp-verdict').count()).toBe(0);

    // The import stays one click away when there is data.
    expect(await page.getByTestId('sp-import').getAttribute('href')).toBe('/app/support/import');
    // Satisfaction after contacts: ann's t1 has two answers, one satisfied; solved in 60 minutes, so in 1-4 h.
    await page.getByTestId('sp-sat-agent').waitFor();
    const row = page.locator('[data-testid=sp-sat-agent] tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('th').textContent()).toBe('ann');
    expect(await row.getByTestId('metric-number').textContent()).toBe('50%');
    expect(await row.locator('td.num').textContent()).toBe('1');
    expect(await page.locator('[data-testid=sp-sat-resolution] tbody th').allTextContents()).toEqual(['1–4 h']);

    await page.getByTestId('sp-group-by').selectOption('team');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=sp-group-table] tbody tr').length === 2);
    expect(await firstColumn(page)).toEqual(['L1', 'L2']);
    const contactsHeader = page.locator('th', { has: page.getByTestId('sp-sort-contacts') });
    expect(await contactsHeader.getAttribute('aria-sort')).toBe('descending');
    await page.getByTestId('sp-sort-contacts').focus();
    await page.keyboard.press('Enter');
    expect(await contactsHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await firstColumn(page)).toEqual(['L2', 'L1']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the next header: first response, highest first
    expect(await contactsHeader.getAttribute('aria-sort')).toBeNull();
    expect(await page.locator('th', { has: page.getByTestId('sp-sort-firstResponse') }).getAttribute('aria-sort')).toBe('descending');
    // L1 median first response 30 min, L2 10 min.
    expect(await firstColumn(page)).toEqual(['L1', 'L2']);

    // A filter changes the numbers through the URL.
    await page.getByTestId('sp-filter-channel').selectOption('chat');
    await page.waitForURL(/channel=chat/);
    await page.waitForFunction(() => document.querySelector('[data-testid=sp-kpi-contacts] [data-testid=sp-kpi-value]')?.textContent === '2');
    await page.close();
  });

  it('compares with a previous period that has contacts', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@sppage.test', TEST_PASSWORD);
    // 8-14 March (t4-t7: 4 contacts) against 1-7 March (t1-t3: 3 contacts).
    await page.goto(`${server.baseUrl}/app/support?period=custom&from=2026-03-08&to=2026-03-14`);
    await page.locator('[data-testid=sp-kpi-contacts][data-previous=data]').waitFor();
    expect(await tile(page, 'contacts').textContent()).toBe('4');
    expect(await page.getByTestId('sp-kpi-contacts').getByTestId('sp-kpi-delta').locator('bdi').textContent()).toBe('+1');
    await page.close();
  });

  it('writes Persian digits right to left', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@sppage.test', TEST_PASSWORD, { lang: 'fa' });
    await page.goto(`${server.baseUrl}/app/support?${MARCH}`);
    await tile(page, 'contacts').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await tile(page, 'contacts').textContent()).toContain('۷');
    expect(await page.getByTestId('sp-kpi-repeat').locator('.an-kpi-label').textContent()).toBe('مراجعهٔ دوباره در \u2068۷\u2069 روز');
    await page.close();
  });

  it('leads an organisation without contacts to the import', { timeout: 60_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@spempty.test', TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/app/support`);
    await page.getByTestId('sp-none').waitFor();
    expect(await page.getByTestId('sp-none').getByRole('link', { name: 'Import contacts' }).getAttribute('href')).toBe('/app/support/import');
    await page.close();
  });
});
