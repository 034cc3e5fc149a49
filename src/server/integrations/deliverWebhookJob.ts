/**
 * @module Sends one webhook delivery (kind `deliver-webhook`), signed with the Standard Webhooks scheme:
 * `webhook-id` (the delivery's id, the same on every attempt and resend), `webhook-timestamp` (the
 * attempt's time, seconds) and `webhook-signature` (`v1,` + HMAC-SHA256 of `id.timestamp.body` under the
 * endpoint's `whsec_` secret). Every attempt is logged (webhook_attempts). A non-2xx answer or a network
 * error throws, and pg-boss retries with backoff (WEBHOOK_RETRIES); the last failure marks the delivery
 * failed (an admin may resend it). A refused target (SSRF rules) fails at once. The endpoint's secret is
 * stored sealed under SARAFAN_SECRET when that is set (like TOTP secrets, src/server/auth/secretBox.ts).
 */
import { z } from 'zod';
import { Webhook } from 'standardwebhooks';
import { WEBHOOK_FIRST_RETRY_SECONDS, WEBHOOK_RETRIES } from '../../core/integrations/webhookEvents.ts';
import { findDeliveryToSend, recordAttempt } from '../../db/integrations/webhooks.ts';
import { defineJob } from '../jobs/queue.ts';
import { postWebhook } from './postWebhook.ts';
import { openSecret } from '../auth/secretBox.ts';

export const deliverWebhookJob = defineJob({
  name: 'deliver-webhook',
  payload: z.object({ orgId: z.uuid(), deliveryId: z.uuid() }),
  schedule: 'for each webhook delivery: after a response is stored (through webhook-event) and when an admin resends one',
  policy: 'standard',
  retry: { limit: WEBHOOK_RETRIES, delaySeconds: WEBHOOK_FIRST_RETRY_SECONDS, backoff: true },
  expireInSeconds: 120,
  concurrency: 4,
  pollSeconds: 1,
  async handler({ orgId, deliveryId }, ctx) {
    const d = await findDeliveryToSend(ctx.pool, orgId, deliveryId);
    // Done already (a duplicate job), or gone with its endpoint.
    if (!d || d.status !== 'pending') return { skipped: true };
    if (d.endpointDisabled) {
      await recordAttempt(ctx.pool, orgId, d.id, { statusCode: null, error: 'The endpoint is disabled', durationMs: 0, outcome: 'failed' });
      return { disabled: true };
    }
    let secret: string;
    try {
      secret = openSecret(d.secret);
    } catch {
      // Sealed under a SARAFAN_SECRET this process does not have: no retry can help until the operator sets it.
      const error = 'The signing secret is encrypted, and SARAFAN_SECRET is missing or not the one it was encrypted with';
      await recordAttempt(ctx.pool, orgId, d.id, { statusCode: null, error, durationMs: 0, outcome: 'failed' });
      return { secret: false };
    }
    const body = JSON.stringify(d.payload);
    const at = new Date();
    const headers = {
      'webhook-id': d.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(d.id, at, body),
    };
    const out = await postWebhook(d.url, headers, body);
    const ok = out.error === null;
    const last = out.refused || ctx.retryCount >= WEBHOOK_RETRIES;
    const attempt = await recordAttempt(ctx.pool, orgId, d.id, {
      statusCode: out.statusCode, error: out.error, durationMs: out.durationMs, outcome: ok ? 'succeeded' : last ? 'failed' : 'pending',
    });
    if (!ok && !last) throw new Error(`webhook delivery ${d.id}, attempt ${attempt}: ${out.error}`);
    return { attempt, statusCode: out.statusCode };
  },
});
