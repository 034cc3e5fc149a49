/** Outgoing webhook endpoints, their deliveries and the attempts' log (migration 085). */
import type { Queryable } from '../connection.ts';

export interface WebhookEndpointRow {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  disabled: boolean;
  createdAt: Date;
}

const ENDPOINT_COLUMNS = 'id, url, description, event_types, disabled_at, created_at';
const toEndpoint = (r: any): WebhookEndpointRow => ({
  id: r.id, url: r.url, description: r.description, eventTypes: r.event_types, disabled: r.disabled_at !== null, createdAt: r.created_at,
});

export async function insertWebhookEndpoint(
  db: Queryable,
  e: { orgId: string; url: string; description: string; eventTypes: string[]; secret: string; createdBy: string },
): Promise<string> {
  const { rows } = await db.query(
    `/* insertWebhookEndpoint */ insert into webhook_endpoints(org_id, url, description, event_types, secret, created_by)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [e.orgId, e.url, e.description, e.eventTypes, e.secret, e.createdBy],
  );
  return rows[0].id;
}

export async function listWebhookEndpoints(db: Queryable, orgId: string): Promise<WebhookEndpointRow[]> {
  const { rows } = await db.query(
    `/* listWebhookEndpoints */ select ${ENDPOINT_COLUMNS} from webhook_endpoints where org_id = $1 order by created_at`,
    [orgId],
  );
  return rows.map(toEndpoint);
}

export async function findWebhookEndpoint(db: Queryable, orgId: string, id: string): Promise<WebhookEndpointRow | null> {
  const { rows } = await db.query(
    `/* findWebhookEndpoint */ select ${ENDPOINT_COLUMNS} from webhook_endpoints where org_id = $1 and id = $2`,
    [orgId, id],
  );
  return rows[0] ? toEndpoint(rows[0]) : null;
}

/** Changes the fields given (undefined: kept). @returns false when not found */
export async function updateWebhookEndpoint(
  db: Queryable, orgId: string, id: string, p: { url?: string; description?: string; eventTypes?: string[]; disabled?: boolean },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* updateWebhookEndpoint */ update webhook_endpoints set
        url = coalesce($3, url), description = coalesce($4, description), event_types = coalesce($5, event_types),
        disabled_at = case when $6::boolean is null then disabled_at when $6 then coalesce(disabled_at, now()) else null end
      where org_id = $1 and id = $2`,
    [orgId, id, p.url ?? null, p.description ?? null, p.eventTypes ?? null, p.disabled ?? null],
  );
  return rowCount === 1;
}

export async function deleteWebhookEndpoint(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`/* deleteWebhookEndpoint */ delete from webhook_endpoints where org_id = $1 and id = $2`, [orgId, id]);
  return rowCount === 1;
}

/** True when the organisation has an enabled endpoint (the submit path asks before enqueueing an event). */
export async function hasActiveWebhooks(db: Queryable, orgId: string): Promise<boolean> {
  const { rows } = await db.query(
    `/* hasActiveWebhooks */ select exists(select 1 from webhook_endpoints where org_id = $1 and disabled_at is null) as has`,
    [orgId],
  );
  return rows[0].has;
}

/**
 * One delivery per enabled endpoint subscribed to `eventType`, for this subject; a delivery that exists
 * already (the event job ran before) is kept as it is.
 * @returns the ids of the deliveries not attempted yet (new ones, and ones a crashed run left)
 */
export async function createDeliveries(db: Queryable, orgId: string, eventType: string, subjectId: string, payload: unknown): Promise<string[]> {
  const { rows } = await db.query(
    `/* createDeliveries */
     with inserted as (
       insert into webhook_deliveries(org_id, endpoint_id, event_type, subject_id, payload)
       select org_id, id, $2, $3, $4 from webhook_endpoints
        where org_id = $1 and disabled_at is null and $2 = any(event_types)
       on conflict (org_id, endpoint_id, event_type, subject_id) do nothing
       returning id)
     select id from inserted
     union
     select id from webhook_deliveries where org_id = $1 and event_type = $2 and subject_id = $3 and attempts = 0 and status = 'pending'`,
    [orgId, eventType, subjectId, JSON.stringify(payload)],
  );
  return rows.map((r) => r.id);
}

