/**
 * @module Storing support contact events (docs/support.md "Importing contact events"), inside the
 * caller's transaction: events are first staged (COPY into a temporary table, so a file of a million
 * rows streams through bounded memory), then checked against the caller's locations, then stored once
 * each (event_key: a hash of ticket, kind, time and agent, see EVENT_KEY). Every contact they touched gets its
 * summary from src/core/support (summariseContact): a ticket new to the organisation from its staged rows, read
 * once in ticket order, its contact row written whole once; a stored contact recomputed from all its
 * stored events, in batches.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Scope } from '../../core/access/index.ts';
import { summariseContact, type SupportEvent, type SupportEventKind } from '../../core/support/contactEvents.ts';
import { FOLLOW_UP_WINDOW_DAYS } from '../../core/support/storing.ts';
import { normalizeEmail } from '../../core/contacts/normalize.ts';
import type { PoolClient, Queryable } from '../connection.ts';
import { copyField, type CopyValue } from '../demo/copyRows.ts';
import { contactMatchSql, locationMatchSql } from './matching.ts';

/** An event waiting in the stage, with the line (file) or index (API batch) it came from. */
export interface StagedEvent {
  line: number;
  event: SupportEvent;
}

const STAGE_COLUMNS = ['line', 'ticket', 'customer_key', 'at', 'kind', 'agent', 'channel', 'team', 'location_label', 'priority', 'category', 'subject', 'is_complaint'] as const;

/** Creates this transaction's empty stage (dropped at commit or rollback). */
export async function createEventStage(tx: Queryable): Promise<void> {
  await tx.query(`/* createEventStage */ create temporary table if not exists support_stage (
      line integer not null, ticket text not null, customer_key text, at timestamptz not null, kind text not null, agent text,
      channel text, team text, location_label text, priority text, category text, subject text, is_complaint boolean
    ) on commit drop;
    create temporary table if not exists support_touched (id uuid primary key) on commit drop;
    create temporary table if not exists support_ticket (ticket text not null, id uuid not null, is_new boolean not null) on commit drop;
    create temporary table if not exists support_summary (
      id uuid primary key, external_id text, customer_key text, customer_email text, channel text, agent text, team text, location_label text,
      priority text, category text, subject text, is_complaint boolean, created_at timestamptz not null,
      first_response_at timestamptz, first_solved_at timestamptz, last_solved_at timestamptz, closed_at timestamptz,
      agent_replies integer not null, reopens integer not null, solved_by text
    ) on commit drop;
    truncate support_stage, support_touched, support_ticket, support_summary`);
}

function stageLine(s: StagedEvent): string {
  const e = s.event;
  const row: CopyValue[] = [s.line, e.ticketId, e.customerId || null, e.at, e.kind, e.agent || null, e.channel || null, e.team || null,
    e.location || null, e.priority || null, e.category || null, e.subject || null, e.isComplaint ?? null];
  return row.map(copyField).join('\t') + '\n';
}

const CHUNK_CHARS = 256 * 1024;

