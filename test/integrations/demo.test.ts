/** The demo's integrations: no usable key, a revoked example, a paused webhook with a few logged deliveries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServerOn, type TestServer } from '../helpers/app.ts';
import { createDemoTestDatabase } from '../helpers/demo.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { DEMO_OWNER_EMAIL } from '../../src/core/demo/structure.ts';

let server: TestServer;
const PASSWORD = 'demo password 2';

beforeAll(async () => {
  const { db } = await createDemoTestDatabase({ responses: 300, seed: 11, passwordHash: await hashPassword(PASSWORD) });
  server = await startTestServerOn(db);
});
afterAll(() => server?.close());

describe('demo integrations', () => {
  it('shows a revoked key and a paused webhook whose log has a delivered, a retried and a failed delivery', async () => {
    const owner = await signIn(server.baseUrl, DEMO_OWNER_EMAIL, PASSWORD);
    const keys = (await owner.get('/api/v1/org/api-keys')).json.apiKeys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ name: 'BI export (old)', scope: 'read' });
    expect(keys[0].revokedAt).not.toBeNull();
    const hooks = (await owner.get('/api/v1/org/webhooks')).json.webhooks;
    expect(hooks).toEqual([expect.objectContaining({ url: 'https://crm.example.com/hooks/sarafan', disabled: true, eventTypes: ['response.created'] })]);
    const deliveries = (await owner.get(`/api/v1/org/webhooks/${hooks[0].id}/deliveries`)).json.deliveries;
    expect(deliveries.map((d: any) => [d.status, d.attempts, d.log.length, d.log[0].statusCode])).toEqual([
      ['succeeded', 1, 1, 200], ['succeeded', 2, 2, 200], ['failed', 16, 16, 503],
    ]);
    // The deliveries name the newest NPS answers of the demo.
    const newest = await server.pool.query(
      `select r.id from responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id where s.slug = 'demo-nps' order by r.submitted_at desc, r.id limit 3`,
    );
    expect(deliveries.map((d: any) => d.subjectId)).toEqual(newest.rows.map((r) => r.id));

    // Resending from a paused endpoint posts nothing: the attempt fails with the reason.
    const failed = deliveries[2];
    expect((await owner.post(`/api/v1/org/webhooks/${hooks[0].id}/deliveries/${failed.id}/resend`)).status).toBe(200);
    for (;;) {
      const d = (await owner.get(`/api/v1/org/webhooks/${hooks[0].id}/deliveries`)).json.deliveries.find((x: any) => x.id === failed.id);
      if (d.status !== 'pending') {
        expect(d).toMatchObject({ status: 'failed', attempts: 17 });
        expect(d.log[0]).toMatchObject({ attempt: 17, statusCode: null, error: 'The endpoint is disabled' });
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
