/**
 * @module The integrations admin API contract (docs/api.md "API keys", "Webhooks"): API keys and outgoing
 * webhook endpoints with their delivery log, managed by owners and admins in the dashboard
 * (/app/integrations). The endpoints that keys call are in ./ingest.ts and ./keyRoutes.ts.
 */
import { z } from 'zod';
import { API_KEY_SCOPES } from '../integrations/apiKeys.ts';
import { WEBHOOK_EVENT_TYPES } from '../integrations/webhookEvents.ts';
import { IsoInstant, Uuid } from './common.ts';

const Name = z.string().trim().min(1, 'must not be empty').max(100);

/** POST /org/api-keys */
export const CreateApiKeySchema = z.object({
  name: Name,
  scope: z.enum(API_KEY_SCOPES, { error: `use ${API_KEY_SCOPES.join(' or ')}` }),
  /** Limits the key to this location and everything below it; absent: the whole organisation. */
  locationId: Uuid.nullish(),
});

export const ApiKeyViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key (`srf_abc123`), to tell keys apart; the key itself is shown only once. */
  prefix: z.string(),
  scope: z.enum(API_KEY_SCOPES),
  location: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  createdAt: IsoInstant,
  /** Updated at most once a minute. */
  lastUsedAt: IsoInstant.nullable(),
  revokedAt: IsoInstant.nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyViewSchema>;

/** GET /org/api-keys */
export const ApiKeysAnswerSchema = z.strictObject({ apiKeys: z.array(ApiKeyViewSchema) });
export type ApiKeysAnswer = z.infer<typeof ApiKeysAnswerSchema>;

/** POST /org/api-keys: the key, once. */
export const CreatedApiKeyAnswerSchema = z.strictObject({ apiKey: ApiKeyViewSchema, key: z.string() });
export type CreatedApiKeyAnswer = z.infer<typeof CreatedApiKeyAnswerSchema>;

/** POST /org/api-keys/:id/revoke */
export const ApiKeyAnswerSchema = z.strictObject({ apiKey: ApiKeyViewSchema });
export type ApiKeyAnswer = z.infer<typeof ApiKeyAnswerSchema>;

const EventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `use ${WEBHOOK_EVENT_TYPES.join(', ')}` }))
  .min(1, 'choose at least one event')
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => WEBHOOK_EVENT_TYPES.filter((t) => types.includes(t)));

/** POST /org/webhooks */
export const CreateWebhookSchema = z.object({
  url: z.string().trim().min(1, 'must not be empty').max(2000),
  description: z.string().trim().max(200).default(''),
  eventTypes: EventTypes,
});

/** PATCH /org/webhooks/:id */
export const UpdateWebhookSchema = z.object({
  url: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
  description: z.string().trim().max(200).optional(),
  eventTypes: EventTypes.optional(),
  disabled: z.boolean().optional(),
});

export const WebhookViewSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  disabled: z.boolean(),
  createdAt: IsoInstant,
});
export type WebhookView = z.infer<typeof WebhookViewSchema>;

/** GET /org/webhooks */
export const WebhooksAnswerSchema = z.strictObject({ webhooks: z.array(WebhookViewSchema) });
export type WebhooksAnswer = z.infer<typeof WebhooksAnswerSchema>;

/** PATCH /org/webhooks/:id */
export const WebhookAnswerSchema = z.strictObject({ webhook: WebhookViewSchema });
export type WebhookAnswer = z.infer<typeof WebhookAnswerSchema>;

/** POST /org/webhooks: the signing secret (`whsec_…`), once. */
export const CreatedWebhookAnswerSchema = z.strictObject({ webhook: WebhookViewSchema, secret: z.string() });
export type CreatedWebhookAnswer = z.infer<typeof CreatedWebhookAnswerSchema>;

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export const WebhookAttemptSchema = z.strictObject({
  attempt: z.number().int(),
  at: IsoInstant,
  /** The HTTP status the endpoint answered; null when it could not be reached. */
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().nullable(),
});

export const WebhookDeliverySchema = z.strictObject({
  /** Also the `webhook-id` header, the same for every attempt and resend. */
  id: z.string(),
  eventType: z.string(),
  subjectId: z.string(),
  /** pending: waiting for its first or next attempt; failed: every retry failed (resend to try again). */
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  createdAt: IsoInstant,
  /** The attempts, newest first (at most 20). */
  log: z.array(WebhookAttemptSchema),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

/** GET /org/webhooks/:id/deliveries: the newest 50. */
export const WebhookDeliveriesAnswerSchema = z.strictObject({ deliveries: z.array(WebhookDeliverySchema) });
export type WebhookDeliveriesAnswer = z.infer<typeof WebhookDeliveriesAnswerSchema>;

/** POST /org/webhooks/:id/deliveries/:deliveryId/resend */
export const WebhookDeliveryAnswerSchema = z.strictObject({ delivery: WebhookDeliverySchema });
export type WebhookDeliveryAnswer = z.infer<typeof WebhookDeliveryAnswerSchema>;
