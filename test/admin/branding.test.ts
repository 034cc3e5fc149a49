/** Organisation branding on real PostgreSQL: accent colour and logo, on survey pages (docs/api.md "Branding"). */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey } from '../respond/factory.ts';
import { decodeQrPdf, decodeQrSvg } from '../helpers/qr.ts';

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('organisation branding', () => {
  let server: TestServer;
  let owner: Client;
  let viewer: Client;
  let slug: string;
  let surveyId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Brand & Co');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@brand.test');
    await buildUser(server.pool, org.orgId, 'viewer', 'viewer@brand.test');
    [owner, viewer] = await Promise.all([signIn(server.baseUrl, 'owner@brand.test'), signIn(server.baseUrl, 'viewer@brand.test')]);
    ({ slug, id: surveyId } = await buildSurvey(server.pool, org.orgId));
  });
  afterAll(async () => server?.close());

  /** Raw image bodies, as the settings page sends a chosen file (Client.request would JSON-encode a Buffer). */
  const upload = async (client: Client, body: Buffer | string, type: string) => {
    const cookie = (client as unknown as { cookie: string }).cookie;
    const res = await fetch(`${server.baseUrl}/api/v1/org/logo`, { method: 'PUT', headers: { 'content-type': type, cookie }, body: typeof body === 'string' ? body : new Uint8Array(body) });
    return { status: res.status, json: await res.json() };
  };

  it('sets an accent colour with a readable text colour, validated, for org managers only', async () => {
    const before = await owner.get('/api/v1/org/branding');
    expect(before.json).toEqual({ accentColor: null, accentTextColor: null, logoUrl: null });
    // #1a7f5a: luminance 0.161, so white gives 1.05 / 0.211 = 4.97:1 and black 0.211 / 0.05 = 4.22:1.
    const set = await owner.put('/api/v1/org/branding', { accentColor: '#1A7F5A' });
    expect(set.status).toBe(200);
    expect(set.json).toEqual({ accentColor: '#1a7f5a', accentTextColor: '#ffffff', logoUrl: null });
    const bad = await owner.put('/api/v1/org/branding', { accentColor: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^accentColor: /);
    expect((await viewer.put('/api/v1/org/branding', { accentColor: '#000000' })).status).toBe(403);
    expect((await viewer.get('/api/v1/org/branding')).json.accentColor).toBe('#1a7f5a');
  });

  it('shows the accent on survey pages through an inline style the CSP allows by hash', async () => {
    const page = await new Client(server.baseUrl).get(`/s/${slug}`);
    expect(page.status).toBe(200);
    const styles = [...page.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(2);
    expect(styles[1]).toContain('background:#1a7f5a;border-color:#1a7f5a;color:#ffffff');
    const csp = page.headers.get('content-security-policy')!;
    for (const style of styles) expect(csp).toContain(`'sha256-${crypto.createHash('sha256').update(style).digest('base64')}'`);
  });

  it('colours posters with the accent only while it stays readable on white paper', async () => {
    const frame = async () => /<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" rx="4" fill="#fff" stroke="(#[0-9a-f]{6})"/.exec((await owner.get(`/api/v1/surveys/${surveyId}/poster.svg`)).text)?.[1];
    // #1a7f5a on white: 1.05 / 0.211 = 4.97:1, kept.
    expect(await frame()).toBe('#1a7f5a');
    // #ffd400 on white: 1.43:1, too pale for print: black instead.
    await owner.put('/api/v1/org/branding', { accentColor: '#ffd400' });
    expect(await frame()).toBe('#000000');
    await owner.put('/api/v1/org/branding', { accentColor: null });
    expect(await frame()).toBe('#1a56db');
    await owner.put('/api/v1/org/branding', { accentColor: '#1a7f5a' });
  });

  it('accepts PNG or JPEG logos only, by their bytes, and serves them as a separate cached image', async () => {
    const svg = await upload(owner, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml');
    expect(svg.status).toBe(400);
    expect(svg.json.message).toMatch(/^logo: /);
    const disguised = await upload(owner, '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/png');
    expect(disguised.status).toBe(400);
    const huge = await upload(owner, Buffer.concat([PNG, Buffer.alloc(250 * 1024)]), 'image/png');
    expect(huge.status).toBe(400);
    expect(huge.json.message).toMatch(/^logo: at most 200 kB/);
    expect((await upload(viewer, PNG, 'image/png')).status).toBe(403);

    const ok = await upload(owner, PNG, 'image/png');
    expect(ok.status).toBe(200);
    expect(ok.json.logoUrl).toMatch(/^\/api\/v1\/org\/logo\?v=\d+$/);

    const page = await new Client(server.baseUrl).get(`/s/${slug}`);
    const src = page.text.match(/<img src="([^"]+)" alt="Brand &amp; Co">/)?.[1];
    expect(src).toMatch(new RegExp(`^/s/${slug}/logo\\?v=\\d+$`));
    // The logo is a separate request: the branded page stays far within the 15 kB gzipped budget.
    const gzipped = zlib.gzipSync(page.text).length;
    console.log(`branded page: ${page.text.length} bytes, ${gzipped} bytes gzipped (budget 15360)`);
    expect(gzipped).toBeLessThan(15_360);
    expect(page.text).not.toContain('base64');
    const image = await fetch(server.baseUrl + src!.replace(/&amp;/g, '&'));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    // Posters carry the logo inline (they are files to print) and allow exactly that image in their CSP.
    const poster = await owner.get(`/api/v1/surveys/${surveyId}/poster.svg`);
    expect(poster.text).toContain(`href="data:image/png;base64,${PNG.toString('base64')}"`);
    expect(poster.headers.get('content-security-policy')).toContain('img-src data:');
    const pdf = await owner.getBytes(`/api/v1/surveys/${surveyId}/poster.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body.toString('latin1')).toContain('/Subtype /Image');
    // The logo leaves the QR code readable, on paper and on screen.
    const qrLink = `${server.baseUrl}/s/${slug}?channel=qr`;
    expect(decodeQrPdf(pdf.body)).toBe(qrLink);
    expect(await decodeQrSvg(poster.text)).toBe(qrLink);

    expect((await owner.request('DELETE', '/api/v1/org/logo')).json.logoUrl).toBeNull();
    expect((await new Client(server.baseUrl).get(`/s/${slug}`)).text).not.toContain('<img');
    expect((await fetch(`${server.baseUrl}/s/${slug}/logo`)).status).toBe(404);
  });
});
