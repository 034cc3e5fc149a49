/**
 * The website widget in Chromium on a foreign website: host pages served by a local HTTP server on
 * another origin (another port) embed the snippet. Each trigger shows the prompt; answering stores a
 * response with channel widget (under the snippet's data-location); the frequency policy keeps a second visit quiet; a website that is not
 * allowed gets no CORS grant and no prompt; with Sarafan unreachable (or failing mid-way) the host page
 * works and its window.onerror sees nothing; keyboard only; Persian right to left; styles isolated.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, requirePageTestPrerequisites } from '../helpers/browser.ts';
import { buildLocation, buildOrg, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

requirePageTestPrerequisites({ app: false });

let server: TestServer;
let browser: Browser;
let orgId: string;
let storeId: string;
let site: { server: http.Server; origin: string };
let strangerSite: { server: http.Server; origin: string };
/** An address where nothing listens: Sarafan stopped. */
let deadBase: string;
const surveys: Record<'js' | 'delay' | 'exit' | 'url' | 'plain', SurveyFixture> = {} as never;

/**
 * The host page: it records its own errors (window.onerror, unhandled rejections), has a button that
 * must keep working, styles that would break a prompt that is not isolated, and the snippet (with the
 * queue stub when `stub` is set, so `sarafan('show')` may be called before the loader arrives).
 */
function hostPage(url: URL): string {
  const p = url.searchParams;
  const base = p.get('base')!;
  const show = p.get('show') === '1';
  return `<!doctype html><html lang="${p.get('lang') ?? 'en'}"><head><meta charset="utf-8"><title>Shop</title>
<script>window.hostErrors=[];window.onerror=function(m){hostErrors.push(String(m))};
window.addEventListener('unhandledrejection',function(e){hostErrors.push('rejection '+e.reason)});</script>
<style>*{font-size:31px!important;color:rgb(0,128,0)}button{background:rgb(255,0,0)!important}.p,.sc{position:static;border:0}</style></head>
<body><h1>Shop</h1><p class="p" id="host-p">Our products</p><button id="buy" onclick="this.textContent='Bought'">Buy</button>
<script>window.sarafan=window.sarafan||function(){(sarafan.q=sarafan.q||[]).push(arguments)};${show ? "sarafan('show');" : ''}</script>
<script src="${base}/w.js" data-survey="${p.get('s')}"${p.get('loc') ? ` data-location="${p.get('loc')}"` : ''} async></script></body></html>`;
}

async function startSite(): Promise<{ server: http.Server; origin: string }> {
  const s = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    const base = url.searchParams.get('base');
    // ?csp=1: a strict policy that allows Sarafan's scripts and requests but no inline styles.
    const csp = url.searchParams.get('csp') ? { 'content-security-policy': `default-src 'self'; script-src 'unsafe-inline' ${base}; connect-src ${base}; style-src 'self'` } : {};
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...csp });
    res.end(hostPage(url));
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { server: s, origin: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

const widgetSettings = (id: string, s: { delaySeconds?: number; exitIntent?: boolean; urlPattern?: string }, origins = [site.origin]) =>
  server.pool.query(
    `update surveys set widget_origins = $3, widget_delay_seconds = $4, widget_exit_intent = $5, widget_url_pattern = $6 where org_id = $1 and id = $2`,
    [orgId, id, origins, s.delaySeconds ?? null, s.exitIntent ?? false, s.urlPattern ?? null],
  );

interface Visit {
  page: Page;
  context: BrowserContext;
  configStatuses: number[];
}

/** Opens a host page of `at` (the site's origin) embedding survey `slug` from `base` (Sarafan by default). */
async function visit(
  slug: string,
  opts: { path?: string; lang?: string; loc?: string; csp?: boolean; show?: boolean; base?: string; at?: string; context?: BrowserContext; viewport?: { width: number; height: number } } = {},
): Promise<Visit> {
  const context = opts.context ?? (await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } }));
  const page = await context.newPage();
  const configStatuses: number[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/config?')) configStatuses.push(r.status());
  });
  const q = new URLSearchParams({ s: slug, base: opts.base ?? server.baseUrl, lang: opts.lang ?? 'en', ...(opts.show ? { show: '1' } : {}), ...(opts.loc ? { loc: opts.loc } : {}), ...(opts.csp ? { csp: '1' } : {}) });
  await page.goto(`${opts.at ?? site.origin}${opts.path ?? '/checkout/pay'}?${q}`);
  return { page, context, configStatuses };
}