async function* stageChunks(events: AsyncIterable<StagedEvent> | Iterable<StagedEvent>, counter: { n: number }): AsyncGenerator<string> {
  let buf = '';
  for await (const s of events) {
    buf += stageLine(s);
    counter.n++;
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/** Streams events into the stage with COPY (back-pressure: the source is read as fast as PostgreSQL takes it). @returns events staged */
export async function stageEvents(tx: PoolClient, events: AsyncIterable<StagedEvent> | Iterable<StagedEvent>): Promise<number> {
  const counter = { n: 0 };
  const sink = tx.query(copyFrom(`copy support_stage (${STAGE_COLUMNS.join(', ')}) from stdin`));
  await pipeline(Readable.from(stageChunks(events, counter)), sink);
  return counter.n;
}

/** A staged line the caller may not write, and why. */
export interface StageProblem {
  line: number;
  reason: string;
}

/**
 * For a caller limited to locations: every ticket must end up in one of the caller's locations (its
 * latest location label in the stage, else the stored contact's location), and a stored contact
 * outside them is not touched. Removes the refused lines from the stage.
 * @returns the refused lines, in line order (all of them; the caller keeps the first ones)
 */
export async function refuseOutOfScope(tx: Queryable, scope: Scope): Promise<StageProblem[]> {
  if (scope.locationPaths === null) return [];
  const { rows } = await tx.query<{ line: number; reason: string }>(
    `/* refuseOutOfScope */ with labels as (
        select distinct on (ticket) ticket, location_label from support_stage where location_label is not null order by ticket, at desc, line desc
      ), tickets as (
        select t.ticket, c.id as contact_id, c.location_id as stored_location,
               case when lb.location_label is null then c.location_id else ${locationMatchSql('$1', 'lb.location_label')} end as location_id,
               lb.location_label
          from (select distinct ticket from support_stage) t
          left join labels lb on lb.ticket = t.ticket
          left join support_contacts c on c.org_id = $1 and c.external_id = t.ticket
      ), refused as (
        select t.ticket,
               case when t.contact_id is not null and (t.stored_location is null or not exists (select 1 from locations l where l.org_id = $1 and l.id = t.stored_location and l.path like any($2::text[])))
                      then 'ticket_id: this ticket belongs to a location you cannot write'
                    when t.location_id is null and t.location_label is null then 'location: needed (you may write only your locations'' contacts)'
                    when t.location_id is null then 'location: no location has this code or name'
                    when not exists (select 1 from locations l where l.org_id = $1 and l.id = t.location_id and l.path like any($2::text[]))
                      then 'location: not one of your locations'
               end as reason
          from tickets t
      ), gone as (
        delete from support_stage s using refused r where r.reason is not null and s.ticket = r.ticket returning s.line, r.reason
      )
      select line, reason from gone order by line`,
    [scope.orgId, scope.locationPaths.map((p) => `${p}%`)],
  );
  return rows;
}

/**
 * An event's identity: ticket, kind, time and agent, and for the n-th (n >= 2) of identical events in one file
 * or batch, n (a ServiceNow incident can answer and ask the caller in the same minute: two agent replies, as
 * `sarafan kpi` counts them). The first has the key it always had, so the same file again adds nothing.
 */
const EVENT_KEY = `md5(concat_ws(chr(31), s.ticket, s.kind, extract(epoch from s.at)::text, coalesce(s.agent, ''), case when s.nth > 1 then s.nth::text end))`;

/**
 * Stores the staged events not stored yet and the summaries of the contacts they touched, then links
 * their customers' answers. A ticket new to the organisation has all its events in the stage: its
 * summary is computed from the staged rows (read once, in ticket order) and its contact row is written
 * whole, once. A stored contact that gains events gets its summary recomputed from all its stored events.
 * @returns events stored and contacts touched
 */
export async function applyStagedEvents(tx: PoolClient, orgId: string, importId: string | null): Promise<{ eventsAdded: number; contactsTouched: number }> {
  // Sorting and hashing a million staged rows in memory instead of on disk (this transaction only).
  await tx.query(`set local work_mem = '${WORK_MEM}'`);
  // Temporary tables have no statistics until analysed: without them a million staged rows get a nested-loop plan.
  await tx.query('analyze support_stage');
  await tx.query(
    `/* applyStagedEvents:tickets */ insert into support_ticket (ticket, id, is_new)
      select t.ticket, coalesce(c.id, gen_random_uuid()), c.id is null
        from (select distinct ticket from support_stage) t left join support_contacts c on c.org_id = $1 and c.external_id = t.ticket`,
    [orgId],
  );
  await tx.query('analyze support_ticket');
  await insertNewContacts(tx, orgId);
  const { rows } = await tx.query<{ added: string }>(
    `/* applyStagedEvents:events */ with ins as (
        insert into support_events (org_id, support_contact_id, event_key, kind, at, agent, import_id,
                                    customer_key, channel, team, location_label, priority, category, subject, is_complaint)
        select $1, k.id, ${EVENT_KEY}, s.kind, s.at, s.agent, $2,
               s.customer_key, s.channel, s.team, s.location_label, s.priority, s.category, s.subject, s.is_complaint
          from (select st.*, row_number() over (partition by st.ticket, st.kind, st.at, st.agent order by st.line) as nth from support_stage st) s
          join support_ticket k on k.ticket = s.ticket
         order by s.line
        on conflict (org_id, event_key) do nothing
        returning support_contact_id
      ), touched as (
        insert into support_touched (id) select distinct support_contact_id from ins on conflict do nothing
      )
      select count(*) as added from ins`,
    [orgId, importId],
  );
  await recomputeStoredContacts(tx, orgId);
  await linkFollowUpAnswers(tx, orgId);
  const touched = await tx.query<{ n: number }>('select count(*)::int as n from support_touched');
  return { eventsAdded: Number(rows[0].added), contactsTouched: touched.rows[0].n };
}

const WORK_MEM = '128MB';

interface EventRow {
  id: string;
  external_id: string;
  kind: SupportEventKind;
  /** The event's time in epoch milliseconds (a float8 parses far faster than a timestamptz). */
  at_ms: number;
  agent: string | null;
  customer_key: string | null;
  channel: string | null;
  team: string | null;
  location_label: string | null;
  priority: string | null;
  category: string | null;
  subject: string | null;
  is_complaint: boolean | null;
}

const EVENT_ROW_SQL = (event: string) =>
  `${event}.kind, (extract(epoch from ${event}.at) * 1000)::float8 as at_ms, ${event}.agent, ${event}.customer_key, ${event}.channel, ${event}.team, ${event}.location_label,
   ${event}.priority, ${event}.category, ${event}.subject, ${event}.is_complaint`;

const RECOMPUTE_BATCH = 5000;
const NEW_CONTACTS_FETCH = 20_000;
const SUMMARY_COLUMNS = [
  'id', 'external_id', 'customer_key', 'customer_email', 'channel', 'agent', 'team', 'location_label', 'priority', 'category', 'subject', 'is_complaint',
  'created_at', 'first_response_at', 'first_solved_at', 'last_solved_at', 'closed_at', 'agent_replies', 'reopens', 'solved_by',
] as const;

function eventOf(r: EventRow): SupportEvent {
  return {
    ticketId: r.external_id, customerId: r.customer_key, at: new Date(r.at_ms), kind: r.kind, agent: r.agent, channel: r.channel, team: r.team,
    location: r.location_label, priority: r.priority, category: r.category, subject: r.subject, isComplaint: r.is_complaint,
  };
}

/** One COPY line of support_summary: the summary (summariseContact) of one contact's events. */
function summaryLine(id: string, externalId: string, events: readonly SupportEvent[]): string {
  const s = summariseContact(events);
  const row: CopyValue[] = [id, externalId, s.customerId, s.customerId ? normalizeEmail(s.customerId) : null, s.channel, s.agent, s.team, s.location,
    s.priority, s.category, s.subject, s.isComplaint, s.createdAt, s.firstResponseAt, s.firstSolvedAt, s.lastSolvedAt, s.closedAt,
    s.agentReplies, s.reopens, s.solvedBy];
  return row.map(copyField).join('\t') + '\n';
}

async function copySummaries(tx: PoolClient, lines: string): Promise<void> {
  if (!lines) return;
  await pipeline(Readable.from([lines]), tx.query(copyFrom(`copy support_summary (${SUMMARY_COLUMNS.join(', ')}) from stdin`)));
}

/**
 * Summarises the staged events of the tickets new to the organisation into support_summary, reading
 * the stage once in ticket order through a cursor (bounded memory). Identical events of one file are
 * distinct events (EVENT_KEY numbers them), so every staged row counts, as in `sarafan kpi`.
 */
async function summariseNewContacts(tx: PoolClient): Promise<void> {
  await tx.query('truncate support_summary');
  await tx.query(
    `/* summariseNewContacts */ declare support_new_events no scroll cursor for
      select k.id, s.ticket as external_id, ${EVENT_ROW_SQL('s')}
        from support_stage s join support_ticket k on k.ticket = s.ticket
       where k.is_new order by k.id, s.line`,
  );
  let pending: EventRow[] = [];
  for (;;) {
    const { rows } = await tx.query<EventRow>(`fetch ${NEW_CONTACTS_FETCH} from support_new_events`);
    const done = rows.length < NEW_CONTACTS_FETCH;
    let lines = '';
    for (const r of rows) {
      if (pending.length > 0 && pending[0].id !== r.id) {
        lines += newContactLine(pending);
        pending = [];
      }
      pending.push(r);
    }
    if (done && pending.length > 0) lines += newContactLine(pending);
    await copySummaries(tx, lines);
    if (done) break;
  }
  await tx.query('close support_new_events');
  await tx.query('analyze support_summary');
}

function newContactLine(rows: readonly EventRow[]): string {
  return summaryLine(rows[0].id, rows[0].external_id, rows.map(eventOf));
}

/**
 * The Sarafan location and contact of each summary in support_summary, matched once per distinct label
 * and customer key (src/db/support/matching.ts): `m_loc (label, location_id)` and `m_cust (key, contact_id)`.
 */
function summaryMatchesSql(org: string): string {
  return `m_loc as (
      select x.label, ${locationMatchSql(org, 'x.label')} as location_id
        from (select distinct location_label as label from support_summary where location_label is not null) x
    ), m_cust as (
      select x.key, ${contactMatchSql(org, 'x.key', 'x.email')} as contact_id
        from (select distinct customer_key as key, customer_email as email from support_summary where customer_key is not null) x
    )`;
}

/**
 * Writes the contact rows of the tickets new to the organisation, whole (summary, location and
 * customer). A ticket another transaction stored meanwhile is left to it: its events then count as a
 * stored contact's (recomputed after they are stored).
 */
async function insertNewContacts(tx: PoolClient, orgId: string): Promise<void> {
  const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from support_ticket where is_new');
  if (rows[0].n === 0) return;
  await summariseNewContacts(tx);
  const { rowCount } = await tx.query(
    `/* insertNewContacts */ with ${summaryMatchesSql('$1')}
      insert into support_contacts (org_id, id, external_id, customer_key, contact_id, channel, agent, team, location_label, location_id,
                                    priority, category, subject, is_complaint, created_at, first_response_at, first_solved_at,
                                    last_solved_at, closed_at, agent_replies, reopens, solved_by)
      select $1, s.id, s.external_id, s.customer_key, mc.contact_id, s.channel, s.agent, s.team, s.location_label, ml.location_id,
             s.priority, s.category, s.subject, s.is_complaint, s.created_at, s.first_response_at, s.first_solved_at,
             s.last_solved_at, s.closed_at, s.agent_replies, s.reopens, s.solved_by
        from support_summary s
        left join m_loc ml on ml.label = s.location_label
        left join m_cust mc on mc.key = s.customer_key
      on conflict (org_id, external_id) do nothing`,
    [orgId],
  );
  if (rowCount === rows[0].n) return;
  await tx.query(
    `/* insertNewContacts:taken */ update support_ticket k set id = c.id, is_new = false
       from support_contacts c where k.is_new and c.org_id = $1 and c.external_id = k.ticket and c.id <> k.id`,
    [orgId],
  );
}

/**
 * Recomputes, a batch at a time, the stored contacts (not new in this import) listed in
 * support_touched, from all their stored events.
 */
async function recomputeStoredContacts(tx: PoolClient, orgId: string): Promise<void> {
  let last = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows: ids } = await tx.query<{ id: string }>(
      `/* recomputeStoredContacts:ids */ select t.id from support_touched t
        where t.id > $1 and not exists (select 1 from support_ticket k where k.id = t.id and k.is_new)
        order by t.id limit $2`,
      [last, RECOMPUTE_BATCH],
    );
    if (ids.length === 0) return;
    last = ids[ids.length - 1].id;
    const { rows } = await tx.query<EventRow>(
      `/* recomputeStoredContacts:events */ select c.id, c.external_id, ${EVENT_ROW_SQL('e')}
         from support_events e join support_contacts c on c.org_id = e.org_id and c.id = e.support_contact_id
        where e.org_id = $1 and e.support_contact_id = any($2::uuid[])`,
      [orgId, ids.map((r) => r.id)],
    );
    const byContact = new Map<string, EventRow[]>();
    for (const r of rows) {
      let list = byContact.get(r.id);
      if (!list) byContact.set(r.id, (list = []));
      list.push(r);
    }
    let lines = '';
    for (const [id, list] of byContact) lines += summaryLine(id, list[0].external_id, list.map(eventOf));
    await tx.query('truncate support_summary');
    await copySummaries(tx, lines);
    await tx.query('analyze support_summary');
    await tx.query(
      `/* recomputeStoredContacts:update */ with ${summaryMatchesSql('$1')}
        update support_contacts c set
          customer_key = s.customer_key, channel = s.channel, agent = s.agent, team = s.team, location_label = s.location_label,
          location_id = ml.location_id, contact_id = mc.contact_id,
          priority = s.priority, category = s.category, subject = s.subject, is_complaint = s.is_complaint, created_at = s.created_at,
          first_response_at = s.first_response_at, first_solved_at = s.first_solved_at, last_solved_at = s.last_solved_at,
          closed_at = s.closed_at, agent_replies = s.agent_replies, reopens = s.reopens, solved_by = s.solved_by, updated_at = now()
        from support_summary s
        left join m_loc ml on ml.label = s.location_label
        left join m_cust mc on mc.key = s.customer_key
        where c.org_id = $1 and c.id = s.id`,
      [orgId],
    );
  }
}

/**
 * Links the answers of the touched contacts' customers to the contact each follows: the same
 * customer's contact solved most recently before the answer, at most FOLLOW_UP_WINDOW_DAYS before it.
 * Answers given through an invitation a support contact triggered keep that contact.
 */
async function linkFollowUpAnswers(tx: Queryable, orgId: string): Promise<void> {
  await tx.query(
    `/* linkFollowUpAnswers */ update responses r set support_contact_id = (
        select sc.id from support_contacts sc
         where sc.org_id = r.org_id and sc.contact_id = r.contact_id
           and sc.last_solved_at <= r.submitted_at and sc.last_solved_at > r.submitted_at - make_interval(days => $2)
         order by sc.last_solved_at desc limit 1)
      where r.org_id = $1
        and r.contact_id in (select c.contact_id from support_contacts c join support_touched t on t.id = c.id where c.org_id = $1 and c.contact_id is not null)
        and not exists (select 1 from survey_invitations i where i.org_id = r.org_id and i.id = r.invitation_id and i.support_contact_id is not null)`,
    [orgId, FOLLOW_UP_WINDOW_DAYS],
  );
}
