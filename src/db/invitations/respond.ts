/** The respondent side of personal links (src/respond/invitation.ts). */
import type { Queryable } from '../connection.ts';

export interface InvitationByToken {
  orgId: string;
  id: string;
  surveyId: string;
  contactId: string;
  channel: string;
  language: string | null;
  respondedAt: Date | null;
  contactLocationId: string | null;
  /** The contact's segment and its attributes marked as dimensions (as contactHiddenFields of src/core/contacts/hiddenFields.ts); copied into the answer's hidden fields. */
  dimensionFields: Record<string, string>;
  /** What `{{contact.ATTR}}` pipes into the survey's texts (src/core/surveys/flow.ts): name, segment and every text or number attribute. */
  contactFields: Record<string, string>;
}

/** The invitation of a personal link's token hash (erased contacts' links no longer work). */
export async function findInvitationByTokenHash(db: Queryable, hash: string): Promise<InvitationByToken | null> {
  const { rows } = await db.query(
    `/* findInvitationByTokenHash */ select i.org_id, i.id, i.survey_id, i.contact_id, i.channel, i.language, i.responded_at, c.location_id,
        coalesce((select jsonb_object_agg(k, v) from (
           select a.key as k, a.value #>> '{}' as v from jsonb_each(c.attributes) a
             join contact_attributes d on d.org_id = c.org_id and d.key = a.key and d.dimension
            where jsonb_typeof(a.value) in ('string', 'number') and a.value #>> '{}' <> ''
           union all select 'segment', c.segment where c.segment is not null
         ) d), '{}') as dimension_fields,
        coalesce((select jsonb_object_agg(k, v) from (
           select a.key as k, a.value #>> '{}' as v from jsonb_each(c.attributes) a
            where jsonb_typeof(a.value) in ('string', 'number') and a.value #>> '{}' <> ''
           union all select 'name', c.name where c.name is not null
           union all select 'segment', c.segment where c.segment is not null
         ) f), '{}') as contact_fields
       from survey_invitations i
       join contacts c on c.org_id = i.org_id and c.id = i.contact_id
      where i.token_hash = $1 and c.erased_at is null`,
    [hash],
  );
  const r = rows[0];
  return r
    ? {
        orgId: r.org_id, id: r.id, surveyId: r.survey_id, contactId: r.contact_id, channel: r.channel, language: r.language,
        respondedAt: r.responded_at, contactLocationId: r.location_id, dimensionFields: r.dimension_fields,
        contactFields: r.contact_fields,
      }
    : null;
}

/** The personal link was opened (first time kept): the "opens" of the response rate. */
export async function markInvitationOpened(db: Queryable, orgId: string, id: string): Promise<void> {
  await db.query(`/* markInvitationOpened */ update survey_invitations set opened_at = coalesce(opened_at, now()) where org_id = $1 and id = $2`, [orgId, id]);
}

/**
 * Links a stored response to its contact and invitation, and marks the invitation answered (the first
 * response stays the invitation's; reminders stop). One statement.
 */
export async function linkResponseToInvitation(db: Queryable, orgId: string, invitationId: string, contactId: string, responseId: string): Promise<void> {
  await db.query(
    `/* linkResponseToInvitation */ with r as (
       update responses set contact_id = $3, invitation_id = $2 where org_id = $1 and id = $4 and invitation_id is null returning id)
     update survey_invitations set responded_at = coalesce(responded_at, now()), response_id = coalesce(response_id, $4),
        opened_at = coalesce(opened_at, now()), next_reminder_at = null
      where org_id = $1 and id = $2 and exists (select 1 from r)`,
    [orgId, invitationId, contactId, responseId],
  );
}
