/**
 * @module The recovery follow-up's reads and writes: the case's customer, the organisation's recovery
 * survey, the invitation linked to the case, and the answer recorded on it.
 */
import type { Queryable } from '../connection.ts';
import { RECOVERY_NPS_KEY, RECOVERY_TEMPLATE } from '../../core/closedLoop/recoverySurvey.ts';

export interface RecoveryCase {
  id: string;
  status: string;
  contactId: string | null;
  customerEmail: string | null;
  customerName: string | null;
  locationId: string | null;
  ownerUserId: string | null;
  recoveryInvitationId: string | null;
  triggerScore: number | null;
  triggerMetric: string | null;
  /** The language of the answer that opened the case (the follow-up's language for a new contact). */
  sourceLanguage: string | null;
}

/** Locks the case for the rest of the transaction. */
export async function lockRecoveryCase(tx: Queryable, orgId: string, caseId: string): Promise<RecoveryCase | null> {
  const { rows } = await tx.query(
    `/* lockRecoveryCase */ select id, status, contact_id, customer_email, customer_name, location_id, owner_user_id, recovery_invitation_id,
            trigger_score, trigger_metric, (select r.language from responses r where r.org_id = c.org_id and r.id = c.response_id) as source_language
       from cases c where org_id = $1 and id = $2 for update of c`,
    [orgId, caseId],
  );
  const r = rows[0];
  return r ? {
    id: r.id, status: r.status, contactId: r.contact_id, customerEmail: r.customer_email, customerName: r.customer_name, locationId: r.location_id,
    ownerUserId: r.owner_user_id, recoveryInvitationId: r.recovery_invitation_id, triggerScore: r.trigger_score, triggerMetric: r.trigger_metric,
    sourceLanguage: r.source_language,
  } : null;
}

/** The organisation's recovery survey (not archived; the oldest when several), with its status. */
export async function findRecoverySurvey(db: Queryable, orgId: string): Promise<{ id: string; status: string } | null> {
  const { rows } = await db.query(
    `/* findRecoverySurvey */ select id, status from surveys where org_id = $1 and template = $2 and archived_at is null order by created_at, id limit 1`,
    [orgId, RECOVERY_TEMPLATE],
  );
  return rows[0] ? { id: rows[0].id, status: rows[0].status } : null;
}

/** Serialises the making of an organisation's recovery survey (until the transaction ends). */
export async function lockRecoverySurveyCreation(tx: Queryable, orgId: string): Promise<void> {
  await tx.query(`/* lockRecoverySurveyCreation */ select pg_advisory_xact_lock(hashtextextended('case-recovery-survey:' || $1, 0))`, [orgId]);
}

export async function linkRecoveryInvitation(tx: Queryable, orgId: string, caseId: string, invitationId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `/* linkRecoveryInvitation */ update cases set recovery_invitation_id = $3, updated_at = now() where org_id = $1 and id = $2 and recovery_invitation_id is null`,
    [orgId, caseId, invitationId],
  );
  return (rowCount ?? 0) > 0;
}

/** The case the invitation was sent for, with the answer's NPS score (null: skipped), when it has no recovery answer yet; locked. */
export async function lockCaseOfRecoveryInvitation(
  tx: Queryable, orgId: string, invitationId: string, responseId: string,
): Promise<{ caseId: string; score: number | null; triggerScore: number | null; triggerMetric: string | null } | null> {
  const { rows } = await tx.query(
    `/* lockCaseOfRecoveryInvitation */ select c.id, c.trigger_score, c.trigger_metric,
            (select a.score from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
              where a.org_id = $1 and a.response_id = $3 and q.key = $4 and q.metric = 'nps' limit 1) as score
       from cases c where c.org_id = $1 and c.recovery_invitation_id = $2 and c.recovery_response_id is null
      for update of c`,
    [orgId, invitationId, responseId, RECOVERY_NPS_KEY],
  );
  const r = rows[0];
  return r ? { caseId: r.id, score: r.score, triggerScore: r.trigger_score, triggerMetric: r.trigger_metric } : null;
}

export async function recordRecoveryAnswer(tx: Queryable, orgId: string, caseId: string, responseId: string, score: number | null): Promise<void> {
  await tx.query(
    `/* recordRecoveryAnswer */ update cases set recovery_response_id = $3, recovery_score = $4, updated_at = now() where org_id = $1 and id = $2`,
    [orgId, caseId, responseId, score],
  );
}
