/** The integration answers parse with their strict schemas (src/core/api/integrations.ts, ingest.ts): a key renamed, dropped or added fails here. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startTestServer, type TestServer } from '../helpers/app.ts';
import {
  ApiKeyAnswerSchema, ApiKeysAnswerSchema, CreatedApiKeyAnswerSchema, CreatedWebhookAnswerSchema, WebhookAnswerSchema,
  WebhookDeliveriesAnswerSchema, WebhookDeliveryAnswerSchema, WebhooksAnswerSchema,
} from '../../src/core/api/integrations.ts';
import { RecordResponseAnswerSchema, TriggerAnswerSchema, UpsertContactAnswerSchema } from '../../src/core/api/ingest.ts';
import { OkAnswerSchema } from '../../src/core/api/common.ts';
import { buildIntegrationOrg, withKey } from './fixture.ts';

let server: TestServer;
let target: http.Server;
let targetUrl = '';

beforeAll(async () => {
  process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE = '1';
  target = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  targetUrl = `http://127.0.0.1:${(target.address() as { port: number }).port}/`;
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  await new Promise((r) => target.close(r));
  delete process.env.SARAFAN_WEBHOOK_ALLOW_PRIVATE;
});

function expectShape(schema: z.ZodType, res: { status: number; json: unknown; text: string }, status = 200) {
  expect(res.status, res.text).toBe(status);
  const parsed = schema.safeParse(res.json);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

describe('integration answers', () => {
  it('match their schemas', async () => {
    const f = await buildIntegrationOrg(server, 'Contract Org', 'owner@contract-int.test');
    const created = await f.owner.post('/api/v1/org/api-keys', { name: 'CRM', scope: 'ingest', locationId: f.regionId });
    expectShape(CreatedApiKeyAnswerSchema, created, 201);
    expectShape(ApiKeysAnswerSchema, await f.owner.get('/api/v1/org/api-keys'));
    const key = created.json.key;

    expectShape(UpsertContactAnswerSchema, await withKey(server, key, 'PUT', '/api/v1/contacts', { email: 'c@example.com', locationId: f.storeInRegion }), 201);
    expectShape(TriggerAnswerSchema, await withKey(server, key, 'POST', '/api/v1/events', { event: 'order delivered', contact: { email: 'c@example.com' }, surveyId: f.survey.id }), 201);

    const hook = await f.owner.post('/api/v1/org/webhooks', { url: targetUrl, eventTypes: ['response.created'] });
    expectShape(CreatedWebhookAnswerSchema, hook, 201);
    expectShape(WebhooksAnswerSchema, await f.owner.get('/api/v1/org/webhooks'));
    const recorded = await withKey(server, key, 'POST', `/api/v1/surveys/${f.survey.id}/responses`, { idempotencyKey: 'contract-0001', answers: { nps: 7 } });
    expectShape(RecordResponseAnswerSchema, recorded, 201);

    const hookId = hook.json.webhook.id;
    let deliveries;
    for (;;) {
      deliveries = await f.owner.get(`/api/v1/org/webhooks/${hookId}/deliveries`);
      if (deliveries.json.deliveries[0]?.status === 'succeeded') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expectShape(WebhookDeliveriesAnswerSchema, deliveries);
    expectShape(WebhookDeliveryAnswerSchema, await f.owner.post(`/api/v1/org/webhooks/${hookId}/deliveries/${deliveries.json.deliveries[0].id}/resend`));
    expectShape(WebhookAnswerSchema, await f.owner.patch(`/api/v1/org/webhooks/${hookId}`, { description: 'Renamed', disabled: true }));
    expectShape(ApiKeyAnswerSchema, await f.owner.post(`/api/v1/org/api-keys/${created.json.apiKey.id}/revoke`));
    expectShape(OkAnswerSchema, await f.owner.delete(`/api/v1/org/webhooks/${hookId}`));
  });
});
