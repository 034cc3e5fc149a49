/**
 * @module Storing a new case: its running number, the row and its `created` event, in the caller's
 * transaction. Sources are unique (one case per answer, review, support contact, letter): opening a
 * case for a source that has one returns the existing case instead.
 */
import type { Queryable } from '../connection.ts';
import type { CaseChannel, CasePriority, CaseSourceKind } from '../../core/closedLoop/model.ts';

export interface NewCaseRow {
  orgId: string;
  title: string;
  description: string;
  priority: CasePriority;
  channel: CaseChannel;
  source: { kind: CaseSourceKind; id: string } | null;
  alertRuleId: string | null;
  contactId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  locationId: string | null;
  ownerUserId: string | null;
  teamId: string | null;
  triggerScore: number | null;
  triggerMetric: string | null;
  dueAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

const SOURCE_COLUMN: Record<CaseSourceKind, string> = {
  response: 'response_id',
  review: 'review_id',
  support_contact: 'support_contact_id',
  feedback_message: 'feedback_message_id',
};

/**
 * Inserts the case and its `created` event. Must run in a transaction: the organisation's counter row
 * is locked until commit, so numbers are gap-free and unique.
 * @returns the case id and whether it was created (false: the source already had one)
 */
export async function insertCase(tx: Queryable, c: NewCaseRow): Promise<{ id: string; number: number; created: boolean }> {
  if (c.source) {
    const existing = await tx.query(`/* insertCase.existing */ select id, number from cases where org_id = $1 and ${SOURCE_COLUMN[c.source.kind]} = $2`, [c.orgId, c.source.id]);
    if (existing.rows[0]) return { id: existing.rows[0].id, number: existing.rows[0].number, created: false };
  }
  const counter = await tx.query(`/* insertCase.number */ update orgs set case_counter = case_counter + 1 where id = $1 returning case_counter`, [c.orgId]);
  const number: number = counter.rows[0].case_counter;
  const src = (kind: CaseSourceKind) => (c.source?.kind === kind ? c.source.id : null);
  const { rows } = await tx.query(
    `/* insertCase */ insert into cases(org_id, number, title, description, priority, channel, source_kind, response_id, review_id,
       support_contact_id, feedback_message_id, alert_rule_id, contact_id, customer_name, customer_email, customer_phone, location_id,
       owner_user_id, team_id, trigger_score, trigger_metric, due_at, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $24)
     returning id`,
    [
      c.orgId, number, c.title, c.description, c.priority, c.channel, c.source?.kind ?? null, src('response'), src('review'),
      src('support_contact'), src('feedback_message'), c.alertRuleId, c.contactId, c.customerName, c.customerEmail, c.customerPhone,
      c.locationId, c.ownerUserId, c.teamId, c.triggerScore, c.triggerMetric, c.dueAt, c.createdBy, c.createdAt,
    ],
  );
  const id: string = rows[0].id;
  await insertCaseEvent(tx, { orgId: c.orgId, caseId: id, kind: 'created', actorUserId: c.createdBy, body: { channel: c.channel, ownerUserId: c.ownerUserId, teamId: c.teamId }, at: c.createdAt });
  return { id, number, created: true };
}

export interface CaseEventInsert {
  orgId: string;
  caseId: string;
  kind: import('../../core/closedLoop/model.ts').CaseEventKind;
  actorUserId: string | null;
  body: Record<string, unknown>;
  mentions?: string[];
  messageId?: string | null;
  at?: Date;
}

/** Appends one event to a case's timeline. */
export async function insertCaseEvent(db: Queryable, e: CaseEventInsert): Promise<string> {
  const { rows } = await db.query(
    `/* insertCaseEvent */ insert into case_events(org_id, case_id, kind, actor_user_id, body, mentions, message_id, at)
     values ($1, $2, $3, $4, $5, $6, $7, coalesce($8, now())) returning id`,
    [e.orgId, e.caseId, e.kind, e.actorUserId, JSON.stringify(e.body), e.mentions ?? [], e.messageId ?? null, e.at ?? null],
  );
  return rows[0].id;
}
