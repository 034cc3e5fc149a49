/**
 * The demo's integrations (docs/demo.md): no usable API key (keys are secrets: a demo that printed one
 * would hand out access), only a revoked example, and a paused webhook endpoint to a documented example
 * address with a few logged deliveries of the newest NPS answers (one delivered at once, one after a
 * 503 and a retry, one that failed every attempt), so the delivery log and its "Resend" have something
 * to show. Paused, so the demo never posts anywhere.
 */
import crypto from 'node:crypto';
import type { PoolClient } from '../connection.ts';

export async function insertDemoIntegrations(tx: PoolClient, orgId: string, npsSurveyId: string): Promise<void> {
  await tx.query(
    `/* insertDemoApiKey */ insert into api_keys(org_id, name, prefix, key_hash, scope, created_at, last_used_at, revoked_at)
     values ($1, 'BI export (old)', 'srf_demo00', $2, 'read', now() - interval '60 days', now() - interval '8 days', now() - interval '7 days')`,
    [orgId, crypto.randomBytes(32).toString('hex')],
  );
  // Stored like any endpoint's secret without SARAFAN_SECRET (src/server/auth/secretBox.ts); nobody knows it.
  const secret = `plain:whsec_${crypto.randomBytes(32).toString('base64')}`;
  await tx.query(
    `/* insertDemoWebhook */
     with hook as (
       insert into webhook_endpoints(org_id, url, description, event_types, secret, disabled_at, created_at)
       values ($1, 'https://crm.example.com/hooks/sarafan', 'CRM (example address, paused)', '{response.created}', $3, now(), now() - interval '30 days')
       returning id),
     latest as (
       select r.id, r.submitted_at, row_number() over (order by r.submitted_at desc, r.id) as n
         from responses r where r.org_id = $1 and r.survey_id = $2 order by r.submitted_at desc, r.id limit 3),
     deliveries as (
       insert into webhook_deliveries(org_id, endpoint_id, event_type, subject_id, payload, status, attempts, last_status_code, last_error, last_attempt_at, created_at)
       select $1, hook.id, 'response.created', l.id::text,
              jsonb_build_object('type', 'response.created', 'timestamp', l.submitted_at, 'data', jsonb_build_object('responseId', l.id, 'survey', jsonb_build_object('id', $2::uuid))),
              case l.n when 3 then 'failed' else 'succeeded' end, case l.n when 1 then 1 when 2 then 2 else 16 end,
              case l.n when 3 then 503 else 200 end, case l.n when 3 then 'HTTP 503' end, l.submitted_at + interval '3 seconds', l.submitted_at
         from latest l, hook
       returning id, attempts, last_status_code, created_at)
     insert into webhook_attempts(org_id, delivery_id, attempt, at, status_code, error, duration_ms)
     select $1, d.id, a, d.created_at + make_interval(secs => power(2, a)),
            case when a = d.attempts and d.last_status_code = 200 then 200 else 503 end,
            case when a = d.attempts and d.last_status_code = 200 then null else 'HTTP 503' end, 80 + a * 7
       from deliveries d, generate_series(1, d.attempts) a`,
    [orgId, npsSurveyId, secret],
  );
}
