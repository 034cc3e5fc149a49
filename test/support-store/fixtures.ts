/** Shared by the support-store tests: a small canonical event file whose summaries are computed by hand in the tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';

export const HEADER = 'ticket_id,customer_id,at,event,channel,agent,team,location,priority,category,subject,is_complaint';

/**
 * T1: anna's e-mail about a wrong charge at S1 (code), answered by Olga, solved, reopened, solved again by
 * Ivan, then closed by Petr. T2: bob's call at "Store Two" (name), an automatic reply, Olga's reply, solved
 * with no agent on the event.
 */
export const EVENTS_CSV = [
  HEADER,
  'T1,Anna@Example.com,2026-03-02T09:00:00Z,created,email,,,S1,high,billing,"Wrong charge, twice",true',
  'T1,,2026-03-02T09:30:00Z,agent_reply,,Olga,Billing,,,,,',
  'T1,,2026-03-02T10:00:00Z,solved,,Olga,,,,,,',
  'T1,,2026-03-03T08:00:00Z,reopened,,,,,,,,',
  'T1,,2026-03-03T09:00:00Z,agent_reply,,Ivan,Billing,,,,,',
  'T1,,2026-03-03T12:00:00Z,solved,,Ivan,,,,,,',
  'T1,,2026-03-03T13:00:00Z,closed,,Petr,,,,,,',
  'T2,bob,2026-03-02T11:00:00Z,created,phone,,,store two,low,,,',
  'T2,,2026-03-02T11:05:00Z,auto_reply,,,,,,,,',
  'T2,,2026-03-02T11:20:00Z,agent_reply,,Olga,Support,,,,,',
  'T2,,2026-03-02T11:30:00Z,solved,,,,,,,,',
].join('\n') + '\n';

export function tempDir(): { dir: string; write(name: string, text: string): string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sarafan-support-store-'));
  return {
    dir,
    write: (name, text) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ContactRow {
  external_id: string;
  customer_key: string | null;
  contact_id: string | null;
  channel: string | null;
  agent: string | null;
  team: string | null;
  location_label: string | null;
  location_id: string | null;
  priority: string | null;
  category: string | null;
  subject: string | null;
  is_complaint: boolean | null;
  created_at: string;
  first_response_at: string | null;
  first_solved_at: string | null;
  last_solved_at: string | null;
  closed_at: string | null;
  agent_replies: number;
  reopens: number;
  solved_by: string | null;
}

/** The stored support contacts of an organisation by ticket, times as ISO strings. */
export async function storedContacts(pool: pg.Pool, orgId: string): Promise<Record<string, ContactRow>> {
  const { rows } = await pool.query(
    `select external_id, customer_key, contact_id, channel, agent, team, location_label, location_id, priority, category, subject, is_complaint,
            created_at, first_response_at, first_solved_at, last_solved_at, closed_at, agent_replies, reopens, solved_by
       from support_contacts where org_id = $1 order by external_id`,
    [orgId],
  );
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return Object.fromEntries(rows.map((r) => [r.external_id, {
    ...r, created_at: iso(r.created_at), first_response_at: iso(r.first_response_at), first_solved_at: iso(r.first_solved_at),
    last_solved_at: iso(r.last_solved_at), closed_at: iso(r.closed_at),
  }]));
}

export async function countEvents(pool: pg.Pool, orgId: string): Promise<number> {
  const { rows } = await pool.query('select count(*)::int as n from support_events where org_id = $1', [orgId]);
  return rows[0].n;
}
