import { startTestServer, buildOrgWithOwner, TEST_PASSWORD } from './helpers/app.ts';
import { launchBrowser, openSignedInPage, WEB_DIR } from './helpers/browser.ts';
import { startFakeTelegram } from './helpers/fakeTelegram.ts';
import { startFakeSmsProvider } from './helpers/fakeSmsProvider.ts';
import { buildSurvey } from './respond/factory.ts';
import { createSmsSender } from '../src/server/sms/smsSender.ts';

const fake = await startFakeTelegram([{ id: 1, username: 'shop_feedback_bot', token: '111111:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' }]);
process.env.TELEGRAM_API_ROOT = fake.url;
const sms = await startFakeSmsProvider();
const server = await startTestServer({ webDir: WEB_DIR });
const { org, owner } = await buildOrgWithOwner(server, 'Shot Shop', 'owner@shot.test');
const survey = await buildSurvey(server.pool, org.orgId, { slug: 'visit-feedback' });
await owner.put('/api/v1/org/telegram', { token: '111111:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', mode: 'webhook' });
await owner.put('/api/v1/org/sms', { url: `${sms.url}/send`, authHeader: 'Bearer xyz', sender: 'ShotShop' });
await createSmsSender(server.pool).send({ orgId: org.orgId, invitationId: crypto.randomUUID(), contactId: crypto.randomUUID(), to: '+79161234567', text: 'Hi', url: 'https://x.test/i/1', language: 'en' }).catch(() => {});
sms.answer(500, { error: 'quota exceeded' });
await createSmsSender(server.pool).send({ orgId: org.orgId, invitationId: crypto.randomUUID(), contactId: crypto.randomUUID(), to: '+989121234567', text: 'Hi', url: 'https://x.test/i/2', language: 'fa' }).catch(() => {});
const browser = await launchBrowser();
for (const lang of ['en', 'ru', 'fa']) {
  const page = await openSignedInPage(browser, server.baseUrl, 'owner@shot.test', TEST_PASSWORD, { lang });
  for (const [w, h, name] of [[1280, 800, 'desk'], [390, 844, 'phone']] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`${server.baseUrl}/app/channels`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.locator('table').first().waitFor();
    await page.screenshot({ path: `/tmp/messengers/channels-${lang}-${name}.png`, fullPage: true });
    await page.goto(`${server.baseUrl}/app/surveys/${survey.id}/distribute`);
    await page.locator('img.tg-qr').waitFor();
    await page.locator('#tg-dist-h').scrollIntoViewIfNeeded();
    await page.locator('section[aria-labelledby=tg-dist-h]').screenshot({ path: `/tmp/messengers/dist-${lang}-${name}.png` });
  }
}
await browser.close();
await server.close();
await fake.close();
await sms.close();
