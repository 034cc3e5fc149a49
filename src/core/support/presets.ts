/**
 * @module Column mappings of support event files (docs/import-formats.md "Presets"): a preset turns one
 * row of a file into canonical events (contactEvents.ts). One preset instance reads one file; presets
 * whose rows are state changes keep per-ticket state in a Map (bounded by tickets, not rows).
 *
 * Exports: `PRESET_NAMES`, `PresetName`, `isPresetName`, `EventPreset`, `RowCells`, `createPreset`,
 * `columnKey`.
 *
 * - `canonical`: one event per row; columns ticket_id, customer_id, at, event, channel, agent, team,
 *   location, priority, category, subject, is_complaint.
 * - `zendesk`: a Zendesk ticket export (one row per ticket: Id, Requester, Created at, Solved at,
 *   First reply time in minutes, First/Full resolution time in minutes, Reopens, Replies, Assignee,
 *   Group, Via, Priority, Tags, Subject, Ticket type); events are synthesised from the timestamps.
 * - `servicenow`: a ServiceNow incident event log (one row per update of an incident; `?` = missing).
 */
import type { CellValue } from '../reviews/importRows.ts';
import { isSupportEventKind, type ContactAttributes, type SupportEvent, type SupportEventKind } from './contactEvents.ts';
import { dateReader, ISO_8601, type DateReader } from './eventDates.ts';

export const PRESET_NAMES = ['canonical', 'zendesk', 'servicenow'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** A header or JSON key as presets name columns: lower case, spaces, dashes and dots as `_` ("Created at" -> created_at). */
export function columnKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s\-.]+/g, '_');
}

/** A row's cells by column key (columnKey). */
export type RowCells = ReadonlyMap<string, CellValue>;

export interface EventPreset {
  /** Column keys every file of this preset must have (checked against the header). */
  readonly required: readonly string[];
  /** The events of one row, in file order, or why the row is refused. */
  row(cells: RowCells): SupportEvent[] | string;
}

interface PresetOptions {
  timeZone: string;
  /** Declared date format (eventDates.ts); each preset has its default. */
  dateFormat?: string;
}

type Attributes = Partial<ContactAttributes>;

const MAX_TEXT = 1000;

/** A cell as trimmed text; null when empty (or equal to `missing`, e.g. `?`). */
function text(cells: RowCells, key: string, missing?: string): string | null {
  const v = cells.get(key);
  if (v === null || v === undefined) return null;
  const s = (v instanceof Date ? v.toISOString() : String(v)).trim();
  return s === '' || s === missing ? null : s.slice(0, MAX_TEXT);
}

function flag(value: string | null): boolean | null | string {
  if (value === null) return null;
  const v = value.toLowerCase();
  if (['true', '1', 'yes', 'y'].includes(v)) return true;
  if (['false', '0', 'no', 'n'].includes(v)) return false;
  return `is_complaint "${value.slice(0, 20)}" is not true/false`;
}

/** A date cell read by `read`, or null when empty; a string is the error. */
function dateCell(cells: RowCells, key: string, read: DateReader, missing?: string): Date | null | string {
  const v = cells.get(key);
  if (v === null || v === undefined || (typeof v === 'string' && (v.trim() === '' || v.trim() === missing))) return null;
  const d = read(v);
  return typeof d === 'string' ? `${key}: ${d}` : d;
}

function canonicalPreset(read: DateReader): EventPreset {
  return {
    required: ['ticket_id', 'at', 'event'],
    row(cells) {
      const ticketId = text(cells, 'ticket_id');
      if (!ticketId) return 'ticket_id is empty';
      const kind = text(cells, 'event');
      if (!kind) return 'event is empty';
      if (!isSupportEventKind(kind)) return `event "${kind.slice(0, 40)}" is none of created, agent_reply, customer_reply, auto_reply, solved, reopened, closed, assigned`;
      const at = dateCell(cells, 'at', read);
      if (at === null) return 'at is empty';
      if (typeof at === 'string') return at;
      const isComplaint = flag(text(cells, 'is_complaint'));
      if (typeof isComplaint === 'string') return isComplaint;
      return [{
        ticketId, customerId: text(cells, 'customer_id'), at, kind,
        channel: text(cells, 'channel'), agent: text(cells, 'agent'), team: text(cells, 'team'), location: text(cells, 'location'),
        priority: text(cells, 'priority'), category: text(cells, 'category'), subject: text(cells, 'subject'), isComplaint,
      }];
    },
  };
}

