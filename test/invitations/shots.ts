import { startTestServer, buildOrgWithOwner, TEST_PASSWORD } from '../helpers/app.ts';
import { launchBrowser, openSignedInPage, WEB_DIR } from '../helpers/browser.ts';
import { buildSurvey } from '../respond/factory.ts';
import { buildContact } from './fixtures.ts';

const server = await startTestServer({ webDir: WEB_DIR });
const { org, store, owner } = await buildOrgWithOwner(server, 'Shots Org', 'owner@shots.test');
const survey = await buildSurvey(server.pool, org.orgId, { name: 'Visit NPS — March' });
for (let i = 0; i < 12; i++) await buildContact(server.pool, org.orgId, { email: `c${i}@shots.test`, name: i % 2 ? 'Анна' : 'سارا', language: ['en', 'ru', 'fa'][i % 3], locationId: store.id, unsubscribed: i === 3 });
await buildContact(server.pool, org.orgId, { phone: '+79990000001' });
const res = await owner.post('/api/v1/waves', { surveyId: survey.id, name: 'March visitors', audience: {}, reminderDays: [3, 7], window: { start: '00:00', end: '24:00' } });
const waveId = res.json.wave.id;
await new Promise((r) => setTimeout(r, 4000));
const browser = await launchBrowser();
for (const lang of ['en', 'ru', 'fa']) {
  for (const [w, h, tag] of [[1280, 800, 'desk'], [390, 844, 'phone']] as const) {
    const page = await openSignedInPage(browser, server.baseUrl, 'owner@shots.test', TEST_PASSWORD, { lang });
    await page.setViewportSize({ width: w, height: h });
    for (const [path, name] of [['/app/waves', 'list'], [`/app/waves/${waveId}`, 'detail'], ['/app/waves/new', 'new'], ['/app/outbox', 'outbox'], ['/app/settings', 'settings']]) {
      await page.goto(server.baseUrl + path);
      await page.waitForTimeout(1200);
      if (name === 'new') {
        await page.getByRole('button', { name: /Preview|Предпросмотр|پیش‌نمایش/ }).click();
        await page.waitForTimeout(800);
      }
      await page.screenshot({ path: `/tmp/invites/${name}-${lang}-${tag}.png`, fullPage: true });
    }
    await page.context().close();
  }
}
await browser.close();
await server.close();
