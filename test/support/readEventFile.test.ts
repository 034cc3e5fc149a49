/** readEventFile on real files: CSV quirks and line numbers, XLSX, JSON lines, unusable files, progress, a large file streamed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { EventFileError, eventFileFormat, readEventFile, type EventFileOptions, type EventFileRow } from '../../src/server/support/readEventFile.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-events-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};

async function readAll(p: string, options: Partial<EventFileOptions> = {}): Promise<EventFileRow[]> {
  const rows: EventFileRow[] = [];
  for await (const r of readEventFile(p, { format: 'csv', preset: 'canonical', timeZone: 'UTC', ...options })) rows.push(r);
  return rows;
}

/** line -> kinds or the error */
const brief = (rows: EventFileRow[]) => rows.map((r) => ('error' in r ? [r.line, r.error] : [r.line, r.events.map((e) => `${e.ticketId}:${e.kind}`).join(' ')]));

describe('readEventFile: CSV', () => {
  it('BOM, quoted multi-line fields, stray CRs, CRLF, blank lines, semicolons; each row at the line it starts', async () => {
    const p = file('quirks.csv', '\uFEFFticket_id;at;event;subject\r\n' +
      'T1;2024-03-01T09:00:00Z;created;"two\r\nlines"\r\n' + // line 2-3
      '\r\n' + // line 4 blank
      'T1;2024-03-01T09:30:00Z;agent_reply;st\ray\n' + // line 5, stray CR inside a field
      'T2;2024-03-01T10:00:00Z;created;"three\nquoted ""lines""\nhere"\n' + // line 6-8
      'T2;not a date;solved;\n' + // line 9
      ';;;\n' + // line 10: empty cells only, skipped
      'T2;2024-03-01T11:00:00Z;solved;a 5" screen\n' + // line 11: a quote inside an unquoted field is a character
      'T2;2024-03-01T11:00:00Z;closed;last line without a break');
    const rows = await readAll(p);
    expect(brief(rows)).toEqual([
      [2, 'T1:created'],
      [5, 'T1:agent_reply'],
      [6, 'T2:created'],
      [9, 'at: "not a date" is not a date in the format ISO 8601'],
      [11, 'T2:solved'],
      [12, 'T2:closed'],
    ]);
    expect((rows[4] as { events: { subject: string }[] }).events[0].subject).toBe('a 5" screen');
    const first = rows[0] as { events: { subject: string }[] };
    expect(first.events[0].subject).toBe('two\r\nlines');
    const third = rows[2] as { events: { subject: string }[] };
    expect(third.events[0].subject).toBe('three\nquoted "lines"\nhere');
  });

  it('headers are matched by name whatever their case, spacing and order', async () => {
    const p = file('headers.csv', 'Event,Ticket ID,AT\nsolved,T9,2024-03-01 10:00\n');
    expect(brief(await readAll(p, { timeZone: 'Europe/Moscow' }))).toEqual([[2, 'T9:solved']]);
    const rows = await readAll(p, { timeZone: 'Europe/Moscow' });
    expect('events' in rows[0] && rows[0].events[0].at.toISOString()).toBe('2024-03-01T07:00:00.000Z');
  });

  it('unusable files: unknown preset, missing required columns, broken quoting, empty; thrown as EventFileError', async () => {
    const ok = file('ok.csv', 'ticket_id,at,event\nT,2024-03-01,created\n');
    await expect(readAll(ok, { preset: 'jira' })).rejects.toThrow(new EventFileError('unknown preset "jira" (one of canonical, zendesk, servicenow)'));
    await expect(readAll(ok, { timeZone: 'Nowhere/City' })).rejects.toThrow(/unknown time zone/);
    await expect(readAll(file('missing.csv', 'ticket_id,when\nT,2024\n'))).rejects.toThrow('the file has no column at, event (the preset needs ticket_id, at, event)');
    await expect(readAll(file('quote.csv', 'ticket_id,at,event\nT,2024-03-01,created\nT,"2024-03-01,solved\n'))).rejects.toThrow(EventFileError);
    await expect(readAll(file('empty.csv', ''))).rejects.toThrow('the file is empty');
    await expect(readAll(path.join(dir, 'absent.jsonl'), { format: 'jsonl' })).rejects.toThrow(/no such file/);
  });

  it('the servicenow preset reads the missing mark and its date format; progress reaches the file size', async () => {
    const text = 'number,incident_state,reopen_count,caller_id,opened_at,sys_updated_at,closed_at\n' +
      'INC1,New,0,Caller 1,01-03-2016 09:00,01-03-2016 09:05,?\n' +
      'INC1,Resolved,0,Caller 1,01-03-2016 09:00,01-03-2016 10:00,?\n';
    const p = file('sn.csv', text);
    const seen: [number, number][] = [];
    const rows = await readAll(p, { preset: 'servicenow', onProgress: (a, b) => seen.push([a, b]) });
    expect(brief(rows)).toEqual([[2, 'INC1:created'], [3, 'INC1:agent_reply INC1:solved']]);
    expect(seen.at(-1)).toEqual([Buffer.byteLength(text), Buffer.byteLength(text)]);
  });

  it('a file larger than the stream chunks keeps its line numbers', async () => {
    const lines = ['ticket_id,at,event,subject'];
    for (let i = 0; i < 20_000; i++) lines.push(i % 1000 === 0 ? `T${i},2024-03-01T09:00:00Z,created,"multi\nline ${i}"` : `T${i},2024-03-01T09:00:00Z,created,x`);
    const p = file('big.csv', `${lines.join('\r\n')}\r\n`);
    const rows = await readAll(p);
    expect(rows).toHaveLength(20_000);
    // each multi-line record adds a line: record i starts at line 2 + i + (multi-line records before it)
    const lineOf = (i: number) => 2 + i + Math.ceil(i / 1000);
    for (const i of [0, 1, 999, 1000, 1001, 19_999]) expect(rows[i].line).toBe(lineOf(i));
  });
});

