import { describe, expect, it } from 'vitest';
import type { CellValue } from '../reviews/importRows.ts';
import { summariseContact, type SupportEvent } from './contactEvents.ts';
import { columnKey, createPreset, isPresetName } from './presets.ts';

const cells = (o: Record<string, CellValue>) => new Map(Object.entries(o).map(([k, v]) => [columnKey(k), v]));
const utc = (s: string) => new Date(`${s}Z`);
const kinds = (events: SupportEvent[] | string) => (typeof events === 'string' ? events : events.map((e) => `${e.kind}@${e.at.toISOString().slice(0, 16)}`));

describe('columnKey and names', () => {
  it('normalises headers', () => {
    expect(columnKey(' First reply time in minutes ')).toBe('first_reply_time_in_minutes');
    expect(columnKey('Ticket-ID')).toBe('ticket_id');
    expect(isPresetName('servicenow')).toBe(true);
    expect(isPresetName('jira')).toBe(false);
  });
});

describe('canonical preset', () => {
  const preset = createPreset('canonical', { timeZone: 'Europe/Moscow' });

  it('one event per row with its attributes; dates without an offset in the declared zone', () => {
    expect(preset.required).toEqual(['ticket_id', 'at', 'event']);
    const out = preset.row(cells({
      ticket_id: 'T1', customer_id: 'C1', at: '2024-03-01 12:00', event: 'created', channel: 'email', agent: '', team: 'L1',
      location: 'S1', priority: 'high', category: 'billing', subject: 'Refund', is_complaint: 'yes',
    }));
    expect(out).toEqual([{
      ticketId: 'T1', customerId: 'C1', at: utc('2024-03-01T09:00:00'), kind: 'created', channel: 'email', agent: null, team: 'L1',
      location: 'S1', priority: 'high', category: 'billing', subject: 'Refund', isComplaint: true,
    }]);
  });

  it('refuses rows with reasons', () => {
    expect(preset.row(cells({ ticket_id: '', at: '2024-03-01', event: 'created' }))).toBe('ticket_id is empty');
    expect(preset.row(cells({ ticket_id: 'T', at: '2024-03-01', event: 'reply' }))).toMatch(/^event "reply" is none of created/);
    expect(preset.row(cells({ ticket_id: 'T', at: '', event: 'created' }))).toBe('at is empty');
    expect(preset.row(cells({ ticket_id: 'T', at: '01.03.2024', event: 'created' }))).toBe('at: "01.03.2024" is not a date in the format ISO 8601');
    expect(preset.row(cells({ ticket_id: 'T', at: '2024-03-01', event: 'created', is_complaint: 'maybe' }))).toBe('is_complaint "maybe" is not true/false');
  });

  it('a declared format replaces ISO 8601', () => {
    const p = createPreset('canonical', { timeZone: 'UTC', dateFormat: 'mm/dd/yyyy HH:MM' });
    expect(kinds(p.row(cells({ ticket_id: 'T', at: '03/01/2024 10:30', event: 'solved' })))).toEqual(['solved@2024-03-01T10:30']);
  });
});