/** The first non-empty of several columns. */
function firstText(cells: RowCells, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = text(cells, k);
    if (v !== null) return v;
  }
  return null;
}

/** A count or a number of minutes; null when empty; a string is the error. */
function numberCell(cells: RowCells, key: string): number | null | string {
  const v = text(cells, key);
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : `${key}: "${v.slice(0, 20)}" is not a number`;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Zendesk ticket export, one row per ticket. created at `created_at`; first agent reply at created +
 * `first_reply_time_in_minutes`, then `replies` - 1 further agent replies 1 s apart (their times are not
 * in the export; only their count is used); first solve at created + `first_resolution_time_in_minutes`;
 * each of `reopens` adds a reopen (1 s after the previous solve) and all but the last a solve 1 s later;
 * the last solve at `solved_at` (or created + `full_resolution_time_in_minutes`). A ticket with a
 * `solved_at` and no first resolution time is solved once at `solved_at`. Tags containing `complaint`
 * mark a complaint.
 */
function zendeskPreset(read: DateReader): EventPreset {
  return {
    required: ['id', 'created_at'],
    row(cells) {
      const ticketId = text(cells, 'id');
      if (!ticketId) return 'id is empty';
      const created = dateCell(cells, 'created_at', read);
      if (created === null) return 'created_at is empty';
      if (typeof created === 'string') return created;
      const solvedAt = dateCell(cells, 'solved_at', read);
      if (typeof solvedAt === 'string') return solvedAt;
      const numbers: Record<string, number | null> = {};
      for (const key of ['first_reply_time_in_minutes', 'first_resolution_time_in_minutes', 'full_resolution_time_in_minutes', 'replies', 'reopens']) {
        const n = numberCell(cells, key);
        if (typeof n === 'string') return n;
        numbers[key] = n;
      }
      const tags = text(cells, 'tags');
      const attrs: Attributes = {
        channel: firstText(cells, ['via', 'channel']), agent: text(cells, 'assignee'), team: text(cells, 'group'), location: text(cells, 'location'),
        priority: text(cells, 'priority'), category: firstText(cells, ['ticket_type', 'type']), subject: text(cells, 'subject'),
        isComplaint: tags === null ? null : /complaint/i.test(tags),
      };
      const customerId = firstText(cells, ['requester_id', 'requester_external_id', 'requester_email', 'requester']);
      const base = created.getTime();
      const events: SupportEvent[] = [];
      const add = (kind: SupportEventKind, ms: number) => events.push({ ticketId, customerId, at: new Date(ms), kind, ...attrs });
      add('created', base);
      const firstReply = numbers.first_reply_time_in_minutes;
      if (firstReply !== null) {
        const at = base + firstReply * MINUTE;
        const replies = Math.max(1, Math.floor(numbers.replies ?? 1));
        for (let i = 0; i < replies; i++) add('agent_reply', at + i * SECOND);
      }
      const full = solvedAt?.getTime() ?? (numbers.full_resolution_time_in_minutes === null ? null : base + numbers.full_resolution_time_in_minutes * MINUTE);
      const first = numbers.first_resolution_time_in_minutes === null ? full : base + numbers.first_resolution_time_in_minutes * MINUTE;
      if (first !== null) {
        const reopens = Math.floor(numbers.reopens ?? 0);
        add('solved', first);
        let t = first;
        for (let i = 0; i < reopens; i++) {
          add('reopened', (t += SECOND));
          if (i < reopens - 1) add('solved', (t += SECOND));
        }
        if (reopens > 0) add('solved', Math.max(full ?? t + SECOND, t + SECOND));
      }
      return events;
    },
  };
}

const SN_MISSING = '?';
/** States of an incident in which the service desk waits for the caller: entering one is a reply to the caller. */
const SN_ASKED_CALLER = 'Awaiting User Info';

interface IncidentState {
  state: string;
  reopenCount: number;
  agent: string | null;
  responded: boolean;
}

/**
 * ServiceNow incident event log, one row per update (number, incident_state, reopen_count, caller_id,
 * opened_at, sys_updated_at, contact_type, location, category, priority, assignment_group, assigned_to,
 * closed_at; `?` = missing). Per incident (in file order):
 * - created at `opened_at` (with the first row of the incident);
 * - assigned at `sys_updated_at` when `assigned_to` changes to a value;
 * - agent_reply (first response) at the first row whose state is not New: the service desk acting on it
 *   (moving it to Active, Awaiting ..., or straight to Resolved); later, each move into
 *   Awaiting User Info (the desk asks the caller) is another agent reply;
 * - reopened at `sys_updated_at` when `reopen_count` increases;
 * - solved at `sys_updated_at` of each move into Resolved (resolved_at holds only the last resolution:
 *   the log's moves keep the first and the full resolution apart);
 * - closed at `closed_at` (else `sys_updated_at`) on the move into Closed.
 */
function serviceNowPreset(read: DateReader): EventPreset {
  const incidents = new Map<string, IncidentState>();
  return {
    required: ['number', 'incident_state', 'opened_at', 'sys_updated_at'],
    row(cells) {
      const ticketId = text(cells, 'number', SN_MISSING);
      if (!ticketId) return 'number is empty';
      const state = text(cells, 'incident_state', SN_MISSING);
      if (!state) return 'incident_state is empty';
      const at = dateCell(cells, 'sys_updated_at', read, SN_MISSING);
      if (at === null) return 'sys_updated_at is empty';
      if (typeof at === 'string') return at;
      const reopenText = text(cells, 'reopen_count', SN_MISSING);
      const reopenCount = reopenText === null ? 0 : Number(reopenText);
      if (!Number.isInteger(reopenCount) || reopenCount < 0) return `reopen_count "${reopenText!.slice(0, 20)}" is not a count`;
      const customerId = text(cells, 'caller_id', SN_MISSING);
      const attrs: Attributes = {
        channel: text(cells, 'contact_type', SN_MISSING), agent: text(cells, 'assigned_to', SN_MISSING), team: text(cells, 'assignment_group', SN_MISSING),
        location: text(cells, 'location', SN_MISSING), priority: text(cells, 'priority', SN_MISSING), category: text(cells, 'category', SN_MISSING),
      };
      const events: SupportEvent[] = [];
      const add = (kind: SupportEventKind, when: Date) => events.push({ ticketId, customerId, at: when, kind, ...attrs });
      let incident = incidents.get(ticketId);
      if (!incident) {
        const opened = dateCell(cells, 'opened_at', read, SN_MISSING);
        if (opened === null) return 'opened_at is empty';
        if (typeof opened === 'string') return opened;
        add('created', opened);
        incident = { state: '', reopenCount: 0, agent: null, responded: false };
        incidents.set(ticketId, incident);
      }
      let closedAt: Date | null = null;
      if (state === 'Closed' && incident.state !== 'Closed') {
        const closed = dateCell(cells, 'closed_at', read, SN_MISSING);
        if (typeof closed === 'string') return closed;
        closedAt = closed ?? at;
      }
      if (attrs.agent && attrs.agent !== incident.agent) add('assigned', at);
      if (!incident.responded && state !== 'New') add('agent_reply', at);
      else if (incident.responded && state === SN_ASKED_CALLER && incident.state !== SN_ASKED_CALLER) add('agent_reply', at);
      if (reopenCount > incident.reopenCount) add('reopened', at);
      if (state === 'Resolved' && incident.state !== 'Resolved') add('solved', at);
      if (closedAt) add('closed', closedAt);
      incident.state = state;
      incident.reopenCount = Math.max(reopenCount, incident.reopenCount);
      incident.agent = attrs.agent ?? incident.agent;
      incident.responded ||= state !== 'New';
      return events;
    },
  };
}

const DEFAULT_DATE_FORMAT: Record<PresetName, string> = { canonical: ISO_8601, zendesk: ISO_8601, servicenow: 'dd-mm-yyyy HH:MM' };

/**
 * A fresh preset for one file.
 * @throws Error when the date format or zone is unusable
 */
export function createPreset(name: PresetName, options: PresetOptions): EventPreset {
  const read = dateReader(options.dateFormat ?? DEFAULT_DATE_FORMAT[name], options.timeZone);
  if (name === 'zendesk') return zendeskPreset(read);
  if (name === 'servicenow') return serviceNowPreset(read);
  return canonicalPreset(read);
}
