/**
 * @module Turns a stored response into webhook deliveries (kind `webhook-event`): one per enabled
 * endpoint subscribed to response.created or response.completed, each with its payload frozen now, then
 * one `deliver-webhook` job each. Idempotent: a delivery exists once per (endpoint, event, response), and
 * a rerun sends again only deliveries never attempted.
 */
import { RESPONSE_EVENTS } from '../../core/integrations/webhookEvents.ts';
import { loadResponseEvent, type ResponseEventRow } from '../../db/integrations/responseEvents.ts';
import { createDeliveries } from '../../db/integrations/webhooks.ts';
import { defineJob, onePerStoredResponse } from '../jobs/queue.ts';
import { deliverWebhookJob } from './deliverWebhookJob.ts';

/** The Standard Webhooks payload: `{type, timestamp, data}`. */
export function responsePayload(type: string, r: ResponseEventRow) {
  return {
    type,
    timestamp: r.submittedAt.toISOString(),
    data: {
      responseId: r.responseId,
      survey: { id: r.surveyId, name: r.surveyName },
      submittedAt: r.submittedAt.toISOString(),
      channel: r.channel,
      language: r.language,
      location: r.location,
      contactId: r.contactId,
      hidden: r.hidden,
      answers: r.answers,
    },
  };
}

export const webhookEventJob = defineJob({
  name: 'webhook-event',
  ...onePerStoredResponse,
  schedule: 'after each stored response of an organisation with an enabled webhook endpoint',
  async handler({ orgId, responseId }, ctx) {
    const response = await loadResponseEvent(ctx.pool, orgId, responseId);
    if (!response) return { deliveries: 0 };
    let deliveries = 0;
    for (const type of RESPONSE_EVENTS) {
      const ids = await createDeliveries(ctx.pool, orgId, type, responseId, responsePayload(type, response));
      for (const deliveryId of ids) await ctx.queue.send(deliverWebhookJob, { orgId, deliveryId });
      deliveries += ids.length;
    }
    return { deliveries };
  },
});
