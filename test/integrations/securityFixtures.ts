/** Integration objects of one organisation for the security walk (test/security.test.ts): an API key, a webhook endpoint with a delivery, and an ingest key to call the key-only routes with. */
import crypto from 'node:crypto';
import type pg from 'pg';

export interface IntegrationIds {
  apiKeyId: string;
  webhookId: string;
  deliveryId: string;
  /** An ingest key of the organisation (the key-only routes are walked with it). */
  ingestKey: string;
}

export async function seedIntegrations(pool: pg.Pool, orgId: string, mark: string): Promise<IntegrationIds> {
  const ingestKey = `srf_${crypto.randomBytes(32).toString('base64url')}`;
  const hash = crypto.createHash('sha256').update(ingestKey).digest('hex');
  await pool.query(
    `insert into api_keys(org_id, name, prefix, key_hash, scope) values ($1, $2, $3, $4, 'ingest')`,
    [orgId, `${mark}-INGEST-KEY`, ingestKey.slice(0, 10), hash],
  );
  // Another key, named by id in the routes (revoking it leaves the ingest key working).
  const key = await pool.query(
    `insert into api_keys(org_id, name, prefix, key_hash, scope) values ($1, $2, 'srf_xxxxxx', $3, 'read') returning id`,
    [orgId, `${mark}-KEY`, crypto.randomBytes(32).toString('hex')],
  );
  const hook = await pool.query(
    `insert into webhook_endpoints(org_id, url, description, event_types, secret) values ($1, 'https://hooks.example.com/x', $2, '{response.created}', 'plain:whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0') returning id`,
    [orgId, `${mark}-HOOK`],
  );
  const delivery = await pool.query(
    `insert into webhook_deliveries(org_id, endpoint_id, event_type, subject_id, payload, status) values ($1, $2, 'response.created', $3, '{}', 'failed') returning id`,
    [orgId, hook.rows[0].id, crypto.randomUUID()],
  );
  return { apiKeyId: key.rows[0].id, webhookId: hook.rows[0].id, deliveryId: delivery.rows[0].id, ingestKey };
}

/** The routes only API keys may call: the walk sends the organisation's ingest key with them. */
export const KEY_ONLY_ROUTES = new Set(['PUT /api/v1/contacts', 'POST /api/v1/events', 'POST /api/v1/surveys/:id/responses']);

/** Valid bodies of the integration routes (the fuzz test mutates them). */
export function integrationSampleBodies(surveyId: string, storeId: string): Record<string, { type: 'json'; samples: unknown[] }> {
  const contact = { email: 'fuzz@example.com', phone: '+79161234567', externalId: 'crm-1', name: 'Fuzz', language: 'ru', segment: 'gold', locationId: storeId };
  return {
    'POST /api/v1/org/api-keys': { type: 'json', samples: [{ name: 'CRM', scope: 'ingest' }, { name: 'BI', scope: 'read', locationId: storeId }] },
    'POST /api/v1/org/api-keys/:id/revoke': { type: 'json', samples: [{}] },
    'POST /api/v1/org/webhooks': { type: 'json', samples: [{ url: 'https://hooks.example.com/x', description: 'CRM', eventTypes: ['response.created', 'alert.triggered'] }] },
    'PATCH /api/v1/org/webhooks/:id': { type: 'json', samples: [{ url: 'https://hooks.example.com/y', eventTypes: ['response.completed'], disabled: true }] },
    'POST /api/v1/org/webhooks/:id/deliveries/:deliveryId/resend': { type: 'json', samples: [{}] },
    'PUT /api/v1/contacts': { type: 'json', samples: [contact] },
    'POST /api/v1/events': { type: 'json', samples: [{ event: 'ticket solved', contact, surveyId, delaySeconds: 60, channel: 'sms' }] },
    'POST /api/v1/surveys/:id/responses': {
      type: 'json', samples: [{ idempotencyKey: '__fuzz_key__', answers: { nps: 6, why: 'slow', reasons: ['wait'] }, language: 'ru', locationId: storeId, hidden: { order: '7' }, contact }],
    },
  };
}

/** Bodies that pass validation, so the key-only routes reach their look-up. */
export const INTEGRATION_PROBE_BODIES: Record<string, (ids: { surveys: string; locations: string }) => unknown> = {
  'POST /api/v1/surveys/:id/responses': (ids) => ({ idempotencyKey: 'security-probe-1', answers: { nps: 5 }, locationId: ids.locations }),
};
