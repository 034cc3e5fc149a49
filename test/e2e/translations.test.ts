/**
 * Translation files in the survey builder, in real Chromium: the download links, uploading a translated CSV
 * and the report of what changed and what is missing (en, ru, and Persian right to left). Needs the built SPA.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, requirePageTestPrerequisites, WEB_DIR } from '../helpers/browser.ts';

requirePageTestPrerequisites();

describe('translation files in the builder', () => {
  let server: TestServer;
  let browser: Browser;
  let surveyId = '';
  let dir = '';

  beforeAll(async () => {
    server = await startTestServer({ webDir: WEB_DIR });
    const org = await buildOrg(server.pool, 'Translation Shop');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@tr.test');
    browser = await launchBrowser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-tr-'));
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@tr.test', TEST_PASSWORD);
    const created = await page.evaluate(async () => {
      const res = await fetch('/api/v1/surveys', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Harbour', title: { en: 'Harbour visit' }, languages: ['en', 'ru', 'fa'], defaultLanguage: 'en',
          questions: [{ key: 'recommend', type: 'nps', metric: 'nps', required: true, text: { en: 'Would you recommend us?' } }],
        }),
      });
      return res.json();
    });
    surveyId = created.survey.id;
    await page.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [lang, width] of [['en', 1280], ['ru', 390], ['fa', 390]] as const) {
    it(`uploads a translated CSV and shows the report (${lang}, ${width} px)`, async () => {
      const page = await openSignedInPage(browser, server.baseUrl, 'owner@tr.test', TEST_PASSWORD, { lang });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.baseUrl}/app/surveys/${surveyId}/edit`);
      const section = page.locator('section[aria-labelledby="translations-h"]');
      await section.waitFor();
      expect(await section.locator('a[href*="format=xliff"]').count()).toBe(2);
      expect(await section.locator('a[href$="format=csv"]').count()).toBe(1);

      const file = path.join(dir, `harbour-${lang}.csv`);
      const ru = { en: 'Посоветуете нас?', ru: 'Вы бы нас посоветовали?', fa: 'Порекомендуете нас?' }[lang];
      fs.writeFileSync(file, `key,en,ru,fa\r\ntitle,Harbour visit,,\r\nq.recommend.text,Would you recommend us?,${ru},\r\n`);
      await section.locator('input[type=file]').setInputFiles(file);
      const report = section.locator('.translation-report');
      await report.waitFor();
      const expected = {
        en: ['1 text changed.', '3 texts are still missing:'],
        ru: ['Изменён 1 текст.', 'Не хватает 3 текстов:'],
        // Numbers in Persian text are bidi-isolated.
        fa: ['\u2068۱\u2069 متن تغییر کرد.', '\u2068۳\u2069 متن هنوز ترجمه نشده است:'],
      }[lang];
      expect(await report.locator('p').allTextContents()).toEqual(expected);
      expect(await report.locator('li code').allTextContents()).toEqual(['title', 'title', 'q.recommend.text']);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'fa' ? 'rtl' : 'ltr');
      await section.screenshot({ path: path.join('test-results', `translations-${lang}-${width}.png`) });
      await page.context().close();
    });
  }

  it('stored the uploaded texts', async () => {
    const { rows } = await server.pool.query(`select text from questions where survey_id = $1 and key = 'recommend'`, [surveyId]);
    expect(rows[0].text).toEqual({ en: 'Would you recommend us?', ru: 'Порекомендуете нас?' });
  });
});
