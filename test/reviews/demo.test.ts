/**
 * The demo's reviews through the API: written with the demo, seen by the owner across sources and
 * languages, by the demo location manager only for their store, and telling the survey story in the
 * trend (MSK-04's mean rating falls from the first months to the last).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { loadDemo } from '../../src/db/demo/loadDemo.ts';
import { DECLINING_STORE, DEMO_MANAGER_EMAIL, DEMO_OWNER_EMAIL, MANAGER_STORE } from '../../src/core/demo/structure.ts';

const PASSWORD = 'demo password 1';
const NOW = new Date('2026-11-30T12:00:00Z');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  await loadDemo(server.pool, { responses: 500, seed: 7, now: NOW, passwordHash: await hashPassword(PASSWORD) });
});
afterAll(async () => server?.close());

describe('demo reviews', () => {
  it('the owner sees every store, three sources in Russia, Instagram comments in Tehran, in ru, en and fa', async () => {
    const owner = await signIn(server.baseUrl, DEMO_OWNER_EMAIL, PASSWORD);
    const sources = await owner.get('/api/v1/reviews/sources');
    expect(sources.json.sources.map((s: { source: string }) => s.source).sort()).toEqual(['2gis', 'google', 'instagram', 'yandex_maps']);
    const languages = await server.pool.query(`select distinct language from reviews order by 1`);
    expect(languages.rows.map((r) => r.language)).toEqual(['en', 'fa', 'ru']);
    const { rows: [declining] } = await server.pool.query(`select id from locations where code = $1`, [DECLINING_STORE]);
    const trend = await owner.get(`/api/v1/reviews/trend?by=location&location=${declining.id}`);
    expect(trend.json.series).toHaveLength(1);
    const points = trend.json.series[0].points;
    const mean = (ps: { result: { value: number; n: number } }[]) => ps.reduce((s, p) => s + p.result.value * p.result.n, 0) / ps.reduce((s, p) => s + p.result.n, 0);
    expect(mean(points.slice(0, 2)) - mean(points.slice(-2))).toBeGreaterThan(0.8);
  });

  it('the demo location manager sees the reviews of their store only', async () => {
    const manager = await signIn(server.baseUrl, DEMO_MANAGER_EMAIL, PASSWORD);
    const list = await manager.get('/api/v1/reviews?limit=200');
    expect(list.json.total).toBeGreaterThan(20);
    expect(new Set(list.json.reviews.map((r: { location: { code: string } }) => r.location.code))).toEqual(new Set([MANAGER_STORE]));
  });
});
