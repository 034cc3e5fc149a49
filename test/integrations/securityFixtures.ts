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
  const key = await pool.query(
    `insert into api_keys(org_id, name, prefix, key_hash, scope) values ($1, $2, $3, $4, 'ingest') returning id`,
    [orgId, `${mark}-KEY`, ingestKey.slice(0, 10), hash],
  );
  const hook = await pool.query(
    `insert into webhook_endpoints(org_id, url, description, event_types, secret) values ($1, 'https://hooks.example.com/x', $2, '{response.created}', 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0') returning id`,
    [orgId, `${mark}-HOOK`],
  );
  const delivery = await pool.query(
    `insert into webhook_deliveries(org_id, endpoint_id, event_type, subject_id, payload, status) values ($1, $2, 'response.created', $3, '{}', 'failed') returning id`,
    [orgId, hook.rows[0].id, crypto.randomUUID()],
  );
  return { apiKeyId: key.rows[0].id, webhookId: hook.rows[0].id, deliveryId: delivery.rows[0].id, ingestKey };
}

/** The routes only API keys may call: the walk sends the organisation's ingest key with them. */
export const KEY_ONLY_ROUTES = new Set(['POST /api/v1/contacts', 'POST /api/v1/events', 'POST /api/v1/surveys/:id/responses']);

/** Bodies that pass validation, so the key-only routes reach their look-up. */
export const INTEGRATION_PROBE_BODIES: Record<string, (ids: { surveys: string; locations: string }) => unknown> = {
  'POST /api/v1/surveys/:id/responses': (ids) => ({ idempotencyKey: 'security-probe-1', answers: { nps: 5 }, locationId: ids.locations }),
};
