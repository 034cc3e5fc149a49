/**
 * Who may frame what (src/http/frameHeaders.ts): the dashboard, the API and static files refuse
 * every frame; respondent pages accept only Sarafan's own origin. Checked on real responses, errors included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, startTestServer, type TestServer } from './helpers/app.ts';
import { buildSurvey } from './respond/factory.ts';
import { createWebStandIn } from './helpers/webStandIn.ts';

let server: TestServer;
let web: ReturnType<typeof createWebStandIn>;
let slug: string;

beforeAll(async () => {
  // A stand-in for dist/web: the headers come from the server, not from the bundle.
  web = createWebStandIn();
  server = await startTestServer({ webDir: web.dir, publicRateLimitPerMinute: 1 });
  const org = await buildOrg(server.pool, 'Frame Org');
  slug = (await buildSurvey(server.pool, org.orgId)).slug;
});
afterAll(async () => {
  await server?.close();
  web?.remove();
});

async function framing(pathname: string, init: RequestInit = {}) {
  const res = await fetch(server.baseUrl + pathname, init);
  await res.arrayBuffer();
  const csp = res.headers.get('content-security-policy') ?? '';
  const directives = csp.split(';').map((d) => d.trim());
  return {
    status: res.status,
    csp,
    ancestors: directives.filter((d) => d.startsWith('frame-ancestors')),
    xFrameOptions: res.headers.get('x-frame-options'),
  };
}

describe('frame-ancestors and X-Frame-Options', () => {
  it('refuse every frame for the dashboard, keeping its own policy', async () => {
    for (const page of ['/', '/app/surveys', '/login', '/invite/abc']) {
      const got = await framing(page);
      expect(got.status, page).toBe(200);
      expect(got.ancestors, page).toEqual(["frame-ancestors 'none'"]);
      expect(got.xFrameOptions, page).toBe('DENY');
      expect(got.csp, page).toContain("script-src 'self'");
    }
    const asset = await framing('/assets/app.js');
    expect([asset.status, asset.ancestors, asset.xFrameOptions]).toEqual([200, ["frame-ancestors 'none'"], 'DENY']);
  });

  it('refuse every frame for API answers, errors included', async () => {
    for (const [page, status] of [['/api/v1/me', 401], ['/api/v1/auth/state', 200], ['/api/v1/nothing-here', 404], ['/healthz', 200]] as const) {
      const got = await framing(page);
      expect([got.status, got.ancestors, got.xFrameOptions], page).toEqual([status, ["frame-ancestors 'none'"], 'DENY']);
    }
  });

  it("let only Sarafan's own origin frame respondent pages, their error pages included, keeping the page policy", async () => {
    const page = await framing(`/s/${slug}?loc=S1`);
    expect([page.status, page.ancestors, page.xFrameOptions]).toEqual([200, ["frame-ancestors 'self'"], 'SAMEORIGIN']);
    expect(page.csp).toMatch(/script-src 'sha256-/);
    expect(page.csp).toContain("default-src 'none'");
    const unknown = await framing('/s/no-such-survey');
    expect([unknown.status, unknown.ancestors, unknown.xFrameOptions]).toEqual([404, ["frame-ancestors 'self'"], 'SAMEORIGIN']);
    const post = () =>
      framing(`/s/${slug}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'q_nps=9&_k=frame-key-0001' });
    expect((await post()).status).toBe(200);
    const limited = await post();
    expect([limited.status, limited.ancestors, limited.xFrameOptions]).toEqual([429, ["frame-ancestors 'self'"], 'SAMEORIGIN']);
  });
});
