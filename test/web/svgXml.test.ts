/**
 * SVG outputs stay well-formed XML whatever the names hold: a location name with U+0001 in its QR
 * poster, a respondent's dimension value with U+0001 in a chart's SVG export. Each document is parsed
 * by Chromium's strict XML parser (DOMParser, image/svg+xml), which reports any error as <parsererror>.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { echarts, chartSvg } from '../../src/web/charts/echarts.ts';
import { barOption } from '../../src/core/charts/options.ts';

const CONTROL = '\u0001';
let server: TestServer;
let browser: Browser;
let page: Page;

/** The first XML parse error Chromium reports for the document, or null when it is well-formed. */
async function xmlParseError(xml: string): Promise<string | null> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    return error ? error.textContent : doc.documentElement.localName === 'svg' ? null : `root is ${doc.documentElement.localName}`;
  }, xml);
}

/** The text content of every <text> element, as the parser read it. */
async function svgTexts(xml: string): Promise<string[]> {
  return page.evaluate((text) => [...new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent ?? ''), xml);
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('XML-invalid characters in SVG outputs', () => {
  it('a location name with U+0001 gives a poster that parses, with the name minus the control character', async () => {
    const org = await buildOrg(server.pool, 'Posters');
    const store = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', `Shop${CONTROL} & <Co>`);
    await buildUser(server.pool, org.orgId, 'owner', 'owner@posters.test');
    const owner = await signIn(server.baseUrl, 'owner@posters.test');
    const created = await owner.post('/api/v1/surveys', { template: 'nps_relational' });
    const svg = await owner.get(`/api/v1/surveys/${created.json.survey.id}/poster.svg?location=${store.id}`);
    expect(svg.status).toBe(200);
    expect(await xmlParseError(svg.text)).toBeNull();
    expect(svg.text).not.toContain(CONTROL);
    expect(await svgTexts(svg.text)).toContain('Shop & <Co>');
  });

  it("a chart's SVG export with U+0001 in a category parses", async () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    try {
      chart.setOption(barOption([`gold${CONTROL}`, 'Shop;=1+1 & <b>'], [40, -5], { num: (v) => String(v ?? '—'), rtl: false }));
      const svg = chartSvg(chart);
      expect(await xmlParseError(svg)).toBeNull();
      expect(svg).not.toContain(CONTROL);
      const texts = await svgTexts(svg);
      expect(texts).toContain('gold');
      expect(texts).toContain('Shop;=1+1 & <b>');
    } finally {
      chart.dispose();
    }
  });
});