export interface DeliveryToSend {
  id: string;
  status: string;
  eventType: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
  url: string;
  secret: string;
  endpointDisabled: boolean;
}

export async function findDeliveryToSend(db: Queryable, orgId: string, id: string): Promise<DeliveryToSend | null> {
  const { rows } = await db.query(
    `/* findDeliveryToSend */ select d.id, d.status, d.event_type, d.payload, d.attempts, d.created_at, e.url, e.secret, e.disabled_at
       from webhook_deliveries d join webhook_endpoints e on e.org_id = d.org_id and e.id = d.endpoint_id
      where d.org_id = $1 and d.id = $2`,
    [orgId, id],
  );
  const r = rows[0];
  return r
    ? { id: r.id, status: r.status, eventType: r.event_type, payload: r.payload, attempts: r.attempts, createdAt: r.created_at, url: r.url, secret: r.secret, endpointDisabled: r.disabled_at !== null }
    : null;
}

/**
 * Logs one attempt and sets the delivery's state: succeeded, failed (no retry left) or still pending.
 * @returns the attempt's number
 */
export async function recordAttempt(
  db: Queryable, orgId: string, id: string,
  a: { statusCode: number | null; error: string | null; durationMs: number; outcome: 'succeeded' | 'failed' | 'pending' },
): Promise<number> {
  const { rows } = await db.query(
    `/* recordAttempt */
     with d as (
       update webhook_deliveries set attempts = attempts + 1, status = $5, last_status_code = $3, last_error = $4, last_attempt_at = now()
        where org_id = $1 and id = $2 returning attempts)
     insert into webhook_attempts(org_id, delivery_id, attempt, status_code, error, duration_ms)
     select $1, $2, attempts, $3, $4, $6 from d returning attempt`,
    [orgId, id, a.statusCode, a.error, a.outcome, a.durationMs],
  );
  return rows[0]?.attempt ?? 0;
}

/** A delivery waits again (resend). @returns false unless it is the endpoint's */
export async function resetDelivery(db: Queryable, orgId: string, endpointId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* resetDelivery */ update webhook_deliveries set status = 'pending' where org_id = $1 and endpoint_id = $2 and id = $3`,
    [orgId, endpointId, id],
  );
  return rowCount === 1;
}

export interface DeliveryLogRow {
  id: string;
  eventType: string;
  subjectId: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  createdAt: Date;
  log: { attempt: number; at: Date; statusCode: number | null; error: string | null; durationMs: number | null }[];
}

/** An endpoint's newest deliveries with their newest attempts (`id`: only that delivery). */
export async function listDeliveries(db: Queryable, orgId: string, endpointId: string, opts: { limit: number; id?: string }): Promise<DeliveryLogRow[]> {
  const { rows } = await db.query(
    `/* listDeliveries */
     select d.id, d.event_type, d.subject_id, d.status, d.attempts, d.created_at,
            coalesce((select json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'statusCode', a.status_code, 'error', a.error, 'durationMs', a.duration_ms) order by a.attempt desc)
                        from (select * from webhook_attempts a where a.org_id = d.org_id and a.delivery_id = d.id order by a.attempt desc limit 20) a), '[]') as log
       from webhook_deliveries d
      where d.org_id = $1 and d.endpoint_id = $2 and ($4::uuid is null or d.id = $4)
      order by d.created_at desc, d.id
      limit $3`,
    [orgId, endpointId, opts.limit, opts.id ?? null],
  );
  return rows.map((r) => ({
    id: r.id, eventType: r.event_type, subjectId: r.subject_id, status: r.status, attempts: r.attempts, createdAt: r.created_at,
    log: r.log.map((a: any) => ({ attempt: a.attempt, at: new Date(a.at), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  }));
}
