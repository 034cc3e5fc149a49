/**
 * The demo's action plans over HTTP: the cashier training at KZN-02 (the improving store) shows a significant
 * NPS improvement since its start, the queue plan at MSK-04 (the declining store) does not, and the planned
 * one has nothing to measure yet. Deterministic: a fixed seed and `now`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { loadDemo } from '../../src/db/demo/loadDemo.ts';
import { DEMO_OWNER_EMAIL } from '../../src/core/demo/structure.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  await loadDemo(server.pool, { responses: 6_000, seed: 7, now: NOW, passwordHash: await hashPassword('demo password 1') });
}, 120_000);
afterAll(async () => server?.close());

describe('demo action plans', () => {
  it('tell the stores\' story: one plan works, one does not yet, one has not started', { timeout: 60_000 }, async () => {
    const owner = await signIn(server.baseUrl, DEMO_OWNER_EMAIL, 'demo password 1');
    const plans = (await owner.get('/api/v1/action-plans')).json.items as Array<{ id: string; title: string; locations: { name: string }[] }>;
    expect(plans).toHaveLength(3);
    const effect = async (match: string) => (await owner.get(`/api/v1/action-plans/${plans.find((p) => p.title.includes(match))!.id}/effect`)).json;
    const kzn = await effect('KZN-02');
    expect(kzn.state).toBe('ok');
    expect(kzn.change.diff).toBeGreaterThan(0);
    expect(kzn.change.significant).toBe(true);
    expect(kzn.before.result.n).toBeGreaterThanOrEqual(30); // at seed 7, 6000 answers: NPS -77 (n 62) before, -36 (n 61) after, p 0.0007
    const msk = await effect('second till');
    expect(msk.state).toBe('ok');
    expect(msk.change.significant && msk.change.diff > 0).toBe(false);
    expect((await effect('checklist')).state).toBe('not_started');
  });
});