const prompt = (page: Page) => page.locator('sarafan-widget [role=dialog]');
const hostErrors = (page: Page) => page.evaluate(() => (window as unknown as { hostErrors: string[] }).hostErrors);
/** Resolves once the loader has run (it replaces the stub with its own function). */
const loaderRan = (page: Page) => page.waitForFunction(() => (window as unknown as { sarafan?: { l?: number } }).sarafan?.l === 1);

async function widgetResponses(slug: string) {
  const { rows } = await server.pool.query(
    `select r.channel, r.language, r.hidden, r.location_id, a.score from responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id
       join answers a on a.org_id = r.org_id and a.response_id = r.id join questions q on q.org_id = a.org_id and q.id = a.question_id and q.key = 'nps'
      where r.org_id = $1 and s.slug = $2 order by r.submitted_at`,
    [orgId, slug],
  );
  return rows;
}

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Widget Browser Org');
  orgId = org.orgId;
  storeId = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store 5')).id;
  await server.pool.query(`update locations set code = 'SPB-05' where org_id = $1 and id = $2`, [orgId, storeId]);
  site = await startSite();
  strangerSite = await startSite();
  // A port that was listening and is closed again: connections are refused.
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  deadBase = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  for (const name of Object.keys({ js: 1, delay: 1, exit: 1, url: 1, plain: 1 }) as (keyof typeof surveys)[]) {
    surveys[name] = await buildSurvey(server.pool, orgId);
  }
  await widgetSettings(surveys.js.id, {});
  await widgetSettings(surveys.delay.id, { delaySeconds: 1 });
  await widgetSettings(surveys.exit.id, { exitIntent: true });
  await widgetSettings(surveys.url.id, { urlPattern: '/checkout/*' });
  await widgetSettings(surveys.plain.id, {});
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => site?.server.close(r));
  await new Promise((r) => strangerSite?.server.close(r));
  await server?.close();
});

describe('triggers', () => {
  it("sarafan('show') called before the loader arrived (the queue stub)", async () => {
    const { page, context } = await visit(surveys.js.slug, { show: true });
    await prompt(page).waitFor();
    expect(await hostErrors(page)).toEqual([]);
    await context.close();
  });

  it('after N seconds', async () => {
    const { page, context } = await visit(surveys.delay.slug);
    await prompt(page).waitFor();
    await context.close();
  });

  it('on exit intent: nothing (not even the prompt\'s code) until the pointer leaves through the top of the window', async () => {
    const context = await browser.newContext();
    const promptRequests: string[] = [];
    context.on('request', (r) => {
      if (r.url().includes('/w/prompt.js')) promptRequests.push(r.url());
    });
    const { page, configStatuses } = await visit(surveys.exit.slug, { context });
    await expect.poll(() => configStatuses).toEqual([200]);
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await page.locator('sarafan-widget').count()).toBe(0);
    expect(promptRequests).toEqual([]);
    await page.mouse.move(600, 300);
    await page.mouse.move(600, 200);
    // Leaving the viewport upwards: the browser fires mouseout on the document with no related target.
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseout', { clientX: 600, clientY: -2, bubbles: true, relatedTarget: null })));
    await prompt(page).waitFor();
    expect(promptRequests).toHaveLength(1);
    await context.close();
  });

  it('on a URL pattern: shown on /checkout/pay, not on /about', async () => {
    const other = await visit(surveys.url.slug, { path: '/about' });
    await expect.poll(() => other.configStatuses).toEqual([200]);
    await loaderRan(other.page);
    expect(await other.page.locator('sarafan-widget').count()).toBe(0);
    await other.context.close();
    const { page, context } = await visit(surveys.url.slug, { path: '/checkout/pay' });
    await prompt(page).waitFor();
    await context.close();
  });
});

