/**
 * The answer to a case's "was your problem solved?" follow-up (src/server/cases/recoverySurveyJob.ts):
 * recorded on the case when its invitation is answered (src/respond/invitation.ts calls this after the
 * response is linked to the invitation).
 */
import type pg from 'pg';
import { isRecovered } from '../../../core/closedLoop/recovery.ts';
import { insertCaseEvent } from '../../../db/cases/openCase.ts';
import { lockCaseOfRecoveryInvitation, recordRecoveryAnswer } from '../../../db/cases/recovery.ts';
import { withTransaction } from '../../../db/tx.ts';

/**
 * When the invitation was a case's recovery invitation, the case records the response and its NPS answer, and a
 * `recovery_answered` event. Only the first answer counts.
 */
export async function recordRecoveryResponse(pool: pg.Pool, orgId: string, invitationId: string, responseId: string): Promise<boolean> {
  return withTransaction(pool, async (tx) => {
    const c = await lockCaseOfRecoveryInvitation(tx, orgId, invitationId, responseId);
    if (!c) return false;
    await recordRecoveryAnswer(tx, orgId, c.caseId, responseId, c.score);
    await insertCaseEvent(tx, {
      orgId, caseId: c.caseId, kind: 'recovery_answered', actorUserId: null,
      body: { responseId, score: c.score, recovered: isRecovered(c.triggerScore, c.triggerMetric, c.score) },
    });
    return true;
  });
}
