/**
 * GET /api/v1/surveys shows a staff survey's answer count (and last answer time) only from 5 answers up
 * (src/core/staff/anonymity.ts visibleAnswerCount), and states the threshold; customer surveys show theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';

describe('survey list counts of staff surveys', () => {
  let server: TestServer;
  let owner: Client;
  let store = '';
  const made = { staff: { id: '', slug: '' }, customers: { id: '', slug: '' } };

  async function answer(slug: string, body: Record<string, unknown>) {
    const res = await fetch(`${server.baseUrl}/s/${slug}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ _k: crypto.randomUUID(), _loc: store, _lang: 'en', ...body }),
    });
    expect(res.status).toBe(200);
  }
  const row = async (id: string) => {
    const list = (await owner.get('/api/v1/surveys')).json;
    return { ...list.surveys.find((s: { id: string }) => s.id === id), staffMinGroup: list.staffMinGroup };
  };

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Staff Count Org');
    store = (await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Count store')).id;
    await buildUser(server.pool, org.orgId, 'owner', 'owner@staffcount.test');
    owner = await signIn(server.baseUrl, 'owner@staffcount.test');
    for (const [kind, template] of [['staff', 'staff_pulse'], ['customers', 'nps_relational']] as const) {
      const res = await owner.post('/api/v1/surveys', { template });
      expect(res.status).toBe(201);
      made[kind] = { id: res.json.survey.id, slug: res.json.survey.slug };
      await owner.post(`/api/v1/surveys/${res.json.survey.id}/status`, { status: 'live' });
    }
  }, 120_000);
  afterAll(async () => server?.close());

  it('hides a staff count under 5 and shows it at 5; a customer count of 1 is shown', { timeout: 120_000 }, async () => {
    const staffAnswer = () => answer(made.staff.slug, { q_recommend_employer: 9, q_customer_recommend: 7, q_customer_satisfaction: 4 });
    for (let i = 0; i < 4; i++) await staffAnswer();
    await answer(made.customers.slug, { q_recommend: 10 });
    const four = await row(made.staff.id);
    expect(four.staffMinGroup).toBe(5);
    expect(four.responseCount).toBeNull();
    expect(four.lastResponseAt).toBeNull();
    expect((await row(made.customers.id)).responseCount).toBe(1);
    await staffAnswer();
    const five = await row(made.staff.id);
    expect(five.responseCount).toBe(5);
    expect(typeof five.lastResponseAt).toBe('string');
  });
});
