import path from 'node:path';
import { buildLocation, buildOrg, buildUser, startTestServer, TEST_PASSWORD } from '../test/helpers/app.ts';
import { launchBrowser, openSignedInPage } from '../test/helpers/browser.ts';
import { seedResponses, seedSurvey } from '../test/analytics/seed.ts';

const server = await startTestServer({ webDir: path.resolve('/work/wt/responses/dist/web') });
const { pool } = server;
const org = await buildOrg(pool, 'Shots Org');
const root = { id: org.rootLocationId, path: org.rootPath };
const north = await buildLocation(pool, org.orgId, root, 'region', 'North');
const a = await buildLocation(pool, org.orgId, north, 'store', 'Магазин на Тверской');
const b = await buildLocation(pool, org.orgId, north, 'store', 'Store B');
await pool.query(`update locations set code = 'MSK-01' where id = $1`, [a.id]);
await buildUser(pool, org.orgId, 'owner', 'owner@shots.test');
const s = await seedSurvey(pool, org.orgId, [
  { key: 'nps', type: 'nps', text: { en: 'How likely are you to recommend us?', ru: 'Порекомендуете ли вы нас друзьям?', fa: 'چقدر ما را به دوستان پیشنهاد می‌کنید؟' } },
  { key: 'liked', type: 'multi', text: { en: 'What did you like?', ru: 'Что понравилось?', fa: 'چه چیزی را دوست داشتید؟' } },
  { key: 'why', type: 'text', text: { en: 'Why?', ru: 'Почему?', fa: 'چرا؟' } },
], 'Store visit');
await pool.query(`update questions set options = '[{"value":"price","label":{"en":"Price","ru":"Цена","fa":"قیمت"}},{"value":"staff","label":{"en":"Staff","ru":"Персонал","fa":"کارکنان"}}]' where id = $1`, [s.ids.liked]);
const texts = ['Очень вежливый персонал, но долго ждали на кассе. В следующий раз приду снова, если очередь будет меньше.', 'Great coffee', 'خیلی خوب بود، ممنون', 'Dirty tables', ''];
const seeds = Array.from({ length: 40 }, (_, i) => ({
  locationId: i % 3 ? a.id : b.id,
  at: new Date(Date.now() - i * 3_600_000 * 5).toISOString(),
  channel: i % 4 ? 'link' : 'qr',
  language: ['ru', 'en', 'fa'][i % 3],
  hidden: i % 5 === 0 ? { order: `A-${1000 + i}`, email: `c${i % 2}@example.com` } : {},
  durationMs: i % 7 === 0 ? 900 : 60_000,
  answers: { nps: { score: (i * 7) % 11 }, ...(i % 2 ? { liked: { choices: ['price', 'staff'] } } : {}), ...(texts[i % 5] ? { why: { text: texts[i % 5] } } : {}) },
}));
const ids = await seedResponses(pool, org.orgId, s.surveyId, s.ids, seeds);
const browser = await launchBrowser();
for (const lang of ['en', 'ru', 'fa']) {
  const page = await openSignedInPage(browser, server.baseUrl, 'owner@shots.test', TEST_PASSWORD, { lang });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${server.baseUrl}/app/surveys/${s.surveyId}/responses`);
    await page.getByTestId('responses-table').waitFor();
    await page.screenshot({ path: `/tmp/rs-shots/list-${lang}-${width}.png`, fullPage: width > 400 });
    await page.goto(`${server.baseUrl}/app/responses/${ids[0]}`);
    await page.getByTestId('response-answers').waitFor();
    await page.screenshot({ path: `/tmp/rs-shots/one-${lang}-${width}.png`, fullPage: width > 400 });
    await page.goto(`${server.baseUrl}/app/validation?survey=${s.surveyId}&reason=speeder`);
    await page.getByTestId('quality-table').waitFor();
    await page.screenshot({ path: `/tmp/rs-shots/quality-${lang}-${width}.png`, fullPage: width > 400 });
  }
}
await browser.close();
await server.close();
console.log('done');
