/** Shapes of the integration answers (types in src/core/api/integrations.ts). */
import type { ApiKeyView, WebhookDelivery, WebhookView } from '../../core/api/integrations.ts';
import type { ApiKeyRow } from '../../db/integrations/apiKeys.ts';
import type { DeliveryLogRow, WebhookEndpointRow } from '../../db/integrations/webhooks.ts';

export function presentApiKey(k: ApiKeyRow): ApiKeyView {
  return {
    id: k.id, name: k.name, prefix: k.prefix, scope: k.scope,
    location: k.locationId ? { id: k.locationId, name: k.locationName ?? '' } : null,
    createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

export function presentWebhook(w: WebhookEndpointRow): WebhookView {
  return {
    id: w.id, url: w.url, description: w.description, eventTypes: w.eventTypes as WebhookView['eventTypes'], disabled: w.disabled,
    createdAt: w.createdAt.toISOString(),
  };
}

export function presentDelivery(d: DeliveryLogRow): WebhookDelivery {
  return {
    id: d.id, eventType: d.eventType, subjectId: d.subjectId, status: d.status, attempts: d.attempts, createdAt: d.createdAt.toISOString(),
    log: d.log.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  };
}
