/**
 * The checklist pages in Chromium: at 1280 px the owner copies the store-visit starter, edits an item's
 * Persian text and points (the live total follows), is stopped at the field by a bad value, saves in place,
 * and after a visit used the version saves again as a new version that the history lists and shows read
 * only; leaving with unsaved changes asks first. At 390 px in Russian the list, the JSON import and the editor fit the phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseChecklist } from '../../../src/core/audits/checklist.ts';
import { insertVisit } from '../../../src/db/audits/visitScore.ts';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, TEST_PASSWORD, type TestServer } from '../../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../../helpers/browser.ts';

requirePageTestPrerequisites();

describe('checklist pages', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  let storeId = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Checklist Page Org');
    orgId = org.orgId;
    storeId = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Arbat 5')).id;
    await buildUser(server.pool, orgId, 'owner', 'owner@ckpage.test');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates from a starter, edits fa text and points, saves in place, then as a new version', { timeout: 120_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@ckpage.test', TEST_PASSWORD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/app/audits/checklists`);
    await page.getByText('No checklists yet').waitFor();
    await page.getByTestId('ck-starter-store_visit').click();
    await page.getByTestId('ck-editor').waitFor();
    const id = page.url().split('/').pop()!;
    // The store-visit starter: 1+2+1+1 + 3+3+2+0 + 2+2+1 + 1+2+0 = 21 points.
    expect(await page.getByTestId('ck-total-points').innerText()).toBe('Possible points overall: 21');

    const first = page.getByTestId('ck-item').first();
    const fa = first.getByTestId('ck-item-text-fa');
    expect(await fa.getAttribute('dir')).toBe('rtl');
    await fa.fill('ورودی تمیز است');
    const points = first.getByTestId('ck-points');
    // A bad value is shown at its field and the save is refused.
    await points.fill('abc');
    await page.getByTestId('ck-save').click();
    await page.getByText('Fix this first: sections[0].items[0].points: must be a number from 0 to 1000').waitFor();
    expect(await points.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ck-points');
    await points.fill('3');
    // Entrance section: 3 + 2 + 1 + 1 = 7; overall 21 - 1 + 3 = 23.
    expect(await page.getByTestId('ck-section-points').first().innerText()).toBe('Possible points in this section: 7');
    expect(await page.getByTestId('ck-total-points').innerText()).toBe('Possible points overall: 23');

    // Leaving with unsaved changes asks first; staying keeps the edits.
    await page.getByRole('link', { name: 'All checklists' }).click();
    await page.getByRole('dialog', { name: 'Leave without saving?' }).waitFor();
    await page.getByRole('button', { name: 'Stay' }).click();
    expect(await fa.inputValue()).toBe('ورودی تمیز است');

    await page.getByTestId('ck-save').click();
    await page.getByRole('status').filter({ hasText: 'Saved (version 1)' }).waitFor();
    const v1 = await server.pool.query(`select version, definition from checklist_versions where org_id = $1 and checklist_id = $2 order by version`, [orgId, id]);
    expect(v1.rows.map((r) => r.version)).toEqual([1]);
    expect(v1.rows[0].definition.sections[0].items[0].points).toBe(3);
    expect(v1.rows[0].definition.sections[0].items[0].text.fa).toBe('ورودی تمیز است');

    // A visit scored against version 1: the next save makes version 2.
    const client = await server.pool.connect();
    try {
      await insertVisit(client, { orgId, kind: 'visit', checklistId: id, checklistVersion: 1, locationId: storeId, visitedAt: new Date() }, parseChecklist(v1.rows[0].definition), { clean_entrance: { value: 'yes' } } as any);
    } finally {
      client.release();
    }
    await points.fill('4');
    await page.getByTestId('ck-save').click();
    await page.getByRole('status').filter({ hasText: 'Saved as version 2: visits keep the version they were scored against' }).waitFor();
    const versions = page.getByTestId('ck-versions').locator('li');
    expect(await versions.count()).toBe(2);
    expect(await versions.nth(1).innerText()).toContain('Version 1');
    expect(await versions.nth(1).innerText()).toContain('1 visit');
    await page.getByRole('button', { name: 'View version 1' }).click();
    const view = page.getByTestId('ck-version-view');
    await view.waitFor();
    expect(await view.locator('li li').first().innerText()).toContain('3 points');
    const stored = await server.pool.query(`select c.version, v.definition from checklists c join checklist_versions v on v.org_id = c.org_id and v.checklist_id = c.id and v.version = 2 where c.org_id = $1 and c.id = $2`, [orgId, id]);
    expect(stored.rows[0].version).toBe(2);
    expect(stored.rows[0].definition.sections[0].items[0].points).toBe(4);
    await page.context().close();
  });

  it('lists, imports (refusing bad files with the place named) and edits at 390 px in Russian without overflowing the phone', { timeout: 60_000 }, async () => {
    const made = await (await signIn(server.baseUrl, 'owner@ckpage.test')).post('/api/v1/checklists', { starter: 'store_visit', name: 'Магазины Москвы' });
    expect(made.status).toBe(201);
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@ckpage.test', TEST_PASSWORD, { lang: 'ru' });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.baseUrl}/app/audits/checklists`);
    await page.getByRole('heading', { level: 1, name: 'Чек-листы' }).waitFor();
    const row = page.getByTestId('ck-row').filter({ hasText: 'Магазины Москвы' });
    await row.waitFor();
    // The store visit: 14 items in 4 sections.
    expect(await row.innerText()).toContain('14 пунктов в 4 разделах');
    expect(await page.getByTestId('ck-starter-phone_call').innerText()).toBe('Новый: Звонок (тайный звонок)');
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // Import: a file that is not JSON is refused on the page; the server's complaint names the place; a good file opens in the editor.
    const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByTestId('ck-import').setInputFiles(file('broken.json', '{"name": '));
    await page.getByRole('alert').filter({ hasText: 'Это не JSON' }).waitFor();
    await page.getByTestId('ck-import').setInputFiles(file('bad.json', JSON.stringify({ name: 'X', sections: [{ key: 's', items: [{ key: 'q', text: 'Q', points: 'two' }] }] })));
    await page.getByRole('alert').filter({ hasText: 'sections[0].items[0].points: must be a number from 0 to 1000' }).waitFor();
    expect((await server.pool.query(`select count(*)::int as n from checklists where org_id = $1 and name = 'X'`, [orgId])).rows[0].n).toBe(0);
    await page.getByTestId('ck-import').setInputFiles(file('ok.json', JSON.stringify({ name: { en: 'Kiosk', ru: 'Киоск' }, sections: [{ key: 's', items: [{ key: 'q', text: 'Q', points: 2 }] }] })));
    await page.getByTestId('ck-editor').waitFor();
    expect(await page.getByTestId('ck-total-points').innerText()).toBe('Всего возможных баллов: 2');
    await page.goto(`${server.baseUrl}/app/audits/checklists`);
    // The editor stacks its fields on the phone.
    await row.getByRole('link', { name: 'Магазины Москвы' }).click();
    await page.getByTestId('ck-editor').waitFor();
    expect(await page.getByTestId('ck-total-points').innerText()).toBe('Всего возможных баллов: 21');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
