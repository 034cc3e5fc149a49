/**
 * @module One case for its page and for the writes on it: the row (only within the caller's scope: a case
 * outside it is simply not found), its source's excerpt, its timeline with actor names and its
 * compensation.
 */
import type { Scope } from '../../core/access/index.ts';
import type { CaseEventKind, CaseSourceKind, CompensationKind } from '../../core/closedLoop/model.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';
import { toListRow, type CaseListRow } from './listCases.ts';

export interface CaseRow extends CaseListRow {
  locationPath: string | null;
  description: string;
  customerEmail: string | null;
  customerPhone: string | null;
  sourceKind: CaseSourceKind | null;
  sourceId: string | null;
  triggerScore: number | null;
  triggerMetric: string | null;
  rootCauseId: string | null;
  rootCauseKey: string | null;
  rootCauseName: Record<string, string> | null;
  controllable: boolean | null;
  resolution: string | null;
  firstActionAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  escalationLevel: number;
  currency: string;
}

/**
 * The case `id` when the scope may see it, else null. `forUpdate` locks the row until the caller's
 * transaction ends (writes on one case run one after another).
 */
export async function getCase(db: Queryable, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}): Promise<CaseRow | null> {
  const params: unknown[] = [scope.orgId, id];
  const inScope = locationScopeSql(scope, 'c.location_id', params);
  const { rows } = await db.query(
    `/* getCase */ select c.*, l.name as location_name, l.path as location_path, nullif(coalesce(nullif(u.name, ''), u.email), '') as owner_name, t.name as team_name,
       rc.key as root_cause_key, rc.name as root_cause_name, o.currency,
       coalesce(c.response_id, c.review_id, c.support_contact_id, c.feedback_message_id) as source_id
       from cases c
       join orgs o on o.id = c.org_id
       left join locations l on l.org_id = c.org_id and l.id = c.location_id
       left join users u on u.org_id = c.org_id and u.id = c.owner_user_id
       left join case_teams t on t.org_id = c.org_id and t.id = c.team_id
       left join root_causes rc on rc.org_id = c.org_id and rc.id = c.root_cause_id
      where c.org_id = $1 and c.id = $2 and ${inScope}
      ${opts.forUpdate ? 'for update of c' : ''}`,
    params,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    ...toListRow(r),
    locationPath: r.location_path,
    description: r.description, customerEmail: r.customer_email, customerPhone: r.customer_phone, sourceKind: r.source_kind,
    sourceId: r.source_id, triggerScore: r.trigger_score, triggerMetric: r.trigger_metric, rootCauseId: r.root_cause_id,
    rootCauseKey: r.root_cause_key, rootCauseName: r.root_cause_name, controllable: r.controllable, resolution: r.resolution,
    firstActionAt: r.first_action_at, resolvedAt: r.resolved_at, closedAt: r.closed_at, escalationLevel: r.escalation_level, currency: r.currency,
  };
}

export interface CaseEventRow {
  id: string;
  kind: CaseEventKind;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  body: Record<string, unknown>;
  mentions: { id: string; name: string }[];
  messageId: string | null;
}

/** The timeline, oldest first, with the names of actors and of the users @mentioned. */
export async function listCaseEvents(db: Queryable, orgId: string, caseId: string): Promise<CaseEventRow[]> {
  const { rows } = await db.query(
    `/* listCaseEvents */ select e.id, e.kind, e.at, e.actor_user_id, e.body, e.message_id,
       nullif(coalesce(nullif(u.name, ''), u.email), '') as actor_name,
       coalesce((select json_agg(json_build_object('id', m.id, 'name', coalesce(nullif(m.name, ''), m.email)) order by m.email)
                   from users m where m.org_id = e.org_id and m.id = any(e.mentions)), '[]') as mentions
       from case_events e
       left join users u on u.org_id = e.org_id and u.id = e.actor_user_id
      where e.org_id = $1 and e.case_id = $2
      order by e.at, e.seq`,
    [orgId, caseId],
  );
  return rows.map((r) => ({
    id: r.id, kind: r.kind, at: r.at, actorUserId: r.actor_user_id, actorName: r.actor_name, body: r.body, mentions: r.mentions, messageId: r.message_id,
  }));
}

export interface CompensationRow {
  id: string;
  amount: number;
  currency: string;
  kind: CompensationKind;
  note: string | null;
  givenBy: string | null;
  givenByName: string | null;
  givenAt: Date;
}