describe('zendesk preset', () => {
  const preset = createPreset('zendesk', { timeZone: 'UTC' });
  const row = (o: Record<string, CellValue>) => preset.row(cells(o));

  it('synthesises events from a ticket row of the export (its header names)', () => {
    const out = row({
      Id: '101', Requester: 'Ann', 'Requester id': '555', 'Created at': '2024-03-01 10:00:00', 'Solved at': '2024-03-02 10:00:00',
      'First reply time in minutes': '30', 'First resolution time in minutes': '120', 'Full resolution time in minutes': '1440',
      Reopens: '1', Replies: '2', Assignee: 'Bob', Group: 'Support', Via: 'Mail', Priority: 'High', Tags: 'refund complaint', Subject: 'Late',
      'Ticket type': 'incident',
    });
    expect(kinds(out)).toEqual([
      'created@2024-03-01T10:00', 'agent_reply@2024-03-01T10:30', 'agent_reply@2024-03-01T10:30', 'solved@2024-03-01T12:00',
      'reopened@2024-03-01T12:00', 'solved@2024-03-02T10:00',
    ]);
    const events = out as SupportEvent[];
    expect(events[0]).toMatchObject({ ticketId: '101', customerId: '555', agent: 'Bob', team: 'Support', channel: 'Mail', priority: 'High', category: 'incident', subject: 'Late', isComplaint: true });
    const s = summariseContact(events);
    expect(s).toMatchObject({ agentReplies: 2, reopens: 1, firstResponseAt: utc('2024-03-01T10:30:00'), firstSolvedAt: utc('2024-03-01T12:00:00'), lastSolvedAt: utc('2024-03-02T10:00:00') });
  });

  it('a ticket with only a solved time, and an open one; tags without complaint say no complaint', () => {
    expect(kinds(row({ id: '7', created_at: '2024-03-01T10:00:00Z', solved_at: '2024-03-01T11:00:00Z', tags: 'vip' }))).toEqual(['created@2024-03-01T10:00', 'solved@2024-03-01T11:00']);
    const open = row({ id: '8', created_at: '2024-03-01T10:00:00Z', first_reply_time_in_minutes: '5' }) as SupportEvent[];
    expect(kinds(open)).toEqual(['created@2024-03-01T10:00', 'agent_reply@2024-03-01T10:05']);
    expect(open[0].isComplaint).toBeNull();
    expect((row({ id: '7', created_at: '2024-03-01T10:00:00Z', tags: 'vip' }) as SupportEvent[])[0].isComplaint).toBe(false);
  });

  it('two reopens: solve, reopen, solve, reopen, then the last solve at solved_at', () => {
    const out = row({ id: '9', created_at: '2024-03-01T10:00:00Z', first_resolution_time_in_minutes: '60', solved_at: '2024-03-03T10:00:00Z', reopens: '2' }) as SupportEvent[];
    expect(out.map((e) => e.kind)).toEqual(['created', 'solved', 'reopened', 'solved', 'reopened', 'solved']);
    expect(summariseContact(out)).toMatchObject({ reopens: 2, firstSolvedAt: utc('2024-03-01T11:00:00'), lastSolvedAt: utc('2024-03-03T10:00:00') });
  });

  it('refuses rows with reasons', () => {
    expect(row({ id: '', created_at: '2024-03-01' })).toBe('id is empty');
    expect(row({ id: '1', created_at: 'yesterday' })).toMatch(/^created_at: "yesterday" is not a date/);
    expect(row({ id: '1', created_at: '2024-03-01', replies: 'many' })).toBe('replies: "many" is not a number');
  });
});

