/**
 * @module The events outgoing webhooks carry (docs/api.md "Webhooks"). Sarafan stores a response only
 * when it is submitted whole, so `response.created` and `response.completed` fire together for every
 * new response; they will differ once partial responses are saved. `alert.triggered` is reserved for the
 * alerts to come: endpoints may subscribe to it, but nothing emits it yet.
 */
export const WEBHOOK_EVENT_TYPES = ['response.created', 'response.completed', 'alert.triggered'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The events a new response emits, in order. */
export const RESPONSE_EVENTS = ['response.created', 'response.completed'] as const satisfies readonly WebhookEventType[];

/**
 * Attempts of one delivery: the first and 15 retries (pg-boss doubles the pause from 2 s with jitter,
 * so the last retry comes roughly 9 to 36 hours after the event).
 */
export const WEBHOOK_RETRIES = 15;
export const WEBHOOK_FIRST_RETRY_SECONDS = 2;