export async function listCaseCompensations(db: Queryable, orgId: string, caseId: string): Promise<CompensationRow[]> {
  const { rows } = await db.query(
    `/* listCaseCompensations */ select k.id, k.amount::float8 as amount, k.currency, k.kind, k.note, k.given_by, k.given_at,
       nullif(coalesce(nullif(u.name, ''), u.email), '') as given_by_name
       from case_compensations k left join users u on u.org_id = k.org_id and u.id = k.given_by
      where k.org_id = $1 and k.case_id = $2 order by k.given_at, k.seq`,
    [orgId, caseId],
  );
  return rows.map((r) => ({ id: r.id, amount: r.amount, currency: r.currency, kind: r.kind, note: r.note, givenBy: r.given_by, givenByName: r.given_by_name, givenAt: r.given_at }));
}

export type CaseSourceRow =
  | { kind: 'response'; id: string; surveyId: string; surveyName: string; score: number | null; metric: string | null; comment: string | null; at: Date }
  | { kind: 'review'; id: string; source: string; rating: number | null; ratingScale: number | null; text: string; author: string | null; at: Date | null }
  | { kind: 'support_contact'; id: string; externalId: string; subject: string | null; channel: string | null; at: Date | null }
  | { kind: 'feedback_message'; id: string; from: string; subject: string | null; body: string; at: Date };

/** An excerpt of what opened the case (texts cut to 2,000 characters), or null when the source is gone. */
export async function getCaseSource(db: Queryable, orgId: string, kind: CaseSourceKind, id: string): Promise<CaseSourceRow | null> {
  if (kind === 'response') {
    const { rows } = await db.query(
      `/* getCaseSource.response */ select r.id, r.survey_id, s.name as survey_name, r.submitted_at,
         (select a.score from answers a join questions q on q.org_id = a.org_id and q.survey_id = a.survey_id and q.id = a.question_id
           where a.org_id = r.org_id and a.response_id = r.id and a.score is not null order by (q.metric = 'none'), q.position limit 1) as score,
         (select q.metric from answers a join questions q on q.org_id = a.org_id and q.survey_id = a.survey_id and q.id = a.question_id
           where a.org_id = r.org_id and a.response_id = r.id and a.score is not null order by (q.metric = 'none'), q.position limit 1) as metric,
         (select left(string_agg(a.text, E'\\n' order by q.position), 2000) from answers a
            join questions q on q.org_id = a.org_id and q.survey_id = a.survey_id and q.id = a.question_id
           where a.org_id = r.org_id and a.response_id = r.id and a.text is not null and a.text <> '' and q.type = 'text') as comment
         from responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id
        where r.org_id = $1 and r.id = $2`,
      [orgId, id],
    );
    const r = rows[0];
    return r ? { kind, id: r.id, surveyId: r.survey_id, surveyName: r.survey_name, score: r.score, metric: r.metric === 'none' ? null : r.metric, comment: r.comment, at: r.submitted_at } : null;
  }
  if (kind === 'review') {
    const { rows } = await db.query(
      `/* getCaseSource.review */ select id, source, rating::float8 as rating, rating_scale, left(text, 2000) as text, author, published_at
         from reviews where org_id = $1 and id = $2`,
      [orgId, id],
    );
    const r = rows[0];
    return r ? { kind, id: r.id, source: r.source, rating: r.rating, ratingScale: r.rating_scale, text: r.text, author: r.author, at: r.published_at } : null;
  }
  if (kind === 'support_contact') {
    const { rows } = await db.query(
      `/* getCaseSource.support */ select id, external_id, subject, channel, created_at from support_contacts where org_id = $1 and id = $2`,
      [orgId, id],
    );
    const r = rows[0];
    return r ? { kind, id: r.id, externalId: r.external_id, subject: r.subject, channel: r.channel, at: r.created_at } : null;
  }
  const { rows } = await db.query(
    `/* getCaseSource.feedback */ select id, from_address, from_name, subject, left(body, 2000) as body, received_at
       from feedback_messages where org_id = $1 and id = $2`,
    [orgId, id],
  );
  const r = rows[0];
  return r ? { kind, id: r.id, from: r.from_name ? `${r.from_name} <${r.from_address}>` : r.from_address, subject: r.subject, body: r.body, at: r.received_at } : null;
}