describe('readEventFile: XLSX and JSON lines', () => {
  it('XLSX: the first sheet, rows by sheet number, date cells as wall-clock times in the zone', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('events');
    ws.addRow(['ticket_id', 'customer_id', 'at', 'event', 'is_complaint']);
    ws.addRow(['T1', 'C1', new Date(Date.UTC(2024, 2, 1, 12, 0)), 'created', true]);
    ws.addRow([]);
    ws.addRow(['T1', 'C1', '2024-03-01T13:00:00Z', 'agent_reply', null]);
    ws.addRow(['T1', 'C1', 'soon', 'solved', null]);
    wb.addWorksheet('other').addRow(['ignored']);
    const p = path.join(dir, 'events.xlsx');
    await wb.xlsx.writeFile(p);
    let progress = [0, 0];
    const rows = await readAll(p, { format: 'xlsx', timeZone: 'Europe/Moscow', onProgress: (a, b) => (progress = [a, b]) });
    expect(progress).toEqual([fs.statSync(p).size, fs.statSync(p).size]);
    expect(brief(rows)).toEqual([[2, 'T1:created'], [4, 'T1:agent_reply'], [5, 'at: "soon" is not a date in the format ISO 8601']]);
    const created = rows[0] as { events: { at: Date; isComplaint: boolean; customerId: string }[] };
    expect(created.events[0]).toMatchObject({ at: new Date('2024-03-01T09:00:00Z'), isComplaint: true, customerId: 'C1' });
    await expect(readAll(file('fake.xlsx', 'not a zip'), { format: 'xlsx' })).rejects.toThrow(EventFileError);
  });

  it('JSON lines: one object per line, keys normalised, bad lines and missing keys refused with their line', async () => {
    const p = file('events.jsonl', [
      '{"ticket_id":"T1","at":"2024-03-01T09:00:00Z","event":"created","customer_id":"C1"}',
      '',
      '{"Ticket ID":"T1","at":"2024-03-01T09:10:00Z","event":"agent_reply"}',
      'not json',
      '[1,2]',
      '{"ticket_id":"T1","event":"solved"}',
    ].join('\n'));
    expect(brief(await readAll(p, { format: 'jsonl' }))).toEqual([
      [1, 'T1:created'], [3, 'T1:agent_reply'], [4, 'not a JSON object'], [5, 'not a JSON object'], [6, 'no at'],
    ]);
  });

  it('the format from the extension', () => {
    expect(eventFileFormat('a/b.CSV')).toBe('csv');
    expect(eventFileFormat('b.xlsx')).toBe('xlsx');
    expect(eventFileFormat('b.ndjson')).toBe('jsonl');
    expect(eventFileFormat('b.xls')).toBeNull();
  });
});
