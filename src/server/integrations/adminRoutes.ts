/**
 * Integrations settings for owners and admins with access to the whole organisation (docs/api.md
 * "API keys", "Webhooks"; the dashboard's /app/integrations): API keys (made, listed, revoked) and
 * outgoing webhook endpoints with their delivery log and a resend. Session only: keys cannot manage keys.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import {
  CreateApiKeySchema, CreateWebhookSchema, UpdateWebhookSchema,
  type ApiKeyAnswer, type ApiKeysAnswer, type CreatedApiKeyAnswer, type CreatedWebhookAnswer, type WebhookAnswer,
  type WebhookDeliveriesAnswer, type WebhookDeliveryAnswer, type WebhooksAnswer,
} from '../../core/api/integrations.ts';
import type { OkAnswer } from '../../core/api/common.ts';
import { API_KEY_PREFIX, API_KEY_SHOWN_CHARS } from '../../core/integrations/apiKeys.ts';
import { webhookUrlProblem } from '../../core/integrations/webhookTargets.ts';
import { isUuid } from '../../core/ids.ts';
import type { AuditAction } from '../../core/audit/actions.ts';
import { findApiKey, insertApiKey, listApiKeys, revokeApiKey } from '../../db/integrations/apiKeys.ts';
import { locationPathOf } from '../../db/integrations/apiContacts.ts';
import {
  deleteWebhookEndpoint, findWebhookEndpoint, insertWebhookEndpoint, listDeliveries, listWebhookEndpoints, resetDelivery, updateWebhookEndpoint,
} from '../../db/integrations/webhooks.ts';
import { withTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../db/users/writeAudit.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize, hashToken } from '../../http/session.ts';
import { parse, parseIdParam, pathParam } from '../../http/validate.ts';
import { requireWholeOrg } from '../org/routes.ts';
import { deliverWebhookJob } from './deliverWebhookJob.ts';
import { allowPrivateTargets } from './postWebhook.ts';
import { sealSecret } from '../auth/secretBox.ts';
import { presentApiKey, presentDelivery, presentWebhook } from './present.ts';

const DELIVERIES_SHOWN = 50;

function checkWebhookUrl(url: string) {
  const problem = webhookUrlProblem(url, allowPrivateTargets());
  if (problem) throw invalid(`url: ${problem}`, { field: 'url' });
}

export async function registerIntegrationAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const admin = (request: Parameters<typeof authorize>[0]) => requireWholeOrg(authorize(request, 'org.manage'));
  const audit = (orgId: string, actorId: string, action: AuditAction, targetType: string, targetId: string, detail: Record<string, unknown> = {}) =>
    withTransaction(pool, (tx) => writeAudit(tx, { orgId, actorId, action, targetType, targetId, detail }));

  // ---- API keys ----
  app.get('/api/v1/org/api-keys', async (request): Promise<ApiKeysAnswer> => {
    const p = admin(request);
    return { apiKeys: (await listApiKeys(pool, p.orgId)).map(presentApiKey) };
  });

  app.post('/api/v1/org/api-keys', async (request, reply) => {
    const p = admin(request);
    const input = parse(CreateApiKeySchema, request.body ?? {});
    if (input.locationId && !(await locationPathOf(pool, p.orgId, input.locationId))) throw invalid('locationId: no such location', { field: 'locationId' });
    const key = API_KEY_PREFIX + crypto.randomBytes(32).toString('base64url');
    const id = await withTransaction(pool, async (tx) => {
      const keyId = await insertApiKey(tx, {
        orgId: p.orgId, name: input.name, prefix: key.slice(0, API_KEY_SHOWN_CHARS), keyHash: hashToken(key), scope: input.scope,
        locationId: input.locationId ?? null, createdBy: p.userId,
      });
      await writeAudit(tx, { orgId: p.orgId, actorId: p.userId, action: 'api_key.create', targetType: 'api_key', targetId: keyId, detail: { scope: input.scope } });
      return keyId;
    });
    const row = await findApiKey(pool, p.orgId, id);
    return reply.status(201).send({ apiKey: presentApiKey(row!), key } satisfies CreatedApiKeyAnswer);
  });

  app.post('/api/v1/org/api-keys/:id/revoke', async (request): Promise<ApiKeyAnswer> => {
    const p = admin(request);
    const id = parseIdParam(request.params, 'API key not found');
    if (!(await revokeApiKey(pool, p.orgId, id))) throw notFound('API key not found');
    await audit(p.orgId, p.userId, 'api_key.revoke', 'api_key', id);
    return { apiKey: presentApiKey((await findApiKey(pool, p.orgId, id))!) };
  });

  // ---- Webhooks ----
  app.get('/api/v1/org/webhooks', async (request): Promise<WebhooksAnswer> => {
    const p = admin(request);
    return { webhooks: (await listWebhookEndpoints(pool, p.orgId)).map(presentWebhook) };
  });

  app.post('/api/v1/org/webhooks', async (request, reply) => {
    const p = admin(request);
    const input = parse(CreateWebhookSchema, request.body ?? {});
    checkWebhookUrl(input.url);
    const secret = `whsec_${crypto.randomBytes(32).toString('base64')}`;
    const id = await insertWebhookEndpoint(pool, { orgId: p.orgId, url: input.url, description: input.description, eventTypes: input.eventTypes, secret: sealSecret(secret), createdBy: p.userId });
    await audit(p.orgId, p.userId, 'webhook.create', 'webhook', id, { url: input.url });
    app.responseEvents.endpointsChanged(p.orgId);
    return reply.status(201).send({ webhook: presentWebhook((await findWebhookEndpoint(pool, p.orgId, id))!), secret } satisfies CreatedWebhookAnswer);
  });

  app.patch('/api/v1/org/webhooks/:id', async (request): Promise<WebhookAnswer> => {
    const p = admin(request);
    const id = parseIdParam(request.params, 'Webhook not found');
    const input = parse(UpdateWebhookSchema, request.body ?? {});
    if (input.url !== undefined) checkWebhookUrl(input.url);
    if (!(await updateWebhookEndpoint(pool, p.orgId, id, input))) throw notFound('Webhook not found');
    await audit(p.orgId, p.userId, 'webhook.update', 'webhook', id, { ...input });
    app.responseEvents.endpointsChanged(p.orgId);
    return { webhook: presentWebhook((await findWebhookEndpoint(pool, p.orgId, id))!) };
  });

  app.delete('/api/v1/org/webhooks/:id', async (request): Promise<OkAnswer> => {
    const p = admin(request);
    const id = parseIdParam(request.params, 'Webhook not found');
    if (!(await deleteWebhookEndpoint(pool, p.orgId, id))) throw notFound('Webhook not found');
    await audit(p.orgId, p.userId, 'webhook.delete', 'webhook', id);
    app.responseEvents.endpointsChanged(p.orgId);
    return { ok: true };
  });

  app.get('/api/v1/org/webhooks/:id/deliveries', async (request): Promise<WebhookDeliveriesAnswer> => {
    const p = admin(request);
    const id = parseIdParam(request.params, 'Webhook not found');
    if (!(await findWebhookEndpoint(pool, p.orgId, id))) throw notFound('Webhook not found');
    return { deliveries: (await listDeliveries(pool, p.orgId, id, { limit: DELIVERIES_SHOWN })).map(presentDelivery) };
  });

  app.post('/api/v1/org/webhooks/:id/deliveries/:deliveryId/resend', async (request): Promise<WebhookDeliveryAnswer> => {
    const p = admin(request);
    const id = parseIdParam(request.params, 'Webhook not found');
    const deliveryId = pathParam(request.params, 'deliveryId', isUuid, 'Delivery not found');
    if (!(await resetDelivery(pool, p.orgId, id, deliveryId))) throw notFound('Delivery not found');
    await app.jobs.send(deliverWebhookJob, { orgId: p.orgId, deliveryId });
    await audit(p.orgId, p.userId, 'webhook.resend', 'webhook_delivery', deliveryId);
    const [delivery] = await listDeliveries(pool, p.orgId, id, { limit: 1, id: deliveryId });
    return { delivery: presentDelivery(delivery) };
  });
}
