import { startTestServer } from './test/helpers/app.ts';
import { launchBrowser, openSignedInPage, WEB_DIR } from './test/helpers/browser.ts';
import { hashPassword } from './src/server/auth/passwords.ts';
import { loadDemo } from './src/db/demo/loadDemo.ts';
import { analyseDemoComments } from './src/server/text/demoText.ts';
import { DEMO_OWNER_EMAIL } from './src/core/demo/structure.ts';

const NOW = new Date('2026-11-30T12:00:00Z');
const server = await startTestServer({ webDir: WEB_DIR, now: () => NOW });
const r = await loadDemo(server.pool, { responses: 2500, seed: 7, now: NOW, passwordHash: await hashPassword('demo password 1') });
if (r.status !== 'created') throw new Error('no demo');
console.log(await analyseDemoComments(server.pool, r.orgId));
const browser = await launchBrowser();
for (const lang of ['en', 'ru', 'fa']) {
  for (const [w, h, tag] of [[1280, 900, 'desktop'], [390, 844, 'phone']] as const) {
    const page = await openSignedInPage(browser, server.baseUrl, DEMO_OWNER_EMAIL, 'demo password 1', { lang });
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`${server.baseUrl}/app/reviews`);
    await page.getByTestId('reviews-list').waitFor();
    await page.getByTestId('theme-counts').waitFor();
    await page.getByTestId('kp-negative').waitFor();
    await page.waitForTimeout(800);
    await page.locator('[data-testid=correct-toggle]').first().click();
    await page.locator('.rv-text-panels').screenshot({ path: `/tmp/rv-${lang}-${tag}-panels.png` });
    await page.locator('.rv-filters').screenshot({ path: `/tmp/rv-${lang}-${tag}-filters.png` });
    const items = page.locator('.rv-item');
    const a = await items.nth(0).boundingBox();
    const b = await items.nth(2).boundingBox();
    await page.screenshot({ path: `/tmp/rv-${lang}-${tag}-items.png`, fullPage: true, clip: { x: 0, y: a!.y - 10, width: w, height: b!.y + b!.height - a!.y + 20 } });
    await page.close();
  }
}
await browser.close();
await server.close();
process.exit(0);
