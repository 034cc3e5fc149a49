import pg from 'pg';
import { readEventFile } from './src/server/support/readEventFile.ts';
import { summariseContact, type SupportEvent } from './src/core/support/contactEvents.ts';
const by = new Map<string, SupportEvent[]>();
for await (const r of readEventFile('/work/shared/data/en_it_incident_event_log.csv', { format: 'csv', preset: 'servicenow', timeZone: 'UTC' })) {
  for (const e of (r as any).events ?? []) { const l = by.get(e.ticketId) ?? []; l.push(e); by.set(e.ticketId, l); }
}
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/qa_support_check' });
const { rows } = await pool.query('select external_id, agent_replies from support_contacts');
const db = new Map(rows.map((r) => [r.external_id, r.agent_replies]));
let n = 0;
for (const [t, evs] of by) {
  const s = summariseContact(evs);
  if (s.agentReplies !== db.get(t)) { if (n++ < 3) console.log(t, s.agentReplies, db.get(t), evs.filter(e=>e.kind==='agent_reply').map(e=>[e.at.toISOString(), e.agent])); }
}
console.log('differ', n, 'tickets', by.size);
await pool.end();