describe('answering', () => {
  it('stores a response with channel widget and the page path; a second visit shows nothing (frequency policy)', async () => {
    const { page, context } = await visit(surveys.plain.slug, { show: true, loc: 'SPB-05' });
    await prompt(page).waitFor();
    await page.locator('sarafan-widget label').filter({ hasText: /^9$/ }).click();
    const comment = page.locator('sarafan-widget textarea');
    await comment.fill('Quick checkout');
    expect(await page.locator('sarafan-widget .cm').innerText()).toContain('What did you like most?');
    await page.locator('sarafan-widget button.go').click();
    await page.locator('sarafan-widget h2').filter({ hasText: 'Thank you!' }).waitFor();
    expect(await widgetResponses(surveys.plain.slug)).toEqual([{ channel: 'widget', language: 'en', hidden: { page: '/checkout/pay' }, location_id: storeId, score: 9 }]);
    const { rows } = await server.pool.query(`select a.text from answers a where a.org_id = $1 and a.text is not null and a.survey_id = $2`, [orgId, surveys.plain.id]);
    expect(rows).toEqual([{ text: 'Quick checkout' }]);
    expect(await hostErrors(page)).toEqual([]);
    await page.close();

    // Same visitor (same browser profile), next page: quiet; the loader does not even ask for the config.
    const again = await visit(surveys.plain.slug, { show: true, context, path: '/checkout/other' });
    await loaderRan(again.page);
    expect(again.configStatuses).toEqual([]);
    expect(await again.page.locator('sarafan-widget').count()).toBe(0);
    // Another survey of the same site is quiet too: the gap is across surveys.
    const third = await visit(surveys.js.slug, { show: true, context });
    await loaderRan(third.page);
    expect(third.configStatuses).toEqual([]);
    expect(await third.page.locator('sarafan-widget').count()).toBe(0);
    await context.close();
  });

  it('keyboard only: focus moves into the prompt, arrows choose, Tab reaches the comment and Send, Escape closes', async () => {
    await server.pool.query(`delete from responses where org_id = $1 and survey_id = $2`, [orgId, surveys.js.id]);
    const { page, context } = await visit(surveys.js.slug, { show: true });
    await prompt(page).waitFor();
    const focused = () => page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement as HTMLInputElement | null | undefined;
      return { host: host?.tagName.toLowerCase(), tag: inner?.tagName.toLowerCase(), value: inner?.value, type: inner?.type, checked: inner?.checked };
    });
    expect(await focused()).toMatchObject({ host: 'sarafan-widget', tag: 'input', type: 'radio', value: '0' });
    // The scale is one radio group: each arrow moves and chooses.
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ value: '7', checked: true });
    expect(await page.locator('sarafan-widget input[type=radio]:checked').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'textarea' });
    await page.keyboard.type('Friendly staff');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'button' });
    await page.keyboard.press('Enter');
    await page.locator('sarafan-widget h2').waitFor();
    expect(await focused()).toMatchObject({ tag: 'h2' });
    expect(await widgetResponses(surveys.js.slug)).toEqual([{ channel: 'widget', language: 'en', hidden: { page: '/checkout/pay' }, location_id: null, score: 7 }]);
    await page.keyboard.press('Escape');
    expect(await page.locator('sarafan-widget').count()).toBe(0);
    await context.close();

    // Escape on a fresh prompt closes it and gives the focus back to where it was.
    const second = await visit(surveys.exit.slug);
    await second.page.locator('#buy').focus();
    await second.page.evaluate(() => (window as unknown as { sarafan: (c: string) => void }).sarafan('show'));
    await prompt(second.page).waitFor();
    await second.page.keyboard.press('Escape');
    expect(await second.page.locator('sarafan-widget').count()).toBe(0);
    expect(await second.page.evaluate(() => document.activeElement?.id)).toBe('buy');
    await second.context.close();
  });

  it('Persian: right to left, at the bottom left, in Persian, with radio names for screen readers', async () => {
    const { page, context } = await visit(surveys.plain.slug, { show: true, lang: 'fa', viewport: { width: 390, height: 844 } });
    await prompt(page).waitFor();
    const box = prompt(page);
    expect(await box.getAttribute('dir')).toBe('rtl');
    expect(await box.getAttribute('lang')).toBe('fa');
    expect(await box.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    expect(await page.locator('sarafan-widget legend').innerText()).toBe('چقدر احتمال دارد ما را به یک دوست توصیه کنید؟');
    expect(await page.locator('sarafan-widget input[value="0"]').getAttribute('aria-label')).toBe('۰, اصلاً');
    expect(await page.locator('sarafan-widget button.x').getAttribute('aria-label')).toBe('بستن');
    // The scale runs right to left: 0 is the rightmost point; the panel fits the phone's width.
    const zero = await page.locator('sarafan-widget input[value="0"]').boundingBox();
    const ten = await page.locator('sarafan-widget input[value="10"]').boundingBox();
    expect(zero!.x).toBeGreaterThan(ten!.x);
    const rect = await box.boundingBox();
    expect(rect!.x).toBeGreaterThanOrEqual(0);
    expect(rect!.x + rect!.width).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('isolates styles both ways: the host page does not restyle the prompt, the prompt does not restyle the page', async () => {
    const { page, context } = await visit(surveys.delay.slug, { show: true });
    await prompt(page).waitFor();
    const send = page.locator('sarafan-widget button.go');
    expect(await send.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgb(255, 0, 0)');
    expect(await send.evaluate((e) => getComputedStyle(e).fontSize)).not.toBe('31px');
    expect(await prompt(page).evaluate((e) => getComputedStyle(e).position)).toBe('fixed');
    expect(await page.locator('#host-p').evaluate((e) => getComputedStyle(e).position)).toBe('static');
    expect(await page.locator('#buy').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 0, 0)');
    await context.close();
  });

  it('is styled on a page whose Content-Security-Policy forbids inline styles', async () => {
    const { page, context } = await visit(surveys.delay.slug, { show: true, csp: true });
    await prompt(page).waitFor();
    expect(await prompt(page).evaluate((e) => getComputedStyle(e).position)).toBe('fixed');
    expect(await page.locator('sarafan-widget button.go').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(26, 95, 180)');
    expect(await hostErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('when things go wrong the host page does not notice', () => {
  it('a website that is not allowed gets no CORS grant and no prompt', async () => {
    const context = await browser.newContext();
    // Without a grant the browser refuses the config to the page (the request fails as far as the page knows).
    const refused = context.waitForEvent('requestfailed', (r) => r.url().includes('/config?'));
    const { page, configStatuses } = await visit(surveys.plain.slug, { show: true, at: strangerSite.origin, context });
    expect((await refused).failure()?.errorText).toBe('net::ERR_FAILED');
    expect(configStatuses).toEqual([]);
    const direct = await fetch(`${server.baseUrl}/w/${surveys.plain.slug}/config`, { headers: { origin: strangerSite.origin } });
    expect(direct.status).toBe(403);
    expect(direct.headers.get('access-control-allow-origin')).toBeNull();
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await page.locator('sarafan-widget').count()).toBe(0);
    expect(await hostErrors(page)).toEqual([]);
    await context.close();
  });

  it('Sarafan stopped: the page loads, its button works and window.onerror sees nothing', async () => {
    const { page, context } = await visit(surveys.plain.slug, { show: true, base: deadBase });
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.locator('#buy').click();
    expect(await page.locator('#buy').innerText()).toBe('Bought');
    // The stub keeps queueing harmlessly.
    await page.evaluate(() => (window as unknown as { sarafan: (c: string) => void }).sarafan('show'));
    expect(await hostErrors(page)).toEqual([]);
    expect(await page.locator('sarafan-widget').count()).toBe(0);
    await context.close();
  });

  it('Sarafan going away mid-way (prompt script, then the answer): no errors, the prompt says it could not send', async () => {
    const brokenContext = await browser.newContext();
    await brokenContext.route('**/w/prompt.js*', (route) => route.abort('connectionrefused'));
    const failed = brokenContext.waitForEvent('requestfailed', (r) => r.url().includes('/w/prompt.js'));
    const broken = await visit(surveys.exit.slug, { show: true, context: brokenContext });
    await failed;
    expect(await hostErrors(broken.page)).toEqual([]);
    expect(await broken.page.locator('sarafan-widget').count()).toBe(0);
    await broken.context.close();

    const context = await browser.newContext();
    await context.route(/\/w\/[^/]+$/, (route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue()));
    const { page } = await visit(surveys.url.slug, { show: true, context });
    await prompt(page).waitFor();
    await page.locator('sarafan-widget label').filter({ hasText: /^3$/ }).click();
    await page.locator('sarafan-widget button.go').click();
    await page.locator('sarafan-widget [role=alert]').filter({ hasText: 'could not be sent' }).waitFor();
    expect(await page.locator('sarafan-widget button.go').isEnabled()).toBe(true);
    expect(await hostErrors(page)).toEqual([]);
    await context.close();
  });
});
