/** @module Links from survey invitations to the support contact that triggered them (docs/support.md "Surveys after a contact"). */
import type { Scope } from '../../core/access/index.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';

/**
 * Links an invitation to the support contact of `ticketId` (its helpdesk ticket id) when that contact
 * is stored and inside the scope. @returns whether it was linked
 */
export async function linkInvitationToTicket(db: Queryable, scope: Scope, invitationId: string, ticketId: string): Promise<boolean> {
  const params: unknown[] = [scope.orgId, invitationId, ticketId];
  const inScope = locationScopeSql(scope, 'sc.location_id', params);
  const { rowCount } = await db.query(
    `/* linkInvitationToTicket */ update survey_invitations i set support_contact_id = sc.id
       from support_contacts sc
      where i.org_id = $1 and i.id = $2 and sc.org_id = $1 and sc.external_id = $3 and ${inScope}`,
    params,
  );
  return (rowCount ?? 0) > 0;
}