describe('servicenow preset', () => {
  const header = ['number', 'incident_state', 'reopen_count', 'caller_id', 'opened_at', 'sys_updated_at', 'contact_type', 'location', 'category', 'priority', 'assignment_group', 'assigned_to', 'closed_at'];
  const log = (preset: ReturnType<typeof createPreset>, rows: string[][]) => rows.map((r) => preset.row(new Map(header.map((h, i) => [h, r[i]]))));

  it('turns state changes into events, keeping state per incident', () => {
    const preset = createPreset('servicenow', { timeZone: 'UTC' });
    expect(preset.required).toEqual(['number', 'incident_state', 'opened_at', 'sys_updated_at']);
    const out = log(preset, [
      ['INC1', 'New', '0', 'Caller 1', '01-03-2016 09:00', '01-03-2016 09:05', 'Phone', 'Location 1', '?', '3 - Moderate', 'Group 1', '?', '?'],
      ['INC2', 'Active', '0', '?', '01-03-2016 09:30', '01-03-2016 09:40', 'Phone', '?', '?', '?', 'Group 2', 'Resolver 9', '?'],
      ['INC1', 'Active', '0', 'Caller 1', '01-03-2016 09:00', '01-03-2016 10:00', 'Phone', 'Location 1', '?', '3 - Moderate', 'Group 1', 'Resolver 1', '?'],
      ['INC1', 'Awaiting User Info', '0', 'Caller 1', '01-03-2016 09:00', '01-03-2016 11:00', 'Phone', 'Location 1', '?', '3 - Moderate', 'Group 1', 'Resolver 1', '?'],
      ['INC1', 'Awaiting User Info', '0', 'Caller 1', '01-03-2016 09:00', '01-03-2016 11:30', 'Phone', 'Location 1', '?', '3 - Moderate', 'Group 1', 'Resolver 1', '?'],
      ['INC1', 'Resolved', '0', 'Caller 1', '01-03-2016 09:00', '01-03-2016 12:00', 'Phone', 'Location 1', '?', '3 - Moderate', 'Group 1', 'Resolver 1', '?'],
      ['INC1', 'Active', '1', 'Caller 1', '01-03-2016 09:00', '02-03-2016 08:00', 'Phone', 'Location 1', '?', '3 - Moderate', 'Group 2', 'Resolver 2', '?'],
      ['INC1', 'Resolved', '1', 'Caller 1', '01-03-2016 09:00', '02-03-2016 09:00', 'Phone', 'Location 1', '?', '3 - Moderate', 'Group 2', 'Resolver 2', '?'],
      ['INC1', 'Closed', '1', 'Caller 1', '01-03-2016 09:00', '07-03-2016 09:00', 'Phone', 'Location 1', '?', '3 - Moderate', 'Group 2', 'Resolver 2', '07-03-2016 10:00'],
      ['INC1', 'Closed', '1', 'Caller 1', '01-03-2016 09:00', '07-03-2016 11:00', 'Phone', 'Location 1', '?', '3 - Moderate', 'Group 2', 'Resolver 2', '07-03-2016 10:00'],
    ]);
    expect(out.map(kinds)).toEqual([
      ['created@2016-03-01T09:00'],
      ['created@2016-03-01T09:30', 'assigned@2016-03-01T09:40', 'agent_reply@2016-03-01T09:40'],
      ['assigned@2016-03-01T10:00', 'agent_reply@2016-03-01T10:00'],
      ['agent_reply@2016-03-01T11:00'],
      [],
      ['solved@2016-03-01T12:00'],
      ['assigned@2016-03-02T08:00', 'reopened@2016-03-02T08:00'],
      ['solved@2016-03-02T09:00'],
      ['closed@2016-03-07T10:00'],
      [],
    ]);
    const inc1 = out.flatMap((r, i) => (i === 1 ? [] : (r as SupportEvent[])));
    expect(summariseContact(inc1)).toMatchObject({
      ticketId: 'INC1', customerId: 'Caller 1', channel: 'Phone', location: 'Location 1', priority: '3 - Moderate', category: null, team: 'Group 2', agent: 'Resolver 2',
      createdAt: utc('2016-03-01T09:00:00'), firstResponseAt: utc('2016-03-01T10:00:00'), firstSolvedAt: utc('2016-03-01T12:00:00'),
      lastSolvedAt: utc('2016-03-02T09:00:00'), closedAt: utc('2016-03-07T10:00:00'), agentReplies: 2, reopens: 1, solvedBy: 'Resolver 2',
    });
    expect(summariseContact(out[1] as SupportEvent[])).toMatchObject({ customerId: null, agentReplies: 1, firstResponseAt: utc('2016-03-01T09:40:00') });
  });

  it('straight from New to Resolved: one agent reply and the solve at the same instant; a first row that fails creates nothing', () => {
    const preset = createPreset('servicenow', { timeZone: 'UTC' });
    const out = log(preset, [
      ['INC3', 'New', '0', 'C', 'bad', '01-03-2016 09:05', '?', '?', '?', '?', '?', '?', '?'],
      ['INC3', 'New', '0', 'C', '01-03-2016 09:00', '01-03-2016 09:06', '?', '?', '?', '?', '?', '?', '?'],
      ['INC3', 'Resolved', '0', 'C', '01-03-2016 09:00', '01-03-2016 09:30', '?', '?', '?', '?', '?', '?', '?'],
      ['INC3', '?', '0', 'C', '01-03-2016 09:00', '01-03-2016 09:30', '?', '?', '?', '?', '?', '?', '?'],
      ['INC3', 'Active', 'x', 'C', '01-03-2016 09:00', '01-03-2016 09:30', '?', '?', '?', '?', '?', '?', '?'],
      ['INC3', 'Closed', '0', 'C', '01-03-2016 09:00', '?', '?', '?', '?', '?', '?', '?', '?'],
    ]);
    expect(out.map(kinds)).toEqual([
      'opened_at: "bad" is not a date in the format dd-mm-yyyy HH:MM',
      ['created@2016-03-01T09:00'],
      ['agent_reply@2016-03-01T09:30', 'solved@2016-03-01T09:30'],
      'incident_state is empty',
      'reopen_count "x" is not a count',
      'sys_updated_at is empty',
    ]);
  });
});
