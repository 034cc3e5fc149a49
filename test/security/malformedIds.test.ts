/**
 * A malformed id in the path answers 404, like an unknown id, on every route (issue 7). The routes are
 * collected through the onRoute hook, so a route added later is walked too. Each path parameter gets
 * each malformed value in turn while the caller is the organisation's owner, who may use every route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { KEY_ONLY_ROUTES, seedIntegrations } from '../integrations/securityFixtures.ts';

interface Route {
  method: string;
  url: string;
}

/** Path segments that cannot name a survey, location, user, response, invitation token or public slug. */
const MALFORMED = [
  'not-a-uuid',
  '-'.repeat(36),
  '00000000-0000-0000-0000-00000000000g',
  '6f1c1f36-0a4e-4d2b-9c55-1d2b3c4d5e6f0',
  'x'.repeat(300),
  '%00',
  '%00' + '6f1c1f36-0a4e-4d2b-9c55-1d2b3c4d5e6f',
  '6f1c1f36-0a4e-4d2b-9c55-1d2b3c4d5e6f%20',
  '%F0%9F%98%80',
  '%E0%A4%A', // not decodable: the router refuses it before any route runs
  '%ED%A0%80', // an encoded lone surrogate
  '%25',
  encodeURIComponent("1' or '1'='1"),
];

const paramNames = (url: string) => url.split('/').filter((s) => s.startsWith(':')).map((s) => s.slice(1).split(/[.]/)[0]);
/** A well-formed id nothing has: the value of a route's other parameters while one gets the malformed values. */
const UNKNOWN_ID = '6f1c1f36-0a4e-4d2b-9c55-1d2b3c4d5e6f';

describe('malformed ids in the path answer 404 on every route', () => {
  let server: TestServer;
  let owner: Client;
  /** The organisation's ingest key: the key-only routes answer a session with 403 before reading the path. */
  let ingestKey: string;
  const routes: Route[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      onRoute: (r) => {
        for (const method of [r.method].flat()) if (method !== 'HEAD' && r.url.includes('/:')) routes.push({ method, url: r.url });
      },
    });
    const org = await buildOrg(server.pool, 'Malformed Org');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@malformed.test');
    owner = await signIn(server.baseUrl, 'owner@malformed.test');
    ({ ingestKey } = await seedIntegrations(server.pool, org.orgId, 'M'));
  });
  afterAll(() => server?.close());

  it('walks every route with a path parameter', () => {
    // A sample of what must be there; the walk itself covers whatever the app registers.
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/surveys/:id/analytics/summary',
        'GET /api/v1/surveys/:id/comments',
        'POST /api/v1/responses/:id/exclude',
        'PATCH /api/v1/locations/:id',
        'GET /api/v1/invitations/:token',
        'POST /s/:slug',
      ]),
    );
    expect(routes.some((r) => paramNames(r.url).length > 1), 'routes with two parameters are walked one parameter at a time').toBe(true);
  });

  it('answers 404 for each malformed value, signed in as the owner', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (KEY_ONLY_ROUTES.has(`${route.method} ${route.url}`)) headers.authorization = `Bearer ${ingestKey}`;
      for (let which = 0; which < paramNames(route.url).length; which++) {
        for (const bad of MALFORMED) {
          let index = 0;
          const path = route.url.replace(/:[A-Za-z]+/g, () => (index++ === which ? bad : UNKNOWN_ID));
          const body = ['GET', 'DELETE'].includes(route.method) ? undefined : {};
          const res = await owner.request(route.method, path, body, headers);
          if (res.status !== 404) failures.push(`${route.method} ${path.slice(0, 80)} -> ${res.status} ${res.text.slice(0, 80)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
