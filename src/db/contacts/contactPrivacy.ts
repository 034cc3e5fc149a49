/**
 * GDPR-style access and erasure of one contact: everything stored about them (export), and their erasure
 * (personal fields nulled, their answers anonymised, scores kept so metrics stay).
 */
import type { Queryable } from '../connection.ts';
import { getContactOrgSettings } from './contactRows.ts';

/** Hidden fields that name a person (the quality rules' contact fields and the name); erasure always removes them. */
export const PERSONAL_HIDDEN_KEYS = ['email', 'phone', 'customer_id', 'name'];

// The contact's responses: linked by contact_id, or carrying one of their identifiers as contact_key or
// as a hidden contact field (links sent before the directory existed). $1 org, $2 contact id.
const THEIR_RESPONSES = `select r.id from responses r, contacts c
  where c.org_id = $1 and c.id = $2 and r.org_id = $1 and (
    r.contact_id = c.id
    or (r.contact_key is not null and r.contact_key in (c.email, c.phone, c.external_id))
    or (c.email is not null and lower(r.hidden ->> 'email') = c.email)
    or (c.phone is not null and r.hidden ->> 'phone' = c.phone)
    or (c.external_id is not null and r.hidden ->> 'customer_id' = c.external_id))`;

/** The contact's invitations and responses with their answers, for the export (the contact row itself comes from getContact). */
export async function getContactHistory(db: Queryable, orgId: string, contactId: string): Promise<{ invitations: any[]; responses: any[] }> {
  const inv = await db.query(
    `/* getContactInvitations */ select i.id, i.survey_id, s.name as survey_name, i.wave_id, i.channel, i.status, i.skip_reason, i.send_after,
            i.sent_at, i.delivered_at, i.bounced_at, i.opened_at, i.responded_at, i.response_id, i.reminders_sent, i.created_at
       from survey_invitations i join surveys s on s.org_id = i.org_id and s.id = i.survey_id
      where i.org_id = $1 and i.contact_id = $2 order by i.created_at`,
    [orgId, contactId],
  );
  const res = await db.query(
    `/* getContactResponses */ select r.id, r.survey_id, s.name as survey_name, r.location_id, r.channel, r.language, r.hidden, r.contact_key,
            r.submitted_at, r.excluded,
            coalesce((select jsonb_agg(jsonb_build_object('question', q.key, 'type', q.type, 'score', a.score, 'choice', a.choice,
                        'choices', a.choices, 'text', a.text, 'number', a.number) order by q.position)
                        from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
                       where a.org_id = r.org_id and a.response_id = r.id), '[]') as answers
       from responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id
      where r.org_id = $1 and r.id in (${THEIR_RESPONSES}) order by r.submitted_at`,
    [orgId, contactId],
  );
  return { invitations: inv.rows, responses: res.rows };
}

/**
 * Erases a contact in the caller's transaction: every answer kept as text (comments, and the personal data of
 * e-mail, phone and date questions) of their responses is cleared, the
 * responses lose contact_key and every hidden field but the organisation's non-personal dimensions,
 * queued invitations are skipped, and the contact keeps only its id, location, segment and dates.
 * Scores and choices stay, so metrics and rollups do not change.
 * @returns how many responses were anonymised, or null when the contact does not exist.
 */
export async function eraseContact(tx: Queryable, orgId: string, contactId: string): Promise<{ responses: number } | null> {
  const { rows } = await tx.query(`/* lockContactForErase */ select id from contacts where org_id = $1 and id = $2 for update`, [orgId, contactId]);
  if (!rows[0]) return null;
  const { rows: ids } = await tx.query(`/* contactResponseIds */ ${THEIR_RESPONSES}`, [orgId, contactId]);
  const responseIds = ids.map((r) => r.id);
  if (responseIds.length) {
    await tx.query(
      `/* eraseContactAnswers */ update answers set text = null where org_id = $1 and response_id = any($2::uuid[]) and text is not null`,
      [orgId, responseIds],
    );
    await tx.query(
      `/* eraseContactResponses */ update responses r set contact_key = null, contact_id = $3,
          hidden = coalesce((select jsonb_object_agg(k, v) from jsonb_each(r.hidden) as h(k, v)
                              where k = any($5::text[]) and k <> all($4::text[])), '{}')
        where r.org_id = $1 and r.id = any($2::uuid[])`,
      [orgId, responseIds, contactId, PERSONAL_HIDDEN_KEYS, (await getContactOrgSettings(tx, orgId)).dimensions],
    );
  }
  await tx.query(
    `/* skipErasedInvitations */ update survey_invitations set status = 'skipped', skip_reason = 'erased'
      where org_id = $1 and contact_id = $2 and status = 'queued'`,
    [orgId, contactId],
  );
  await tx.query(
    `/* eraseContact */ update contacts set email = null, phone = null, name = null, external_id = null, language = null, time_zone = null,
        attributes = '{}', unsubscribed_at = coalesce(unsubscribed_at, now()), erased_at = coalesce(erased_at, now()), updated_at = now(),
        unsubscribe_token = encode(gen_random_bytes(16), 'hex')
      where org_id = $1 and id = $2`,
    [orgId, contactId],
  );
  return { responses: responseIds.length };
}
