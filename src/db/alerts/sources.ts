/**
 * @module What alert rules are evaluated on: a stored response (its scored answers, comments and their
 * themes), analysed comments and reviews after a cursor, a feedback letter, support contacts that may have
 * breached their SLA, and the score histograms of two periods per location or segment (metric_drop).
 */
import type { Queryable } from '../connection.ts';
import type { QuestionMetric, QuestionType } from '../../core/surveys/types.ts';

/** How far back the evaluation looks: older events never fire a rule (a re-analysis of old comments stays quiet). */
export const ALERT_LOOKBACK_DAYS = 14;

export interface ResponseFacts {
  id: string;
  surveyId: string;
  surveyName: string;
  locationId: string | null;
  locationName: string | null;
  locationPath: string | null;
  channel: string;
  hidden: Record<string, string>;
  submittedAt: Date;
  contactId: string | null;
  contactEmail: string | null;
  contactName: string | null;
  answers: {
    questionKey: string;
    type: QuestionType;
    metric: QuestionMetric;
    scale: { min: number; max: number } | undefined;
    direction: 'higher_is_easier' | 'lower_is_easier' | undefined;
    score: number | null;
    text: string | null;
    /** Themes of the comment once analysed; null before. */
    themes: string[] | null;
  }[];
}

export async function loadResponseFacts(db: Queryable, orgId: string, responseId: string): Promise<ResponseFacts | null> {
  const { rows } = await db.query(
    `/* loadResponseFacts */
     select r.id, r.survey_id, s.name as survey_name, r.location_id, l.name as location_name, l.path as location_path, r.channel, r.hidden,
            r.submitted_at, r.contact_id, c.email as contact_email, c.name as contact_name,
            coalesce((select json_agg(json_build_object('questionKey', q.key, 'type', q.type, 'metric', q.metric, 'min', q.scale_min, 'max', q.scale_max,
                        'direction', q.direction, 'score', a.score, 'text', a.text, 'themes', ca.themes) order by q.position)
                        from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
                        left join comment_analysis ca on ca.org_id = a.org_id and ca.response_id = a.response_id and ca.question_id = a.question_id
                       where a.org_id = r.org_id and a.response_id = r.id), '[]') as answers
       from responses r
       join surveys s on s.org_id = r.org_id and s.id = r.survey_id
       left join locations l on l.org_id = r.org_id and l.id = r.location_id
       left join contacts c on c.org_id = r.org_id and c.id = r.contact_id
      -- staff answers never raise an alert or a case (docs/staff.md): no one answer of an employee is looked at
      where r.org_id = $1 and r.id = $2 and not r.excluded and s.audience = 'customers'`,
    [orgId, responseId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id, surveyId: r.survey_id, surveyName: r.survey_name, locationId: r.location_id, locationName: r.location_name, locationPath: r.location_path,
    channel: r.channel, hidden: r.hidden ?? {}, submittedAt: r.submitted_at, contactId: r.contact_id, contactEmail: r.contact_email, contactName: r.contact_name,
    answers: (r.answers as any[]).map((a) => ({
      questionKey: a.questionKey, type: a.type, metric: a.metric,
      scale: a.type === 'rating' ? { min: a.min ?? 1, max: a.max ?? 5 } : undefined,
      direction: a.direction ?? undefined, score: a.score, text: a.text, themes: a.themes ?? null,
    })),
  };
}

/**
 * Responses with comments analysed after `after` (submitted within the look-back), oldest analysis first,
 * and the analysis time of the last one returned (the next cursor).
 */
export async function listAnalysedResponses(db: Queryable, orgId: string, after: Date | null, limit: number): Promise<{ responseId: string; at: Date }[]> {
  const { rows } = await db.query(
    `/* listAnalysedResponses */ select response_id, max(analysed_at) as at from comment_analysis
      where org_id = $1 and ($2::timestamptz is null or analysed_at > $2)
        and response_id in (select id from responses where org_id = $1 and submitted_at > now() - make_interval(days => $4))
      group by response_id order by max(analysed_at) limit $3`,
    [orgId, after, limit, ALERT_LOOKBACK_DAYS],
  );
  return rows.map((r) => ({ responseId: r.response_id, at: r.at }));
}

export interface ReviewFactsRow {
  id: string;
  source: string;
  author: string | null;
  rating: number | null;
  ratingScale: 5 | 10 | null;
  text: string;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  themes: string[];
  locationId: string | null;
  locationName: string | null;
  locationPath: string | null;
  publishedAt: Date;
  /** When the review became final for alerts: analysed, or imported when it has no text to analyse. */
  readyAt: Date;
}

/** Reviews analysed (or, without text, imported) after `after`, within the look-back, oldest first. */
export async function listReadyReviews(db: Queryable, orgId: string, after: Date | null, limit: number): Promise<ReviewFactsRow[]> {
  const { rows } = await db.query(
    `/* listReadyReviews */ select v.id, v.source, v.author, v.rating, v.rating_scale, v.text, v.sentiment, v.themes, v.location_id,
            l.name as location_name, l.path as location_path, v.published_at, v.ready_at
       from (select r.*, case when btrim(r.text) = '' then r.imported_at else r.analysed_at end as ready_at from reviews r where r.org_id = $1) v
       left join locations l on l.org_id = v.org_id and l.id = v.location_id
      where v.ready_at is not null and ($2::timestamptz is null or v.ready_at > $2) and v.imported_at > now() - make_interval(days => $4)
      order by v.ready_at, v.id limit $3`,
    [orgId, after, limit, ALERT_LOOKBACK_DAYS],
  );
  return rows.map((r) => ({
    id: r.id, source: r.source, author: r.author, rating: r.rating === null ? null : Number(r.rating), ratingScale: r.rating_scale, text: r.text,
    sentiment: r.sentiment, themes: r.themes ?? [], locationId: r.location_id, locationName: r.location_name, locationPath: r.location_path,
    publishedAt: r.published_at, readyAt: r.ready_at,
  }));
}

export interface FeedbackMessageFacts {
  id: string;
  fromAddress: string;
  fromName: string | null;
  subject: string | null;
  body: string;
  themes: string[];
  locationId: string | null;
  locationName: string | null;
  locationPath: string | null;
  receivedAt: Date;
}

export async function loadFeedbackMessage(db: Queryable, orgId: string, id: string): Promise<FeedbackMessageFacts | null> {
  const { rows } = await db.query(
    `/* loadFeedbackMessageForAlerts */ select m.id, m.from_address, m.from_name, m.subject, m.body, m.themes, m.location_id, l.name as location_name,
            l.path as location_path, m.received_at
       from feedback_messages m left join locations l on l.org_id = m.org_id and l.id = m.location_id
      where m.org_id = $1 and m.id = $2`,
    [orgId, id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id, fromAddress: r.from_address, fromName: r.from_name, subject: r.subject, body: r.body, themes: r.themes ?? [], locationId: r.location_id,
    locationName: r.location_name, locationPath: r.location_path, receivedAt: r.received_at,
  };
}

export interface SupportContactFactsRow {
  id: string;
  externalId: string;
  subject: string | null;
  channel: string | null;
  priority: string | null;
  customerKey: string | null;
  contactId: string | null;
  locationId: string | null;
  locationName: string | null;
  locationPath: string | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  firstSolvedAt: Date | null;
}

/** Support contacts created within the look-back that the rule has not alerted on yet (the SLA sweep's candidates). */
export async function listSlaCandidates(db: Queryable, orgId: string, ruleId: string, limit: number): Promise<SupportContactFactsRow[]> {
  const { rows } = await db.query(
    `/* listSlaCandidates */ select c.id, c.external_id, c.subject, c.channel, c.priority, c.customer_key, c.contact_id, c.location_id,
            l.name as location_name, l.path as location_path, c.created_at, c.first_response_at, c.first_solved_at
       from support_contacts c left join locations l on l.org_id = c.org_id and l.id = c.location_id
      where c.org_id = $1 and c.created_at > now() - make_interval(days => $4)
        and not exists (select 1 from alerts a where a.org_id = c.org_id and a.rule_id = $2 and a.source_kind = 'support_contact' and a.source_id = c.id::text)
      order by c.created_at limit $3`,
    [orgId, ruleId, limit, ALERT_LOOKBACK_DAYS],
  );
  return rows.map((r) => ({
    id: r.id, externalId: r.external_id, subject: r.subject, channel: r.channel, priority: r.priority, customerKey: r.customer_key, contactId: r.contact_id,
    locationId: r.location_id, locationName: r.location_name, locationPath: r.location_path, createdAt: r.created_at,
    firstResponseAt: r.first_response_at, firstSolvedAt: r.first_solved_at,
  }));
}

/** A survey's scored questions in order (metric_drop picks one), with the fields the metric needs. */
export async function listScoredQuestions(db: Queryable, orgId: string, surveyId: string | null) {
  const { rows } = await db.query(
    `/* listScoredQuestionsForAlerts */ select q.survey_id, s.name as survey_name, q.id, q.key, q.type, q.metric, q.scale_min, q.scale_max, q.box_min, q.direction
       from questions q join surveys s on s.org_id = q.org_id and s.id = q.survey_id
      where q.org_id = $1 and ($2::uuid is null or q.survey_id = $2) and q.type in ('nps', 'rating') and s.status <> 'draft'
      order by q.survey_id, q.position`,
    [orgId, surveyId],
  );
  return rows.map((r) => ({
    surveyId: r.survey_id as string, surveyName: r.survey_name as string, id: r.id as string, key: r.key as string, type: r.type as 'nps' | 'rating',
    metric: r.metric as 'nps' | 'csat' | 'ces' | 'none', scale: r.type === 'rating' ? { min: r.scale_min ?? 1, max: r.scale_max ?? 5 } : undefined,
    boxMin: r.box_min ?? undefined, direction: r.direction ?? undefined,
  }));
}

/**
 * Score counts of one question per group and period: group = the answer's location (by 'location') or
 * "key:value" of each of `segmentKeys` (by 'segment'); period 'current' or 'previous'. The periods are
 * inclusive days of the organisation's calendar in `timeZone` (dropPeriods). Excluded answers are left out.
 */
export async function periodHistograms(
  db: Queryable,
  orgId: string,
  q: { questionId: string; by: 'location' | 'segment'; segmentKeys: string[] },
  periods: { previous: { from: string }; current: { from: string; to: string } },
  timeZone: string,
): Promise<{ group: string; period: 'current' | 'previous'; score: number; n: number }[]> {
  const group = q.by === 'location'
    ? `array[a.location_id::text]`
    : `array(select k || ':' || (r.hidden ->> k) from unnest($6::text[]) k where r.hidden ? k)`;
  // An org-local day starts at its local midnight: `day::timestamp at time zone tz` is that instant.
  const start = (param: string) => `(${param}::date::timestamp at time zone $7)`;
  const { rows } = await db.query(
    `/* periodHistograms */ select g, case when a.submitted_at >= ${start('$4')} then 'current' else 'previous' end as period, a.score, count(*)::int as n
       from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
       cross join lateral unnest(${group}) g
      where a.org_id = $1 and a.question_id = $2 and a.submitted_at >= ${start('$3')} and a.submitted_at < ${start('($5::date + 1)')}
        and not a.excluded and a.score is not null and g is not null and $6::text[] is not null
      group by g, period, a.score`,
    [orgId, q.questionId, periods.previous.from, periods.current.from, periods.current.to, q.segmentKeys, timeZone],
  );
  return rows.map((r) => ({ group: r.g, period: r.period, score: r.score, n: r.n }));
}

/** The organisation's dashboard dimensions (hidden-field keys) and its creator-less defaults. */
export async function orgDimensions(db: Queryable, orgId: string): Promise<string[]> {
  const { rows } = await db.query('/* alertOrgDimensions */ select dimensions from orgs where id = $1', [orgId]);
  return rows[0]?.dimensions ?? [];
}

/** A location by id (name and path) for groups of metric_drop. */
export async function locationsByIds(db: Queryable, orgId: string, ids: readonly string[]): Promise<Map<string, { name: string; path: string }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query('/* alertLocationsByIds */ select id, name, path from locations where org_id = $1 and id = any($2::uuid[])', [orgId, ids]);
  return new Map(rows.map((r) => [r.id, { name: r.name, path: r.path }]));
}
