/**
 * The review import wizard in a real Chromium: a CSV with Russian headers is chosen, the preview shows
 * the detected mapping, the counts and the bad row by its number; changing the mapping re-reads the
 * file; the import adds the good rows (checked in PostgreSQL), the list and the trend show them, and
 * the same file a second time has nothing new.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

describe('review import wizard in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let orgId = '';
  let file = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR, now: () => new Date('2026-06-20T12:00:00Z') });
    const org = await buildOrg(server.pool, 'Wizard Org');
    orgId = org.orgId;
    const store = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Тверская');
    await server.pool.query(`update locations set code = 'MSK-01' where id = $1`, [store.id]);
    await buildUser(server.pool, orgId, 'owner', 'owner@wizard.test');
    browser = await launchBrowser();
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rv-')), 'otzyvy.csv');
    fs.writeFileSync(file, [
      'Площадка;Оценка;Отзыв;Когда;Магазин;Автор',
      'Yandex Maps;5;"Всё отлично,\nспасибо";12.03.2026;MSK-01;Анна',
      'Yandex Maps;2;Долго ждали;13.03.2026;MSK-01;Борис',
      'Yandex Maps;9;Ошибка в оценке;14.03.2026;MSK-01;Вера',
    ].join('\n'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('maps, previews, imports and refuses to import the same file twice', { timeout: 90_000 }, async () => {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@wizard.test', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Reviews' }).click();
    await page.waitForURL(/\/app\/reviews$/);
    await page.getByTestId('reviews-empty').waitFor();
    await page.getByTestId('import-toggle').click();
    await page.getByTestId('import-file').setInputFiles(file);

    // "Когда" is no date header the import knows: the preview shows the columns and asks for the date.
    await page.getByTestId('mapping-problem').filter({ hasText: 'Choose the column with the date of the review.' }).waitFor();
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await page.getByTestId('map-date').inputValue()).toBe('');
    await page.getByTestId('map-date').selectOption('Когда');
    await poll(() => page.getByTestId('import-counts').textContent()).toBe('3 rows: 2 new, 0 duplicates, 1 with errors.');
    expect(await page.getByTestId('map-date').inputValue()).toBe('Когда');
    expect(await page.getByTestId('map-location').inputValue()).toBe('Магазин');
    const errors = page.getByTestId('import-errors');
    expect(await errors.locator('tbody tr td').allTextContents()).toEqual(['4', 'Rating', 'rating 9 is outside 1..5 (a 10-point file? choose the 1..10 scale)']);

    // On a 10-point scale row 4 is valid too; back on 5 stars it is not.
    await page.getByTestId('import-scale').selectOption('10');
    await poll(() => page.getByTestId('import-counts').textContent()).toBe('3 rows: 3 new, 0 duplicates, 0 with errors.');
    await page.getByTestId('import-scale').selectOption('5');
    await poll(() => page.getByTestId('import-counts').textContent()).toBe('3 rows: 2 new, 0 duplicates, 1 with errors.');
    // Not reading the author column is a mapping change the preview follows.
    await page.getByTestId('map-author').selectOption('');
    await poll(() => page.getByTestId('map-author').inputValue()).toBe('');

    await page.getByTestId('import-commit').click();
    await page.getByRole('status').filter({ hasText: '2 reviews added, 0 duplicates skipped, 1 row with errors skipped.' }).waitFor();
    const stored = await server.pool.query(`select text, author, rating::float8 as rating from reviews where org_id = $1 order by published_at`, [orgId]);
    expect(stored.rows).toEqual([{ text: 'Всё отлично,\nспасибо', author: null, rating: 5 }, { text: 'Долго ждали', author: null, rating: 2 }]);
    await poll(() => page.getByTestId('reviews-list').locator('li').count()).toBe(2);
    await poll(() => page.locator('.rv-series h3').allTextContents()).toEqual(['Yandex Maps']); // stored as yandex_maps, shown by its name

    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('map-date').selectOption('Когда');
    await page.getByTestId('map-author').selectOption('');
    await poll(() => page.getByTestId('import-counts').textContent()).toBe('3 rows: 0 new, 2 duplicates, 1 with errors.');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.context().close();
  });
});
